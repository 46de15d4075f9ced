import { formatNino, validateNino } from '@shared/domain/nino';
import type { ProfileKind } from '@shared/ipc/channels/profiles';
import type { HmrcAccount } from '../auth/hmrc-accounts';
import { AppError } from '../ipc/app-error';
import type { Profile } from './profile-record';

/** The rules a profile's own fields must follow, each failure a message a person can act on. */

const MAX_NAME = 200;

/** Trimmed, single-spaced, 1–200 characters. */
export function checkName(input: string): string {
  const name = input.trim().replace(/\s+/g, ' ');
  if (name === '') {
    throw new AppError(
      'PROFILE_NAME_MISSING',
      'Enter the person’s name.',
      'Type their name as HMRC knows it.',
      {
        fields: [{ path: 'name', message: 'Enter the person’s name.' }],
      },
    );
  }
  if (name.length > MAX_NAME) {
    const message = `The name is too long: ${MAX_NAME} characters at most.`;
    throw new AppError('PROFILE_NAME_TOO_LONG', message, 'Shorten the name.', {
      fields: [{ path: 'name', message }],
    });
  }
  return name;
}

/** HMRC's NINO format and prefix rules (src/shared/domain/nino.ts); returns the normalised NINO. */
export function checkNino(input: string): string {
  const result = validateNino(input);
  if (!result.ok) {
    throw new AppError(
      'INVALID_NINO',
      result.message,
      'Check the number on a payslip, P60 or letter from HMRC, and enter it again.',
      {
        fields: [{ path: 'nino', message: result.message }],
      },
    );
  }
  return result.nino;
}

/** Same NINO in the same environment → refused, naming the profile that already has it. */
export function duplicateNino(existing: Profile): AppError {
  const where = existing.archivedAt ? ' (archived)' : '';
  const message = `${formatNino(existing.nino)} is already in Ledgerlink as ${existing.name}${where}.`;
  return new AppError(
    'DUPLICATE_PROFILE',
    message,
    existing.archivedAt
      ? 'Restore the archived profile from All profiles instead of adding it again.'
      : 'Switch to that profile instead of adding it again.',
    { fields: [{ path: 'nino', message }] },
  );
}

/**
 * The account must exist, be in the profile's environment, and be of the right kind: a
 * taxpayer's own profile is acted for by an individual sign-in, a client's by an agent
 * services account (reference §2.10: agents must sign in with their agent services account).
 */
export function checkAccount(
  account: HmrcAccount | undefined,
  expected: { kind: ProfileKind; environment: Profile['environment'] },
): HmrcAccount {
  if (!account) {
    throw new AppError(
      'ACCOUNT_NOT_FOUND',
      'That HMRC account is no longer linked to Ledgerlink.',
      'Link it again on the Link to HMRC screen, then choose it here.',
      { fields: [{ path: 'accountId', message: 'Choose a linked HMRC account.' }] },
    );
  }
  if (account.environment !== expected.environment) {
    throw new AppError(
      'ACCOUNT_WRONG_ENVIRONMENT',
      'That HMRC account belongs to a different environment from this profile.',
      'Choose an account linked in the same environment (Settings shows which one you are using).',
      { fields: [{ path: 'accountId', message: 'Choose an account from this environment.' }] },
    );
  }
  const wanted = expected.kind === 'client' ? 'agent' : 'individual';
  if (account.kind !== wanted) {
    const message =
      wanted === 'agent'
        ? 'A client is acted for through an agent services account, and this is an individual’s sign-in.'
        : 'Your own profile is acted for through your own sign-in, and this is an agent services account.';
    throw new AppError(
      'ACCOUNT_WRONG_KIND',
      message,
      'Choose or link the right kind of HMRC account.',
      {
        fields: [{ path: 'accountId', message }],
      },
    );
  }
  return account;
}

export function missingAgentRole(): AppError {
  const message = 'Choose whether you are the client’s main agent or a supporting agent.';
  return new AppError('AGENT_ROLE_MISSING', message, 'HMRC’s authorisation tells you which one.', {
    fields: [{ path: 'agentRole', message }],
  });
}
