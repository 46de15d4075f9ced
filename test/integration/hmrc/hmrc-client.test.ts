import { afterEach, describe, expect, it } from 'vitest';
import { HMRC_APIS } from '../../../src/main/hmrc/api-versions';
import { HmrcError } from '../../../src/main/hmrc/errors/hmrc-error';
import { createRateLimiter, HMRC_RATE_LIMIT } from '../../../src/main/hmrc/rate-limiter';
import type { HmrcBusyInfo } from '../../../src/main/hmrc/hmrc-http-client';
import { calculationFigures } from '../../../src/main/hmrc/mappers/calculation-figures';
import {
  selfEmploymentCumulativeBody,
  selfEmploymentTotalsFromHmrc,
  type SelfEmploymentCumulativeTotals,
} from '../../../src/main/hmrc/mappers/self-employment-summary';
import {
  ukPropertyCumulativeBody,
  ukPropertyTotalsFromHmrc,
  type UkPropertyCumulativeTotals,
} from '../../../src/main/hmrc/mappers/uk-property-summary';
import { createOffsetClock, NO_FAULTS, SEEDED } from '../../../src/practice/server';
import type { FraudHeadersCheck } from '@shared/ipc/channels/hmrc';
import { loadHmrcSpecs, readSpecFile } from '../../support/hmrc-specs';
import { startHmrcHarness, type HmrcHarness } from './support/hmrc-harness';
import { pacedClock } from './support/paced-clock';
import type { Exchange } from './support/recording-proxy';

/** Practice HMRC's "today": tax year 2026-27, its second quarter ended (reference §5.2). */
const TODAY = Date.parse('2026-11-29T10:00:00.000Z');
const A = SEEDED.individualA;
/** A Dell desktop: for machines (VMs) whose firmware reports no maker or model. */
const DESKTOP = { manufacturer: 'Dell Inc.', model: 'OptiPlex 7090' };
const CORRELATION_ID = /^[0-9a-f-]{36}$/;

const { specs, reason } = loadHmrcSpecs();

let h: HmrcHarness | undefined;
afterEach(async () => {
  if (h) {
    // Nothing secret ever reached the log.
    expect(JSON.stringify(h.logs)).not.toMatch(/Bearer [A-Za-z0-9]/);
    await h.close();
  }
  h = undefined;
});

/** Practice HMRC's clock: tests move it instead of waiting for it. */
let practiceClock = createOffsetClock(TODAY);
/**
 * The rate limit's time: the app's limiter and Practice's counter share one virtual clock that
 * moves only when every call let go has been settled, so no test here depends on machine load
 * for whether HMRC would throttle it.
 */
let rateClock = pacedClock();
const start = async (options: Parameters<typeof startHmrcHarness>[0] = {}) => {
  practiceClock = createOffsetClock(TODAY);
  rateClock = pacedClock();
  h = await startHmrcHarness({
    device: DESKTOP,
    proxy: { now: rateClock.now, onSettled: (e) => isApiCall(e.url) && rateClock.settled() },
    app: {
      hmrcRateLimiter: rateClock.counting(
        createRateLimiter({ ...HMRC_RATE_LIMIT, now: rateClock.now, sleep: rateClock.sleep }),
      ),
    },
    ...options,
    practice: { clock: practiceClock, rateLimitClock: rateClock.now, ...options.practice },
  });
  return h;
};

const isApiCall = (url: string) => /^\/(individuals|obligations|test)\//.test(url);

const caught = async (p: Promise<unknown>): Promise<HmrcError> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof HmrcError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
};

/** Which of HMRC's API specs a request path belongs to. */
const API_OF: [prefix: string, api: string, ours: keyof typeof HMRC_APIS][] = [
  ['/individuals/business/details/', 'business-details-api', 'business-details'],
  ['/obligations/details/', 'obligations-api', 'obligations'],
  [
    '/individuals/business/self-employment/',
    'self-employment-business-api',
    'self-employment-business',
  ],
  ['/individuals/business/property/', 'property-business-api', 'property-business'],
  ['/individuals/calculations/', 'individual-calculations-api', 'individual-calculations'],
];

