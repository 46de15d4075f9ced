import { isIP } from 'node:net';
import {
  decodeComponent,
  isEncodedComponent,
  isPlaceholder,
  listItems,
  parseKeyValues,
} from './encoding';

/**
 * Checks the 14 fraud prevention headers of the DESKTOP_APP_DIRECT connection method against
 * HMRC's specification v3.3 [FPH connection-method/desktop-app-direct, partials/*.erb,
 * getting-it-right], answering in the shape of HMRC's Test Fraud Prevention Headers API
 * [reference §4.5]. Header names in `headers` lists are lower case, as HMRC's validator writes them.
 */
export const SPEC_VERSION = '3.3';

export interface HeaderIssue {
  code: string;
  message: string;
  headers: string[];
}

export type FraudHeaderResultCode =
  'VALID_HEADERS' | 'POTENTIALLY_INVALID_HEADERS' | 'INVALID_HEADERS';

export interface FraudHeaderReport {
  specVersion: string;
  code: FraudHeaderResultCode;
  message: string;
  errors: HeaderIssue[];
  warnings: HeaderIssue[];
}

/** The DESKTOP_APP_DIRECT headers, in the order HMRC lists them. */
export const DESKTOP_APP_DIRECT_HEADERS = [
  'Gov-Client-Connection-Method',
  'Gov-Client-Device-ID',
  'Gov-Client-Local-IPs',
  'Gov-Client-Local-IPs-Timestamp',
  'Gov-Client-MAC-Addresses',
  'Gov-Client-Multi-Factor',
  'Gov-Client-Screens',
  'Gov-Client-Timezone',
  'Gov-Client-User-Agent',
  'Gov-Client-User-IDs',
  'Gov-Client-Window-Size',
  'Gov-Vendor-License-IDs',
  'Gov-Vendor-Product-Name',
  'Gov-Vendor-Version',
] as const;

/** Headers that belong to other connection methods (via server, web, browser). [FPH partials] */
const OTHER_METHOD_HEADERS = [
  'Gov-Client-Public-IP',
  'Gov-Client-Public-IP-Timestamp',
  'Gov-Client-Public-Port',
  'Gov-Vendor-Public-IP',
  'Gov-Vendor-Forwarded',
  'Gov-Client-Browser-JS-User-Agent',
  'Gov-Client-Browser-Do-Not-Track',
  'Gov-Client-Browser-Plugins',
];

/**
 * Multi-factor and licence IDs may legitimately be empty or absent (no MFA in the app, no
 * licence on the device) once agreed with HMRC, so they are warnings, not errors.
 * [FPH partials/gov-client-multi-factor.erb, gov-vendor-license-ids.erb; reference §4.4]
 */
const MAY_BE_EMPTY = new Set(['Gov-Client-Multi-Factor', 'Gov-Vendor-License-IDs']);

type Check = (value: string) => string[];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const POSITIVE_INT = /^[1-9]\d*$/;
const POSITIVE_NUMBER = /^(?:0\.\d*[1-9]\d*|[1-9]\d*(?:\.\d+)?)$/;
const MS_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MFA_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z$/;

function validInstant(text: string): boolean {
  return !Number.isNaN(Date.parse(text));
}

function keyValueChecks(
  value: string,
  required: Record<string, (v: string) => string | undefined>,
  label: string,
): string[] {
  const { pairs, problems } = parseKeyValues(value);
  const found = new Map(pairs);
  for (const [key, check] of Object.entries(required)) {
    const v = found.get(key);
    if (v === undefined || v === '') {
      problems.push(`${label}must include a value for "${key}"`);
      continue;
    }
    const problem = check(v);
    if (problem) problems.push(`${label}${problem}`);
  }
  return problems;
}

const positiveInt = (name: string) => (v: string) =>
  POSITIVE_INT.test(v) ? undefined : `"${name}" must be a positive whole number`;
