import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pkcePair, walkGrantJourney } from './helpers/grant-journey';
import { REFERENCE_NOW, SEEDED, type Session, startSession } from './helpers/practice-session';

let s: Session;
beforeAll(async () => {
  s = await startSession({ at: REFERENCE_NOW });
});
afterAll(async () => {
  await s.practice.stop();
});

const base = {
  response_type: 'code',
  client_id: 'ledgerlink-practice',
  scope: 'read:self-assessment write:self-assessment',
  redirect_uri: 'app.ledgerlink.desktop:/oauth/callback',
  state: 'abc',
};

async function authorize(
  params: Record<string, string | undefined>,
): Promise<{ status: number; html: string }> {
  const qs = new URLSearchParams(
    Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined),
  );
  const res = await fetch(`${s.practice.baseUrl}/oauth/authorize?${qs.toString()}`);
  return { status: res.status, html: await res.text() };
}

describe('GET /oauth/authorize validation, shown in the browser as HTTP 400 [reference §2.2]', () => {
  it.each([
    ['client_id missing', { client_id: undefined }, 'invalid_request', 'client_id is required'],
    [
      'client_id unknown',
      { client_id: 'not-registered' },
      'invalid_request',
      'client_id is invalid',
    ],
    [
      'redirect_uri missing',
      { redirect_uri: undefined },
      'invalid_request',
      'redirect_uri is required',
    ],
    [
      'redirect_uri not registered (different port)',
      { redirect_uri: 'http://localhost:53685/oauth/callback' },
      'invalid_request',
      'redirect_uri is invalid',
    ],
    [
      'redirect_uri not exactly registered (trailing slash)',
      { redirect_uri: 'http://localhost:53682/oauth/callback/' },
      'invalid_request',
      'redirect_uri is invalid',
    ],
    [
      'redirect_uri with 127.0.0.1 instead of localhost',
      { redirect_uri: 'http://127.0.0.1:53682/oauth/callback' },
      'invalid_request',
      'redirect_uri is invalid',
    ],
    [
      'response_type missing',
      { response_type: undefined },
      'invalid_request',
      'response_type is required',
    ],
    [
      'response_type token',
      { response_type: 'token' },
      'unsupported_response_type',
      "response_type must be 'code'",
    ],
    ['scope missing', { scope: undefined }, 'invalid_request', 'scope is required'],
    [
      'scope unknown',
      { scope: 'read:self-assessment read:vat' },
      'invalid_scope',
      'scope is invalid',
    ],
    [
      'client_secret present',
      { client_secret: 'practice-secret-not-confidential' },
      'invalid_request',
      'client_secret should NOT be present',
    ],
    [
      'code_challenge without method',
      { code_challenge: pkcePair().challenge },
      'invalid_request',
      undefined,
    ],
    [
      'code_challenge_method without challenge',
      { code_challenge_method: 'S256' },
      'invalid_request',
      undefined,
    ],
    [
      'plain PKCE',
      { code_challenge: pkcePair().challenge, code_challenge_method: 'plain' },
      'invalid_request',
      'code_challenge_method must be S256',
    ],
    [
      'empty code_challenge',
      { code_challenge: '', code_challenge_method: 'S256' },
      'invalid_request',
      'code_challenge is invalid',
    ],
  ])('%s', async (_name, change, error, description) => {
    const res = await authorize({ ...base, ...change });
    expect(res.status).toBe(400);
    expect(res.html).toContain(`<code id="error-code">${error}</code>`);
    expect(res.html).toContain(`<title>Error: ${error}`);
    if (description) expect(res.html).toContain(description.replace(/'/g, '&#39;'));
  });

  it('accepts every registered redirect URI, exactly', async () => {
    for (const uri of s.practice.client.redirectUris) {
      expect((await authorize({ ...base, redirect_uri: uri })).status).toBe(200);
    }
  });

  it('accepts scopes joined by + (URL-encoded spaces)', async () => {
    const res = await fetch(
      `${s.practice.baseUrl}/oauth/authorize?response_type=code&client_id=ledgerlink-practice&scope=read:self-assessment+write:self-assessment&redirect_uri=urn:ietf:wg:oauth:2.0:oob`,
    );
    expect(res.status).toBe(200);
  });
});

describe('the journey pages', () => {
  it('start page has the practice banner, a heading and a Continue button', async () => {
    const res = await authorize(base);
    expect(res.status).toBe(200);
    expect(res.html).toContain('Practice HMRC — nothing here is sent to HMRC');
    expect(res.html).toMatch(/<h1>Give Ledgerlink authority/);
    expect(res.html).toContain('<button type="submit">Continue</button>');
  });

  async function pageAfter(
    steps: Record<string, string>[],
  ): Promise<{ html: string; action: string }> {
    let { html } = await authorize(base);
    for (const form of steps) {
      const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1] as string;
      const post = await fetch(`${s.practice.baseUrl}${action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
        redirect: 'manual',
      });
      expect(post.status).toBe(303);
      html = await (await fetch(`${s.practice.baseUrl}${post.headers.get('location')}`)).text();
    }
    return { html, action: /<form method="post" action="([^"]+)"/.exec(html)?.[1] as string };
  }

  it('a wrong password shows a clear error on the sign-in page', async () => {
    const { html } = await pageAfter([
      {},
      { userId: SEEDED.individualA.userId, password: 'wrong' },
    ]);
    expect(html).toContain('<title>Error: Sign in');
    expect(html).toContain('role="alert"');
    expect(html).toContain('<a href="#user-id">Enter a correct user ID and password</a>');
    expect(html).toContain(`value="${SEEDED.individualA.userId}"`);
    expect(html).toContain('aria-invalid="true"');
  });

  it('empty fields get an error each', async () => {
    const { html } = await pageAfter([{}, { userId: '', password: '' }]);
    expect(html).toContain('Enter your user ID');
    expect(html).toContain('Enter your password');
  });

  it('a wrong 2-step code shows an error; the page shows the practice code', async () => {
    const { html } = await pageAfter([
      {},
      { userId: SEEDED.individualA.userId, password: SEEDED.individualA.password },
      { accessCode: '12345' },
    ]);
    expect(html).toContain('Enter the access code using 6 digits');
    expect(html).toMatch(/id="practice-code">.*<code>\d{6}<\/code>/s);
  });

  it('the identity check refuses a wrong NINO and date of birth', async () => {
    const start = await authorize(base);
    let page = start.html;
    const post = async (form: Record<string, string>) => {
      const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1] as string;
      const res = await fetch(`${s.practice.baseUrl}${action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
        redirect: 'manual',
      });
      page = await (await fetch(`${s.practice.baseUrl}${res.headers.get('location')}`)).text();
    };
    await post({});
    await post({ userId: SEEDED.individualA.userId, password: SEEDED.individualA.password });
    await post({ accessCode: /<code>(\d{6})<\/code>/.exec(page)?.[1] as string });
    expect(page).toContain('<h1>Confirm your identity</h1>');
    await post({ nino: 'AA999999A', dobDay: '1', dobMonth: '1', dobYear: '1990' });
    expect(page).toContain('The National Insurance number does not match our records');
    expect(page).toContain('The date of birth does not match our records');
    await post({ nino: 'aa 10 00 01 a', dobDay: '14', dobMonth: '3', dobYear: '1985' });
    expect(page).toContain('<h1>Give Ledgerlink authority</h1>');
    expect(page).toContain('View your Income Tax information');
    expect(page).toContain('Change your Income Tax information');
  });

  it('agents skip the identity check and see an agent note on the grant page', async () => {
    const result = await walkGrantJourney(s.practice.baseUrl, {
      ...SEEDED.agent,
      redirectUri: 'app.ledgerlink.desktop:/oauth/callback',
      state: 'a',
    });
    expect(result.titles.some((t) => t.startsWith('Confirm your identity'))).toBe(false);
    expect(result.location).toMatch(
      /^app\.ledgerlink\.desktop:\/oauth\/callback\?code=[0-9a-f]{32}&state=a$/,
    );
  });
});