/** Every ITSA request the app sent, checked against HMRC's OAS: path, version, body, answer. */
function checkAgainstHmrcSpecs(exchanges: Exchange[]): number {
  let checked = 0;
  for (const e of exchanges) {
    const path = e.url.split('?')[0]!;
    const match = API_OF.find(([prefix]) => path.startsWith(prefix));
    if (!match) continue;
    const [, api, ours] = match;
    const where = `${e.method} ${path}`;
    const template = specs!.matchPath(api, e.method, path);
    expect(template, `${where} is not an operation of ${api}`).toBeDefined();
    // The Accept version is HMRC's, except Individual Calculations: 8.0 is the one live in
    // production while the saved spec is 9.0 (SOURCES.md).
    const version = (
      readSpecFile(`${specs!.dir}/${api}/application.yaml`) as { info: { version: string } }
    ).info.version;
    expect(e.headers.accept, where).toBe(
      `application/vnd.hmrc.${api === 'individual-calculations-api' ? HMRC_APIS[ours].version : version}+json`,
    );
    const requestSchema = specs!.requestSchema(api, e.method, template!);
    if (requestSchema) {
      const body = JSON.parse(e.body) as unknown;
      expect(requestSchema(body).errors, `${where} request body`).toEqual([]);
      expect(e.headers['content-type'], where).toBe('application/json');
    } else {
      expect(e.body, `${where} sends no body`).toBe('');
    }
    if (e.status && e.status < 300 && e.responseBody) {
      const answer = specs!.responseSchema(api, e.method, template!, e.status);
      if (answer) {
        const body = JSON.parse(e.responseBody) as unknown;
        expect(answer(body).errors, `${where} answer`).toEqual([]);
      }
    }
    checked += 1;
  }
  return checked;
}

