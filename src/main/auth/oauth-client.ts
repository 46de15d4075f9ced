import * as oauth from 'oauth4webapi';
import type { Environment } from '@shared/ipc/channels/settings';
import { isLoopbackHost, type EnvironmentDefinition } from '../environments/environment-definition';

/** The scopes every ITSA endpoint uses (reference §2.9); we always ask for both. */
export const HMRC_SCOPES = ['read:self-assessment', 'write:self-assessment'] as const;

/**
 * An agent services account also asks for Agent Authorisation's scopes, to request and check
 * clients' authority [agent-authorisation-api application.yaml securitySchemes].
 */
export const AGENT_EXTRA_SCOPES = [
  'read:sent-invitations',
  'write:sent-invitations',
  'write:cancel-invitations',
  'read:check-relationship',
  'write:relationships',
] as const;

export const scopesFor = (kind: 'individual' | 'agent' | undefined): string[] =>
  kind === 'agent' ? [...HMRC_SCOPES, ...AGENT_EXTRA_SCOPES] : [...HMRC_SCOPES];

/** HMRC's access tokens last 4 hours (reference §2.5); used if a response omits expires_in. */
const DEFAULT_EXPIRES_IN_S = 14_400;

/** Where to send an OAuth request: the environment and its one definition. */
export interface OAuthTarget {
  environment: Environment;
  definition: EnvironmentDefinition;
}

/** What the token endpoint gave back, checked by oauth4webapi. Secret: main process only. */
export interface IssuedTokens {
  access: string;
  refresh: string;
  expiresInSeconds: number;
  /** Granted scopes, when the response says (HMRC's refresh response does not). */
  scopes?: string[];
}

/**
 * Why a token request failed, in the terms the app acts on. `invalid_grant`: the code or the
 * refresh token is no good (used, expired, PKCE mismatch, the 18 months are over);
 * `refresh-in-progress`: HMRC is already refreshing this grant (reference §2.6).
 */
export type OAuthFailureKind =
  | 'invalid_grant'
  | 'refresh-in-progress'
  | 'invalid_client'
  | 'rejected'
  | 'unreachable'
  | 'bad-response';

export class OAuthFailure extends Error {
  constructor(
    readonly kind: OAuthFailureKind,
    /** Safe to log: an OAuth error code and HMRC's description, never a parameter value. */
    readonly detail: string,
    readonly status?: number,
  ) {
    super(`${kind}: ${detail}`);
    this.name = 'OAuthFailure';
  }
}

export interface OAuthClient {
  /** The authorize URL for the system browser: PKCE S256 (RFC 7636 §4.2) and state (RFC 6749 §10.12). */
  authorizeUrl(input: {
    target: OAuthTarget;
    redirectUri: string;
    state: string;
    codeChallenge: string;
    /** Which scopes to ask for (an agent also asks for Agent Authorisation's). */
    accountKind?: 'individual' | 'agent';
  }): string;
  /**
   * Checks the callback parameters (the issuer as the environment defines it, then
   * oauth4webapi validateAuthResponse: state, error, no implicit-flow leftovers; throws
   * CallbackRefused when the app refuses it) and exchanges the code with the verifier and the client secret
   * (`client_secret_post`, reference §2.4). Throws AuthorizationDeclined for `error=…`.
   */
  exchangeCode(input: {
    target: OAuthTarget;
    callback: URLSearchParams;
    expectedState: string;
    redirectUri: string;
    codeVerifier: string;
  }): Promise<IssuedTokens>;
  /** grant_type=refresh_token with the single-use refresh token (reference §2.6). */
  refresh(input: { target: OAuthTarget; refreshToken: string }): Promise<IssuedTokens>;
}

/** The authorization response was an error (`access_denied` when the person declined). */
export class AuthorizationDeclined extends Error {
  constructor(readonly error: string) {
    super(`authorization response error: ${error}`);
    this.name = 'AuthorizationDeclined';
  }
}

/**
 * Why the app itself refused a callback before using its code: the server did not say it was
 * the expected issuer (RFC 9207 §2.4, a mix-up defence), or the callback was not a valid
 * authorization response (RFC 6749 §4.1.2).
 */
export type CallbackRefusalReason = 'issuer-missing' | 'issuer-mismatch' | 'malformed';

export class CallbackRefused extends Error {
  constructor(readonly reason: CallbackRefusalReason) {
    super(`callback refused: ${reason}`);
    this.name = 'CallbackRefused';
  }
}

/**
 * RFC 9207 §2.4: when the environment defines an issuer, the callback must carry exactly one
 * `iss` equal to it; when it defines none, the server does not advertise `iss` and there is
 * nothing to compare with, so it is not checked. Undefined: acceptable.
 */
export function issuerProblem(
  definition: Pick<EnvironmentDefinition, 'issuer'>,
  callback: URLSearchParams,
): Exclude<CallbackRefusalReason, 'malformed'> | undefined {
  if (definition.issuer === undefined) return undefined;
  const values = callback.getAll('iss');
  if (values.length === 0) return 'issuer-missing';
  // Compared as strings, exactly (RFC 9207 §2.4 and RFC 3986 §6.2.1 simple comparison).
  return values.length === 1 && values[0] === definition.issuer ? undefined : 'issuer-mismatch';
}