describe('the redirect back to the app [reference §2.3, §2.8]', () => {
  it('custom scheme: 303 to app.ledgerlink.desktop:/oauth/callback with code and state', async () => {
    const r = await walkGrantJourney(s.practice.baseUrl, {
      ...SEEDED.individualB,
      redirectUri: 'app.ledgerlink.desktop:/oauth/callback',
      state: 'st 1',
    });
    const url = new URL(r.location as string);
    expect(url.protocol).toBe('app.ledgerlink.desktop:');
    expect(url.searchParams.get('state')).toBe('st 1');
    expect(url.searchParams.get('code')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('decline: access_denied with USER_DENIED_AUTHORIZATION and the state', async () => {
    const r = await walkGrantJourney(s.practice.baseUrl, {
      ...SEEDED.individualA,
      redirectUri: 'http://localhost:53684/oauth/callback',
      state: 'd',
      decision: 'decline',
    });
    const url = new URL(r.location as string);
    expect(url.origin + url.pathname).toBe('http://localhost:53684/oauth/callback');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      error: 'access_denied',
      error_description: 'user denied the authorization',
      error_code: 'USER_DENIED_AUTHORIZATION',
      state: 'd',
    });
  });

  it('oob: the code is in the page title and body', async () => {
    const r = await walkGrantJourney(s.practice.baseUrl, {
      ...SEEDED.individualA,
      redirectUri: 'urn:ietf:wg:oauth:2.0:oob',
      state: 'o',
    });
    const html = r.finalPage?.html as string;
    const code = /<title>Success code=([0-9a-f]{32})&amp;state=o<\/title>/.exec(html)?.[1];
    expect(code).toBeDefined();
    expect(html).toContain(`<code class="big" id="authorisation-code">${code}</code>`);
  });

  it('oob: a state with reserved characters is percent-encoded in the title', async () => {
    const r = await walkGrantJourney(s.practice.baseUrl, {
      ...SEEDED.individualA,
      redirectUri: 'urn:ietf:wg:oauth:2.0:oob',
      state: 'a b&c',
    });
    expect(r.finalPage?.html).toMatch(
      /<title>Success code=[0-9a-f]{32}&amp;state=a%20b%26c<\/title>/,
    );
  });

  it('an expired or unknown journey shows a session-ended page', async () => {
    const res = await fetch(`${s.practice.baseUrl}/oauth/journey/nope`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Your session has ended');
  });
});
