import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_FAULTS } from '../../../src/practice/server';
import { PLATFORM_ERROR_CODES, loadHmrcSpecs } from '../../support/hmrc-specs';
import { ApiClient, errorCodesOf } from './helpers/contract-client';
import { validFraudHeaders } from './helpers/fraud-headers';
import {
  type Tokens,
  linkUser,
  pkcePair,
  tokenRequest,
  walkGrantJourney,
} from './helpers/grant-journey';
import { REFERENCE_NOW, SEEDED, type Session, startSession } from './helpers/practice-session';
import { refreshHold } from './helpers/refresh-hold';

/**
 * The "done when" checklist: every status code and error code the Practice HMRC brief names is
 * produced here by a request and asserted. Other test files cover each in more depth; this one
 * keeps the whole list in one visible table. Rows naming an HMRC endpoint also check that HMRC's
 * spec lists the code for it (or for the API, or the API platform), so nothing is invented.
 */
interface Outcome {
  status: number;
  /** Error codes in the answer (OAuth `error`, HMRC `code`s, fraud-header `code`, or page text). */
  codes: string[];
}
interface Row {
  name: string;
  status: number;
  code?: string;
  spec?: { api: string; method: string; template: string };
  run: () => Promise<Outcome>;
}

const { specs } = loadHmrcSpecs();
const A = SEEDED.individualA;
const C = SEEDED.agentClients;
const CLIENT = {
  client_id: 'ledgerlink-practice',
  client_secret: 'practice-secret-not-confidential',
};
const LOOPBACK = 'http://localhost:53682/oauth/callback';
const SE_T = '/individuals/business/self-employment/{nino}/{businessId}/cumulative/{taxYear}';
const PB_T = '/individuals/business/property/uk/{nino}/{businessId}/cumulative/{taxYear}';
const SE = (t: string) => ({ api: 'self-employment-business-api', method: 'put', template: t });

let s: Session;
const hold = refreshHold();
/** The rate limit's clock (monotonic ms): moved a second on instead of waiting one. */
let rateClockMs = 0;
let alice: ApiClient;
let agent: ApiClient;
let trader: { api: ApiClient; nino: string; se: string; pb: string };

beforeAll(async () => {
  s = await startSession({
    at: REFERENCE_NOW,
    calculationDelayMs: 5000,
    refreshWait: hold.wait,
    rateLimitClock: () => rateClockMs,
  });
  alice = await s.as(SEEDED.individualA);
  agent = await s.as(SEEDED.agent);
  const u = s.practice.createIndividual({
    businesses: [
      { typeOfBusiness: 'self-employment', commencementDate: '2010-01-01' },
      { typeOfBusiness: 'uk-property', commencementDate: '2010-01-01' },
    ],
  });
  trader = {
    api: await s.as(u),
    nino: u.nino as string,
    se: u.businesses?.[0]?.businessId as string,
    pb: u.businesses?.[1]?.businessId as string,
  };
});
afterAll(async () => {
  await s.practice.stop();
});

const out = (r: { status: number; body: unknown }): Outcome => ({
  status: r.status,
  codes: errorCodesOf(r.body),
});
const oauth = (r: { status: number; body: Record<string, unknown> }): Outcome => ({
  status: r.status,
  codes: [typeof r.body.error === 'string' ? r.body.error : ''],
});
const sePath = (ty = '2026-27') =>
  `/individuals/business/self-employment/${trader.nino}/${trader.se}/cumulative/${ty}`;
const pbPath = (id = trader.pb) =>
  `/individuals/business/property/uk/${trader.nino}/${id}/cumulative/2026-27`;
