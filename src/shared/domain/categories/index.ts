export * from './category';
export * from './catalogue';
export * from './consolidated-expenses';
export { EXCLUDED_CATEGORIES } from './excluded';
export { FOREIGN_PROPERTY_CATEGORIES } from './foreign-property';
export { SELF_EMPLOYMENT_CATEGORIES } from './self-employment';
export { UK_PROPERTY_CATEGORIES } from './uk-property';
