import { describe, expect, it } from 'vitest';
import { validateFraudHeaders } from '../../../src/practice/fraud-headers/validate';
import { validFraudHeaders } from '../../integration/practice/helpers/fraud-headers';

const lower = (h: Record<string, string>) =>
  Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
const check = (overrides: Record<string, string | undefined> = {}) =>
  validateFraudHeaders(lower(validFraudHeaders(overrides)));
const problemsFor = (overrides: Record<string, string | undefined>) => [
  ...new Set(check(overrides).errors.flatMap((e) => e.headers)),
];

describe('DESKTOP_APP_DIRECT fraud prevention headers [FPH v3.3]', () => {
  it('a complete, well-encoded set is valid', () => {
    expect(check()).toEqual({
      specVersion: '3.3',
      code: 'VALID_HEADERS',
      message: 'All headers appear to be valid',
      errors: [],
      warnings: [],
    });
  });

  it('all 14 headers are required; missing ones are listed together', () => {
    const report = validateFraudHeaders({});
    expect(report.code).toBe('INVALID_HEADERS');
    expect(report.errors[0]?.code).toBe('MISSING_HEADER');
    expect(report.errors[0]?.headers).toHaveLength(12);
    expect(report.warnings.flatMap((w) => w.headers).sort()).toEqual([
      'gov-client-multi-factor',
      'gov-vendor-license-ids',
    ]);
  });

  it('multi-factor and licence IDs may be empty (a warning to discuss with HMRC)', () => {
    expect(
      check({ 'Gov-Client-Multi-Factor': '', 'Gov-Vendor-License-IDs': undefined }),
    ).toMatchObject({
      code: 'POTENTIALLY_INVALID_HEADERS',
      errors: [],
      warnings: [
        { code: 'EMPTY_HEADER', headers: ['gov-client-multi-factor'] },
        { code: 'EMPTY_HEADER', headers: ['gov-vendor-license-ids'] },
      ],
    });
  });

  it.each([
    ['Gov-Client-Connection-Method', 'WEB_APP_VIA_SERVER'],
    ['Gov-Client-Device-ID', 'my-device'],
    ['Gov-Client-User-IDs', 'my-app=alice'],
    ['Gov-Client-User-IDs', 'os=domain\\alice'],
    ['Gov-Client-Timezone', 'GMT'],
    ['Gov-Client-Timezone', 'UTC+1:00'],
    ['Gov-Client-Local-IPs', 'fe80::1'],
    ['Gov-Client-Local-IPs', '10.1.2.3,,10.1.2.4'],
    ['Gov-Client-Local-IPs', '999.1.2.3'],
    ['Gov-Client-Local-IPs-Timestamp', '2026-11-29T10:15:30Z'],
    ['Gov-Client-MAC-Addresses', 'ea:43:1a:5d:21:45'],
    ['Gov-Client-MAC-Addresses', '00%3A00%3A00%3A00%3A00%3A00'],
    ['Gov-Client-Screens', 'width=1920&height=1080&scaling-factor=1'],
    ['Gov-Client-Screens', 'width=0&height=1080&scaling-factor=1&colour-depth=24'],
    ['Gov-Client-Window-Size', 'width=1256.5&height=803'],
    ['Gov-Client-User-Agent', 'os-family=Windows&os-version=10'],
    [
      'Gov-Client-User-Agent',
      'os-family=Windows&os-version=Server 2012&device-manufacturer=Dell&device-model=X',
    ],
    ['Gov-Client-Multi-Factor', 'type=SMS&timestamp=2026-11-29T10%3A10Z&unique-reference=abc'],
    ['Gov-Client-Multi-Factor', 'type=TOTP&timestamp=2026-11-29T10:10Z&unique-reference=abc'],
    ['Gov-Vendor-Version', 'ledgerlink'],
    ['Gov-Vendor-Product-Name', 'Ledger Link'],
    ['Gov-Vendor-Product-Name', 'null'],
    ['Gov-Vendor-License-IDs', 'ledgerlink='],
  ])('%s: %s is invalid', (header, value) => {
    const report = check({ [header]: value });
    expect(report.code).toBe('INVALID_HEADERS');
    expect(problemsFor({ [header]: value })).toEqual([header.toLowerCase()]);
  });

  it.each([
    ['Gov-Client-Local-IPs', '10.1.2.3'],
    ['Gov-Client-Timezone', 'UTC-01:15'],
    ['Gov-Client-User-IDs', 'os=domain%5Calice&my-application=alice123'],
    [
      'Gov-Client-Screens',
      'width=1920&height=1080&scaling-factor=1&colour-depth=16,width=3000&height=2000&scaling-factor=1.25&colour-depth=16',
    ],
    [
      'Gov-Client-User-Agent',
      'os-family=iOS&os-version=13.3.1&device-manufacturer=Apple&device-model=iPhone12%2C3',
    ],
    [
      'Gov-Client-Multi-Factor',
      'type=AUTH_CODE&timestamp=2021-11-21T13%3A23Z&unique-reference=fc4b,type=TOTP&timestamp=2021-11-21T13%3A20%3A01.123Z&unique-reference=0283',
    ],
    ['Gov-Vendor-Version', 'my-desktop-app=2.2.2&my-serverside-code=v3.8'],
    ['Gov-Vendor-Product-Name', 'Product%20Name'],
  ])("HMRC's own example %s: %s is valid", (header, value) => {
    expect(check({ [header]: value }).code).toBe('VALID_HEADERS');
  });

  it('headers of other connection methods get a warning', () => {
    const report = validateFraudHeaders(
      lower({ ...validFraudHeaders(), 'Gov-Client-Public-IP': '198.51.100.0' }),
    );
    expect(report).toMatchObject({
      code: 'POTENTIALLY_INVALID_HEADERS',
      warnings: [{ code: 'UNEXPECTED_HEADER', headers: ['gov-client-public-ip'] }],
    });
  });
});
