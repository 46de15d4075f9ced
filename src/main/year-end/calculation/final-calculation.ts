import type { CalculationProgressView } from '@shared/ipc/channels/year-end-declaration';
import type { Environment } from '@shared/ipc/channels/settings';
import { isHmrcError } from '../../hmrc/errors/hmrc-error';
import type { HmrcAccountClient } from '../../hmrc/hmrc-service';
import { AppError } from '../../ipc/app-error';
import type { CalculationStore, StoredCalculation } from './calculation-store';

/**
 * HMRC's final calculation (reference §5.7 steps 2–3; [IC] trigger.yaml, retrieve.yaml):
 * trigger `intent-to-finalise` (or `intent-to-amend` after a declaration), wait at least 5
 * seconds as HMRC advises (retrieve answers 404 until it is ready), then poll with back-off,
 * reporting progress; the person may cancel. Every calculation retrieved is kept as HMRC sent it.
 */
export interface CalculationTiming {
  firstWaitMs: number;
  pollWaitsMs: number[];
}

export function calculationTiming(environment: Environment): CalculationTiming {
  return environment === 'practice'
    ? { firstWaitMs: 5_000, pollWaitsMs: [1_000, 2_000, 4_000, 8_000] }
    : { firstWaitMs: 5_000, pollWaitsMs: [2_000, 4_000, 8_000, 16_000, 30_000] };
}

const NOT_READY = new Set(['NOT_FOUND', 'MATCHING_RESOURCE_NOT_FOUND']);

export async function runFinalCalculation(input: {
  client: Pick<HmrcAccountClient, 'calculations'>;
  store: CalculationStore;
  nino: string;
  taxYear: string;
  type: 'intent-to-finalise' | 'intent-to-amend';
  timing: CalculationTiming;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  signal: AbortSignal;
  progress: (p: Omit<CalculationProgressView, 'profileId' | 'taxYear'>) => void;
}): Promise<StoredCalculation | undefined> {
  const { client, nino, taxYear, signal } = input;
  const waits = [input.timing.firstWaitMs, ...input.timing.pollWaitsMs];
  input.progress({ stage: 'asking', attempt: 0, of: waits.length });
  const { data } = await client.calculations.trigger(nino, taxYear, input.type, { signal });
  const calculationId = data.calculationId;
  for (const [i, wait] of waits.entries()) {
    input.progress({ stage: 'waiting', attempt: i, of: waits.length, calculationId });
    await input.sleep(wait);
    if (signal.aborted) {
      input.progress({ stage: 'cancelled', attempt: i, of: waits.length, calculationId });
      return undefined;
    }
    input.progress({ stage: 'retrieving', attempt: i + 1, of: waits.length, calculationId });
    try {
      const { data: document } = await client.calculations.retrieve(nino, taxYear, calculationId, {
        signal,
      });
      const stored: StoredCalculation = {
        calculationId,
        taxYear,
        calculationType: document.metadata.calculationType,
        retrievedAt: input.now().toISOString(),
        hasErrors: (document.messages?.errors?.length ?? 0) > 0,
        document: JSON.stringify(document),
      };
      input.store.save(stored);
      input.progress({ stage: 'done', attempt: i + 1, of: waits.length, calculationId });
      return stored;
    } catch (error) {
      if (isHmrcError(error) && error.status === 404 && NOT_READY.has(error.code)) continue;
      input.progress({ stage: 'failed', attempt: i + 1, of: waits.length, calculationId });
      throw error;
    }
  }
  input.progress({ stage: 'failed', attempt: waits.length, of: waits.length, calculationId });
  throw new AppError(
    'CALCULATION_NOT_READY',
    'HMRC has not finished the calculation yet.',
    'Ask for the calculation again in a minute: HMRC keeps working on it.',
  );
}
