import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './helpers/contract-client';
import {
  type Tokens,
  linkUser,
  pkcePair,
  tokenRequest,
  walkGrantJourney,
} from './helpers/grant-journey';
import { REFERENCE_NOW, SEEDED, type Session, startSession } from './helpers/practice-session';
import { refreshHold } from './helpers/refresh-hold';

const CLIENT = {
  client_id: 'ledgerlink-practice',
  client_secret: 'practice-secret-not-confidential',
};
const LOOPBACK = 'http://localhost:53682/oauth/callback';
const HOUR = 3_600_000;
const alice = SEEDED.individualA;

let s: Session;
const hold = refreshHold();
beforeAll(async () => {
  s = await startSession({ at: REFERENCE_NOW, refreshWait: hold.wait });
});
afterAll(async () => {
  await s.practice.stop();
});

async function codeFor(
  options: { redirectUri?: string; codeChallenge?: string } = {},
): Promise<string> {
  const result = await walkGrantJourney(s.practice.baseUrl, {
    ...alice,
    redirectUri: LOOPBACK,
    state: 'xyz',
    ...options,
  });
  const url = new URL(result.location as string);
  expect(url.searchParams.get('state')).toBe('xyz');
  return url.searchParams.get('code') as string;
}

const listPath = `/individuals/business/details/${alice.nino}/list`;

describe('POST /oauth/token: authorization_code [reference §2.4]', () => {
  it('exchanges a code for a 4-hour access token and a refresh token', async () => {
    const code = await codeFor();
    const res = await tokenRequest(s.practice.baseUrl, {
      ...CLIENT,
      grant_type: 'authorization_code',
      redirect_uri: LOOPBACK,
      code,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      token_type: 'bearer',
      expires_in: 14400,
      scope: 'read:self-assessment write:self-assessment',
    });
    expect(res.body.access_token).toMatch(/^[0-9a-f]{32}$/);
    expect(res.body.refresh_token).toMatch(/^[0-9a-f]{32}$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('uses each code once: a second exchange is invalid_request', async () => {
    const code = await codeFor();
    const form = { ...CLIENT, grant_type: 'authorization_code', redirect_uri: LOOPBACK, code };
    expect((await tokenRequest(s.practice.baseUrl, form)).status).toBe(200);
    const again = await tokenRequest(s.practice.baseUrl, form);
    expect(again).toMatchObject({
      status: 400,
      body: { error: 'invalid_request', error_description: 'code is invalid' },
    });
  });

  it('expires codes after 10 minutes', async () => {
    const code = await codeFor();
    s.clock.advance(10 * 60_000 + 1000);
    const res = await tokenRequest(s.practice.baseUrl, {
      ...CLIENT,
      grant_type: 'authorization_code',
      redirect_uri: LOOPBACK,
      code,
    });
    expect(res).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  });

  it('requires the same redirect_uri as the authorise call', async () => {
    const code = await codeFor();
    const res = await tokenRequest(s.practice.baseUrl, {
      ...CLIENT,
      grant_type: 'authorization_code',
      redirect_uri: 'http://localhost:53683/oauth/callback',
      code,
    });
    expect(res).toMatchObject({
      status: 400,
      body: { error: 'invalid_request', error_description: 'redirect_uri is invalid' },
    });
  });

  it('checks the PKCE code_verifier against the S256 challenge', async () => {
    const { verifier, challenge } = pkcePair();
    const code = await codeFor({ codeChallenge: challenge });
    const base = { ...CLIENT, grant_type: 'authorization_code', redirect_uri: LOOPBACK, code };
    expect(await tokenRequest(s.practice.baseUrl, base)).toMatchObject({
      status: 400,
      body: { error: 'invalid_request' },
    });
    expect(
      await tokenRequest(s.practice.baseUrl, { ...base, code_verifier: 'short' }),
    ).toMatchObject({
      status: 400,
      body: { error: 'invalid_request', error_description: 'code_verifier is invalid' },
    });
    expect(
      await tokenRequest(s.practice.baseUrl, { ...base, code_verifier: pkcePair().verifier }),
    ).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant' },
    });
    // The failed attempts did not burn the code.
    expect(
      (await tokenRequest(s.practice.baseUrl, { ...base, code_verifier: verifier })).status,
    ).toBe(200);
  });

  it('refuses a code_verifier when no challenge was sent', async () => {
    const code = await codeFor();
    const res = await tokenRequest(s.practice.baseUrl, {
      ...CLIENT,
      grant_type: 'authorization_code',
      redirect_uri: LOOPBACK,
      code,
      code_verifier: pkcePair().verifier,
    });
    expect(res).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  });

  it.each([
    [
      { client_secret: CLIENT.client_secret, grant_type: 'authorization_code' },
      400,
      'invalid_request',
      'client_id is required',
    ],
    [
      { client_id: CLIENT.client_id, grant_type: 'authorization_code' },
      400,
      'invalid_request',
      'client_secret is required',
    ],
    [{ ...CLIENT }, 400, 'invalid_request', 'grant_type is required'],
    [
      { ...CLIENT, client_secret: 'wrong', grant_type: 'authorization_code' },
      401,
      'invalid_client',
      'invalid client id or secret',
    ],
    [
      { ...CLIENT, client_id: 'someone-else', grant_type: 'authorization_code' },
      401,
      'invalid_client',
      'invalid client id or secret',
    ],
    [
      { ...CLIENT, grant_type: 'password' },
      400,
      'unsupported_grant_type',
      'unsupported grant_type',
    ],
    [
      { ...CLIENT, grant_type: 'authorization_code', code: 'x' },
      400,
      'invalid_request',
      'redirect_uri is required',
    ],
    [
      { ...CLIENT, grant_type: 'authorization_code', redirect_uri: LOOPBACK },
      400,
      'invalid_request',
      'code is required for given grant_type',
    ],
    [
      { ...CLIENT, grant_type: 'refresh_token' },
      400,
      'invalid_request',
      'refresh_token is required',
    ],
    [
      { ...CLIENT, grant_type: 'refresh_token', refresh_token: 'nope' },
      400,
      'invalid_grant',
      'refresh_token is invalid',
    ],
  ])('%j -> %i %s', async (form, status, error, description) => {
    const res = await tokenRequest(s.practice.baseUrl, form);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error, error_description: description });
  });
});

