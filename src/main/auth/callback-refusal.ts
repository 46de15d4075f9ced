import type { CallbackRefusalReason } from './oauth-client';

/**
 * What the person is told when Ledgerlink itself refuses an answer that came back from the
 * browser. It must never read as if HMRC had refused something: HMRC never saw it.
 */
export interface Refusal {
  code: string;
  message: string;
  action: string;
}

/** Why a callback was dropped before anything was done with it. */
export type DropReason =
  | 'no-flow'
  | 'state-mismatch'
  | 'not-waiting'
  | 'replay'
  | 'ended'
  | 'wrong-transport'
  | 'too-late'
  | 'repeated-parameter'
  | 'no-code-or-error'
  | 'granted-after-cancel';

/** For the log: only why, never the URL or its values. */
export const DROP_LOG: Record<DropReason, string> = {
  'no-flow': 'no linking is in progress',
  'state-mismatch': 'its state does not match the linking in progress',
  'not-waiting': 'no linking is waiting for a callback',
  replay: 'it was already used (a replay)',
  ended: 'the linking it belongs to has ended',
  'wrong-transport': 'it came back a different way than the one in use',
  'too-late': 'it came more than 10 minutes after linking started',
  'repeated-parameter': 'it repeats a parameter',
  'no-code-or-error': 'it has neither a code nor an error',
  'granted-after-cancel': 'the person had cancelled the linking it belongs to',
};

/**
 * A person who cancels in the app may still finish on HMRC's pages. The code that comes back is
 * not used (the cancelled attempt's verifier is never sent), but the person is told, so a grant
 * they believe they made is not silently lost.
 */
export const GRANTED_AFTER_CANCEL: Refusal = {
  code: 'GRANTED_AFTER_CANCEL',
  message:
    'You cancelled this linking in Ledgerlink, then gave Ledgerlink authority on HMRC’s pages anyway. Ledgerlink did not use that answer, so nothing was linked or saved.',
  action: 'To link, start again below: HMRC will ask you to sign in and grant authority once more.',
};

const STILL_WAITING =
  'Ledgerlink is still waiting for the answer to the linking on this screen. If you have finished in your browser and nothing happens, select Retry.';

/**
 * The notice shown on a linking that keeps waiting after a refused answer: a stray or forged
 * callback must not be able to end the real attempt (RFC 6749 §10.12), but the person should
 * know why what they just did in the browser had no effect.
 */
export function dropNotice(reason: DropReason): Refusal | undefined {
  const refused = (code: string, why: string): Refusal => ({
    code,
    message: `Ledgerlink refused an answer that came back from your browser: ${why}. Nothing was done with it.`,
    action: STILL_WAITING,
  });
  switch (reason) {
    case 'state-mismatch':
      return refused(
        'CALLBACK_NOT_FOR_THIS_LINK',
        'it does not belong to this linking (it may be from an earlier attempt, or from another program)',
      );
    case 'wrong-transport':
      return refused(
        'CALLBACK_WRONG_WAY',
        'it came back a different way from the one this linking uses',
      );
    case 'repeated-parameter':
    case 'no-code-or-error':
      return refused('CALLBACK_MALFORMED', 'it was not in the form a sign-in service sends');
    default:
      // No linking is waiting, or the answer was for one that has moved on: nothing to tell.
      return undefined;
  }
}

/** A linking ended because its answer came after the 10 minutes HMRC's code lives (reference §2.3). */
export const TOO_LATE: Refusal = {
  code: 'LINK_TIMED_OUT',
  message:
    'The answer from the sign-in page came back more than 10 minutes after linking started, so Ledgerlink refused it (the code in it would have expired). Nothing was saved.',
  action: 'Select Retry to start again.',
};

/** A linking ended because Ledgerlink refused its answer before using the code. */
export function refusedAnswer(reason: CallbackRefusalReason, environmentLabel: string): Refusal {
  const why: Record<CallbackRefusalReason, string> = {
    'issuer-mismatch': `it said it came from a sign-in service other than ${environmentLabel}’s`,
    'issuer-missing': `it did not say which sign-in service sent it, and ${environmentLabel} always does`,
    malformed: 'it was not in the form a sign-in service sends',
  };
  return {
    code: 'CALLBACK_REFUSED',
    message: `Ledgerlink refused the answer that came back from your browser: ${why[reason]}. Its code was not used and nothing was saved.`,
    action:
      'Select Retry and finish signing in on the page Ledgerlink opens. If it happens again, report it from the Diagnostics page.',
  };
}
