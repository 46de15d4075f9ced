import { validateNino } from './nino';

/**
 * What an agent types to ask a client for authority (Agent Authorisation API): the client's
 * National Insurance number, the postcode HMRC holds for them, and the agent's own Agent
 * Reference Number. Each is checked here, before anything is sent, against the spec's own
 * patterns, with a message that says what to type. Pure: used by the form and by main.
 * [agent-authorisation-api application.yaml components.schemas ClientIdNINO, KnownFactPostcode;
 * arnParameter]
 */

/** [AA application.yaml KnownFactPostcode] (upper case; one optional space before the last 3). */
const POSTCODE_PATTERN = /^[A-Z]{1,2}[0-9][0-9A-Z]?\s?[0-9][A-Z]{2}$|^BFPO\s?[0-9]{1,5}$/;

/**
 * HMRC's ARN shape: a letter, `ARN`, seven digits (hmrc/agent-authorisation-api
 * models/Arn.scala, linked from arnParameter). HMRC also checks a check character in the first
 * letter; Ledgerlink leaves that to HMRC, which answers NO_PERMISSION_ON_AGENCY for a wrong one.
 */
const ARN_PATTERN = /^[A-Z]ARN[0-9]{7}$/;

export const POSTCODE_EXAMPLE = 'SW1A 2AA';
export const ARN_EXAMPLE = 'XARN1234567';

export type FieldCheck = { ok: true; value: string } | { ok: false; message: string };

/** Upper case, surrounding spaces trimmed and inner runs of spaces made one. */
export function normalisePostcode(input: string): string {
  return input.trim().replace(/\s+/g, ' ').toUpperCase();
}

export function validatePostcode(input: string): FieldCheck {
  const value = normalisePostcode(input);
  if (value === '') return { ok: false, message: 'Enter the client’s postcode.' };
  // A postcode typed without its space is still the same postcode; HMRC's pattern allows both.
  if (!POSTCODE_PATTERN.test(value))
    return {
      ok: false,
      message: `Enter a UK postcode like ${POSTCODE_EXAMPLE} (or a BFPO number), as HMRC holds it for the client.`,
    };
  return { ok: true, value };
}

export function validateClientNino(input: string): FieldCheck {
  const checked = validateNino(input);
  return checked.ok ? { ok: true, value: checked.nino } : { ok: false, message: checked.message };
}

export function normaliseArn(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

export function validateArn(input: string): FieldCheck {
  const value = normaliseArn(input);
  if (value === '') return { ok: false, message: 'Enter your Agent Reference Number.' };
  if (!ARN_PATTERN.test(value))
    return {
      ok: false,
      message: `An Agent Reference Number is a letter, then ARN, then 7 numbers, like ${ARN_EXAMPLE}. It is on your agent services account.`,
    };
  return { ok: true, value };
}

/**
 * The statuses HMRC gives an authorisation request. `Partialauth` is a VAT/ITSA sign-up state
 * the spec lists; Ledgerlink shows it as waiting for the client.
 * [AA application.yaml AgentsInvitationsResponse.status]
 */
export const INVITATION_STATUSES = [
  'Pending',
  'Accepted',
  'Rejected',
  'Cancelled',
  'Deauthorised',
  'Expired',
  'Partialauth',
] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const INVITATION_STATUS_LABELS: Record<InvitationStatus, string> = {
  Pending: 'Waiting for the client',
  Accepted: 'Accepted',
  Rejected: 'Declined by the client',
  Cancelled: 'Cancelled',
  Deauthorised: 'Authority ended',
  Expired: 'Expired',
  Partialauth: 'Waiting for the client to finish signing up',
};
