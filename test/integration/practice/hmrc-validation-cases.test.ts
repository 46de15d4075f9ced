import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient } from './helpers/contract-client';
import { REFERENCE_NOW, type Session, startSession } from './helpers/practice-session';
import { BSAS_CASES } from './hmrc-cases/bsas';
import { BUSINESS_DETAILS_CASES } from './hmrc-cases/business-details';
import { BUSINESS_DETAILS_YEAR_END_CASES } from './hmrc-cases/business-details-year-end';
import { CALCULATIONS_CASES } from './hmrc-cases/calculations';
import { type Endpoint, type ExpectedError, type HmrcCase } from './hmrc-cases/case-types';
import { OBLIGATIONS_CASES } from './hmrc-cases/obligations';
import { ITSA_STATUS_CASES } from './hmrc-cases/itsa-status';
import { LOSSES_CASES } from './hmrc-cases/losses';
import { PROPERTY_CASES } from './hmrc-cases/property';
import { PROPERTY_YEAR_END_CASES } from './hmrc-cases/property-year-end';
import { SELF_EMPLOYMENT_CASES } from './hmrc-cases/self-employment';
import { SELF_EMPLOYMENT_ANNUAL_CASES } from './hmrc-cases/self-employment-annual';

/**
 * Practice HMRC against the validation cases in HMRC's own public tests (controller integration
 * specs and validator specs of each API it implements). Every case names its source; each is
 * sent over HTTP with a Gov-Test-Scenario that HMRC's sandbox answers only after its validation,
 * so an expected error proves the check comes first and an expected pass shows the request got
 * through to the (canned) backend answer.
 */
const NOT_FOUND_PROBE = { scenario: 'NOT_FOUND', status: 404, code: 'MATCHING_RESOURCE_NOT_FOUND' };

const PROBES: Record<Endpoint, { scenario: string; status: number; code: string }> = {
  'se-put': { scenario: 'NOT_FOUND', status: 404, code: 'MATCHING_RESOURCE_NOT_FOUND' },
  'se-get': { scenario: 'NOT_FOUND', status: 404, code: 'MATCHING_RESOURCE_NOT_FOUND' },
  'pb-put': { scenario: 'NOT_FOUND', status: 404, code: 'MATCHING_RESOURCE_NOT_FOUND' },
  'pb-get': { scenario: 'NOT_FOUND', status: 404, code: 'MATCHING_RESOURCE_NOT_FOUND' },
  'bd-list': { scenario: 'NOT_FOUND', status: 404, code: 'MATCHING_RESOURCE_NOT_FOUND' },
  'bd-retrieve': { scenario: 'NOT_FOUND', status: 404, code: 'MATCHING_RESOURCE_NOT_FOUND' },
  'bd-period-type': {
    scenario: 'BUSINESS_ID_NOT_FOUND',
    status: 404,
    code: 'RULE_BUSINESS_ID_NOT_FOUND',
  },
  'ob-income': { scenario: 'NOT_FOUND', status: 404, code: 'MATCHING_RESOURCE_NOT_FOUND' },
  'ob-final': { scenario: 'NOT_FOUND', status: 404, code: 'MATCHING_RESOURCE_NOT_FOUND' },
  'ic-trigger': {
    scenario: 'NO_INCOME_SUBMISSIONS_EXIST',
    status: 400,
    code: 'RULE_NO_INCOME_SUBMISSIONS_EXIST',
  },
  'ic-list': { scenario: 'NOT_FOUND', status: 404, code: 'MATCHING_RESOURCE_NOT_FOUND' },
  'ic-retrieve': { scenario: 'NOT_FOUND', status: 404, code: 'MATCHING_RESOURCE_NOT_FOUND' },
  'ic-submit': { scenario: 'NOT_FOUND', status: 404, code: 'MATCHING_RESOURCE_NOT_FOUND' },
  'bd-accounting-type-get': NOT_FOUND_PROBE,
  'bd-accounting-type-put': NOT_FOUND_PROBE,
  'bd-periods-get': NOT_FOUND_PROBE,
  'bd-periods-put': NOT_FOUND_PROBE,
  'bd-ladr-get': NOT_FOUND_PROBE,
  'bd-ladr-disapply': NOT_FOUND_PROBE,
  'bd-ladr-withdraw': NOT_FOUND_PROBE,
  'se-annual-put': NOT_FOUND_PROBE,
  'se-annual-get': NOT_FOUND_PROBE,
  'se-annual-delete': NOT_FOUND_PROBE,
  'pb-uk-annual-put': NOT_FOUND_PROBE,
  // The retrieves have no NOT_FOUND scenario; the other business type's answers after validation.
  'pb-uk-annual-get': {
    scenario: 'FOREIGN_PROPERTY',
    status: 400,
    code: 'RULE_TYPE_OF_BUSINESS_INCORRECT',
  },
  'pb-foreign-annual-put': NOT_FOUND_PROBE,
  'pb-foreign-annual-get': {
    scenario: 'UK_PROPERTY',
    status: 400,
    code: 'RULE_TYPE_OF_BUSINESS_INCORRECT',
  },
  'pb-annual-delete': NOT_FOUND_PROBE,
  'pb-foreign-cumulative-put': NOT_FOUND_PROBE,
  'pb-foreign-cumulative-get': NOT_FOUND_PROBE,
  'pb-foreign-details-create': NOT_FOUND_PROBE,
  'pb-foreign-details-get': NOT_FOUND_PROBE,
  'pb-foreign-details-update': NOT_FOUND_PROBE,
  'itsa-status': NOT_FOUND_PROBE,
  'il-losses-claims-put': NOT_FOUND_PROBE,
  'bsas-trigger': NOT_FOUND_PROBE,
};

