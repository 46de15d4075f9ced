/** A complete, valid set of DESKTOP_APP_DIRECT fraud prevention headers (as an app would send them). */
export function validFraudHeaders(
  overrides: Record<string, string | undefined> = {},
): Record<string, string> {
  const headers: Record<string, string | undefined> = {
    'Gov-Client-Connection-Method': 'DESKTOP_APP_DIRECT',
    'Gov-Client-Device-ID': 'beec798b-b366-47fa-b1f8-92cede14a1ce',
    'Gov-Client-User-IDs': 'os=alice',
    'Gov-Client-Timezone': 'UTC+00:00',
    'Gov-Client-Local-IPs': '10.1.2.3,fe80%3A%3A1',
    'Gov-Client-Local-IPs-Timestamp': '2026-11-29T10:15:30.123Z',
    'Gov-Client-MAC-Addresses': 'ea%3A43%3A1a%3A5d%3A21%3A45',
    'Gov-Client-Screens': 'width=1920&height=1080&scaling-factor=1&colour-depth=24',
    'Gov-Client-Window-Size': 'width=1256&height=803',
    'Gov-Client-User-Agent':
      'os-family=Linux&os-version=6.1&device-manufacturer=Dell%20Inc.&device-model=XPS%2013',
    'Gov-Client-Multi-Factor':
      'type=TOTP&timestamp=2026-11-29T10%3A10Z&unique-reference=fc4b5fd6816f75a7c81fc8eaa9499d6a',
    'Gov-Vendor-Version': 'ledgerlink=0.1.0',
    'Gov-Vendor-Product-Name': 'Ledgerlink',
    'Gov-Vendor-License-IDs':
      'ledgerlink=8D7963490527D33716835EE7C195516D5E562E03B224E9B359836466EE40CDE1',
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined),
  );
}
