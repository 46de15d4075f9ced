/**
 * The income sources Ledgerlink keeps records for: every business kind HMRC's MTD APIs carry
 * (reference §3.4 `typeOfBusiness`), except `property-unspecified`, which HMRC uses for a
 * property business not yet split into UK and foreign.
 */
export const BUSINESS_KINDS = ['self-employment', 'uk-property', 'foreign-property'] as const;
export type BusinessKind = (typeof BUSINESS_KINDS)[number];

export function isBusinessKind(value: string): value is BusinessKind {
  return (BUSINESS_KINDS as readonly string[]).includes(value);
}

export const BUSINESS_KIND_NAMES: Record<BusinessKind, string> = {
  'self-employment': 'Self-employment',
  'uk-property': 'UK property',
  'foreign-property': 'Foreign property',
};

/** Property kinds: figures are rents and letting costs, not turnover. */
export function isPropertyKind(kind: BusinessKind): boolean {
  return kind !== 'self-employment';
}
