import { describe, expect, it } from 'vitest';
import {
  AuthorizationDeclined,
  CallbackRefused,
  createOAuthClient,
  OAuthFailure,
  type OAuthTarget,
} from '../../../src/main/auth/oauth-client';
import type { EnvironmentDefinition } from '../../../src/main/environments/environment-definition';

const target = (
  environment: OAuthTarget['environment'],
  base = 'http://127.0.0.1:45678',
  more: Partial<EnvironmentDefinition> = {},
): OAuthTarget => ({
  environment,
  definition: {
    id: environment,
    authorizeUrl: `${base}/oauth/authorize`,
    tokenUrl: `${base}/oauth/token`,
    apiBaseUrl: base,
    credentials: { clientId: 'client-id', clientSecret: 'client-secret', redirectUris: [] },
    allowPlainHttp: base.startsWith('http:'),
    ...more,
  },
});

function fakeFetch(reply: () => Response | Promise<Response>) {
  const requests: { url: string; method: string; body: URLSearchParams; headers: Headers }[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    requests.push({
      url: input instanceof Request ? input.url : input.toString(),
      method: init?.method ?? 'GET',
      body: new URLSearchParams(
        typeof init?.body === 'string' || init?.body instanceof URLSearchParams ? init.body : '',
      ),
      headers: new Headers(init?.headers),
    });
    return reply();
  }) as typeof fetch;
  return { fetch: fetchImpl, requests };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const tokens = {
  access_token: 'new-access',
  token_type: 'bearer',
  expires_in: 14400,
  refresh_token: 'new-refresh',
};