const seBody = (from: string, to: string, extra: Record<string, unknown> = {}) => ({
  periodDates: { periodStartDate: from, periodEndDate: to },
  periodIncome: { turnover: 100, other: 0 },
  ...extra,
});
async function authorizePage(params: Record<string, string>): Promise<Outcome> {
  const qs = new URLSearchParams({
    response_type: 'code',
    client_id: 'ledgerlink-practice',
    scope: 'read:self-assessment',
    redirect_uri: LOOPBACK,
    ...params,
  });
  const res = await fetch(`${s.practice.baseUrl}/oauth/authorize?${qs.toString()}`);
  const html = await res.text();
  return {
    status: res.status,
    codes: [/<code id="error-code">([^<]+)<\/code>/.exec(html)?.[1] ?? ''],
  };
}
async function code(challenge?: string): Promise<string> {
  const r = await walkGrantJourney(s.practice.baseUrl, {
    ...A,
    redirectUri: LOOPBACK,
    ...(challenge ? { codeChallenge: challenge } : {}),
  });
  return new URL(r.location as string).searchParams.get('code') as string;
}
/** A separate Practice HMRC whose clock can jump without disturbing the others. */
async function withOwnServer<T>(
  at: string,
  fn: (t: Session, tokens: Tokens) => Promise<T>,
): Promise<T> {
  const own = await startSession({ at });
  try {
    return await fn(own, await linkUser(own.practice.baseUrl, A));
  } finally {
    await own.practice.stop();
  }
}

