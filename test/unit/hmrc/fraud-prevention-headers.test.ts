import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildFraudHeaders,
  FRAUD_HEADER_NAMES,
  toRequestHeaders,
  type FraudFacts,
} from '../../../src/main/hmrc/fraud-prevention/build-headers';
import {
  localIpAddresses,
  macAddresses,
} from '../../../src/main/hmrc/fraud-prevention/collect-network';
import {
  encodeKeyValueList,
  percentEncode,
  utcOffset,
} from '../../../src/main/hmrc/fraud-prevention/encode';
import { explainFraudHeaders } from '../../../src/main/hmrc/fraud-prevention/explain-headers';
import { validateFraudHeaders } from '../../../src/practice/server';
import { loadFphSpec } from './support/fph-spec';

/** A plausible Windows desktop; each test changes what it is about. */
const facts = (over: Partial<FraudFacts> = {}): FraudFacts => ({
  deviceId: 'beec798b-b366-47fa-b1f8-92cede14a1ce',
  osUser: { name: 'alice', domain: 'domain' },
  timezoneOffsetMinutes: 60,
  localIps: ['fc00::', '10.1.2.3'],
  localIpsCollectedAt: new Date('2020-09-21T14:30:05.123Z'),
  macAddresses: ['ea:43:1a:5d:21:45', '10:12:cc:fa:aa:32'],
  screens: [
    { width: 1920, height: 1080, scalingFactor: 1, colourDepth: 16 },
    { width: 3000, height: 2000, scalingFactor: 1.25, colourDepth: 16 },
  ],
  window: { width: 1256, height: 803 },
  operatingSystem: { family: 'Windows', version: 'Server 2012' },
  device: { manufacturer: 'Dell Inc.', model: 'OptiPlex 980' },
  vendor: { productName: 'my-application', version: '1.6.0' },
  ...over,
});

/** Lower-case header map, as an HTTP server sees the request. */
const onTheWire = (f: FraudFacts) =>
  Object.fromEntries(
    Object.entries(toRequestHeaders(buildFraudHeaders(f))).map(([k, v]) => [k.toLowerCase(), v]),
  );

const { spec, reason } = loadFphSpec();

describe.skipIf(!spec)(`against HMRC's specification v3.3 (${reason})`, () => {
  it('sends exactly the headers the DESKTOP_APP_DIRECT page lists, with its connection method', () => {
    expect([...FRAUD_HEADER_NAMES].sort()).toEqual([...spec!.desktopAppDirectHeaders].sort());
    expect(spec!.desktopAppDirectHeaders).toHaveLength(14);
    expect(buildFraudHeaders(facts())['Gov-Client-Connection-Method']).toBe(spec!.connectionMethod);
  });

  it("reproduces HMRC's own example of every header it can be given the same facts for", () => {
    const ex = (name: string) => spec!.examples.get(name) ?? [];
    const built = buildFraudHeaders(facts());
    const check = (name: (typeof FRAUD_HEADER_NAMES)[number], value: string | undefined) =>
      expect(ex(name), name).toContain(value);

    check('Gov-Client-Device-ID', built['Gov-Client-Device-ID']);
    check('Gov-Client-User-IDs', built['Gov-Client-User-IDs']);
    check('Gov-Client-Local-IPs', built['Gov-Client-Local-IPs']);
    check('Gov-Client-Local-IPs-Timestamp', built['Gov-Client-Local-IPs-Timestamp']);
    check('Gov-Client-MAC-Addresses', built['Gov-Client-MAC-Addresses']);
    check('Gov-Client-Screens', built['Gov-Client-Screens']);
    check('Gov-Client-Window-Size', built['Gov-Client-Window-Size']);
    check('Gov-Client-User-Agent', built['Gov-Client-User-Agent']);
    check('Gov-Vendor-Version', built['Gov-Vendor-Version']);
    check('Gov-Client-Timezone', built['Gov-Client-Timezone']);
    // Every timezone example: UTC+00:00, UTC+01:00, UTC-01:15.
    for (const minutes of [0, 60, -75]) check('Gov-Client-Timezone', utcOffset(minutes));
    const named = buildFraudHeaders(
      facts({ vendor: { productName: 'Product Name', version: '1' } }),
    );
    check('Gov-Vendor-Product-Name', named['Gov-Vendor-Product-Name']);
    // Second local-IPs example (IPv4 only).
    check(
      'Gov-Client-Local-IPs',
      buildFraudHeaders(facts({ localIps: ['10.1.2.3', '10.3.4.2'] }))['Gov-Client-Local-IPs'],
    );
  });

  it("encodes a list of key-value structures exactly as HMRC's multi-factor example", () => {
    const mf = encodeKeyValueList([
      [
        ['type', 'AUTH_CODE'],
        ['timestamp', '2021-11-21T13:23Z'],
        ['unique-reference', 'fc4b5fd6816f75a7c81fc8eaa9499d6a299bd803397166e8c4cf9280b801d62c'],
      ],
      [
        ['type', 'TOTP'],
        ['timestamp', '2021-11-21T13:20Z'],
        ['unique-reference', '0283da60063abfb3a87f1aed845d17fe2d9ba8c780b478dc4ae048f5ee97a6d5'],
      ],
    ]);
    expect(spec!.examples.get('Gov-Client-Multi-Factor')).toContain(mf);
  });
});

