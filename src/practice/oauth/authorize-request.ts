import { type RegisteredClient, SUPPORTED_SCOPES } from '../registered-client';
import { S256_CHALLENGE_PATTERN } from './pkce';

/** A validated call to `GET /oauth/authorize`. */
export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state?: string;
  codeChallenge?: string;
}

export type AuthorizeValidation =
  | { ok: true; request: AuthorizeRequest }
  | {
      ok: false;
      error: 'invalid_request' | 'unsupported_response_type' | 'invalid_scope';
      description: string;
    };

function single(params: URLSearchParams, name: string): string | undefined | null {
  const all = params.getAll(name);
  if (all.length === 0) return undefined;
  // A repeated parameter is ambiguous; refuse it rather than guess which one was meant.
  if (all.length > 1) return null;
  return all[0];
}

/**
 * Validates authorise parameters exactly as HMRC documents them; every failure is an HTTP 400
 * shown in the browser. [reference §2.2; UR "Error scenarios" table]
 */
export function validateAuthorizeRequest(
  params: URLSearchParams,
  clients: RegisteredClient[],
): AuthorizeValidation {
  const bad = (
    error: 'invalid_request' | 'unsupported_response_type' | 'invalid_scope',
    description: string,
  ): AuthorizeValidation => ({ ok: false, error, description });

  const clientId = single(params, 'client_id');
  if (!clientId)
    return bad(
      'invalid_request',
      clientId === null ? 'client_id is invalid' : 'client_id is required',
    );
  const client = clients.find((c) => c.clientId === clientId);
  if (!client) return bad('invalid_request', 'client_id is invalid');

  const redirectUri = single(params, 'redirect_uri');
  if (!redirectUri) {
    return bad(
      'invalid_request',
      redirectUri === null ? 'redirect_uri is invalid' : 'redirect_uri is required',
    );
  }
  // Exact string match against the registered URIs: no port or path leniency. [reference §2.8]
  if (!client.redirectUris.includes(redirectUri))
    return bad('invalid_request', 'redirect_uri is invalid');

  const responseType = single(params, 'response_type');
  if (responseType === undefined || responseType === '')
    return bad('invalid_request', 'response_type is required');
  if (responseType !== 'code')
    return bad('unsupported_response_type', "response_type must be 'code'");

  const scope = single(params, 'scope');
  if (scope === undefined || scope === '') return bad('invalid_request', 'scope is required');
  const scopes = (scope ?? '').split(' ').filter((s) => s.length > 0);
  const supported: readonly string[] = SUPPORTED_SCOPES;
  if (scope === null || scopes.length === 0 || scopes.some((s) => !supported.includes(s))) {
    return bad('invalid_scope', 'scope is invalid');
  }

  if (params.has('client_secret'))
    return bad('invalid_request', 'client_secret should NOT be present');

  // PKCE is optional, but code_challenge and code_challenge_method come together, the method is
  // S256 only and neither may be empty. [reference §2.2]
  const challenge = single(params, 'code_challenge');
  const method = single(params, 'code_challenge_method');
  if (challenge !== undefined || method !== undefined) {
    if (challenge === undefined)
      return bad(
        'invalid_request',
        'code_challenge is required when code_challenge_method is present',
      );
    if (method === undefined)
      return bad(
        'invalid_request',
        'code_challenge_method is required when code_challenge is present',
      );
    if (!challenge) return bad('invalid_request', 'code_challenge is invalid');
    if (method !== 'S256') return bad('invalid_request', 'code_challenge_method must be S256');
    if (!S256_CHALLENGE_PATTERN.test(challenge))
      return bad('invalid_request', 'code_challenge is invalid');
  }

  const state = single(params, 'state');
  if (state === null) return bad('invalid_request', 'state is invalid');

  const request: AuthorizeRequest = { clientId, redirectUri, scopes: [...new Set(scopes)] };
  if (state !== undefined) request.state = state;
  if (challenge) request.codeChallenge = challenge;
  return { ok: true, request };
}
