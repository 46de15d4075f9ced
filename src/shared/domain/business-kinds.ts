/**
 * The income sources Ledgerlink keeps records for. HMRC's `typeOfBusiness` also has
 * `foreign-property` and `property-unspecified` (reference §3.4); those are not supported yet.
 */
export const BUSINESS_KINDS = ['self-employment', 'uk-property'] as const;
export type BusinessKind = (typeof BUSINESS_KINDS)[number];

export function isBusinessKind(value: string): value is BusinessKind {
  return (BUSINESS_KINDS as readonly string[]).includes(value);
}

export const BUSINESS_KIND_NAMES: Record<BusinessKind, string> = {
  'self-employment': 'Self-employment',
  'uk-property': 'UK property',
};
