import { describe, expect, it } from 'vitest';
import { validateAuthorizeRequest } from '../../../src/practice/oauth/authorize-request';
import { s256 } from '../../../src/practice/oauth/pkce';
import { PRACTICE_CLIENT, PRACTICE_REDIRECT_URIS } from '../../../src/practice/registered-client';

const valid = {
  response_type: 'code',
  client_id: 'ledgerlink-practice',
  scope: 'read:self-assessment write:self-assessment',
  redirect_uri: 'urn:ietf:wg:oauth:2.0:oob',
};
const run = (params: Record<string, string | undefined>, extra = '') =>
  validateAuthorizeRequest(
    new URLSearchParams(
      `${new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined)).toString()}${extra}`,
    ),
    [PRACTICE_CLIENT],
  );

describe('authorise request validation [reference §2.2]', () => {
  it('the registered practice application has exactly five redirect URIs (HMRC maximum)', () => {
    expect(PRACTICE_REDIRECT_URIS).toEqual([
      'app.ledgerlink.desktop:/oauth/callback',
      'http://localhost:53682/oauth/callback',
      'http://localhost:53683/oauth/callback',
      'http://localhost:53684/oauth/callback',
      'urn:ietf:wg:oauth:2.0:oob',
    ]);
  });

  it('accepts a valid request with PKCE and keeps state', () => {
    const challenge = s256('a'.repeat(43));
    expect(
      run({ ...valid, state: 'xyz', code_challenge: challenge, code_challenge_method: 'S256' }),
    ).toEqual({
      ok: true,
      request: {
        clientId: 'ledgerlink-practice',
        redirectUri: valid.redirect_uri,
        scopes: ['read:self-assessment', 'write:self-assessment'],
        state: 'xyz',
        codeChallenge: challenge,
      },
    });
  });

  it.each([
    [{ response_type: 'token' }, 'unsupported_response_type'],
    [{ scope: 'read:self-assessment openid' }, 'invalid_scope'],
    [{ scope: ' ' }, 'invalid_scope'],
    [{ client_secret: 'x' }, 'invalid_request'],
    [{ redirect_uri: 'urn:ietf:wg:oauth:2.0:oob:auto' }, 'invalid_request'],
    [{ code_challenge: 'short', code_challenge_method: 'S256' }, 'invalid_request'],
  ])('%j -> %s', (change, error) => {
    expect(run({ ...valid, ...change })).toMatchObject({ ok: false, error });
  });

  it('refuses a repeated parameter rather than guess', () => {
    expect(run(valid, '&client_id=other')).toMatchObject({
      ok: false,
      error: 'invalid_request',
      description: 'client_id is invalid',
    });
  });
});
