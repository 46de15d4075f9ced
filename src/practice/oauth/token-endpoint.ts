import { type FastifyInstance, type FastifyReply } from 'fastify';
import { type PracticeClock } from '../clock';
import { type RegisteredClient } from '../registered-client';
import { type PracticeStore } from '../state/store';
import { CODE_VERIFIER_PATTERN, s256 } from './pkce';
import { ACCESS_TOKEN_SECONDS, type TokenStore } from './token-store';

export interface TokenEndpointDeps {
  store: PracticeStore;
  tokens: TokenStore;
  clients: RegisteredClient[];
  clock: PracticeClock;
  /** How long a refresh takes; a second refresh of the same grant meanwhile is refused. */
  refreshProcessingMs: () => number;
  /** Waits out a refresh's processing time (a real timer unless a test holds it itself). */
  refreshWait?: (ms: number) => Promise<void>;
}

type OAuthError = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type';

function oauthError(
  reply: FastifyReply,
  status: number,
  error: OAuthError,
  description: string,
): FastifyReply {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .send({ error, error_description: description });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `POST /oauth/token` (form-encoded): authorisation code exchange, refresh, and client
 * credentials (HMRC's application-restricted tokens). [reference §2.4-§2.7; UR token tables]
 */
export function registerTokenEndpoint(app: FastifyInstance, deps: TokenEndpointDeps): void {
  const { store, tokens, clients, clock } = deps;

  app.post('/oauth/token', async (req, reply) => {
    const form = new URLSearchParams(typeof req.body === 'string' ? req.body : '');
    const param = (name: string) => form.get(name) ?? '';
    const clientId = param('client_id');
    const clientSecret = param('client_secret');
    const grantType = param('grant_type');

    if (!clientId) return oauthError(reply, 400, 'invalid_request', 'client_id is required');
    // client_secret is required for every grant, even with PKCE. [reference §2.7]
    if (!clientSecret)
      return oauthError(reply, 400, 'invalid_request', 'client_secret is required');
    if (!grantType) return oauthError(reply, 400, 'invalid_request', 'grant_type is required');
    const client = clients.find((c) => c.clientId === clientId);
    if (!client || client.clientSecret !== clientSecret) {
      return oauthError(reply, 401, 'invalid_client', 'invalid client id or secret');
    }

    if (grantType === 'authorization_code') {
      const redirectUri = param('redirect_uri');
      const code = param('code');
      const verifier = form.get('code_verifier');
      if (!redirectUri)
        return oauthError(reply, 400, 'invalid_request', 'redirect_uri is required');
      if (!code)
        return oauthError(reply, 400, 'invalid_request', 'code is required for given grant_type');
      // Check everything before redeeming, so a bad attempt does not burn a good code.
      const issued = tokens.code(code);
      if (
        !issued ||
        issued.clientId !== clientId ||
        issued.used ||
        clock.now() - issued.issuedAt > 10 * 60 * 1000
      ) {
        return oauthError(reply, 400, 'invalid_request', 'code is invalid');
      }
      if (issued.redirectUri !== redirectUri)
        return oauthError(reply, 400, 'invalid_request', 'redirect_uri is invalid');
      if (issued.codeChallenge) {
        if (verifier === null || verifier === '')
          return oauthError(reply, 400, 'invalid_request', 'code_verifier is required');
        if (!CODE_VERIFIER_PATTERN.test(verifier))
          return oauthError(reply, 400, 'invalid_request', 'code_verifier is invalid');
        if (s256(verifier) !== issued.codeChallenge) {
          return oauthError(
            reply,
            400,
            'invalid_grant',
            'code_verifier does not match the code_challenge',
          );
        }
      } else if (verifier !== null) {
        return oauthError(reply, 400, 'invalid_request', 'code_verifier was not expected');
      }
      const redeemed = tokens.redeemCode(code);
      if (!redeemed || !store.user(redeemed.userId))
        return oauthError(reply, 400, 'invalid_request', 'code is invalid');
      const granted = tokens.createGrant(clientId, redeemed.userId, redeemed.scopes, true);
      return reply.header('cache-control', 'no-store').send({
        access_token: granted.accessToken,
        token_type: 'bearer',
        expires_in: ACCESS_TOKEN_SECONDS,
        refresh_token: granted.refreshToken,
        scope: granted.grant.scopes.join(' '),
      });
    }

    if (grantType === 'refresh_token') {
      const refreshToken = param('refresh_token');
      if (!refreshToken)
        return oauthError(reply, 400, 'invalid_request', 'refresh_token is required');
      const found = tokens.grantForRefreshToken(refreshToken);
      if (!found || found.grant.clientId !== clientId) {
        return oauthError(reply, 400, 'invalid_grant', 'refresh_token is invalid');
      }
      const { grant } = found;
      // Refreshing a grant that is already being refreshed is refused (HMRC warns about races).
      if (tokens.isRefreshing(grant)) {
        return oauthError(
          reply,
          400,
          'invalid_request',
          'Refresh operation is already in progress',
        );
      }
      // Refresh tokens are single use. [reference §2.5]
      if (!found.current)
        return oauthError(reply, 400, 'invalid_grant', 'refresh_token is invalid');
      // After the grant's 18 months the user must go through the whole journey again.
      if (clock.now() >= grant.expiresAt)
        return oauthError(reply, 400, 'invalid_grant', 'refresh_token has expired');
      tokens.beginRefresh(grant);
      let rotated;
      try {
        const delay = deps.refreshProcessingMs();
        if (delay > 0) await (deps.refreshWait ?? sleep)(delay);
        rotated = tokens.rotate(grant);
      } finally {
        tokens.endRefresh(grant);
      }
      // HMRC's refresh response example has no scope field. [UR "Refreshing an access token"]
      return reply.header('cache-control', 'no-store').send({
        access_token: rotated.accessToken,
        token_type: 'bearer',
        expires_in: ACCESS_TOKEN_SECONDS,
        refresh_token: rotated.refreshToken,
      });
    }

    if (grantType === 'client_credentials') {
      // Application-restricted tokens (for the Create Test User API), no refresh token. [APPR]
      const scopes = param('scope').split(' ').filter(Boolean);
      const issued = tokens.createGrant(clientId, undefined, scopes, false);
      return reply.header('cache-control', 'no-store').send({
        access_token: issued.accessToken,
        token_type: 'bearer',
        expires_in: ACCESS_TOKEN_SECONDS,
        scope: issued.grant.scopes.join(' '),
      });
    }

    // HMRC's table lists an invalid grant_type under invalid_request ("unsupported grant_type");
    // Practice HMRC answers with RFC 6749's unsupported_grant_type, as the issue specifies.
    return oauthError(reply, 400, 'unsupported_grant_type', 'unsupported grant_type');
  });
}