const ALL: [string, HmrcCase[]][] = [
  ['Self Employment Business 5.0', SELF_EMPLOYMENT_CASES],
  ['Property Business 6.0 (UK cumulative)', PROPERTY_CASES],
  ['Business Details 2.0', BUSINESS_DETAILS_CASES],
  ['Obligations 3.0', OBLIGATIONS_CASES],
  ['Individual Calculations 8.0', CALCULATIONS_CASES],
  ['Business Details 2.0 (year end)', BUSINESS_DETAILS_YEAR_END_CASES],
  ['Self Employment Business 5.0 (annual submission)', SELF_EMPLOYMENT_ANNUAL_CASES],
  ['Property Business 6.0 (annual, foreign property)', PROPERTY_YEAR_END_CASES],
  ['Self Assessment Individual Details 2.0', ITSA_STATUS_CASES],
  ['Individual Losses 7.0 (losses and claims)', LOSSES_CASES],
  ['Business Source Adjustable Summary 7.0 (trigger)', BSAS_CASES],
];

let s: Session;
let api: ApiClient;
const ids = { N: '', SE: '', PB: '', FP: '' };

beforeAll(async () => {
  s = await startSession({ at: REFERENCE_NOW });
  const person = s.practice.createIndividual({
    businesses: [
      { typeOfBusiness: 'self-employment', commencementDate: '2010-01-01' },
      { typeOfBusiness: 'uk-property', commencementDate: '2010-01-01' },
      { typeOfBusiness: 'foreign-property', commencementDate: '2010-01-01' },
    ],
  });
  ids.N = person.nino as string;
  ids.SE = person.businesses?.[0]?.businessId as string;
  ids.PB = person.businesses?.[1]?.businessId as string;
  ids.FP = person.businesses?.[2]?.businessId as string;
  api = await s.as(person);
});
afterAll(async () => {
  await s.practice.stop();
});

/** The errors in an HMRC error body, as code, paths and message. */
function errorsOf(body: unknown): ExpectedError[] {
  const b = body as { code?: string; message?: string; paths?: string[]; errors?: ExpectedError[] };
  const list = b.errors ?? [b as ExpectedError];
  return list.map((e) => ({
    code: e.code,
    ...(e.paths ? { paths: e.paths } : {}),
    message: e.message ?? '',
  }));
}

const fill = (path: string) =>
  path
    .replace('{N}', ids.N)
    .replace('{SE}', ids.SE)
    .replace('{PB}', ids.PB)
    .replace('{FP}', ids.FP);

function label(c: HmrcCase): string {
  return `${c.source.file.split('/').pop()}: ${c.source.test}`;
}

describe.each(ALL)("HMRC's validation cases: %s", (_api, cases) => {
  it.each(cases.map((c) => [label(c), c] as const))('%s', async (_name, c) => {
    const probe = PROBES[c.endpoint];
    const res = await api.call({
      method: c.method,
      path: fill(c.path),
      ...(c.body !== undefined ? { body: c.body } : {}),
      ...(c.headers ? { headers: c.headers } : {}),
      scenario: probe.scenario,
    });
    if (c.expect === 'passes') {
      expect(
        { status: res.status, codes: errorsOf(res.body).map((e) => e.code) },
        `passes HMRC's validation (${c.source.repo} ${c.source.file})`,
      ).toEqual({ status: probe.status, codes: [probe.code] });
      return;
    }
    const actual = errorsOf(res.body);
    const expected = c.expect.errors.map((e, i) => ({
      code: e.code,
      ...(e.paths ? { paths: e.paths } : {}),
      message: e.message ?? actual[i]?.message ?? '',
    }));
    expect(
      { status: res.status, errors: actual },
      `${c.source.repo} ${c.source.file}${c.source.note ? ` (${c.source.note})` : ''}`,
    ).toEqual({ status: c.expect.status, errors: expected });
  });
});

it('counts the cases checked, per repository', () => {
  const byRepo = new Map<string, number>();
  for (const [, cases] of ALL)
    for (const c of cases) byRepo.set(c.source.repo, (byRepo.get(c.source.repo) ?? 0) + 1);
  const total = [...byRepo.values()].reduce((a, b) => a + b, 0);
  console.log(
    `[figures] HMRC validation cases: ${total} (${[...byRepo].map(([r, n]) => `${r} ${n}`).join(', ')})`,
  );
  expect(total).toBeGreaterThan(200);
});