describe('the fraud prevention header builder', () => {
  it('sends multi-factor and licence IDs empty, and never a placeholder', () => {
    const built = buildFraudHeaders(facts());
    expect(built['Gov-Client-Multi-Factor']).toBe('');
    expect(built['Gov-Vendor-License-IDs']).toBe('');
    const wire = toRequestHeaders(built);
    expect(Object.keys(wire)).toHaveLength(14);
    expect(wire['Gov-Client-Multi-Factor']).toBe('');
  });

  it('percent-encodes IPv6 addresses, including full and link-local ones', () => {
    const built = buildFraudHeaders(
      facts({ localIps: ['2001:db8:85a3::8a2e:370:7334', 'fe80::1', '192.168.1.20'] }),
    );
    expect(built['Gov-Client-Local-IPs']).toBe(
      '2001%3Adb8%3A85a3%3A%3A8a2e%3A370%3A7334,fe80%3A%3A1,192.168.1.20',
    );
  });

  it('percent-encodes non-ASCII and domain user names, keys and separators left alone', () => {
    expect(
      buildFraudHeaders(facts({ osUser: { name: 'Zoë Brontë' } }))['Gov-Client-User-IDs'],
    ).toBe('os=Zo%C3%AB%20Bront%C3%AB');
    expect(
      buildFraudHeaders(facts({ osUser: { name: '山田', domain: 'CORP' } }))['Gov-Client-User-IDs'],
    ).toBe('os=CORP%5C%E5%B1%B1%E7%94%B0');
    expect(
      buildFraudHeaders(facts({ osUser: { name: "o'brien&co=1" } }))['Gov-Client-User-IDs'],
    ).toBe('os=o%27brien%26co%3D1');
  });

  it('lists every screen, rounding to whole pixels and trimming float noise from the scaling', () => {
    const built = buildFraudHeaders(
      facts({
        screens: [
          { width: 2560, height: 1440, scalingFactor: 2, colourDepth: 30 },
          { width: 1366.4, height: 768, scalingFactor: 1.100000023841858, colourDepth: 24 },
          { width: 0, height: 900, scalingFactor: 1, colourDepth: 24 },
        ],
      }),
    );
    expect(built['Gov-Client-Screens']).toBe(
      'width=2560&height=1440&scaling-factor=2&colour-depth=30,width=1366&height=768&scaling-factor=1.1&colour-depth=24',
    );
  });

  it('leaves a header out, rather than inventing a value, when the device gives nothing', () => {
    const built = buildFraudHeaders(
      facts({ macAddresses: [], osUser: undefined, screens: [], window: undefined, localIps: [] }),
    );
    for (const name of [
      'Gov-Client-MAC-Addresses',
      'Gov-Client-User-IDs',
      'Gov-Client-Screens',
      'Gov-Client-Window-Size',
      'Gov-Client-Local-IPs',
    ] as const) {
      expect(built[name], name).toBeUndefined();
      expect(toRequestHeaders(built)).not.toHaveProperty(name);
    }
    const explained = explainFraudHeaders(built, facts({ macAddresses: [] }));
    expect(explained.find((h) => h.name === 'Gov-Client-MAC-Addresses')).toMatchObject({
      state: 'not-sent',
      reason: expect.stringContaining('no network adapter hardware addresses'),
    });
  });

  it('leaves out the parts of the user agent a device does not report, and says so', () => {
    const f = facts({
      device: {},
      operatingSystem: { family: 'Linux', version: 'Debian GNU/Linux 12' },
    });
    const built = buildFraudHeaders(f);
    expect(built['Gov-Client-User-Agent']).toBe(
      'os-family=Linux&os-version=Debian%20GNU%2FLinux%2012',
    );
    const row = explainFraudHeaders(built, f).find((h) => h.name === 'Gov-Client-User-Agent');
    expect(row?.reason).toMatch(/does not report its maker or model/);
    expect(
      buildFraudHeaders(facts({ device: { manufacturer: 'Apple', model: 'MacBookPro15,2' } }))[
        'Gov-Client-User-Agent'
      ],
    ).toContain('device-model=MacBookPro15%2C2');
  });

  it('gives each header a one-line reason for the Diagnostics page', () => {
    const rows = explainFraudHeaders(buildFraudHeaders(facts()), facts());
    expect(rows.map((r) => r.name)).toEqual([...FRAUD_HEADER_NAMES]);
    for (const r of rows) {
      expect(r.reason.length, r.name).toBeGreaterThan(10);
      expect(r.reason).not.toMatch(/\n/);
    }
    expect(rows.find((r) => r.name === 'Gov-Vendor-License-IDs')).toMatchObject({
      state: 'sent-empty',
      reason: expect.stringContaining('no licence keys'),
    });
  });

  it("passes Practice HMRC's independent validator for any device (property)", () => {
    const text = fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' });
    const ipv4 = fc.ipV4();
    const ipv6 = fc.ipV6();
    const mac = fc
      .array(fc.integer({ min: 0, max: 255 }), { minLength: 6, maxLength: 6 })
      .filter((b) => b.some((x) => x !== 0))
      .map((b) => b.map((x) => x.toString(16).padStart(2, '0')).join(':'));
    const screen = fc.record({
      width: fc.integer({ min: 1, max: 10_000 }),
      height: fc.integer({ min: 1, max: 10_000 }),
      scalingFactor: fc.constantFrom(1, 1.25, 1.5, 2, 3, 1.100000023841858),
      colourDepth: fc.constantFrom(8, 16, 24, 30, 32),
    });
    fc.assert(
      fc.property(
        fc.record({
          user: fc.record({ name: text, domain: fc.option(text, { nil: undefined }) }),
          ips: fc.array(fc.oneof(ipv4, ipv6), { minLength: 1, maxLength: 6 }),
          macs: fc.array(mac, { minLength: 1, maxLength: 4 }),
          screens: fc.array(screen, { minLength: 1, maxLength: 4 }),
          offset: fc.integer({ min: -12 * 60, max: 14 * 60 }),
          family: text,
          version: text,
          manufacturer: text,
          model: text,
        }),
        (r) => {
          const f = facts({
            osUser: r.user.domain
              ? { name: r.user.name, domain: r.user.domain }
              : { name: r.user.name },
            localIps: r.ips,
            macAddresses: r.macs,
            screens: r.screens,
            timezoneOffsetMinutes: r.offset,
            operatingSystem: { family: r.family, version: r.version },
            device: { manufacturer: r.manufacturer, model: r.model },
          });
          const wire = onTheWire(f);
          // US-ASCII only, as HMRC requires [FPH getting-it-right].
          for (const v of Object.values(wire)) expect(v).toMatch(/^[\x20-\x7e]*$/);
          const report = validateFraudHeaders(wire);
          // Placeholder-like words ("null", "none"…) from a random name are the device's real
          // values, not placeholders; Practice flags them, so skip those draws.
          fc.pre(!report.errors.some((e) => /placeholder/.test(e.message)));
          expect(report.errors).toEqual([]);
          expect(
            report.warnings
              .map((w) => w.headers)
              .flat()
              .sort(),
          ).toEqual(['gov-client-multi-factor', 'gov-vendor-license-ids']);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('percent-encodes everything but RFC 3986 unreserved characters', () => {
    expect(percentEncode("AZaz09-._~!'()* ,=&%\\/:")).toBe(
      'AZaz09-._~%21%27%28%29%2A%20%2C%3D%26%25%5C%2F%3A',
    );
    expect(percentEncode('\uD800x')).toBe('%EF%BF%BDx');
  });
});

describe('choosing addresses', () => {
  const addr = (address: string, mac: string, internal = false) =>
    ({ address, family: address.includes(':') ? 'IPv6' : 'IPv4', mac, internal }) as const;

  it('reports every non-loopback address, IPv4 and IPv6, once, without zone ids', () => {
    expect(
      localIpAddresses([
        addr('127.0.0.1', '00:00:00:00:00:00', true),
        addr('::1', '00:00:00:00:00:00', true),
        addr('192.168.1.20', 'a4:83:e7:12:34:56'),
        addr('fe80::1%eth0', 'a4:83:e7:12:34:56'),
        addr('192.168.1.20', 'a4:83:e7:12:34:56'),
        addr('2a00:23c5::5', 'a4:83:e7:12:34:56'),
      ]),
    ).toEqual(['192.168.1.20', 'fe80::1', '2a00:23c5::5']);
  });

  it('falls back to loopback when the device has no network at all', () => {
    expect(localIpAddresses([addr('127.0.0.1', '00:00:00:00:00:00', true)])).toEqual(['127.0.0.1']);
  });

  it('skips all-zero MAC addresses and repeats, and may find none', () => {
    expect(
      macAddresses([
        addr('127.0.0.1', '00:00:00:00:00:00', true),
        addr('10.0.0.2', 'A4:83:E7:12:34:56'),
        addr('fe80::2', 'a4:83:e7:12:34:56'),
        addr('10.0.0.3', '02:42:ac:11:00:02'),
      ]),
    ).toEqual(['a4:83:e7:12:34:56', '02:42:ac:11:00:02']);
    expect(macAddresses([addr('127.0.0.1', '00:00:00:00:00:00', true)])).toEqual([]);
  });
});
