import type { LinkStepId } from '@shared/ipc/channels/auth';
import { AppError, isAppError } from '../ipc/app-error';
import { refusedAnswer } from './callback-refusal';
import {
  AuthorizationDeclined,
  CallbackRefused,
  OAuthFailure,
  type OAuthFailureKind,
} from './oauth-client';

/** What the linking screen shows when an attempt stops: a code, what happened, what to do. */
export interface LinkFailure {
  code: string;
  message: string;
  action: string;
}

/** Every way a linking attempt can stop, in the words the person reads. */
export const LINK_FAILURES = {
  LINK_TIMED_OUT: {
    message:
      'Linking took longer than 10 minutes, so Ledgerlink stopped waiting for HMRC’s answer. Nothing was saved.',
    action: 'Select Retry to start again.',
  },
  DECLINED: {
    message: 'You chose not to give Ledgerlink authority at HMRC, so nothing was linked.',
    action: 'Select Retry if you want to link after all.',
  },
  HMRC_REFUSED_LINK: {
    message: 'HMRC did not finish the link.',
    action: 'Select Retry. If it happens again, choose another way back to Ledgerlink.',
  },
  HMRC_UNREACHABLE: {
    message: 'Ledgerlink could not reach HMRC to finish linking. Nothing was saved.',
    action: 'Check your internet connection, then select Retry.',
  },
  APP_NOT_RECOGNISED: {
    message: 'HMRC did not recognise this copy of Ledgerlink.',
    action: 'Update Ledgerlink, or report it from the Diagnostics page.',
  },
  CODE_REFUSED: {
    message:
      'HMRC did not accept the code it gave for this sign-in (it may have been used already, have expired, or belong to another attempt). Nothing was saved.',
    action: 'Select Retry to start again.',
  },
  KEYCHAIN_UNAVAILABLE: {
    message:
      'Ledgerlink could not use your computer’s keychain, so it cannot save your HMRC sign-in securely. It never saves it without encryption.',
    action:
      'Choose “Keep me signed in for this session only”, or unlock your keychain and select Retry.',
  },
  BROWSER_NOT_OPENED: {
    message: 'Ledgerlink could not open your web browser.',
    action: 'Check that a default browser is set up on this computer, then select Retry.',
  },
  INTERNAL: {
    message: 'Something went wrong inside Ledgerlink while linking. Nothing was saved.',
    action: 'Select Retry. If it keeps happening, restart Ledgerlink.',
  },
} as const satisfies Record<string, Omit<LinkFailure, 'code'>>;

export type LinkFailureCode = keyof typeof LINK_FAILURES;

/** The table's entry for a code, with the code. */
export const linkFailure = (code: LinkFailureCode): LinkFailure => ({
  code,
  ...LINK_FAILURES[code],
});

/** Token endpoint failures with words of their own; any other refusal is CODE_REFUSED. */
const EXCHANGE_FAILURES: Partial<Record<OAuthFailureKind, LinkFailureCode>> = {
  unreachable: 'HMRC_UNREACHABLE',
  invalid_client: 'APP_NOT_RECOGNISED',
};

/**
 * Why exchanging HMRC's redirect for a token failed, as a failure to show and a line for the
 * log (never a secret: OAuth error names and failure kinds only). An answer Ledgerlink itself
 * refused before using its code is said to be Ledgerlink's refusal, never HMRC's.
 */
export function exchangeFailure(
  error: unknown,
  environmentLabel: string,
): {
  step: LinkStepId;
  failure: LinkFailure;
  log: { level: 'info' | 'warn'; message: string; fields?: Record<string, unknown> };
} {
  if (error instanceof CallbackRefused) {
    return {
      step: 'token-issued',
      failure: refusedAnswer(error.reason, environmentLabel),
      log: {
        level: 'warn',
        message: 'OAuth callback refused before its code was used',
        fields: { reason: error.reason },
      },
    };
  }
  if (error instanceof AuthorizationDeclined) {
    if (error.error === 'access_denied') {
      return {
        step: 'grant',
        failure: linkFailure('DECLINED'),
        log: { level: 'info', message: 'The person declined to grant authority at HMRC' },
      };
    }
    return {
      step: 'grant',
      // HMRC's own error name, e.g. "server_error": a word, never a secret.
      failure: {
        ...linkFailure('HMRC_REFUSED_LINK'),
        message: `HMRC did not finish the link (it said “${error.error}”).`,
      },
      log: {
        level: 'warn',
        message: 'HMRC returned an error instead of a code',
        fields: { error: error.error },
      },
    };
  }
  const failure = error instanceof OAuthFailure ? error : undefined;
  const log = {
    level: 'warn' as const,
    message: 'Code exchange failed',
    fields: {
      kind: failure?.kind ?? 'unexpected',
      detail: failure?.detail ?? (isAppError(error) ? error.code : String(error)),
    },
  };
  if (isAppError(error)) {
    return {
      step: 'token-issued',
      failure: { code: error.code, message: error.message, action: error.action },
      log,
    };
  }
  const code = (failure && EXCHANGE_FAILURES[failure.kind]) ?? 'CODE_REFUSED';
  return { step: 'token-issued', failure: linkFailure(code), log };
}

/** Requests about linking that cannot be done as asked: refused at once, nothing changes. */
export const LINK_REFUSALS = {
  'flow-ended': {
    code: 'NO_SUCH_FLOW',
    message: 'That linking attempt has ended.',
    action: 'Start linking again from the “Link to HMRC” screen.',
  },
  'account-gone': {
    code: 'ACCOUNT_NOT_FOUND',
    message: 'That HMRC account is no longer in Ledgerlink.',
    action: 'Link it again as a new account.',
  },
  'transport-unavailable': {
    code: 'TRANSPORT_UNAVAILABLE',
    message: 'That way back to Ledgerlink is not registered for this environment.',
    action: 'Choose another way back to Ledgerlink.',
  },
  'keychain-unavailable': {
    code: 'KEYCHAIN_UNAVAILABLE',
    message:
      'Ledgerlink cannot use your computer’s keychain, so it cannot keep your HMRC sign-in safely between sessions. It never saves a sign-in without encryption.',
    action:
      'Unlock your keychain and try again, or choose “Keep me signed in for this session only”.',
  },
  'not-waiting-for-browser': {
    code: 'FLOW_NOT_WAITING',
    message: 'Ledgerlink is no longer waiting for HMRC’s pages.',
    action: 'Start linking again if you need to.',
  },
  'not-manual': {
    code: 'NOT_MANUAL',
    message: 'This linking does not use a pasted code.',
    action: 'Finish in your browser, or choose “Copy and paste a code” as the way back.',
  },
  'code-for-another-link': {
    code: 'CODE_NOT_FOR_THIS_LINK',
    message: 'That code belongs to another linking attempt.',
    action: 'Use the code from the browser tab Ledgerlink opened most recently, or select Retry.',
  },
  'not-waiting-for-code': {
    code: 'FLOW_NOT_WAITING',
    message: 'Ledgerlink is no longer waiting for a code for this linking.',
    action: 'Select Retry to start again.',
  },
  'nothing-to-keep': {
    code: 'FLOW_NOT_WAITING',
    message: 'There is no sign-in waiting to be kept.',
    action: 'Start linking again if you need to.',
  },
} as const satisfies Record<string, LinkFailure>;

/** The refusal for a situation; `message` replaces the table's when there is a better reason. */
export function linkRefusal(why: keyof typeof LINK_REFUSALS, message?: string): AppError {
  const refusal = LINK_REFUSALS[why];
  return new AppError(refusal.code, message ?? refusal.message, refusal.action);
}