describe.skipIf(!specs)(`the HMRC client against Practice HMRC (${reason})`, () => {
  it('calls every endpoint, each request exactly as HMRC’s OAS describes it', async () => {
    const harness = await start();
    const id = await harness.link(A, 'individual');
    const hmrc = harness.services.hmrc.forAccount(id);
    const results: { correlationId?: string | undefined }[] = [];
    const keep = <T extends { correlationId?: string | undefined }>(r: T) => (results.push(r), r);

    const list = keep(await hmrc.businessDetails.list(A.nino));
    expect(list.data.listOfBusinesses.map((b) => b.businessId).sort()).toEqual(
      [A.selfEmploymentId, A.ukPropertyId].sort(),
    );
    const business = keep(await hmrc.businessDetails.retrieve(A.nino, A.selfEmploymentId));
    expect(business.data).toMatchObject({
      businessId: A.selfEmploymentId,
      typeOfBusiness: 'self-employment',
    });
    keep(
      await hmrc.businessDetails.createAmendQuarterlyPeriodType(A.nino, A.ukPropertyId, '2026-27', {
        quarterlyPeriodType: 'standard',
      }),
    );

    const quarters = keep(await hmrc.obligations.incomeAndExpenditure(A.nino));
    expect(quarters.data.obligations.length).toBeGreaterThan(0);
    keep(
      await hmrc.obligations.incomeAndExpenditure(A.nino, {
        typeOfBusiness: 'self-employment',
        businessId: A.selfEmploymentId,
        fromDate: '2026-04-06',
        toDate: '2027-04-05',
      }),
    );
    keep(await hmrc.obligations.finalDeclaration(A.nino, { taxYear: '2025-26' }));

    const se: SelfEmploymentCumulativeTotals = {
      period: { start: '2026-04-06', end: '2026-10-05' },
      income: { turnover: 2_345_678, other: 10_050, taxTakenOffTradingIncome: 0 },
      expenses: {
        kind: 'itemised',
        amounts: { costOfGoods: 412_301, carVanTravelExpenses: 99_999, adminCosts: -1_200 },
        disallowable: { carVanTravelExpenses: 20_000 },
      },
    };
    keep(
      await hmrc.selfEmployment.putCumulative(
        A.nino,
        A.selfEmploymentId,
        '2026-27',
        selfEmploymentCumulativeBody(se),
      ),
    );
    const seBack = keep(
      await hmrc.selfEmployment.getCumulative(A.nino, A.selfEmploymentId, '2026-27'),
    );
    expect(selfEmploymentTotalsFromHmrc(seBack.data)).toEqual(
      selfEmploymentTotalsFromHmrc(selfEmploymentCumulativeBody(se)),
    );

    const ukp: UkPropertyCumulativeTotals = {
      period: { start: '2026-04-06', end: '2026-10-05' },
      income: {
        periodAmount: 1_200_000,
        premiumsOfLeaseGrant: 0,
        reversePremiums: 0,
        otherIncome: 2_501,
        taxDeducted: 0,
      },
      expenses: { kind: 'consolidated', total: 180_075 },
      residentialFinancialCost: 45_000,
    };
    keep(
      await hmrc.ukProperty.putCumulative(
        A.nino,
        A.ukPropertyId,
        '2026-27',
        ukPropertyCumulativeBody(ukp),
      ),
    );
    const ukpBack = keep(await hmrc.ukProperty.getCumulative(A.nino, A.ukPropertyId, '2026-27'));
    expect(ukPropertyTotalsFromHmrc(ukpBack.data)).toEqual(ukp);

    const inYear = keep(await hmrc.calculations.trigger(A.nino, '2026-27', 'in-year'));
    // The calculation is ready once Practice's clock has passed its processing time.
    practiceClock.advance(1000);
    const calc = keep(
      await hmrc.calculations.retrieve(A.nino, '2026-27', inYear.data.calculationId),
    );
    const figures = calculationFigures(calc.data);
    expect(figures.calculationId).toBe(inYear.data.calculationId);
    const listed = keep(await hmrc.calculations.list(A.nino, '2026-27'));
    expect(listed.data.calculations.map((c) => c.calculationId)).toContain(
      inYear.data.calculationId,
    );

    const finalise = keep(await hmrc.calculations.trigger(A.nino, '2025-26', 'intent-to-finalise'));
    // The calculation is ready once Practice's clock has passed its processing time.
    practiceClock.advance(1000);
    const toDeclare = keep(
      await hmrc.calculations.retrieve(A.nino, '2025-26', finalise.data.calculationId),
    );
    expect(toDeclare.data.messages?.errors ?? []).toEqual([]);
    const declared = keep(
      await hmrc.calculations.submitFinalDeclaration(
        A.nino,
        '2025-26',
        finalise.data.calculationId,
      ),
    );
    expect(declared.status).toBe(204);

    // Every answer's correlation id came back with it.
    for (const r of results) expect(r.correlationId).toMatch(CORRELATION_ID);
    const calls = harness.proxy.apiCalls();
    expect(calls.map((c) => c.status)).not.toContain(429);
    expect(checkAgainstHmrcSpecs(calls)).toBe(results.length);
    // … and each is in the log with its correlation id.
    const logged = JSON.stringify(harness.logs);
    for (const r of results) expect(logged).toContain(r.correlationId!);

    // Practice HMRC checked the fraud prevention headers of every call: no errors anywhere.
    const feedback = harness.practice.fraudHeaderFeedback();
    expect(Object.keys(feedback).sort()).toEqual([
      'business-details-api',
      'individual-calculations-api',
      'obligations-api',
      'property-business-api',
      'self-employment-business-api',
    ]);
    for (const [api, last] of Object.entries(feedback)) expect(last.report.errors, api).toEqual([]);
  });

  it("passes HMRC's fraud prevention header check: no errors, only the expected empty headers", async () => {
    const harness = await start();
    const id = await harness.link(A, 'individual');
    const result = await harness.call('hmrc.checkFraudHeaders', { accountId: id });
    expect(result.ok).toBe(true);
    const check = (result as { value: FraudHeadersCheck }).value;
    expect(check.errors).toEqual([]);
    expect(check.code).toBe('POTENTIALLY_INVALID_HEADERS');
    expect(check.warnings.map((w) => [w.code, w.headers])).toEqual([
      ['EMPTY_HEADER', ['gov-client-multi-factor']],
      ['EMPTY_HEADER', ['gov-vendor-license-ids']],
    ]);
    expect(check.warnings[0]!.explanation).toMatch(/no sign-in of its own/);
    expect(check.correlationId).toMatch(CORRELATION_ID);
    // The request really carried all fourteen headers, with this machine's values.
    const sent = harness.proxy.apiCalls().at(-1)!;
    expect(sent.url).toBe('/test/fraud-prevention-headers/validate');
    expect(sent.headers['gov-client-user-ids']).toMatch(/^os=\S+$/);
    expect(sent.headers['gov-client-local-ips']).toBeTruthy();
  });

  it('on this machine exactly as it is, the only possible findings are details its firmware does not report', async () => {
    const harness = await start({ device: undefined });
    const id = await harness.link(A, 'individual');
    const device = await harness.services.hmrc.previewFraudHeaders();
    const { data } = await harness.services.hmrc.forAccount(id).fraudHeaders.validate();
    const missing = [
      device.facts.device.manufacturer ? undefined : 'device-manufacturer',
      device.facts.device.model ? undefined : 'device-model',
    ].filter(Boolean);
    expect((data.errors ?? []).map((e) => e.message)).toEqual(
      missing.map((k) => `Gov-Client-User-Agent must include a value for "${k}"`),
    );
  });
});

