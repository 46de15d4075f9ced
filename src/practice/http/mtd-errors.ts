/**
 * HMRC's API error model. A single error is `{code, message, paths?}`; several are wrapped as
 * `{"code":"INVALID_REQUEST","message":"Invalid request","errors":[...]}`. Field errors carry
 * `paths`, JSON pointers into the request body. [reference §3.6; TS common/errors.md;
 * hmrc/self-employment-business-api ErrorWrapper.scala, MtdError.scala]
 */
export interface MtdError {
  code: string;
  message: string;
  paths?: string[];
}

/** Thrown inside a handler to answer with HMRC's error body. */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly errors: MtdError[],
    /** Headers that go with the error (Agent Authorisation's duplicate request Location). */
    public readonly headers: Record<string, string> = {},
  ) {
    super(errors.map((e) => e.code).join(', '));
  }
}

export function fail(status: number, error: MtdError): never {
  throw new ApiError(status, [error]);
}

/** Errors with the same code and message become one error listing all their paths. */
export function mergeErrors(errors: MtdError[]): MtdError[] {
  const merged = new Map<string, MtdError>();
  for (const e of errors) {
    const key = `${e.code}\u0000${e.message}`;
    const existing = merged.get(key);
    if (!existing) {
      merged.set(key, e.paths ? { ...e, paths: [...e.paths] } : { ...e });
    } else if (e.paths) {
      existing.paths = [
        ...(existing.paths ?? []),
        ...e.paths.filter((p) => !existing.paths?.includes(p)),
      ];
    }
  }
  return [...merged.values()];
}

/**
 * The response body for one or more errors. Several errors are listed sorted by code, as HMRC's
 * validators sort them. [hmrc/self-employment-business-api app/api/controllers/validators/
 * Validator.scala combineErrors]
 */
export function errorBody(
  errors: MtdError[],
): MtdError | { code: string; message: string; errors: MtdError[] } {
  const merged = mergeErrors(errors).sort((a, b) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
  );
  if (merged.length === 1) return merged[0] as MtdError;
  return { code: 'INVALID_REQUEST', message: 'Invalid request', errors: merged };
}

/** Error codes shared by the ITSA APIs [every OAS common/errors.yaml] and the API platform [reference §3.6]. */
export const E = {
  formatNino: { code: 'FORMAT_NINO', message: 'The provided NINO is invalid' },
  formatBusinessId: { code: 'FORMAT_BUSINESS_ID', message: 'The provided Business ID is invalid' },
  formatTaxYear: { code: 'FORMAT_TAX_YEAR', message: 'The provided tax year is invalid' },
  ruleTaxYearRangeInvalid: {
    code: 'RULE_TAX_YEAR_RANGE_INVALID',
    message: 'A tax year range of one year is required',
  },
  ruleTaxYearNotSupported: {
    code: 'RULE_TAX_YEAR_NOT_SUPPORTED',
    message: 'The tax year specified does not lie within the supported range',
  },
  ruleIncorrectOrEmptyBody: {
    code: 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED',
    message: 'An empty or non-matching body was submitted',
  },
  ruleIncorrectGovTestScenario: {
    code: 'RULE_INCORRECT_GOV_TEST_SCENARIO',
    message: 'The supplied Gov-Test-Scenario is not valid',
  },
  clientOrAgentNotAuthorised: {
    code: 'CLIENT_OR_AGENT_NOT_AUTHORISED',
    message: 'The client or agent is not authorised',
  },
  notFound: { code: 'MATCHING_RESOURCE_NOT_FOUND', message: 'Matching resource not found' },
  invalidRequest: { code: 'INVALID_REQUEST', message: 'Invalid request' },
  invalidBodyType: {
    code: 'INVALID_BODY_TYPE',
    message: 'Expecting text/json or application/json body',
  },
  // API platform errors [reference §3.6 "Platform-level"]
  missingCredentials: {
    code: 'MISSING_CREDENTIALS',
    message: 'Authentication information is not provided',
  },
  invalidCredentials: {
    code: 'INVALID_CREDENTIALS',
    message: 'Invalid Authentication information provided',
  },
  incorrectAccessTokenType: {
    code: 'INCORRECT_ACCESS_TOKEN_TYPE',
    message: 'The access token type used is not supported when invoking the API',
  },
  invalidScope: {
    code: 'INVALID_SCOPE',
    message: 'Cannot access the required resource. Ensure this token has all the required scopes.',
  },
  acceptHeaderInvalid: {
    code: 'ACCEPT_HEADER_INVALID',
    message: 'The accept header is missing or invalid',
  },
  platformNotFound: {
    code: 'MATCHING_RESOURCE_NOT_FOUND',
    message: 'A resource with the name in the request can not be found in the API',
  },
  throttled: {
    code: 'MESSAGE_THROTTLED_OUT',
    message: 'The request for the API is throttled as you have exceeded your quota.',
  },
  internalServerError: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' },
  serviceUnavailable: { code: 'SERVER_ERROR', message: 'Service unavailable' },
  gatewayTimeout: { code: 'GATEWAY_TIMEOUT', message: 'Gateway timeout' },
} as const satisfies Record<string, MtdError>;

/** `{code, message}` for a rule error whose message is given by the spec. */
export function rule(code: string, message: string): MtdError {
  return { code, message };
}