const rows: Row[] = [
  // OAuth: authorise [reference §2.2]
  {
    name: 'authorize: response_type=token',
    status: 400,
    code: 'unsupported_response_type',
    run: () => authorizePage({ response_type: 'token' }),
  },
  {
    name: 'authorize: unknown scope',
    status: 400,
    code: 'invalid_scope',
    run: () => authorizePage({ scope: 'read:vat' }),
  },
  {
    name: 'authorize: client_secret present',
    status: 400,
    code: 'invalid_request',
    run: () => authorizePage({ client_secret: 'x' }),
  },
  {
    name: 'authorize: code_challenge without method',
    status: 400,
    code: 'invalid_request',
    run: () => authorizePage({ code_challenge: pkcePair().challenge }),
  },
  {
    name: 'authorize: redirect_uri not registered',
    status: 400,
    code: 'invalid_request',
    run: () => authorizePage({ redirect_uri: 'http://localhost:9999/cb' }),
  },
  {
    name: 'grant: 303 to the redirect_uri with code and state',
    status: 303,
    code: 'code',
    run: async () => {
      const r = await walkGrantJourney(s.practice.baseUrl, {
        ...A,
        redirectUri: LOOPBACK,
        state: 'st',
      });
      const url = new URL(r.location as string);
      return {
        status: 303,
        codes:
          url.searchParams.get('state') === 'st' && url.searchParams.get('code') ? ['code'] : [],
      };
    },
  },
  {
    name: 'decline: access_denied, USER_DENIED_AUTHORIZATION',
    status: 303,
    code: 'USER_DENIED_AUTHORIZATION',
    run: async () => {
      const r = await walkGrantJourney(s.practice.baseUrl, {
        ...A,
        redirectUri: LOOPBACK,
        state: 'st',
        decision: 'decline',
      });
      const q = new URL(r.location as string).searchParams;
      return {
        status: 303,
        codes: q.get('error') === 'access_denied' ? [q.get('error_code') as string] : [],
      };
    },
  },
  {
    name: 'oob: the code in the page title',
    status: 200,
    code: 'Success code=',
    run: async () => {
      const r = await walkGrantJourney(s.practice.baseUrl, {
        ...A,
        redirectUri: 'urn:ietf:wg:oauth:2.0:oob',
      });
      return {
        status: r.finalPage?.status as number,
        codes: [
          /<title>(Success code=)[0-9a-f]{32}<\/title>/.exec(r.finalPage?.html ?? '')?.[1] ?? '',
        ],
      };
    },
  },
  // OAuth: token [reference §2.4-§2.6]
  {
    name: 'token: code exchange, expires_in 14400',
    status: 200,
    code: '14400',
    run: async () => {
      const r = await tokenRequest(s.practice.baseUrl, {
        ...CLIENT,
        grant_type: 'authorization_code',
        redirect_uri: LOOPBACK,
        code: await code(),
      });
      return { status: r.status, codes: [String(r.body.expires_in)] };
    },
  },
  {
    name: 'token: client_secret missing',
    status: 400,
    code: 'invalid_request',
    run: async () =>
      oauth(
        await tokenRequest(s.practice.baseUrl, {
          client_id: CLIENT.client_id,
          grant_type: 'authorization_code',
        }),
      ),
  },
  {
    name: 'token: wrong client_secret',
    status: 401,
    code: 'invalid_client',
    run: async () =>
      oauth(
        await tokenRequest(s.practice.baseUrl, {
          ...CLIENT,
          client_secret: 'no',
          grant_type: 'authorization_code',
        }),
      ),
  },
  {
    name: 'token: code_verifier does not match',
    status: 400,
    code: 'invalid_grant',
    run: async () => {
      const c = await code(pkcePair().challenge);
      return oauth(
        await tokenRequest(s.practice.baseUrl, {
          ...CLIENT,
          grant_type: 'authorization_code',
          redirect_uri: LOOPBACK,
          code: c,
          code_verifier: pkcePair().verifier,
        }),
      );
    },
  },
  {
    name: 'token: other grant type',
    status: 400,
    code: 'unsupported_grant_type',
    run: async () =>
      oauth(await tokenRequest(s.practice.baseUrl, { ...CLIENT, grant_type: 'password' })),
  },
  {
    name: 'token: refresh already in progress',
    status: 400,
    code: 'Refresh operation is already in progress',
    run: async () => {
      const t = await linkUser(s.practice.baseUrl, A);
      s.practice.setRefreshProcessingMs(300);
      try {
        const form = { ...CLIENT, grant_type: 'refresh_token', refresh_token: t.refresh_token };
        // The first refresh is held in progress until the second has had its answer.
        const first = tokenRequest(s.practice.baseUrl, form);
        await hold.inProgress();
        const second = await tokenRequest(s.practice.baseUrl, form);
        hold.release();
        await first;
        return {
          status: second.status,
          codes: [
            second.body.error === 'invalid_request' ? String(second.body.error_description) : '',
          ],
        };
      } finally {
        s.practice.setRefreshProcessingMs(0);
      }
    },
  },
  {
    name: 'token: refresh after the 18-month grant',
    status: 400,
    code: 'invalid_grant',
    run: () =>
      withOwnServer(REFERENCE_NOW, async (own, t) => {
        own.clock.advance(547 * 86_400_000 + 1000);
        return oauth(
          await tokenRequest(own.practice.baseUrl, {
            ...CLIENT,
            grant_type: 'refresh_token',
            refresh_token: t.refresh_token,
          }),
        );
      }),
  },
  // API platform [reference §3.1, §3.6, §3.7, §2.9]
  {
    name: 'X-CorrelationId on a 200 (asserted by ApiClient)',
    status: 200,
    run: async () => out(await alice.get(`/individuals/business/details/${A.nino}/list`)),
  },
  {
    name: 'wrong Accept version',
    status: 406,
    code: 'ACCEPT_HEADER_INVALID',
    run: async () =>
      out(
        await alice.get(`/individuals/business/details/${A.nino}/list`, {
          accept: 'application/vnd.hmrc.1.0+json',
        }),
      ),
  },
  {
    name: 'no bearer token',
    status: 401,
    code: 'MISSING_CREDENTIALS',
    run: async () =>
      out(
        await new ApiClient(s.practice.baseUrl).get(`/individuals/business/details/${A.nino}/list`),
      ),
  },
  {
    name: 'unknown token',
    status: 401,
    code: 'INVALID_CREDENTIALS',
    run: async () =>
      out(await alice.get(`/individuals/business/details/${A.nino}/list`, { token: 'x' })),
  },
  {
    name: 'access token superseded by a refresh',
    status: 401,
    code: 'INVALID_CREDENTIALS',
    run: async () => {
      const t = await linkUser(s.practice.baseUrl, A);
      await tokenRequest(s.practice.baseUrl, {
        ...CLIENT,
        grant_type: 'refresh_token',
        refresh_token: t.refresh_token,
      });
      return out(
        await alice.get(`/individuals/business/details/${A.nino}/list`, { token: t.access_token }),
      );
    },
  },
  {
    name: 'access token expired after 4 hours',
    status: 401,
    code: 'INVALID_CREDENTIALS',
    run: () =>
      withOwnServer(REFERENCE_NOW, async (own, t) => {
        own.clock.advance(14_400_000 + 1000);
        return out(
          await new ApiClient(own.practice.baseUrl, t.access_token).get(
            `/individuals/business/details/${A.nino}/list`,
          ),
        );
      }),
  },
  {
    name: 'read-only token on a PUT',
    status: 403,
    code: 'INVALID_SCOPE',
    run: async () =>
      out(
        await (
          await s.as(A, 'read:self-assessment')
        ).put(sePath(), seBody('2026-04-06', '2026-07-05')),
      ),
  },
  {
    name: "individual, someone else's NINO",
    status: 403,
    code: 'CLIENT_OR_AGENT_NOT_AUTHORISED',
    run: async () =>
      out(await alice.get(`/individuals/business/details/${SEEDED.individualB.nino}/list`)),
  },
  {
    name: 'agent, client has not authorised',
    status: 403,
    code: 'CLIENT_OR_AGENT_NOT_AUTHORISED',
    run: async () =>
      out(await agent.get(`/obligations/details/${C.notAuthorised.nino}/crystallisation`)),
  },
  {
    name: 'supporting agent, Individual Calculations',
    status: 403,
    code: 'CLIENT_OR_AGENT_NOT_AUTHORISED',
    run: async () =>
      out(
        await agent.post(
          `/individuals/calculations/${C.supporting.nino}/self-assessment/2026-27/trigger/in-year`,
        ),
      ),
  },
  {
    name: 'supporting agent, final declaration',
    status: 403,
    code: 'CLIENT_OR_AGENT_NOT_AUTHORISED',
    run: async () =>
      out(
        await agent.post(
          `/individuals/calculations/${C.supporting.nino}/self-assessment/2025-26/f2fb30e5-4ab6-4a29-b3c1-c7264259ff1c/final-declaration`,
        ),
      ),
  },
  {
    name: 'rate limit: 4 requests in a second',
    status: 429,
    code: 'MESSAGE_THROTTLED_OUT',
    run: async () => {
      s.practice.setRateLimit(3);
      try {
        rateClockMs += 1000; // a fresh second, without waiting for one
        const all = await Promise.all(
          Array.from({ length: 4 }, () =>
            alice.get(`/individuals/business/details/${A.nino}/list`),
          ),
        );
        return out(
          all.find((r) => r.status === 429) ?? (all[0] as { status: number; body: unknown }),
        );
      } finally {
        s.practice.setRateLimit(0);
      }
    },
  },
  // Path formats
  {
    name: 'bad NINO',
    status: 400,
    code: 'FORMAT_NINO',
    spec: SE(SE_T),
    run: async () =>
      out(
        await trader.api.put(
          `/individuals/business/self-employment/AA1/${trader.se}/cumulative/2026-27`,
          seBody('2026-04-06', '2026-07-05'),
        ),
      ),
  },
  {
    name: 'bad business id',
    status: 400,
    code: 'FORMAT_BUSINESS_ID',
    spec: SE(SE_T),
    run: async () =>
      out(
        await trader.api.put(
          `/individuals/business/self-employment/${trader.nino}/XX/cumulative/2026-27`,
          seBody('2026-04-06', '2026-07-05'),
        ),
      ),
  },
  {
    name: 'bad tax year',
    status: 400,
    code: 'FORMAT_TAX_YEAR',
    spec: SE(SE_T),
    run: async () => out(await trader.api.put(sePath('26-27'), seBody('2026-04-06', '2026-07-05'))),
  },
  {
    name: 'tax year spanning two years',
    status: 400,
    code: 'RULE_TAX_YEAR_RANGE_INVALID',
    spec: SE(SE_T),
    run: async () =>
      out(await trader.api.put(sePath('2025-27'), seBody('2026-04-06', '2026-07-05'))),
  },
  {
    name: 'cumulative before 2025-26',
    status: 400,
    code: 'RULE_TAX_YEAR_NOT_SUPPORTED',
    spec: SE(SE_T),
    run: async () =>
      out(await trader.api.put(sePath('2024-25'), seBody('2024-04-06', '2024-07-05'))),
  },
  // Bodies [reference §3.6]
  {
    name: 'several field errors wrapped in INVALID_REQUEST (FORMAT_VALUE with paths)',
    status: 400,
    code: 'FORMAT_VALUE',
    spec: SE(SE_T),
    run: async () => {
      const r = await trader.api.put(
        sePath(),
        seBody('2026-04-06', '2026-07-05', {
          periodIncome: { turnover: -1 },
          periodExpenses: { costOfGoods: 0.001 },
        }),
      );
      const b = r.body as { code: string; errors: { paths: string[] }[] };
      return {
        status: r.status,
        codes:
          b.code === 'INVALID_REQUEST' && b.errors.every((e) => e.paths.length > 0)
            ? errorCodesOf(b)
            : [],
      };
    },
  },
  {
    name: 'empty body',
    status: 400,
    code: 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED',
    spec: SE(SE_T),
    run: async () => out(await trader.api.put(sePath(), {})),
  },
  {
    name: 'both expenses',
    status: 400,
    code: 'RULE_BOTH_EXPENSES_SUPPLIED',
    spec: SE(SE_T),
    run: async () =>
      out(
        await trader.api.put(
          sePath(),
          seBody('2026-04-06', '2026-07-05', {
            periodExpenses: { consolidatedExpenses: 1, adminCosts: 1 },
          }),
        ),
      ),
  },
  {
    name: 'more than 10 days early',
    status: 400,
    code: 'RULE_EARLY_DATA_SUBMISSION_NOT_ACCEPTED',
    spec: SE(SE_T),
    run: async () => out(await trader.api.put(sePath(), seBody('2026-04-06', '2027-01-05'))),
  },
  {
    name: 'advance submission not ending on the period end',
    status: 400,
    code: 'RULE_ADVANCE_SUBMISSION_REQUIRES_PERIOD_END_DATE',
    spec: SE(SE_T),
    run: () =>
      withOwnServer('2026-12-30T12:00:00Z', async (own, t) =>
        out(
          await new ApiClient(own.practice.baseUrl, t.access_token).put(
            `/individuals/business/self-employment/${A.nino}/${A.selfEmploymentId}/cumulative/2026-27`,
            seBody('2026-04-06', '2027-01-01'),
          ),
        ),
      ),
  },
  {
    name: 'start not 6 April (standard)',
    status: 400,
    code: 'RULE_START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
    spec: SE(SE_T),
    run: async () => out(await trader.api.put(sePath(), seBody('2026-04-01', '2026-07-05'))),
  },
  {
    name: 'end after the reporting year',
    status: 400,
    code: 'RULE_END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
    spec: SE(SE_T),
    run: async () => {
      const bilal = await s.as(SEEDED.individualB);
      // Calendar quarters end on 31 March, not 5 April.
      return out(
        await bilal.put(
          `/individuals/business/self-employment/${SEEDED.individualB.nino}/${SEEDED.individualB.selfEmploymentIds[0]}/cumulative/2026-27`,
          seBody('2026-04-06', '2027-04-05'),
        ),
      );
    },
  },
  {
    name: 'end date moving backwards',
    status: 400,
    code: 'RULE_SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS',
    spec: SE(SE_T),
    run: async () => {
      await trader.api.put(sePath(), seBody('2026-04-06', '2026-10-05'));
      return out(await trader.api.put(sePath(), seBody('2026-04-06', '2026-07-05')));
    },
  },
  {
    name: 'SE end before start',
    status: 400,
    code: 'RULE_END_DATE_BEFORE_START_DATE',
    spec: SE(SE_T),
    run: async () => out(await trader.api.put(sePath(), seBody('2026-07-05', '2026-04-06'))),
  },
  {
    name: 'property to before from',
    status: 400,
    code: 'RULE_TO_DATE_BEFORE_FROM_DATE',
    spec: { api: 'property-business-api', method: 'put', template: PB_T },
    run: async () =>
      out(
        await trader.api.put(pbPath(), {
          fromDate: '2026-07-05',
          toDate: '2026-04-06',
          ukProperty: { income: { periodAmount: 1 } },
        }),
      ),
  },
  {
    name: 'property endpoint, self-employment business',
    status: 400,
    code: 'RULE_TYPE_OF_BUSINESS_INCORRECT',
    spec: { api: 'property-business-api', method: 'get', template: PB_T },
    run: async () => out(await trader.api.get(pbPath(trader.se))),
  },
  {
    name: 'nothing stored',
    status: 404,
    code: 'MATCHING_RESOURCE_NOT_FOUND',
    spec: { api: 'property-business-api', method: 'get', template: PB_T },
    run: async () => out(await trader.api.get(pbPath())),
  },
  {
    name: 'unknown business',
    status: 404,
    code: 'NO_BUSINESS_FOUND',
    spec: {
      api: 'business-details-api',
      method: 'get',
      template: '/individuals/business/details/{nino}/{businessId}',
    },
    run: async () =>
      out(await alice.get(`/individuals/business/details/${A.nino}/XAIS99999999999`)),
  },
  {
    name: 'Gov-Test-Scenario NOT_FOUND',
    status: 404,
    code: 'MATCHING_RESOURCE_NOT_FOUND',
    spec: SE(SE_T),
    run: async () =>
      out(
        await trader.api.put(sePath(), seBody('2026-04-06', '2026-11-05'), {
          scenario: 'NOT_FOUND',
        }),
      ),
  },
  {
    name: 'Gov-Test-Scenario rule (EARLY_DATA_SUBMISSION_NOT_ACCEPTED)',
    status: 400,
    code: 'RULE_EARLY_DATA_SUBMISSION_NOT_ACCEPTED',
    spec: SE(SE_T),
    run: async () =>
      out(
        await trader.api.put(sePath(), seBody('2026-04-06', '2026-11-05'), {
          scenario: 'EARLY_DATA_SUBMISSION_NOT_ACCEPTED',
        }),
      ),
  },
  {
    name: 'unknown Gov-Test-Scenario',
    status: 400,
    code: 'RULE_INCORRECT_GOV_TEST_SCENARIO',
    spec: SE(SE_T),
    run: async () =>
      out(await trader.api.put(sePath(), seBody('2026-04-06', '2026-11-05'), { scenario: 'NOPE' })),
  },
  // Successes
  {
    name: 'cumulative PUT (STATEFUL), twice: 204 both times',
    status: 204,
    run: async () => {
      const first = await trader.api.put(sePath(), seBody('2026-04-06', '2026-11-05'), {
        scenario: 'STATEFUL',
      });
      const second = await trader.api.put(sePath(), seBody('2026-04-06', '2026-11-05'));
      return { status: first.status === second.status ? second.status : 0, codes: [] };
    },
  },
  { name: 'cumulative GET', status: 200, run: async () => out(await trader.api.get(sePath())) },
  {
    name: 'trigger calculation: 202 {calculationId}',
    status: 202,
    run: async () =>
      out(
        await trader.api.post(
          `/individuals/calculations/${trader.nino}/self-assessment/2026-27/trigger/in-year`,
        ),
      ),
  },
  {
    name: 'retrieve before the calculation is ready',
    status: 404,
    code: 'MATCHING_RESOURCE_NOT_FOUND',
    run: async () => {
      const id = (
        (
          await alice.post(
            `/individuals/calculations/${A.nino}/self-assessment/2026-27/trigger/in-year`,
          )
        ).body as { calculationId: string }
      ).calculationId;
      return out(
        await alice.get(`/individuals/calculations/${A.nino}/self-assessment/2026-27/${id}`),
      );
    },
  },
  {
    name: 'final declaration: 204',
    status: 204,
    run: () =>
      withOwnServer(REFERENCE_NOW, async (own, t) => {
        own.practice.setCalculationDelayMs(0);
        const api = new ApiClient(own.practice.baseUrl, t.access_token);
        const base = `/individuals/calculations/${A.nino}/self-assessment/2025-26`;
        const id = (
          (await api.post(`${base}/trigger/intent-to-finalise`)).body as { calculationId: string }
        ).calculationId;
        return out(await api.post(`${base}/${id}/final-declaration`));
      }),
  },
  {
    name: 'Test Support: create a business (201)',
    status: 201,
    run: async () =>
      out(
        await trader.api.post(`/individuals/self-assessment-test-support/business/${trader.nino}`, {
          typeOfBusiness: 'foreign-property',
        }),
      ),
  },
  {
    name: 'quarterly period type for another year',
    status: 422,
    code: 'RULE_REQUEST_CANNOT_BE_FULFILLED',
    run: async () =>
      out(
        await trader.api.put(`/individuals/business/details/${trader.nino}/${trader.se}/2025-26`, {
          quarterlyPeriodType: 'calendar',
        }),
      ),
  },
  // Faults
  ...(
    [
      [500, 'INTERNAL_SERVER_ERROR'],
      [503, 'SERVER_ERROR'],
      [504, 'GATEWAY_TIMEOUT'],
    ] as const
  ).map(([status, code]) => ({
    name: `fault: ${status}`,
    status,
    code,
    run: async () => {
      s.practice.setFaults({ serverErrorRate: 1, serverErrorStatuses: [status] });
      try {
        return out(await alice.get(`/individuals/business/details/${A.nino}/list`));
      } finally {
        s.practice.setFaults(NO_FAULTS);
      }
    },
  })),
  {
    name: 'fault: dropped connection',
    status: 0,
    code: 'dropped',
    run: async () => {
      s.practice.setFaults({ dropRate: 1 });
      try {
        await alice.get(`/individuals/business/details/${A.nino}/list`);
        return { status: -1, codes: [] };
      } catch {
        return { status: 0, codes: ['dropped'] };
      } finally {
        s.practice.setFaults(NO_FAULTS);
      }
    },
  },
  // Fraud prevention headers [reference §4.5]
  ...(
    [
      ['VALID_HEADERS', {}],
      ['POTENTIALLY_INVALID_HEADERS', { 'Gov-Client-Multi-Factor': '' }],
      ['INVALID_HEADERS', { 'Gov-Client-Device-ID': undefined }],
    ] as const
  ).map(([code, change]) => ({
    name: `fraud headers: ${code}`,
    status: 200,
    code,
    run: async () => {
      const r = await alice.get('/test/fraud-prevention-headers/validate', {
        noFraudHeaders: true,
        headers: validFraudHeaders(change),
      });
      const b = r.body as { code: string; warnings: { code: string }[] };
      return { status: r.status, codes: [b.code, ...b.warnings.map((w) => w.code)] };
    },
  })),
  {
    name: 'fraud headers: EMPTY_HEADER warning',
    status: 200,
    code: 'EMPTY_HEADER',
    run: async () => {
      const r = await alice.get('/test/fraud-prevention-headers/validate', {
        noFraudHeaders: true,
        headers: validFraudHeaders({ 'Gov-Client-Multi-Factor': '' }),
      });
      return {
        status: r.status,
        codes: (r.body as { warnings: { code: string }[] }).warnings.map((w) => w.code),
      };
    },
  },
];

describe('checklist: every status and error code the brief names is produced and asserted', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const outcome = await row.run();
    expect(outcome.status).toBe(row.status);
    if (row.code) expect(outcome.codes).toContain(row.code);
    if (row.code && row.spec && specs) {
      const listed = new Set([
        ...specs.errorCodes(row.spec.api, row.spec.method, row.spec.template),
        ...specs.errorCodes(row.spec.api),
        ...Object.keys(PLATFORM_ERROR_CODES),
      ]);
      expect(listed.has(row.code), `${row.code} is listed in HMRC's spec for ${row.spec.api}`).toBe(
        true,
      );
    }
  });
});