describe('the OAuth client (oauth4webapi)', () => {
  it('builds the authorize URL HMRC documents, without the client secret', () => {
    const client = createOAuthClient();
    const url = new URL(
      client.authorizeUrl({
        target: target('production', 'https://www.tax.service.gov.uk'),
        redirectUri: 'http://localhost:53682/oauth/callback',
        state: 'S'.repeat(43),
        codeChallenge: 'C'.repeat(43),
      }),
    );
    expect(url.origin + url.pathname).toBe('https://www.tax.service.gov.uk/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client-id',
      scope: 'read:self-assessment write:self-assessment',
      state: 'S'.repeat(43),
      redirect_uri: 'http://localhost:53682/oauth/callback',
      code_challenge: 'C'.repeat(43),
      code_challenge_method: 'S256',
    });
  });

  it('refreshes with grant_type=refresh_token and client_secret_post', async () => {
    const http = fakeFetch(() => json(200, tokens));
    const result = await createOAuthClient({ fetch: http.fetch }).refresh({
      target: target('practice'),
      refreshToken: 'old-refresh',
    });
    expect(result).toEqual({
      access: 'new-access',
      refresh: 'new-refresh',
      expiresInSeconds: 14400,
    });
    const [req] = http.requests;
    expect(req!.url).toBe('http://127.0.0.1:45678/oauth/token');
    expect(req!.method).toBe('POST');
    expect(Object.fromEntries(req!.body)).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'old-refresh',
      client_id: 'client-id',
      client_secret: 'client-secret',
    });
    expect(req!.headers.get('authorization')).toBeNull();
  });

  it('maps HMRC’s token errors to what the app acts on', async () => {
    const cases: [Response | 'throw', string][] = [
      [
        json(400, { error: 'invalid_grant', error_description: 'refresh_token is invalid' }),
        'invalid_grant',
      ],
      [
        json(400, {
          error: 'invalid_request',
          error_description: 'Refresh operation is already in progress',
        }),
        'refresh-in-progress',
      ],
      [
        json(401, { error: 'invalid_client', error_description: 'invalid client id or secret' }),
        'invalid_client',
      ],
      [json(400, { error: 'invalid_request', error_description: 'something else' }), 'rejected'],
      [json(200, { ...tokens, refresh_token: undefined }), 'bad-response'],
      [json(200, { ...tokens, token_type: 'mac' }), 'bad-response'],
      [new Response('<html>gateway</html>', { status: 502 }), 'bad-response'],
      ['throw', 'unreachable'],
    ];
    for (const [reply, kind] of cases) {
      const http = fakeFetch(() => {
        if (reply === 'throw') throw new TypeError('fetch failed');
        return reply;
      });
      const error = await createOAuthClient({ fetch: http.fetch })
        .refresh({ target: target('practice'), refreshToken: 'r' })
        .catch((e: unknown) => e);
      expect(error, kind).toBeInstanceOf(OAuthFailure);
      expect((error as OAuthFailure).kind, kind).toBe(kind);
    }
  });

  it('uses plain http only where the definition allows it and the server is on this computer', async () => {
    const http = fakeFetch(() => json(200, tokens));
    const client = createOAuthClient({ fetch: http.fetch });
    const refresh = (t: OAuthTarget) => client.refresh({ target: t, refreshToken: 'r' });
    await expect(
      refresh(target('sandbox', 'http://127.0.0.1:45678', { allowPlainHttp: false })),
    ).rejects.toBeInstanceOf(OAuthFailure);
    await expect(refresh(target('sandbox', 'http://hmrc.example'))).rejects.toBeInstanceOf(
      OAuthFailure,
    );
    expect(http.requests).toEqual([]);
    // Any environment, not only Practice, may be a server on loopback.
    await expect(refresh(target('sandbox'))).resolves.toMatchObject({ access: 'new-access' });
    expect(http.requests).toHaveLength(1);
  });

  it('validates the callback before any request: wrong state, an error, implicit-flow leftovers', async () => {
    const http = fakeFetch(() => json(200, tokens));
    const client = createOAuthClient({ fetch: http.fetch });
    const exchange = (callback: Record<string, string>) =>
      client.exchangeCode({
        target: target('practice'),
        callback: new URLSearchParams(callback),
        expectedState: 'expected',
        redirectUri: 'app.ledgerlink.desktop:/oauth/callback',
        codeVerifier: 'v'.repeat(43),
      });
    await expect(exchange({ code: 'c', state: 'other' })).rejects.toEqual(
      new CallbackRefused('malformed'),
    );
    await expect(exchange({ error: 'access_denied', state: 'expected' })).rejects.toBeInstanceOf(
      AuthorizationDeclined,
    );
    await expect(exchange({ code: 'c', state: 'expected', id_token: 'x' })).rejects.toThrow();
    expect(http.requests).toEqual([]);

    const result = await exchange({ code: 'the-code', state: 'expected' });
    expect(result.access).toBe('new-access');
    expect(Object.fromEntries(http.requests[0]!.body)).toMatchObject({
      grant_type: 'authorization_code',
      code: 'the-code',
      code_verifier: 'v'.repeat(43),
      redirect_uri: 'app.ledgerlink.desktop:/oauth/callback',
      client_id: 'client-id',
      client_secret: 'client-secret',
    });
  });

  describe('the issuer (RFC 9207)', () => {
    const ISSUER = 'http://127.0.0.1:45679';
    const exchangeWith = async (
      definition: Partial<EnvironmentDefinition>,
      callback: Record<string, string | string[]>,
    ) => {
      const http = fakeFetch(() => json(200, tokens));
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(callback))
        for (const one of [v].flat()) params.append(k, one);
      const outcome = await createOAuthClient({ fetch: http.fetch })
        .exchangeCode({
          target: target('sandbox', 'http://127.0.0.1:45678', definition),
          callback: params,
          expectedState: 'expected',
          redirectUri: 'app.ledgerlink.desktop:/oauth/callback',
          codeVerifier: 'v'.repeat(43),
        })
        .then(
          (r) => r.access,
          (e: unknown) => e,
        );
      return { outcome, requests: http.requests.length };
    };
    const ok = { code: 'c', state: 'expected' };

    it('is the one the environment defines, not the authorize URL’s origin', async () => {
      expect(await exchangeWith({ issuer: ISSUER }, { ...ok, iss: ISSUER })).toEqual({
        outcome: 'new-access',
        requests: 1,
      });
      expect(
        await exchangeWith({ issuer: ISSUER }, { ...ok, iss: 'http://127.0.0.1:45678' }),
      ).toEqual({ outcome: new CallbackRefused('issuer-mismatch'), requests: 0 });
    });

    it('must be present, once, when the environment defines one; an error answer too', async () => {
      expect(await exchangeWith({ issuer: ISSUER }, ok)).toEqual({
        outcome: new CallbackRefused('issuer-missing'),
        requests: 0,
      });
      expect(await exchangeWith({ issuer: ISSUER }, { ...ok, iss: [ISSUER, ISSUER] })).toEqual({
        outcome: new CallbackRefused('issuer-mismatch'),
        requests: 0,
      });
      const declined = { error: 'access_denied', state: 'expected' };
      expect(await exchangeWith({ issuer: ISSUER }, { ...declined, iss: 'http://evil' })).toEqual({
        outcome: new CallbackRefused('issuer-mismatch'),
        requests: 0,
      });
    });

    it('is not checked when the environment defines none (the server does not advertise it)', async () => {
      expect(await exchangeWith({}, { ...ok, iss: 'http://anything.example' })).toEqual({
        outcome: 'new-access',
        requests: 1,
      });
      expect(await exchangeWith({}, ok)).toEqual({ outcome: 'new-access', requests: 1 });
    });
  });
});
