import { describe, expect, it } from 'vitest';
import { isBusinessId, validateBusinessId } from '@shared/domain/business-id';
import { isBusinessKind } from '@shared/domain/business-kinds';

describe('HMRC business ids (reference §3.3)', () => {
  it('accepts the documented shape', () => {
    expect(isBusinessId('XAIS12345678910')).toBe(true);
    expect(isBusinessId('X1IS00000000001')).toBe(true);
    expect(validateBusinessId(' xais12345678910 ')).toEqual({
      ok: true,
      businessId: 'XAIS12345678910',
    });
  });

  it.each([
    'XAIS1234567891',
    'XAIS123456789101',
    'YAIS12345678910',
    'XAXS12345678910',
    'X-IS12345678910',
  ])('refuses %s', (id) => {
    expect(isBusinessId(id)).toBe(false);
    expect(validateBusinessId(id)).toMatchObject({ ok: false, code: 'FORMAT_BUSINESS_ID' });
  });

  it('knows the supported business kinds', () => {
    expect(isBusinessKind('uk-property')).toBe(true);
    expect(isBusinessKind('foreign-property')).toBe(true);
    expect(isBusinessKind('property-unspecified')).toBe(false);
  });
});