describe('POST /oauth/token: refresh_token [reference §2.5-§2.6]', () => {
  let tokens: Tokens;
  beforeAll(async () => {
    tokens = await linkUser(s.practice.baseUrl, alice);
  });

  it('returns a new refresh token and retires the previous access token at once', async () => {
    const api = new ApiClient(s.practice.baseUrl, tokens.access_token);
    expect((await api.get(listPath)).status).toBe(200);
    const res = await tokenRequest(s.practice.baseUrl, {
      ...CLIENT,
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: 'bearer', expires_in: 14400 });
    expect(res.body).not.toHaveProperty('scope');
    expect(res.body.refresh_token).not.toBe(tokens.refresh_token);
    const old = await api.get(listPath);
    expect(old).toMatchObject({ status: 401, body: { code: 'INVALID_CREDENTIALS' } });
    expect((await api.get(listPath, { token: res.body.access_token as string })).status).toBe(200);
    // Refresh tokens are single use.
    const reuse = await tokenRequest(s.practice.baseUrl, {
      ...CLIENT,
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    expect(reuse).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    tokens = {
      ...tokens,
      access_token: res.body.access_token as string,
      refresh_token: res.body.refresh_token as string,
    };
  });

  it('refuses a second refresh of the same grant while one is in progress', async () => {
    s.practice.setRefreshProcessingMs(300);
    try {
      const form = { ...CLIENT, grant_type: 'refresh_token', refresh_token: tokens.refresh_token };
      // The first refresh is held in progress until the second has had its answer.
      const pending = tokenRequest(s.practice.baseUrl, form);
      await hold.inProgress();
      const second = await tokenRequest(s.practice.baseUrl, form);
      hold.release();
      const first = await pending;
      expect(first.status).toBe(200);
      expect(second).toMatchObject({
        status: 400,
        body: {
          error: 'invalid_request',
          error_description: 'Refresh operation is already in progress',
        },
      });
      tokens = {
        ...tokens,
        access_token: first.body.access_token as string,
        refresh_token: first.body.refresh_token as string,
      };
    } finally {
      s.practice.setRefreshProcessingMs(0);
    }
  });

  it('lets an access token expire after 4 hours (401 INVALID_CREDENTIALS) and refresh brings it back', async () => {
    const api = new ApiClient(s.practice.baseUrl, tokens.access_token);
    s.clock.advance(4 * HOUR - 60_000);
    expect((await api.get(listPath)).status).toBe(200);
    s.clock.advance(2 * 60_000);
    expect(await api.get(listPath)).toMatchObject({
      status: 401,
      body: { code: 'INVALID_CREDENTIALS' },
    });
    const res = await tokenRequest(s.practice.baseUrl, {
      ...CLIENT,
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    expect(res.status).toBe(200);
    expect((await api.get(listPath, { token: res.body.access_token as string })).status).toBe(200);
    tokens = { ...tokens, refresh_token: res.body.refresh_token as string };
  });

  it('ends the grant after 18 months: refresh is invalid_grant', async () => {
    s.clock.advance(547 * 24 * HOUR);
    const res = await tokenRequest(s.practice.baseUrl, {
      ...CLIENT,
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    expect(res).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });
});

describe('client_credentials (application-restricted tokens)', () => {
  it('issues an application token that user-restricted endpoints refuse with INCORRECT_ACCESS_TOKEN_TYPE', async () => {
    const res = await tokenRequest(s.practice.baseUrl, {
      ...CLIENT,
      grant_type: 'client_credentials',
    });
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('refresh_token');
    const api = new ApiClient(s.practice.baseUrl, res.body.access_token as string);
    expect(await api.get(listPath)).toMatchObject({
      status: 401,
      body: { code: 'INCORRECT_ACCESS_TOKEN_TYPE' },
    });
  });
});
