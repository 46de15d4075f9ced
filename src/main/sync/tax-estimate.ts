import { formatUkDate, isIsoDate } from '@shared/domain/tax-year';
import type { EstimateView } from '@shared/ipc/channels/sync';
import type { Environment } from '@shared/ipc/channels/settings';
import { isHmrcError } from '../hmrc/errors/hmrc-error';
import type { HmrcAccountClient } from '../hmrc/hmrc-service';
import { calculationFigures } from '../hmrc/mappers/calculation-figures';
import { classifyFailure } from './classify-failure';

/**
 * The in-year tax estimate after a sync (reference §5.3, [IC] trigger/retrieve; [E2E]
 * tax-calculations): trigger an `in-year` calculation, wait as HMRC advises (at least 5
 * seconds: the calculation is asynchronous and retrieve answers 404 until it is ready), then
 * poll with back-off, and show the income tax and Class 4 NIC with HMRC's accuracy disclaimer
 * and the dates it covers. Practice HMRC finishes in about a second, so it is asked sooner.
 */
export interface EstimateTiming {
  /** First wait after triggering. */
  firstWaitMs: number;
  /** Waits between later polls (back-off), then give up and report "pending". */
  pollWaitsMs: number[];
}

export function estimateTiming(environment: Environment): EstimateTiming {
  return environment === 'practice'
    ? { firstWaitMs: 1_200, pollWaitsMs: [500, 1_000, 2_000, 4_000, 8_000] }
    : { firstWaitMs: 5_000, pollWaitsMs: [2_000, 4_000, 8_000, 16_000, 30_000] };
}

/**
 * HMRC's suggested disclaimer, in the app's voice ([E2E] tax-calculations: "This calculation is
 * only based on information HMRC have received about your income and expenses to 20XX-XX-XX.
 * This may change as we receive further information about you during the tax year").
 */
export function estimateDisclaimer(periodTo: string | undefined): string {
  const to =
    periodTo && isIsoDate(periodTo) ? formatUkDate(periodTo) : 'the date of your last update';
  return `This calculation is only based on information HMRC have received about your income and expenses to ${to}. It may change as HMRC receive further information about you during the tax year. It is an estimate: you do not pay anything now.`;
}

const KIND_NAMES = {
  'self-employment': 'Self-employment',
  'uk-property': 'UK property',
  'foreign-property': 'Foreign property',
} as const;

const NOT_READY = new Set(['NOT_FOUND', 'MATCHING_RESOURCE_NOT_FOUND']);

export async function fetchEstimate(input: {
  client: Pick<HmrcAccountClient, 'calculations'>;
  profileId: string;
  nino: string;
  taxYear: string;
  timing: EstimateTiming;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  signal?: AbortSignal;
}): Promise<EstimateView> {
  const { client, nino, taxYear, profileId } = input;
  const base = { profileId, taxYear, requestedAt: input.now().toISOString(), messages: [] };
  let calculationId: string;
  try {
    const triggered = await client.calculations.trigger(
      nino,
      taxYear,
      'in-year',
      input.signal ? { signal: input.signal } : {},
    );
    calculationId = triggered.data.calculationId;
  } catch (error) {
    return { ...base, status: 'failed', error: classifyFailure(error, input.signal).error };
  }
  const waits = [input.timing.firstWaitMs, ...input.timing.pollWaitsMs];
  for (const wait of waits) {
    await input.sleep(wait);
    if (input.signal?.aborted) break;
    try {
      const { data } = await client.calculations.retrieve(
        nino,
        taxYear,
        calculationId,
        input.signal ? { signal: input.signal } : {},
      );
      const figures = calculationFigures(data);
      const messages = [
        ...figures.messages.errors.map((m) => ({
          kind: 'error' as const,
          text: m.text.slice(0, 2000),
        })),
        ...figures.messages.warnings.map((m) => ({
          kind: 'warning' as const,
          text: m.text.slice(0, 2000),
        })),
        ...figures.messages.info.map((m) => ({
          kind: 'info' as const,
          text: m.text.slice(0, 2000),
        })),
      ].slice(0, 60);
      const common = {
        ...base,
        calculationId,
        ...(figures.calculationTimestamp
          ? { calculatedAt: figures.calculationTimestamp.slice(0, 40) }
          : {}),
        ...(isIsoDate(figures.periodFrom) ? { periodFrom: figures.periodFrom } : {}),
        ...(isIsoDate(figures.periodTo) ? { periodTo: figures.periodTo } : {}),
        messages,
      };
      if (!figures.totals || figures.messages.errors.length > 0) {
        return {
          ...common,
          status: 'errors',
          reason:
            'HMRC could not calculate an estimate from the information it holds. Its messages say why.',
        };
      }
      return {
        ...common,
        status: 'ready',
        // What HMRC says is due after reliefs: a landlord's finance-cost relief comes off the
        // charge, and the total below includes it that way.
        incomeTaxPence: figures.totals.incomeTaxDue,
        incomeTaxBeforeReliefsPence: figures.totals.incomeTaxCharged,
        ...(figures.totals.totalReliefs !== undefined
          ? { reliefsPence: figures.totals.totalReliefs }
          : {}),
        incomeReceivedPence: figures.totals.incomeReceived,
        allowancesPence: figures.totals.allowancesAndDeductions,
        taxableIncomePence: figures.totals.taxableIncome,
        businesses: figures.businesses.slice(0, 50).map((b) => ({
          name: (b.incomeSourceName ?? KIND_NAMES[b.incomeSourceType]).slice(0, 200),
          kind: b.incomeSourceType,
          ...(b.totalIncome !== undefined ? { incomePence: b.totalIncome } : {}),
          ...(b.totalExpenses !== undefined ? { expensesPence: b.totalExpenses } : {}),
          ...(b.netProfit !== undefined ? { profitPence: b.netProfit } : {}),
          ...(b.netLoss !== undefined ? { lossPence: b.netLoss } : {}),
        })),
        ...(figures.totals.class4Nics !== undefined
          ? { class4NicsPence: figures.totals.class4Nics }
          : {}),
        ...(figures.totals.class2Nics !== undefined
          ? { class2NicsPence: figures.totals.class2Nics }
          : {}),
        totalPence: figures.totals.totalIncomeTaxAndNicsDue,
        disclaimer: estimateDisclaimer(common.periodTo),
      };
    } catch (error) {
      if (isHmrcError(error) && error.status === 404 && NOT_READY.has(error.code)) continue;
      return {
        ...base,
        calculationId,
        status: 'failed',
        error: classifyFailure(error, input.signal).error,
      };
    }
  }
  return {
    ...base,
    calculationId,
    status: 'pending',
    reason: 'HMRC has not finished the calculation yet. Ask for the estimate again in a minute.',
  };
}
