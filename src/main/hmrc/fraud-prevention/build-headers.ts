import { fraudHeaderNameSchema } from '@shared/ipc/channels/hmrc';
import {
  encodeKeyValueList,
  encodeKeyValues,
  encodeList,
  percentEncode,
  utcOffset,
  utcTimestamp,
} from './encode';
import type {
  DeviceIdentityFacts,
  OperatingSystemFacts,
  OsUserFacts,
  ScreenFacts,
  WindowFacts,
} from './machine-facts';

/**
 * The fourteen headers of the DESKTOP_APP_DIRECT connection method, in the order HMRC lists
 * them [FPH connection-method/desktop-app-direct/index.html.md.erb]. "You must submit data
 * for all of these headers."
 */
export const FRAUD_HEADER_NAMES = fraudHeaderNameSchema.options;

export type FraudHeaderName = (typeof FRAUD_HEADER_NAMES)[number];

export const CONNECTION_METHOD = 'DESKTOP_APP_DIRECT';

/** Everything the headers are made of, collected just before a request. */
export interface FraudFacts {
  deviceId: string;
  osUser: OsUserFacts | undefined;
  timezoneOffsetMinutes: number;
  localIps: string[];
  localIpsCollectedAt: Date;
  macAddresses: string[];
  screens: ScreenFacts[];
  window: WindowFacts | undefined;
  operatingSystem: OperatingSystemFacts;
  device: DeviceIdentityFacts;
  vendor: { productName: string; version: string };
}

/**
 * A header's value: a string to send (possibly empty, where HMRC allows an empty value), or
 * undefined when the device gave nothing to send, in which case the header is left out
 * rather than filled with a placeholder [FPH getting-it-right "Missing header data"].
 */
export type FraudHeaderValues = Record<FraudHeaderName, string | undefined>;

const positiveInt = (n: number): number | undefined =>
  Number.isFinite(n) && Math.round(n) > 0 ? Math.round(n) : undefined;

/** 1 → "1", 1.25 → "1.25", 1.100000023841858 → "1.1". */
const decimal = (n: number): string | undefined =>
  Number.isFinite(n) && n > 0 ? String(Number(n.toFixed(3))) : undefined;

/** Screens with a positive whole width and height [FPH gov-client-screens]. */
function screensValue(screens: readonly ScreenFacts[]): string | undefined {
  const items = screens.flatMap((s) => {
    const width = positiveInt(s.width);
    const height = positiveInt(s.height);
    if (width === undefined || height === undefined) return [];
    return [
      [
        ['width', String(width)],
        ['height', String(height)],
        ['scaling-factor', decimal(s.scalingFactor)],
        ['colour-depth', positiveInt(s.colourDepth)?.toString()],
      ] as const,
    ];
  });
  return items.length > 0 ? encodeKeyValueList(items) : undefined;
}

function windowValue(window: WindowFacts | undefined): string | undefined {
  const width = window ? positiveInt(window.width) : undefined;
  const height = window ? positiveInt(window.height) : undefined;
  if (width === undefined || height === undefined) return undefined;
  return encodeKeyValues([
    ['width', String(width)],
    ['height', String(height)],
  ]);
}

/** `os=<user>`; a Windows account is `DOMAIN\user`, as HMRC's example `os=domain%5Calice`. */
function userIdsValue(user: OsUserFacts | undefined): string | undefined {
  if (!user || user.name === '') return undefined;
  const os = user.domain ? `${user.domain}\\${user.name}` : user.name;
  return encodeKeyValues([['os', os]]);
}

const nonEmpty = (value: string): string | undefined => (value === '' ? undefined : value);

export function buildFraudHeaders(facts: FraudFacts): FraudHeaderValues {
  return {
    'Gov-Client-Connection-Method': CONNECTION_METHOD,
    'Gov-Client-Device-ID': facts.deviceId,
    // IPv6 values must be percent-encoded; encodeList encodes every value [FPH local-ips].
    'Gov-Client-Local-IPs': nonEmpty(encodeList(facts.localIps)),
    'Gov-Client-Local-IPs-Timestamp': utcTimestamp(facts.localIpsCollectedAt),
    'Gov-Client-MAC-Addresses': nonEmpty(encodeList(facts.macAddresses)),
    // Ledgerlink has no sign-in of its own, so there is no multi-factor authentication to
    // report; the header "relates to users accessing your software, not users granting
    // authority" [FPH gov-client-multi-factor]. Sent empty, never with a placeholder.
    'Gov-Client-Multi-Factor': '',
    'Gov-Client-Screens': screensValue(facts.screens),
    'Gov-Client-Timezone': utcOffset(facts.timezoneOffsetMinutes),
    'Gov-Client-User-Agent': nonEmpty(
      encodeKeyValues([
        ['os-family', facts.operatingSystem.family],
        ['os-version', facts.operatingSystem.version],
        ['device-manufacturer', facts.device.manufacturer],
        ['device-model', facts.device.model],
      ]),
    ),
    'Gov-Client-User-IDs': userIdsValue(facts.osUser),
    'Gov-Client-Window-Size': windowValue(facts.window),
    // Ledgerlink is free and has no licence keys, so "there are no licenses on the originating
    // device" and no value can be collected [FPH gov-vendor-license-ids]. Sent empty rather
    // than a made-up hash; HMRC's missing-data process (email SDSTeam@hmrc.gov.uk before
    // production) applies [FPH getting-it-right "Missing header data"].
    'Gov-Vendor-License-IDs': '',
    'Gov-Vendor-Product-Name': percentEncode(facts.vendor.productName),
    'Gov-Vendor-Version': encodeKeyValues([[facts.vendor.productName, facts.vendor.version]]),
  };
}

/** The headers to put on the wire: every header with a value, including the empty ones. */
export function toRequestHeaders(values: FraudHeaderValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of FRAUD_HEADER_NAMES) {
    const value = values[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}
