import { describe, expect, it } from 'vitest';
import { HmrcError } from '../../../src/main/hmrc/errors/hmrc-error';
import type { RetrieveCalculationResponse } from '../../../src/main/hmrc/schemas/calculations';
import {
  estimateDisclaimer,
  estimateTiming,
  fetchEstimate,
} from '../../../src/main/sync/tax-estimate';
import { fakeHmrcAccountClient } from '../../support/fakes/fake-hmrc-client';

const document: RetrieveCalculationResponse = {
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
        totalIncomeReceivedFromAllSources: 30000,
        totalAllowancesAndDeductions: 12570,
        totalTaxableIncome: 17430,
        incomeTaxCharged: 3486,
      },
      nics: { class4Nics: { totalAmount: 1045.8 }, totalNic: 1045.8 },
      totalIncomeTaxAndNicsDue: 4531.8,
    },
  },
};

const notReady = () =>
  new HmrcError({
    code: 'NOT_FOUND',
    message: 'not yet',
    action: '',
    fixedBy: 'hmrc',
    status: 404,
  });

function client(retrieves: (() => RetrieveCalculationResponse)[]) {
  const waits: number[] = [];
  const calls = { trigger: 0, retrieve: 0 };
  const fake = fakeHmrcAccountClient({
    calculations: {
      trigger: async () => {
        calls.trigger += 1;
        return {
          data: { calculationId: document.metadata.calculationId },
          correlationId: 'c1',
          status: 202,
        };
      },
      retrieve: async () => {
        calls.retrieve += 1;
        const next = retrieves.shift() ?? (() => document);
        return { data: next(), correlationId: 'c2', status: 200 };
      },
    },
  });
  return {
    client: fake,
    waits,
    calls,
    sleep: async (ms: number) => void waits.push(ms),
  };
}

describe('the in-year estimate after a sync (reference §5.3)', () => {
  it('triggers, waits as HMRC advises (≥ 5 s), polls with back-off while not ready, then shows the figures', async () => {
    const fake = client([
      () => {
        throw notReady();
      },
      () => {
        throw notReady();
      },
    ]);
    const estimate = await fetchEstimate({
      client: fake.client,
      profileId: 'p',
      nino: 'AA123456A',
      taxYear: '2026-27',
      timing: estimateTiming('production'),
      now: () => new Date('2026-11-20T10:00:00Z'),
      sleep: fake.sleep,
    });
    expect(fake.waits).toEqual([5_000, 2_000, 4_000]);
    expect(fake.calls).toEqual({ trigger: 1, retrieve: 3 });
    expect(estimate).toMatchObject({
      status: 'ready',
      incomeTaxPence: 348_600,
      class4NicsPence: 104_580,
      totalPence: 453_180,
      periodFrom: '2026-04-06',
      periodTo: '2026-10-05',
    });
    expect(estimate.disclaimer).toBe(estimateDisclaimer('2026-10-05'));
    expect(estimate.disclaimer).toMatch(/to 5 October 2026/);
  });

  it('shows the Income Tax HMRC says is due after reliefs, so a landlord’s lines add up', async () => {
    const landlord: RetrieveCalculationResponse = {
      ...document,
      calculation: {
        taxCalculation: {
          incomeTax: {
            totalIncomeReceivedFromAllSources: 30000,
            totalAllowancesAndDeductions: 12570,
            totalTaxableIncome: 17430,
            incomeTaxCharged: 3486,
            totalReliefs: 1000,
            incomeTaxDueAfterReliefs: 2486,
            totalIncomeTaxDue: 2486,
          },
          totalIncomeTaxAndNicsDue: 2486,
        },
        businessProfitAndLoss: [
          {
            incomeSourceId: 'XPIS12345678901',
            incomeSourceType: 'uk-property',
            totalIncome: 30000,
            totalExpenses: 0,
            netProfit: 30000,
          },
        ],
      },
    };
    const fake = client([() => landlord]);
    const estimate = await fetchEstimate({
      client: fake.client,
      profileId: 'p',
      nino: 'AA123456A',
      taxYear: '2026-27',
      timing: estimateTiming('practice'),
      now: () => new Date('2026-11-20T10:00:00Z'),
      sleep: fake.sleep,
    });
    expect(estimate).toMatchObject({
      incomeTaxPence: 248_600,
      incomeTaxBeforeReliefsPence: 348_600,
      reliefsPence: 100_000,
      totalPence: 248_600,
      incomeReceivedPence: 3_000_000,
      allowancesPence: 1_257_000,
      taxableIncomePence: 1_743_000,
      businesses: [
        {
          name: 'UK property',
          kind: 'uk-property',
          incomePence: 3_000_000,
          profitPence: 3_000_000,
        },
      ],
    });
    // The lines shown add up to the total.
    expect((estimate.incomeTaxPence ?? 0) + (estimate.class4NicsPence ?? 0)).toBe(
      estimate.totalPence,
    );
  });

  it('Practice HMRC is asked sooner; HMRC’s calculation errors are shown without figures', async () => {
    expect(estimateTiming('practice').firstWaitMs).toBeLessThan(
      estimateTiming('sandbox').firstWaitMs,
    );
    const fake = client([
      () => ({
        ...document,
        calculation: undefined,
        messages: { errors: [{ id: 'C1', text: 'Something is missing' }] },
      }),
    ]);
    const estimate = await fetchEstimate({
      client: fake.client,
      profileId: 'p',
      nino: 'AA123456A',
      taxYear: '2026-27',
      timing: estimateTiming('practice'),
      now: () => new Date(),
      sleep: fake.sleep,
    });
    expect(estimate.status).toBe('errors');
    expect(estimate.messages).toEqual([{ kind: 'error', text: 'Something is missing' }]);
    expect(estimate.incomeTaxPence).toBeUndefined();
  });

  it('says "pending" when HMRC has not finished after the last poll', async () => {
    const fake = client(
      Array.from({ length: 10 }, () => () => {
        throw notReady();
      }),
    );
    const estimate = await fetchEstimate({
      client: fake.client,
      profileId: 'p',
      nino: 'AA123456A',
      taxYear: '2026-27',
      timing: { firstWaitMs: 1, pollWaitsMs: [1, 1] },
      now: () => new Date(),
      sleep: fake.sleep,
    });
    expect(estimate).toMatchObject({
      status: 'pending',
      calculationId: document.metadata.calculationId,
    });
  });
});
