import { describe, expect, it } from 'vitest';
import {
  listAdjustableSummaries,
  retrieveAdjustableSummary,
  retrieveIncomeSourceSummary,
  submitAccountingAdjustments,
  triggerAdjustableSummary,
} from '../../../src/main/hmrc/endpoints/adjustable-summary';
import type {
  HmrcRequest,
  HmrcResult,
  HmrcTransport,
} from '../../../src/main/hmrc/hmrc-http-client';
import {
  bsasTriggerRequestSchema,
  foreignPropertyAdjustmentsRequestSchema,
  seAdjustmentsRequestSchema,
  ukPropertyAdjustmentsRequestSchema,
} from '../../../src/main/hmrc/schemas/adjustable-summary';
import { loadHmrcSpecs } from '../../support/hmrc-specs';

const { specs, reason } = loadHmrcSpecs();

function recordingTransport(): HmrcTransport & { sent: HmrcRequest<unknown>[] } {
  const sent: HmrcRequest<unknown>[] = [];
  return {
    accountId: 'acc',
    environment: 'practice',
    sent,
    send<T>(request: HmrcRequest<T>): Promise<HmrcResult<T>> {
      sent.push(request);
      return Promise.resolve({ data: {} as T, correlationId: 'c', status: 200 });
    },
  };
}

const BSAS = 'self-assessment-bsas-api';
const BISS = 'self-assessment-biss-api';
const folderOf = (r: HmrcRequest<unknown>) =>
  r.api === 'business-income-source-summary' ? BISS : BSAS;

describe.skipIf(!specs)(`every adjustable summary request matches HMRC's OAS (${reason})`, () => {
  it('paths are HMRC’s and bodies fit HMRC’s request schemas', async () => {
    const t = recordingTransport();
    const nino = 'AA123456A';
    const calc = '717f3a7a-db8e-41e9-8a34-2a2ae2dbcce4';
    await triggerAdjustableSummary(t, nino, {
      accountingPeriod: { startDate: '2025-04-06', endDate: '2026-04-05' },
      typeOfBusiness: 'self-employment',
      businessId: 'XAIS12345678901',
    });
    await listAdjustableSummaries(t, nino, '2025-26', { businessId: 'XAIS12345678901' });
    for (const type of ['self-employment', 'uk-property', 'foreign-property'] as const)
      await retrieveAdjustableSummary(t, nino, type, calc, '2025-26');
    await submitAccountingAdjustments(t, nino, 'self-employment', calc, '2025-26', {
      income: { turnover: -1000 },
      additions: { adminCostsDisallowable: 12.5 },
    });
    await submitAccountingAdjustments(t, nino, 'uk-property', calc, '2025-26', {
      ukProperty: { expenses: { repairsAndMaintenance: 250 } },
    });
    await submitAccountingAdjustments(t, nino, 'foreign-property', calc, '2025-26', {
      foreignProperty: {
        countryLevelDetail: [{ countryCode: 'FRA', income: { totalRentsReceived: -600 } }],
      },
    });
    await retrieveIncomeSourceSummary(t, nino, 'uk-property', '2025-26', 'XPIS12345678901');
    for (const request of t.sent) {
      const folder = folderOf(request);
      const template = specs!.matchPath(folder, request.method, request.path);
      expect(template, `${request.method} ${request.path}`).toBeDefined();
      if (request.body !== undefined) {
        const check = specs!.requestSchema(folder, request.method.toLowerCase(), template!)!(
          request.body,
        );
        expect(check.errors, `${request.method} ${request.path}`).toEqual([]);
      }
    }
  });

  it.each([
    [
      'trigger',
      'post',
      '/individuals/self-assessment/adjustable-summary/{nino}/trigger',
      bsasTriggerRequestSchema,
      'self-employment',
    ],
    [
      'self-employment adjustments',
      'post',
      '/individuals/self-assessment/adjustable-summary/{nino}/self-employment/{calculationId}/adjust/{taxYear}',
      seAdjustmentsRequestSchema,
      '',
    ],
    [
      'UK property adjustments',
      'post',
      '/individuals/self-assessment/adjustable-summary/{nino}/uk-property/{calculationId}/adjust/{taxYear}',
      ukPropertyAdjustmentsRequestSchema,
      'ukProperty',
    ],
    [
      'foreign property adjustments',
      'post',
      '/individuals/self-assessment/adjustable-summary/{nino}/foreign-property/{calculationId}/adjust/{taxYear}',
      foreignPropertyAdjustmentsRequestSchema,
      'foreignProperty',
    ],
  ])('%s: HMRC’s examples for 2025-26 on pass the app’s schema', (_n, method, path, schema, _k) => {
    const examples = specs!.exampleRequests(BSAS, method, path);
    expect(examples.length).toBeGreaterThan(0);
    // The app sends 2025-26's shapes: furnished holiday lettings (ended 2024-25), periods not
    // aligned to the tax year, and 2026-27's foreign adjustments by property id are not its own.
    const current = examples.filter((ex) => {
      const body = JSON.stringify(ex.body ?? null);
      return (
        ex.body !== undefined &&
        !/fhl|FHL|2026-27/.test(ex.name ?? '') &&
        !/furnishedHolidayLet|foreignFhlEea|-fhl|propertyLevelDetail|"2021-04-06"/.test(body)
      );
    });
    expect(current.length).toBeGreaterThan(0);
    for (const ex of current) expect(schema.safeParse(ex.body).success, ex.name).toBe(true);
  });
});
