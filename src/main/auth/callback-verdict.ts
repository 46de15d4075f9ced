import type { TransportId } from '@shared/ipc/channels/auth';
import type { DropReason } from './callback-refusal';
import { stateMatches, type LinkFlow } from './link-flow';

/** The parameters an OAuth redirect may carry (RFC 6749 §4.1.2, §4.1.2.1; RFC 9207 `iss`). */
const CALLBACK_PARAMS = new Set([
  'code',
  'state',
  'error',
  'error_description',
  'error_code',
  'iss',
]);

/**
 * Whether a redirect may complete a linking attempt, and if not, why (a `DropReason`: for the
 * log and the waiting screen, never the URL or its values). `expired` says the attempt itself
 * has run out of time.
 */
export type CallbackVerdict =
  { accept: true } | { accept: false; reason: DropReason; expired?: true };

const refuse = (reason: DropReason): CallbackVerdict => ({ accept: false, reason });

/**
 * A redirect is accepted for the latest attempt only with its state (constant-time, exactly
 * one), unused, by the attempt's own transport, within 10 minutes, with no parameter repeated,
 * and carrying a code or an error. Pure: the caller decides what refusing means.
 */
export function callbackVerdict(
  flow: Pick<LinkFlow, 'state' | 'used' | 'phase' | 'route' | 'expiresAt'>,
  params: URLSearchParams,
  via: TransportId,
  now: number,
): CallbackVerdict {
  const states = params.getAll('state');
  if (states.length !== 1 || !stateMatches(flow.state, states[0]!)) {
    return refuse(flow.phase === 'waiting' ? 'state-mismatch' : 'not-waiting');
  }
  // The person cancelled, then granted at HMRC anyway: refused, but worth telling them.
  if (flow.phase === 'cancelled')
    return refuse(params.get('code') ? 'granted-after-cancel' : 'ended');
  if (flow.used) return refuse('replay');
  if (flow.phase !== 'waiting') return refuse('ended');
  if (via !== flow.route.transport) return refuse('wrong-transport');
  if (now > flow.expiresAt) return { accept: false, reason: 'too-late', expired: true };
  const names = [...params.keys()].filter((n) => CALLBACK_PARAMS.has(n));
  if (new Set(names).size !== names.length) return refuse('repeated-parameter');
  if (!params.get('code') && !params.get('error')) return refuse('no-code-or-error');
  return { accept: true };
}
