import type { ItemError } from '@shared/ipc/channels/sync';
import { isHmrcError } from '../hmrc/errors/hmrc-error';
import { isAppError } from '../ipc/app-error';

/**
 * What a failed send means for the outbox item (issue 8, reference §3.6–3.7):
 * - `retry`: HMRC was busy (429), had a fault (5xx) or could not be reached, after the HMRC
 *   client's own retries. Nothing is wrong with the update: it stays queued with a retry time.
 * - `relink`: the authority is gone (`invalid_grant` → RELINK_NEEDED) or the account was
 *   unlinked: nothing can be sent for this account until the person links again.
 * - `failed`: HMRC refused the update itself (any other 4xx, e.g. a business rule): it is kept,
 *   with HMRC's reason, for correction and a new review.
 * - `cancelled`: the person stopped the sync; the item goes back to the queue as it was.
 */
export type FailureKind = 'retry' | 'relink' | 'failed' | 'cancelled';

const UNREACHABLE = new Set(['HMRC_UNREACHABLE', 'HMRC_TIMEOUT', 'HMRC_OUTCOME_UNKNOWN']);
const RELINK = new Set([
  'RELINK_NEEDED',
  'NOT_LINKED',
  'NO_HMRC_ACCOUNT',
  'INVALID_CREDENTIALS',
  'UNAUTHORIZED',
]);

export function classifyFailure(
  error: unknown,
  signal?: AbortSignal,
): { kind: FailureKind; error: ItemError } {
  if (signal?.aborted) {
    return {
      kind: 'cancelled',
      error: {
        code: 'SYNC_CANCELLED',
        message: 'The sync was stopped before this update was sent.',
        action: 'Select Sync now to send it.',
      },
    };
  }
  if (isHmrcError(error)) {
    const item: ItemError = {
      code: error.code,
      message: error.message,
      action: error.action,
      ...(error.correlationId ? { correlationId: error.correlationId } : {}),
      ...(error.details.fields?.length ? { fields: error.details.fields.slice(0, 50) } : {}),
    };
    if (RELINK.has(error.code) || error.status === 401) return { kind: 'relink', error: item };
    if (
      error.status === 429 ||
      (error.status !== undefined && error.status >= 500) ||
      UNREACHABLE.has(error.code)
    ) {
      return { kind: 'retry', error: item };
    }
    return { kind: 'failed', error: item };
  }
  if (isAppError(error)) {
    const item: ItemError = { code: error.code, message: error.message, action: error.action };
    return { kind: RELINK.has(error.code) ? 'relink' : 'failed', error: item };
  }
  return {
    kind: 'retry',
    error: {
      code: 'SYNC_INTERRUPTED',
      message: 'Something went wrong while sending this update; it was not lost.',
      action: 'It stays queued and is sent on the next sync.',
    },
  };
}

/** Exponential: 30 s, 1 min, 2 min … at most 30 minutes after the last try. */
export function nextRetryDelayMs(attempts: number): number {
  return Math.min(30 * 60_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}
