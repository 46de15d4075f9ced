import { z } from 'zod';
import { describeError, LEDGERLINK_FAULT, type AccountKind, type FixedBy } from './error-catalogue';
import { HmrcError, type HmrcErrorItem } from './hmrc-error';

const mtdError = z.object({
  code: z.string().min(1),
  message: z.string().catch(''),
  paths: z.array(z.string()).optional(),
});

/**
 * HMRC's error body: one error, or several wrapped as
 * `{"code":"INVALID_REQUEST","message":"Invalid request","errors":[...]}` (reference §3.6;
 * hmrc/self-employment-business-api ErrorWrapper.scala, MtdError.scala).
 */
const hmrcErrorBody = mtdError.extend({ errors: z.array(mtdError).optional() });

/** The platform's code for a status, when a response carries no readable HMRC body. */
function codeForStatus(status: number): string {
  switch (status) {
    case 401:
      return 'INVALID_CREDENTIALS';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'MATCHING_RESOURCE_NOT_FOUND';
    case 405:
      return 'METHOD_NOT_ALLOWED';
    case 406:
      return 'ACCEPT_HEADER_INVALID';
    case 415:
      return 'INVALID_BODY_TYPE';
    case 429:
      return 'MESSAGE_THROTTLED_OUT';
    case 500:
      return 'INTERNAL_SERVER_ERROR';
    case 501:
      return 'NOT_IMPLEMENTED';
    case 502:
    case 503:
      return 'SERVER_ERROR';
    case 504:
      return 'GATEWAY_TIMEOUT';
    default:
      return 'HMRC_ERROR';
  }
}

/** HMRC's errors from a response body, or one made from the status when there is none. */
export function hmrcErrorsFrom(status: number, body: unknown): HmrcErrorItem[] {
  const parsed = hmrcErrorBody.safeParse(body);
  if (!parsed.success) return [{ code: codeForStatus(status), message: '' }];
  const { errors, ...top } = parsed.data;
  return errors && errors.length > 0 ? errors : [top];
}

const fieldsOf = (items: HmrcErrorItem[], kind: AccountKind) =>
  items.flatMap((item) =>
    (item.paths ?? []).map((path) => ({ path, message: describeError(item.code, kind).message })),
  );

/** Turns an HMRC error response into an HmrcError in plain English. */
export function mapHmrcResponseError(input: {
  status: number;
  body: unknown;
  correlationId: string | undefined;
  accountKind: AccountKind;
}): HmrcError {
  const items = hmrcErrorsFrom(input.status, input.body);
  const codes = [...new Set(items.map((i) => i.code))];
  const common = {
    status: input.status,
    ...(input.correlationId ? { correlationId: input.correlationId } : {}),
    hmrcErrors: items,
    fields: fieldsOf(items, input.accountKind),
  };

  if (codes.length === 1) {
    const words = describeError(codes[0]!, input.accountKind);
    return new HmrcError({ code: codes[0]!, ...words, ...common });
  }

  // Several different problems: each becomes a field line; the headline says how many.
  const described = codes.map((c) => describeError(c, input.accountKind));
  const youCanFix = described.some((d) => d.fixedBy === 'you');
  const fixedBy: FixedBy = youCanFix ? 'you' : (described[0]?.fixedBy ?? 'hmrc');
  const pathless = items
    .filter((i) => !i.paths || i.paths.length === 0)
    .map((i) => ({ path: '/', message: describeError(i.code, input.accountKind).message }));
  return new HmrcError({
    code: 'INVALID_REQUEST',
    message: `HMRC found ${codes.length} problems with what was sent.`,
    action: youCanFix
      ? 'Correct each problem listed below in Ledgerlink, then send again.'
      : LEDGERLINK_FAULT,
    fixedBy,
    ...common,
    fields: [...common.fields, ...pathless],
  });
}

/** No response from HMRC: the words depend on whether the request could have arrived. */
export function mapNetworkError(input: {
  code: string | undefined;
  mayHaveArrived: boolean;
  timedOut: boolean;
  accountKind: AccountKind;
}): HmrcError {
  const code = input.mayHaveArrived
    ? 'HMRC_OUTCOME_UNKNOWN'
    : input.timedOut
      ? 'HMRC_TIMEOUT'
      : 'HMRC_UNREACHABLE';
  return new HmrcError({ code, ...describeError(code, input.accountKind) });
}
