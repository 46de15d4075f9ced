import { all as isoCountries } from 'iso-3166-1';
import { type MtdError, rule } from '../http/mtd-errors';

/**
 * The country codes HMRC's property APIs permit: ISO 3166-1 alpha-3, less thirteen codes HMRC's
 * list leaves out (territories without a permanent population and the UK itself, whose property
 * is not foreign property), plus XKX (Kosovo, a user-assigned code) and ZZZ (HMRC's code for a
 * country not otherwise listed). [PB app/shared/controllers/validators/resolvers/
 * ResolveParsedCountryCode.scala permittedCodes, compared with ISO 3166-1]
 */
const NOT_PERMITTED = new Set([
  'ALA',
  'ATA',
  'ATF',
  'BLM',
  'BVT',
  'ESH',
  'GBR',
  'HMD',
  'IOT',
  'MAF',
  'PSE',
  'SGS',
  'UMI',
]);
const ADDED = ['XKX', 'ZZZ'];

const PERMITTED = new Set([
  ...isoCountries()
    .map((c) => c.alpha3)
    .filter((code) => !NOT_PERMITTED.has(code)),
  ...ADDED,
]);

export const FORMAT_COUNTRY_CODE = rule(
  'FORMAT_COUNTRY_CODE',
  'The provided Country code is invalid',
);
export const RULE_COUNTRY_CODE = rule(
  'RULE_COUNTRY_CODE',
  'The country code is not a permitted ISO 3166-1 alpha-3 country code',
);

/**
 * A country code as HMRC checks it: not three characters is FORMAT_COUNTRY_CODE; three that are
 * not permitted is RULE_COUNTRY_CODE. With a path, the error carries it. [PB ResolveParsedCountryCode.scala]
 */
export function checkCountryCode(value: string, path?: string): MtdError | undefined {
  const withPath = (e: MtdError) => (path ? { ...e, paths: [path] } : e);
  if (value.length !== 3) return withPath(FORMAT_COUNTRY_CODE);
  return PERMITTED.has(value) ? undefined : withPath(RULE_COUNTRY_CODE);
}
