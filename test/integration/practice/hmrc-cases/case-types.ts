/**
 * One validation case learnt from HMRC's own public tests: where it comes from, the request
 * (with placeholders for the signed-in practice person), and what HMRC answers.
 *
 * Placeholders: `{N}` is the authorised person's NINO, `{SE}`, `{PB}` and `{FP}` their
 * self-employment, UK property and foreign property business ids. HMRC's tests stub authorisation; Practice HMRC authorises for
 * real, so a valid NINO in HMRC's test becomes `{N}` here.
 */
export interface HmrcSource {
  repo: string;
  /** Path of the test file in that repository. */
  file: string;
  /** The test's name (or its row) in that file. */
  test: string;
  /** Why the HTTP answer differs from the validator-level assertion, where it does. */
  note?: string;
}

export interface ExpectedError {
  code: string;
  paths?: string[];
  message?: string;
}

export type Endpoint =
  | 'se-put'
  | 'se-get'
  | 'pb-put'
  | 'pb-get'
  | 'bd-list'
  | 'bd-retrieve'
  | 'bd-period-type'
  | 'ob-income'
  | 'ob-final'
  | 'ic-trigger'
  | 'ic-list'
  | 'ic-retrieve'
  | 'ic-submit'
  | 'bd-accounting-type-get'
  | 'bd-accounting-type-put'
  | 'bd-periods-get'
  | 'bd-periods-put'
  | 'bd-ladr-get'
  | 'bd-ladr-disapply'
  | 'bd-ladr-withdraw'
  | 'se-annual-put'
  | 'se-annual-get'
  | 'se-annual-delete'
  | 'pb-uk-annual-put'
  | 'pb-uk-annual-get'
  | 'pb-foreign-annual-put'
  | 'pb-foreign-annual-get'
  | 'pb-annual-delete'
  | 'pb-foreign-cumulative-put'
  | 'pb-foreign-cumulative-get'
  | 'pb-foreign-details-create'
  | 'pb-foreign-details-get'
  | 'pb-foreign-details-update'
  | 'itsa-status'
  | 'il-losses-claims-put'
  | 'bsas-trigger';

export interface HmrcCase {
  source: HmrcSource;
  endpoint: Endpoint;
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  path: string;
  body?: unknown;
  /** Extra request headers (e.g. HMRC's switch that suspends "tax year has ended" checks). */
  headers?: Record<string, string>;
  /**
   * What HMRC answers: an error answer, or `passes` when HMRC's validation lets the request
   * through to its backend (observed here with a Gov-Test-Scenario that answers after validation).
   */
  expect: { status: number; errors: ExpectedError[] } | 'passes';
}

export const REPOS = {
  se: 'hmrc/self-employment-business-api',
  pb: 'hmrc/property-business-api',
  bd: 'hmrc/business-details-api',
  ob: 'hmrc/obligations-api',
  ic: 'hmrc/individual-calculations-api',
  said: 'hmrc/self-assessment-individual-details-api',
  il: 'hmrc/individual-losses-api',
  bsas: 'hmrc/self-assessment-bsas-api',
} as const;

/** The note for validator-level cases whose NINO is also bad. */
export const NINO_FIRST =
  "HMRC's MtdIdLookupService refuses a bad NINO before the validator runs, so over HTTP only FORMAT_NINO is answered";

export const err = (code: string, paths?: string[], message?: string): ExpectedError => ({
  code,
  ...(paths ? { paths } : {}),
  ...(message ? { message } : {}),
});

/** Shorthand for a 400 answer. */
export const bad = (...errors: (string | ExpectedError)[]) => ({
  status: 400,
  errors: errors.map((e) => (typeof e === 'string' ? err(e) : e)),
});

/** Sets a value at a JSON pointer in a copy of `body` (objects created as needed); undefined removes it. */
export function withValue(body: unknown, pointer: string, value: unknown): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  const keys = pointer.split('/').slice(1);
  let at: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) {
    if (typeof at[k] !== 'object' || at[k] === null) at[k] = {};
    at = at[k] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1] as string;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return copy;
}