const positiveNumber = (name: string) => (v: string) =>
  POSITIVE_NUMBER.test(v) ? undefined : `"${name}" must be a positive number`;
const present = () => () => undefined;

function eachListItem(value: string, check: (item: string, index: number) => string[]): string[] {
  const problems: string[] = [];
  listItems(value).forEach((item, i) => {
    if (item === '') problems.push('must not contain empty list values');
    else problems.push(...check(item, i));
  });
  return problems;
}

const CHECKS: Record<(typeof DESKTOP_APP_DIRECT_HEADERS)[number], Check> = {
  'Gov-Client-Connection-Method': (v) =>
    v === 'DESKTOP_APP_DIRECT'
      ? []
      : [
          `must be DESKTOP_APP_DIRECT (Practice HMRC checks that connection method only), not "${v}"`,
        ],
  'Gov-Client-Device-ID': (v) =>
    UUID.test(v) ? [] : ['must be a UUID generated and stored on the device'],
  'Gov-Client-Local-IPs': (v) =>
    eachListItem(v, (item) => {
      if (item.includes(':')) return [`IPv6 addresses must be percent-encoded ("${item}")`];
      if (!isEncodedComponent(item)) return [`values must be percent-encoded ("${item}")`];
      const ip = decodeComponent(item);
      return ip !== undefined && isIP(ip) !== 0 ? [] : [`"${item}" is not an IPv4 or IPv6 address`];
    }),
  'Gov-Client-Local-IPs-Timestamp': (v) =>
    MS_TIMESTAMP.test(v) && validInstant(v)
      ? []
      : ['must be a UTC timestamp yyyy-MM-ddThh:mm:ss.sssZ'],
  'Gov-Client-MAC-Addresses': (v) =>
    eachListItem(v, (item) => {
      if (item.includes(':')) return [`MAC addresses must be percent-encoded ("${item}")`];
      const mac = isEncodedComponent(item) ? decodeComponent(item) : undefined;
      if (mac === undefined || !/^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/i.test(mac))
        return [`"${item}" is not a MAC address`];
      return /^(?:00:){5}00$/.test(mac) ? ['must not contain the all-zero MAC address'] : [];
    }),
  'Gov-Client-Multi-Factor': (v) =>
    eachListItem(v, (item, i) =>
      keyValueChecks(
        item,
        {
          type: (t) =>
            ['TOTP', 'AUTH_CODE', 'OTHER'].includes(t)
              ? undefined
              : '"type" must be TOTP, AUTH_CODE or OTHER',
          timestamp: (t) =>
            MFA_TIMESTAMP.test(t) && validInstant(t)
              ? undefined
              : '"timestamp" must be a UTC timestamp like yyyy-MM-ddThh:mmZ',
          'unique-reference': present(),
        },
        `factor ${i + 1} `,
      ),
    ),
  'Gov-Client-Screens': (v) =>
    eachListItem(v, (item, i) =>
      keyValueChecks(
        item,
        {
          width: positiveInt('width'),
          height: positiveInt('height'),
          'scaling-factor': positiveNumber('scaling-factor'),
          'colour-depth': positiveInt('colour-depth'),
        },
        `screen ${i + 1} `,
      ),
    ),
  'Gov-Client-Timezone': (v) => {
    const m = /^UTC([+-])(\d{2}):(\d{2})$/.exec(v);
    return m && Number(m[2]) <= 14 && Number(m[3]) < 60
      ? []
      : ['must be UTC±hh:mm, for example UTC+01:00'];
  },
  'Gov-Client-User-Agent': (v) =>
    keyValueChecks(
      v,
      {
        'os-family': present(),
        'os-version': present(),
        'device-manufacturer': present(),
        'device-model': present(),
      },
      '',
    ),
  'Gov-Client-User-IDs': (v) => keyValueChecks(v, { os: present() }, ''),
  'Gov-Client-Window-Size': (v) =>
    keyValueChecks(v, { width: positiveInt('width'), height: positiveInt('height') }, ''),
  'Gov-Vendor-License-IDs': (v) => {
    const { pairs, problems } = parseKeyValues(v);
    if (pairs.some(([k, val]) => !k || !val))
      problems.push('must give a software name and a hashed licence for each entry');
    return problems;
  },
  'Gov-Vendor-Product-Name': (v) =>
    isEncodedComponent(v) ? [] : ['must be percent-encoded (for example Product%20Name)'],
  'Gov-Vendor-Version': (v) => {
    const { pairs, problems } = parseKeyValues(v);
    if (pairs.length === 0 || pairs.some(([k, val]) => !k || !val)) {
      problems.push(
        'must give at least one software-name=version pair, with no empty names or versions',
      );
    }
    return problems;
  },
};