describe('retries against Practice HMRC’s fault injection', () => {
  const body = (turnover: number) =>
    selfEmploymentCumulativeBody({
      period: { start: '2026-04-06', end: '2026-10-05' },
      income: { turnover, other: 0, taxTakenOffTradingIncome: 0 },
      expenses: { kind: 'consolidated', total: 1_000 },
    });
  const puts = (harness: HmrcHarness) =>
    harness.proxy.apiCalls().filter((c) => c.method === 'PUT' && c.url.includes('/cumulative/'));

  it('a PUT whose answer was lost is sent again and takes effect exactly once', async () => {
    const harness = await start();
    const hmrc = harness.services.hmrc.forAccount(await harness.link(A, 'individual'));
    // Practice stores the update, then drops the connection before answering.
    harness.practice.setFaults({ dropRate: 1, dropWhen: 'after' });
    const busy: HmrcBusyInfo[] = [];
    const sent = body(7_777_777);
    const result = await hmrc.selfEmployment.putCumulative(
      A.nino,
      A.selfEmploymentId,
      '2026-27',
      sent,
      {
        onBusy: (info) => {
          busy.push(info);
          harness.practice.setFaults(NO_FAULTS);
        },
      },
    );
    expect(result.status).toBe(204);
    expect(busy).toEqual([
      expect.objectContaining({ reason: 'network', attempt: 1, method: 'PUT' }),
    ]);
    const attempts = puts(harness);
    expect(attempts).toHaveLength(2);
    expect(attempts[0]!.status).toBeUndefined();
    expect(attempts[1]!.body).toBe(attempts[0]!.body);
    const stored = await hmrc.selfEmployment.getCumulative(A.nino, A.selfEmploymentId, '2026-27');
    expect(selfEmploymentTotalsFromHmrc(stored.data)).toEqual(selfEmploymentTotalsFromHmrc(sent));
    // The window heard "HMRC is busy, will retry at …".
    expect(harness.events).toContainEqual({
      event: 'hmrc.busy',
      payload: expect.objectContaining({
        reason: 'network',
        message: expect.stringMatching(/will try again at \d\d:\d\d:\d\d/),
      }),
    });
  });

  it('a GET that meets server errors backs off and succeeds', async () => {
    const harness = await start();
    const hmrc = harness.services.hmrc.forAccount(await harness.link(A, 'individual'));
    harness.practice.setFaults({ serverErrorRate: 1, serverErrorStatuses: [503] });
    const busy: HmrcBusyInfo[] = [];
    const { data } = await hmrc.businessDetails.list(A.nino, {
      onBusy: (info) => {
        busy.push(info);
        if (busy.length === 2) harness.practice.setFaults(NO_FAULTS);
      },
    });
    expect(data.listOfBusinesses.length).toBe(2);
    expect(busy.map((b) => b.reason)).toEqual(['server-error', 'server-error']);
    expect(
      harness.proxy
        .apiCalls()
        .filter((c) => c.url.endsWith('/list'))
        .map((c) => c.status),
    ).toEqual([503, 503, 200]);
  });

  it('a POST is never sent twice: not after a server error, not after a lost answer', async () => {
    const harness = await start();
    const hmrc = harness.services.hmrc.forAccount(await harness.link(A, 'individual'));
    const triggers = () => harness.proxy.apiCalls().filter((c) => c.method === 'POST');
    // HMRC answers 404 MATCHING_RESOURCE_NOT_FOUND when a year has no calculations yet.
    const count = () =>
      hmrc.calculations.list(A.nino, '2026-27').then(
        (r) => r.data.calculations.length,
        (e: HmrcError) => (e.code === 'MATCHING_RESOURCE_NOT_FOUND' ? 0 : Promise.reject(e)),
      );
    const before = await count();

    harness.practice.setFaults({ serverErrorRate: 1, serverErrorStatuses: [500] });
    const failed = await caught(hmrc.calculations.trigger(A.nino, '2026-27', 'in-year'));
    expect(failed).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', status: 500 });
    expect(failed.correlationId).toMatch(CORRELATION_ID);
    expect(triggers()).toHaveLength(1);

    harness.practice.setFaults({ ...NO_FAULTS, dropRate: 1, dropWhen: 'after' });
    const unknown = await caught(hmrc.calculations.trigger(A.nino, '2026-27', 'in-year'));
    expect(unknown.code).toBe('HMRC_OUTCOME_UNKNOWN');
    expect(triggers()).toHaveLength(2);

    harness.practice.setFaults(NO_FAULTS);
    // Listed once its processing time has passed at Practice (its clock, not ours, moves).
    practiceClock.advance(1000);
    // The dropped one was made once (Practice acted, the answer was lost); the failed one not at all.
    expect(await count()).toBe(before + 1);
  });

  it('a burst of 50 calls is spread to at most 3 per second, and HMRC never throttles one', async () => {
    // The schedule is the limiter's alone, whatever the load (see `rateClock`).
    const harness = await start();
    const clock = rateClock;
    const hmrc = harness.services.hmrc.forAccount(await harness.link(A, 'individual'));
    const before = harness.proxy.apiCalls().length;
    const startedAt = clock.now();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => hmrc.obligations.finalDeclaration(A.nino)),
    );
    expect(results).toHaveLength(50);
    const calls = harness.proxy.apiCalls().slice(before);
    expect(calls.every((c) => c.url.includes('/crystallisation'))).toBe(true);
    // Exactly 50 requests: none throttled, so none retried.
    expect(calls).toHaveLength(50);
    expect(calls.filter((c) => c.status !== 200)).toEqual([]);
    const arrivals = calls.map((c) => c.arrivedAt);
    const busiest = Math.max(
      ...arrivals.map((t) => arrivals.filter((u) => u >= t && u < t + 1000).length),
    );
    expect(busiest).toBe(3);
    // 3 at a time, one window (1 s plus the margin) apart: 17 groups, 16 waits.
    expect(clock.now() - startedAt).toBe(16 * HMRC_RATE_LIMIT.windowMs);
  });

  it('an access token HMRC no longer accepts is refreshed once and the call goes through', async () => {
    const harness = await start();
    const hmrc = harness.services.hmrc.forAccount(await harness.link(A, 'individual'));
    // Four hours pass at Practice HMRC only: the app still believes its token is fresh.
    (harness.practice.clock as ReturnType<typeof createOffsetClock>).advance(
      4 * 3_600_000 + 60_000,
    );
    const { data } = await hmrc.businessDetails.list(A.nino);
    expect(data.listOfBusinesses.length).toBe(2);
    const trail = harness.proxy.exchanges
      .filter((e) => e.url.endsWith('/list') || e.url.startsWith('/oauth/token'))
      .slice(-3)
      .map((e) => `${e.method} ${e.url.split('?')[0]} ${e.status}`);
    expect(trail).toEqual([
      `GET /individuals/business/details/${A.nino}/list 401`,
      'POST /oauth/token 200',
      `GET /individuals/business/details/${A.nino}/list 200`,
    ]);
  });
});
