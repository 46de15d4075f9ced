/** The records capability's channels, one file per area of the records screens. */
export * from './entries';