/** Reads a header as a single string (a repeated header is joined, as Node does). */
function headerValue(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(',') : v;
}

export function validateFraudHeaders(
  headers: Record<string, string | string[] | undefined>,
): FraudHeaderReport {
  const errors: HeaderIssue[] = [];
  const warnings: HeaderIssue[] = [];
  const missing: string[] = [];

  for (const name of DESKTOP_APP_DIRECT_HEADERS) {
    const lower = name.toLowerCase();
    const value = headerValue(headers, name);
    if (value === undefined || value.trim() === '') {
      if (MAY_BE_EMPTY.has(name)) {
        warnings.push({
          code: 'EMPTY_HEADER',
          message:
            'Value is empty or missing. This may be correct (for example no multi-factor authentication, or no licence on the device), but you must contact HMRC to explain why you cannot submit this header.',
          headers: [lower],
        });
      } else if (value === undefined) {
        missing.push(lower);
      } else {
        errors.push({
          code: 'INVALID_HEADER',
          message: `${name} must not be empty`,
          headers: [lower],
        });
      }
      continue;
    }
    // Header values are US-ASCII; anything else must be percent-encoded. [FPH getting-it-right]
    if (/[^\x20-\x7e]/.test(value)) {
      errors.push({
        code: 'INVALID_HEADER',
        message: `${name} contains characters that are not percent-encoded US-ASCII`,
        headers: [lower],
      });
      continue;
    }
    if (
      isPlaceholder(value) ||
      value.split(/[&,=]/).some((part) => isPlaceholder(decodeComponent(part) ?? part))
    ) {
      errors.push({
        code: 'INVALID_HEADER',
        message: `${name} must not contain placeholder values such as null or undefined`,
        headers: [lower],
      });
      continue;
    }
    for (const problem of CHECKS[name](value)) {
      errors.push({ code: 'INVALID_HEADER', message: `${name} ${problem}`, headers: [lower] });
    }
  }
  if (missing.length > 0) {
    errors.unshift({
      code: 'MISSING_HEADER',
      message: 'Header required for DESKTOP_APP_DIRECT is missing',
      headers: missing,
    });
  }
  const unexpected = OTHER_METHOD_HEADERS.filter((h) => headerValue(headers, h) !== undefined).map(
    (h) => h.toLowerCase(),
  );
  if (unexpected.length > 0) {
    warnings.push({
      code: 'UNEXPECTED_HEADER',
      message: 'Header is not part of the DESKTOP_APP_DIRECT connection method',
      headers: unexpected,
    });
  }

  const code: FraudHeaderResultCode =
    errors.length > 0
      ? 'INVALID_HEADERS'
      : warnings.length > 0
        ? 'POTENTIALLY_INVALID_HEADERS'
        : 'VALID_HEADERS';
  const message =
    code === 'VALID_HEADERS'
      ? 'All headers appear to be valid'
      : code === 'POTENTIALLY_INVALID_HEADERS'
        ? 'At least 1 header is potentially invalid'
        : 'At least 1 header is invalid';
  return { specVersion: SPEC_VERSION, code, message, errors, warnings };
}
