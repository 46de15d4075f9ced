import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ZodType } from 'zod';
import { HmrcError } from '../../../../src/main/hmrc/errors/hmrc-error';
import type { RetrieveCalculationResponse } from '../../../../src/main/hmrc/schemas/calculations';
import { selfEmploymentCumulativeResponseSchema } from '../../../../src/main/hmrc/schemas/self-employment';
import { ukPropertyCumulativeResponseSchema } from '../../../../src/main/hmrc/schemas/uk-property';
import { fakeHmrcAccountClient } from '../../../support/fakes/fake-hmrc-client';
import { openLedger, type Ledger } from '../../../../src/main/ledger';
import { createLogger } from '../../../../src/main/logging/logger';
import type { Profile } from '../../../../src/main/profiles/profile-record';
import { buildPayload } from '../../../../src/main/review/build-payload';
import { createMemoryStore } from '../../../../src/main/storage/key-value-store';
import { createLogAnchors } from '../../../../src/main/sync/log-anchors';
import { createOutboxStore } from '../../../../src/main/sync/outbox-store';
import type { ProfileSyncDeps } from '../../../../src/main/sync/profile-sync';

export const PROFILE: Profile = {
  id: '7c2b6c1e-1111-4a4a-8b8b-000000000001',
  environment: 'practice',
  kind: 'self',
  name: 'Sam Taylor',
  nino: 'AA123456A',
  accountId: 'acct-1',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  authorisation: { status: 'authorised' },
  hmrc: {},
};

/** HMRC's in-year calculation as the fake answers it (figures from HMRC's retrieve example shape). */
const CALCULATION: RetrieveCalculationResponse = {
  metadata: {
    calculationId: '0b3ecc30-9b3b-4e0e-8d0b-000000000001',
    taxYear: '2026-27',
    requestedBy: 'customer',
    calculationReason: 'customerRequest',
    calculationType: 'inYear',
    calculationTimestamp: '2026-11-20T10:00:05.000Z',
    periodFrom: '2026-04-06',
    periodTo: '2026-10-05',
  },
  inputs: {},
  calculation: {
    taxCalculation: {
      incomeTax: {
        totalIncomeReceivedFromAllSources: 1000,
        totalAllowancesAndDeductions: 12570,
        totalTaxableIncome: 0,
        incomeTaxCharged: 0,
      },
      totalIncomeTaxAndNicsDue: 0,
    },
  },
};

/** What the fake HMRC does with each PUT, in order; past the end every PUT is accepted. */
export type Script = ('ok' | 'rule' | 'busy' | 'relink' | Error)[];

export const ruleError = (code = 'RULE_END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE') =>
  new HmrcError({
    code,
    message: 'HMRC refused it',
    action: 'Fix it',
    fixedBy: 'you',
    status: 400,
    correlationId: 'c-rule',
  });
export const busyError = () =>
  new HmrcError({
    code: 'SERVER_ERROR',
    message: 'HMRC is busy',
    action: 'Later',
    fixedBy: 'hmrc',
    status: 503,
  });

