import { formatNino } from '@shared/domain/nino';
import type { Authorisation } from '@shared/ipc/channels/profiles';
import { isHmrcError } from '../hmrc/errors/hmrc-error';

/**
 * What an HMRC answer to List All Businesses says about acting for a NINO (reference §2.10,
 * §3.4). HMRC answers 403 CLIENT_OR_AGENT_NOT_AUTHORISED alike for "the client has not
 * authorised this agent", "the client is not signed up to MTD" and "this is not the
 * individual's own NINO", so the words name the likely cause for the kind of sign-in and
 * mention the other.
 */

/** Codes HMRC uses when a NINO has no income sources signed up (List All Businesses 404). */
const NO_BUSINESSES = new Set(['MATCHING_RESOURCE_NOT_FOUND', 'NOT_FOUND', 'NO_BUSINESS_FOUND']);

export const NOT_AUTHORISED_SHORT = 'Not authorised — ask the client to authorise you';

export type AuthorisationAnswer =
  | { kind: 'authorised'; correlationId?: string }
  | { kind: 'refused'; authorisation: Authorisation };

/**
 * Turns an HMRC error into a refusal, or returns undefined when the error says nothing about
 * authorisation (HMRC busy, offline, sign-in expired): the caller reports that as a failure.
 */
export function refusalFrom(
  error: unknown,
  context: { accountKind: 'individual' | 'agent'; nino: string; checkedAt: string },
): Authorisation | undefined {
  if (!isHmrcError(error)) return undefined;
  const base = {
    checkedAt: context.checkedAt,
    code: error.code,
    ...(error.correlationId ? { correlationId: error.correlationId } : {}),
  };
  const nino = formatNino(context.nino);
  if (error.code === 'CLIENT_OR_AGENT_NOT_AUTHORISED') {
    if (context.accountKind === 'agent') {
      return {
        ...base,
        status: 'not-authorised',
        message: `${NOT_AUTHORISED_SHORT}. HMRC says your agent services account cannot act for ${nino}. Ask the client to authorise you for Making Tax Digital for Income Tax (as main or supporting agent), then check again. If they already have, check they have signed up to Making Tax Digital for Income Tax.`,
      };
    }
    return {
      ...base,
      status: 'not-signed-up',
      message: `HMRC says the HMRC sign-in you linked cannot act for ${nino}. Either this National Insurance number is not the one on that sign-in, or it is not signed up to Making Tax Digital for Income Tax. Check the number, or sign up on GOV.UK, then check again.`,
    };
  }
  if (error.status === 404 && NO_BUSINESSES.has(error.code)) {
    return {
      ...base,
      status: 'not-signed-up',
      message: `HMRC has no businesses signed up to Making Tax Digital for Income Tax for ${nino}. Sign up on GOV.UK (or ask the client to), then check again.`,
    };
  }
  return undefined;
}

export const authorised = (checkedAt: string, correlationId?: string): Authorisation => ({
  status: 'authorised',
  checkedAt,
  ...(correlationId ? { correlationId } : {}),
});
