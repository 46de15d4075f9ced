import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * Walks Practice HMRC's grant journey over plain HTTP, posting each form as a browser would.
 * (The Playwright e2e test walks it in Chromium; this is for integration tests that need tokens.)
 */
export interface JourneyOptions {
  userId: string;
  password: string;
  redirectUri?: string;
  scope?: string;
  state?: string;
  codeChallenge?: string;
  decision?: 'grant' | 'decline';
  clientId?: string;
}

export interface JourneyResult {
  /** The final 303 Location (non-oob redirect URIs). */
  location?: string;
  /** The final page (oob). */
  finalPage?: { status: number; html: string };
  /** Every page's <title>, in order. */
  titles: string[];
}

const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
const action = (html: string) => /<form method="post" action="([^"]+)"/.exec(html)?.[1];

export async function walkGrantJourney(baseUrl: string, o: JourneyOptions): Promise<JourneyResult> {
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: o.clientId ?? 'ledgerlink-practice',
    scope: o.scope ?? 'read:self-assessment write:self-assessment',
    redirect_uri: o.redirectUri ?? 'http://localhost:53682/oauth/callback',
  });
  if (o.state !== undefined) params.set('state', o.state);
  if (o.codeChallenge) {
    params.set('code_challenge', o.codeChallenge);
    params.set('code_challenge_method', 'S256');
  }
  const titles: string[] = [];
  let res = await fetch(`${baseUrl}/oauth/authorize?${params.toString()}`);
  let html = await res.text();
  if (res.status !== 200) throw new Error(`authorize answered ${res.status}: ${title(html)}`);
  titles.push(title(html));

  const post = async (form: Record<string, string>): Promise<Response> => {
    const target = action(html);
    if (!target) throw new Error(`No form on page "${title(html)}"`);
    return fetch(`${baseUrl}${target.replace(/&amp;/g, '&')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
      redirect: 'manual',
    });
  };
  const follow = async (r: Response): Promise<string> => {
    const location = r.headers.get('location');
    if (r.status !== 303 || !location) throw new Error(`Expected 303, got ${r.status}`);
    const next = await fetch(`${baseUrl}${location}`);
    const text = await next.text();
    titles.push(title(text));
    return text;
  };

  html = await follow(await post({}));
  html = await follow(await post({ userId: o.userId, password: o.password }));
  if (!html.includes('Enter the access code')) throw new Error(`Sign-in failed: ${title(html)}`);
  const code = /id="practice-code">.*?<code>(\d{6})<\/code>/s.exec(html)?.[1] as string;
  html = await follow(await post({ accessCode: code }));
  if (html.includes('Confirm your identity')) {
    const answer =
      /id="practice-answer">.*?<code>([A-Z0-9]+)<\/code>.*?<code>(\d\d) (\d\d) (\d{4})<\/code>/s.exec(
        html,
      );
    if (!answer) throw new Error('No practice answer on the identity page');
    html = await follow(
      await post({
        nino: answer[1] as string,
        dobDay: answer[2] as string,
        dobMonth: answer[3] as string,
        dobYear: answer[4] as string,
      }),
    );
  }
  res = await post({ decision: o.decision ?? 'grant' });
  const location = res.headers.get('location') ?? undefined;
  if ((o.redirectUri ?? '').startsWith('urn:')) {
    const page = await fetch(`${baseUrl}${location}`);
    const text = await page.text();
    titles.push(title(text));
    return { finalPage: { status: page.status, html: text }, titles };
  }
  return { ...(location ? { location } : {}), titles };
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The token endpoint's answer (reference §2.4), checked as the app would check it. */
const tokensSchema = z.object({
  access_token: z.string(),
  refresh_token: z.string(),
  expires_in: z.number(),
  token_type: z.string(),
  scope: z.string().optional(),
});
export type Tokens = z.infer<typeof tokensSchema>;

export async function tokenRequest(
  baseUrl: string,
  form: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(`${baseUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown>,
    headers: res.headers,
  };
}

/** Links a practice user and returns their tokens (the whole journey plus the code exchange). */
export async function linkUser(
  baseUrl: string,
  user: { userId: string; password: string },
  options: { scope?: string } = {},
): Promise<Tokens> {
  const { verifier, challenge } = pkcePair();
  const redirectUri = 'http://localhost:53683/oauth/callback';
  const result = await walkGrantJourney(baseUrl, {
    ...user,
    redirectUri,
    codeChallenge: challenge,
    state: 's',
    ...options,
  });
  const code = new URL(result.location as string).searchParams.get('code') as string;
  const res = await tokenRequest(baseUrl, {
    client_id: 'ledgerlink-practice',
    client_secret: 'practice-secret-not-confidential',
    grant_type: 'authorization_code',
    redirect_uri: redirectUri,
    code,
    code_verifier: verifier,
  });
  if (res.status !== 200) throw new Error(`Token exchange failed: ${JSON.stringify(res.body)}`);
  return tokensSchema.parse(res.body);
}
