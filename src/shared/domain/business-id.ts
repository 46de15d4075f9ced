/** HMRC business ids, as List All Businesses returns them (reference §3.3). */

export const BUSINESS_ID_PATTERN = /^X[A-Z0-9]{1}IS[0-9]{11}$/;

export function isBusinessId(value: string): boolean {
  return BUSINESS_ID_PATTERN.test(value);
}

export type BusinessIdValidation =
  { ok: true; businessId: string } | { ok: false; code: 'FORMAT_BUSINESS_ID'; message: string };

export function validateBusinessId(input: string): BusinessIdValidation {
  const businessId = input.trim().toUpperCase();
  return isBusinessId(businessId)
    ? { ok: true, businessId }
    : {
        ok: false,
        code: 'FORMAT_BUSINESS_ID',
        message: 'An HMRC business ID is 15 characters, like XAIS12345678910.',
      };
}