/** A temp ledger with a linked business and a fake HMRC whose answers a test scripts. */
export function syncFixture(options: { script?: Script; clockStart?: string } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'sync-unit-'));
  let ms = Date.parse(options.clockStart ?? '2026-11-20T10:00:00.000Z');
  const clock = { now: () => new Date((ms += 1)) };
  const ledger: Ledger = openLedger({ file: join(dir, 'ledger.sqlite'), actor: 'test', clock });
  const business = ledger.businesses.create({
    kind: 'self-employment',
    name: 'Joinery',
    hmrcBusinessId: 'XAIS12345678901',
  });
  const script = [...(options.script ?? [])];
  const puts: { businessId: string; taxYear: string; body: object }[] = [];
  /** HMRC's GETs of what it holds (a sync asks only to confirm a re-send after a crash). */
  const gets: { businessId: string; taxYear: string }[] = [];
  /** The obligations reads a sync asked the profiles capability for. */
  const obligationReads: { profileId: string; taxYear: string }[] = [];
  /** What HMRC holds, by business and tax year: the last body accepted. */
  const held = new Map<string, object>();
  let linked = true;

  const put = async (_nino: string, businessId: string, taxYear: string, body: object) => {
    const step = script.shift() ?? 'ok';
    if (step instanceof Error) throw step;
    if (step === 'rule') throw ruleError();
    if (step === 'busy') throw busyError();
    if (step === 'relink')
      throw new HmrcError({
        code: 'RELINK_NEEDED',
        message: 'Authority gone',
        action: 'Re-link',
        fixedBy: 'you',
      });
    puts.push({ businessId, taxYear, body });
    held.set(`${businessId}|${taxYear}`, body);
    return { data: undefined, correlationId: `corr-${puts.length}`, status: 204 };
  };
  /**
   * HMRC's GET of what it holds, read through the endpoint's own response schema as the HTTP
   * client reads it (UK property answers also say when the update was submitted).
   */
  const get =
    <T>(response: ZodType<T>, answer: (body: object) => object = (body) => body) =>
    async (_nino: string, businessId: string, taxYear: string) => {
      gets.push({ businessId, taxYear });
      const body = held.get(`${businessId}|${taxYear}`);
      if (!body)
        throw new HmrcError({
          code: 'NOT_FOUND',
          message: 'none',
          action: '',
          fixedBy: 'you',
          status: 404,
        });
      return { data: response.parse(answer(body)), correlationId: 'corr-get', status: 200 };
    };
  /** HMRC's in-year calculation, asked for after a sync: counted, ready at the first retrieve. */
  const calculations = { trigger: 0, retrieve: 0 };
  const client = fakeHmrcAccountClient({
    calculations: {
      trigger: async () => {
        calculations.trigger += 1;
        return {
          data: { calculationId: CALCULATION.metadata.calculationId },
          correlationId: 'c-calc',
          status: 202,
        };
      },
      retrieve: async () => {
        calculations.retrieve += 1;
        return { data: CALCULATION, correlationId: 'c-calc', status: 200 };
      },
    },
    selfEmployment: {
      putCumulative: put,
      getCumulative: get(selfEmploymentCumulativeResponseSchema),
    },
    ukProperty: {
      putCumulative: put,
      getCumulative: get(ukPropertyCumulativeResponseSchema, (body) => ({
        submittedOn: '2026-11-20T10:00:00.000Z',
        ...body,
      })),
    },
  });
  const anchorStore = createMemoryStore('anchors');

  const deps: ProfileSyncDeps = {
    profiles: {
      require: () => PROFILE,
      ledger: () => ledger,
      hmrcFor: () => ({ profile: PROFILE, nino: PROFILE.nino, client }),
      refresh: async () => undefined,
      refreshYearObligations: async (profileId, taxYear) => {
        obligationReads.push({ profileId, taxYear });
      },
    },
    accountLinked: () => linked,
    anchors: createLogAnchors(anchorStore),
    now: () => clock.now(),
    logger: createLogger(() => undefined),
  };

  /** Adds a sale and approves the update to `periodEnd` into the outbox. */
  const approve = (periodEnd = '2026-10-05', amount = 100_000, taxYear = '2026-27') => {
    const date = taxYear === '2026-27' ? '2026-04-20' : '2025-04-20';
    ledger.transactions.add({
      date,
      description: 'Sale',
      amountPence: amount,
      businessId: business.id,
      categoryId: 'se.turnover',
    });
    const totals = ledger.totals.yearToDate(business.id, taxYear, periodEnd);
    const payload = buildPayload(totals);
    return createOutboxStore(ledger.database).approve(
      {
        businessId: business.id,
        hmrcBusinessId: business.hmrcBusinessId!,
        kind: 'self-employment',
        taxYear,
        periodStart: totals.from,
        periodEnd: totals.to,
        payload: payload.json,
        payloadHash: payload.hash,
        records: { ...totals.records, from: totals.from, to: totals.to },
        acknowledged: [],
        approvedAt: clock.now().toISOString(),
        approvedBy: 'Sam',
      },
      clock.now().toISOString(),
    );
  };

  return {
    ledger,
    business,
    deps,
    puts,
    gets,
    obligationReads,
    calculations,
    held,
    anchorStore,
    approve,
    outbox: () => createOutboxStore(ledger.database),
    setLinked: (v: boolean) => {
      linked = v;
    },
    dispose() {
      ledger.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