/** HMRC publishes no discovery document, so the server metadata is built from the definition. */
function authorizationServer(definition: EnvironmentDefinition): oauth.AuthorizationServer {
  return {
    // oauth4webapi needs an issuer string; without a defined one it is only a label, since
    // `iss` is removed from the callback before validation (see exchangeCode).
    issuer: definition.issuer ?? new URL(definition.tokenUrl).origin,
    authorization_endpoint: definition.authorizeUrl,
    token_endpoint: definition.tokenUrl,
    code_challenge_methods_supported: ['S256'],
    ...(definition.issuer !== undefined
      ? { authorization_response_iss_parameter_supported: true }
      : {}),
  };
}

/** Plain http only where the definition allows it and the token endpoint is on loopback. */
function plainHttpAllowed(definition: EnvironmentDefinition): boolean {
  return definition.allowPlainHttp && isLoopbackHost(new URL(definition.tokenUrl).hostname);
}

export function createOAuthClient(
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): OAuthClient {
  const timeoutMs = options.timeoutMs ?? 30_000;

  const requestOptions = (
    definition: EnvironmentDefinition,
  ): oauth.TokenEndpointRequestOptions => ({
    signal: AbortSignal.timeout(timeoutMs),
    ...(options.fetch ? { [oauth.customFetch]: options.fetch } : {}),
    // A server on loopback (Practice HMRC, or a test's) may use plain http: nothing crosses a
    // network. HMRC itself is HTTPS only (reference §1), and oauth4webapi refuses http for it.
    ...(plainHttpAllowed(definition) ? { [oauth.allowInsecureRequests]: true } : {}),
  });

  const issued = (result: oauth.TokenEndpointResponse): IssuedTokens => {
    // HMRC always sends a new single-use refresh token (reference §2.5); without one the grant
    // could not be kept.
    const refresh = result.refresh_token;
    if (!refresh) throw new OAuthFailure('bad-response', 'the token response had no refresh_token');
    return {
      access: result.access_token,
      refresh,
      expiresInSeconds:
        typeof result.expires_in === 'number' && result.expires_in > 0
          ? result.expires_in
          : DEFAULT_EXPIRES_IN_S,
      ...(typeof result.scope === 'string'
        ? { scopes: result.scope.split(' ').filter(Boolean) }
        : {}),
    };
  };

  /** Turns whatever oauth4webapi or fetch threw into an OAuthFailure with no secrets in it. */
  const failure = (error: unknown): OAuthFailure => {
    if (error instanceof OAuthFailure) return error;
    if (error instanceof oauth.ResponseBodyError) {
      const description = error.error_description ?? '';
      if (error.error === 'invalid_grant')
        return new OAuthFailure('invalid_grant', description, error.status);
      if (error.error === 'invalid_client')
        return new OAuthFailure('invalid_client', description, error.status);
      if (/already in progress/i.test(description))
        return new OAuthFailure('refresh-in-progress', description, error.status);
      return new OAuthFailure('rejected', `${error.error}: ${description}`, error.status);
    }
    if (error instanceof oauth.OperationProcessingError)
      return new OAuthFailure('bad-response', error.code ?? error.message);
    if (error instanceof oauth.UnsupportedOperationError)
      return new OAuthFailure('bad-response', error.message);
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    return new OAuthFailure('unreachable', `${name}: ${message}`);
  };

  return {
    authorizeUrl({ target, redirectUri, state, codeChallenge, accountKind }) {
      const url = new URL(target.definition.authorizeUrl);
      // reference §2.2: response_type, client_id, scope, state, redirect_uri, PKCE; never
      // client_secret (HMRC answers 400 if it is present).
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('client_id', target.definition.credentials.clientId);
      url.searchParams.set('scope', scopesFor(accountKind).join(' '));
      url.searchParams.set('state', state);
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('code_challenge', codeChallenge);
      url.searchParams.set('code_challenge_method', 'S256');
      return url.href;
    },

    async exchangeCode({ target, callback, expectedState, redirectUri, codeVerifier }) {
      const { definition } = target;
      const as = authorizationServer(definition);
      const client: oauth.Client = { client_id: definition.credentials.clientId };
      // The issuer first: an error response with the wrong `iss` is refused too (RFC 9207 §2.4).
      const issuer = issuerProblem(definition, callback);
      if (issuer) throw new CallbackRefused(issuer);
      const checked = new URLSearchParams(callback);
      if (definition.issuer === undefined) checked.delete('iss');
      let params: URLSearchParams;
      try {
        params = oauth.validateAuthResponse(as, client, checked, expectedState);
      } catch (error) {
        if (error instanceof oauth.AuthorizationResponseError)
          throw new AuthorizationDeclined(error.error);
        throw new CallbackRefused('malformed');
      }
      try {
        const response = await oauth.authorizationCodeGrantRequest(
          as,
          client,
          oauth.ClientSecretPost(definition.credentials.clientSecret),
          params,
          redirectUri,
          codeVerifier,
          requestOptions(definition),
        );
        return issued(await oauth.processAuthorizationCodeResponse(as, client, response));
      } catch (error) {
        throw failure(error);
      }
    },

    async refresh({ target, refreshToken }) {
      const { definition } = target;
      const as = authorizationServer(definition);
      const client: oauth.Client = { client_id: definition.credentials.clientId };
      try {
        const response = await oauth.refreshTokenGrantRequest(
          as,
          client,
          oauth.ClientSecretPost(definition.credentials.clientSecret),
          refreshToken,
          requestOptions(definition),
        );
        return issued(await oauth.processRefreshTokenResponse(as, client, response));
      } catch (error) {
        throw failure(error);
      }
    },
  };
}
