import * as oauth from 'oauth4webapi';
import type { Environment } from '@shared/ipc/channels/settings';
import type { EnvironmentEndpoints, VendorCredentials } from '../environments/hmrc-environments';

/** The scopes every ITSA endpoint uses (reference §2.9); we always ask for both. */
export const HMRC_SCOPES = ['read:self-assessment', 'write:self-assessment'] as const;

/** HMRC's access tokens last 4 hours (reference §2.5); used if a response omits expires_in. */
const DEFAULT_EXPIRES_IN_S = 14_400;

/** Where to send an OAuth request: the environment, its endpoints and the vendor's application. */
export interface OAuthTarget {
  environment: Environment;
  endpoints: EnvironmentEndpoints;
  credentials: VendorCredentials;
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
  }): string;
  /**
   * Checks the callback parameters (oauth4webapi validateAuthResponse: state, error, no
   * implicit-flow leftovers) and exchanges the code with the verifier and the client secret
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

/** HMRC publishes no discovery document, so the server metadata is built from our endpoints. */
function authorizationServer(endpoints: EnvironmentEndpoints): oauth.AuthorizationServer {
  return {
    issuer: new URL(endpoints.authorizeUrl).origin,
    authorization_endpoint: endpoints.authorizeUrl,
    token_endpoint: endpoints.tokenUrl,
    code_challenge_methods_supported: ['S256'],
  };
}

export function createOAuthClient(
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): OAuthClient {
  const timeoutMs = options.timeoutMs ?? 30_000;

  const requestOptions = (environment: Environment): oauth.TokenEndpointRequestOptions => ({
    signal: AbortSignal.timeout(timeoutMs),
    ...(options.fetch ? { [oauth.customFetch]: options.fetch } : {}),
    // Practice HMRC runs on http://127.0.0.1 on this computer, so nothing crosses a network.
    // HMRC itself is HTTPS only (reference §1), and oauth4webapi refuses plain http for it.
    ...(environment === 'practice' ? { [oauth.allowInsecureRequests]: true } : {}),
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
    authorizeUrl({ target, redirectUri, state, codeChallenge }) {
      const url = new URL(target.endpoints.authorizeUrl);
      // reference §2.2: response_type, client_id, scope, state, redirect_uri, PKCE; never
      // client_secret (HMRC answers 400 if it is present).
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('client_id', target.credentials.clientId);
      url.searchParams.set('scope', HMRC_SCOPES.join(' '));
      url.searchParams.set('state', state);
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('code_challenge', codeChallenge);
      url.searchParams.set('code_challenge_method', 'S256');
      return url.href;
    },

    async exchangeCode({ target, callback, expectedState, redirectUri, codeVerifier }) {
      const as = authorizationServer(target.endpoints);
      const client: oauth.Client = { client_id: target.credentials.clientId };
      let params: URLSearchParams;
      try {
        params = oauth.validateAuthResponse(as, client, callback, expectedState);
      } catch (error) {
        if (error instanceof oauth.AuthorizationResponseError)
          throw new AuthorizationDeclined(error.error);
        throw failure(error);
      }
      try {
        const response = await oauth.authorizationCodeGrantRequest(
          as,
          client,
          oauth.ClientSecretPost(target.credentials.clientSecret),
          params,
          redirectUri,
          codeVerifier,
          requestOptions(target.environment),
        );
        return issued(await oauth.processAuthorizationCodeResponse(as, client, response));
      } catch (error) {
        throw failure(error);
      }
    },

    async refresh({ target, refreshToken }) {
      const as = authorizationServer(target.endpoints);
      const client: oauth.Client = { client_id: target.credentials.clientId };
      try {
        const response = await oauth.refreshTokenGrantRequest(
          as,
          client,
          oauth.ClientSecretPost(target.credentials.clientSecret),
          refreshToken,
          requestOptions(target.environment),
        );
        return issued(await oauth.processRefreshTokenResponse(as, client, response));
      } catch (error) {
        throw failure(error);
      }
    },
  };
}
