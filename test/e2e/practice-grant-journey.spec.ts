import { type Server, createServer } from 'node:http';
import AxeBuilder from '@axe-core/playwright';
import { type Page, type Response, expect, test } from '@playwright/test';
import { type PracticeHmrc, SEEDED, startPracticeHmrc } from '../../src/practice/server';

/**
 * A person walks Practice HMRC's grant journey in Chromium (HMRC's steps 3-8): start page, sign
 * in, 2-step verification, identity check, grant authority, and the redirect back to the app for
 * each registered redirect type. Every page type is screenshotted in light and dark under
 * test-results/screenshots/ and checked with axe.
 */
let practice: PracticeHmrc;

test.beforeAll(async () => {
  practice = await startPracticeHmrc({ rateLimitPerSecond: 0 });
});
test.afterAll(async () => {
  await practice.stop();
});

const SCOPE = 'read:self-assessment write:self-assessment';

function authorizeUrl(
  redirectUri: string,
  state: string,
  extra: Record<string, string> = {},
): string {
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: 'ledgerlink-practice',
    scope: SCOPE,
    redirect_uri: redirectUri,
    state,
    ...extra,
  });
  return `${practice.baseUrl}/oauth/authorize?${q.toString()}`;
}

async function snap(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({
      path: `test-results/screenshots/practice-${name}-${scheme}.png`,
      fullPage: true,
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

/** Walks from the start page to the grant page as an individual (or agent), reading the practice hints. */
async function walkToGrant(
  page: Page,
  user: { userId: string; password: string },
  options: { screenshots?: boolean } = {},
): Promise<void> {
  const shot = async (name: string) => {
    if (options.screenshots) {
      await snap(page, name);
      await expectAccessible(page);
    }
  };
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Give Ledgerlink authority to deal with HMRC for you',
  );
  await expect(page.getByText('Practice HMRC — nothing here is sent to HMRC')).toBeVisible();
  await shot('start');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('Agents: use your agent services account user ID.')).toBeVisible();
  if (options.screenshots) {
    await page.getByLabel('User ID').fill(user.userId);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('Enter a correct user ID and password');
    await shot('sign-in-error');
  }
  await shot('sign-in');
  await page.getByLabel('User ID').fill(user.userId);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('heading', { name: 'Enter the access code' })).toBeVisible();
  const code = (await page.locator('#practice-code code').textContent()) as string;
  expect(code).toMatch(/^\d{6}$/);
  await shot('two-step');
  await page.getByLabel('Access code').fill(code);
  await page.getByRole('button', { name: 'Continue' }).click();

  if (await page.getByRole('heading', { name: 'Confirm your identity' }).isVisible()) {
    const answers = page.locator('#practice-answer code');
    const nino = (await answers.nth(0).textContent()) as string;
    const [d, m, y] = ((await answers.nth(1).textContent()) as string).split(' ') as [
      string,
      string,
      string,
    ];
    await shot('identity');
    await page.getByLabel('National Insurance number').fill(nino);
    await page.getByLabel('Day').fill(d);
    await page.getByLabel('Month').fill(m);
    await page.getByLabel('Year').fill(y);
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await expect(page.getByRole('heading', { name: 'Give Ledgerlink authority' })).toBeVisible();
  await expect(
    page.getByRole('listitem').filter({ hasText: 'View your Income Tax information' }),
  ).toBeVisible();
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Change your Income Tax information' }),
  ).toBeVisible();
  await shot('grant');
}

/** The 303 the grant/decline POST answered with (Chromium cannot follow an unregistered scheme). */
function grantResponse(page: Page): Promise<Response> {
  return page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/grant'));
}

test('custom scheme: grant gives a 303 to app.ledgerlink.desktop:/oauth/callback with code and state', async ({
  page,
}) => {
  await page.goto(authorizeUrl('app.ledgerlink.desktop:/oauth/callback', 'state-custom'));
  await walkToGrant(page, SEEDED.individualA, { screenshots: true });
  const response = grantResponse(page);
  await page
    .getByRole('button', { name: 'Grant authority', exact: true })
    .click({ noWaitAfter: true });
  const res = await response;
  expect(res.status()).toBe(303);
  const location = new URL(res.headers().location as string);
  expect(`${location.protocol}${location.pathname}`).toBe('app.ledgerlink.desktop:/oauth/callback');
  expect(location.searchParams.get('state')).toBe('state-custom');
  const code = location.searchParams.get('code') as string;
  expect(code).toMatch(/^[0-9a-f]{32}$/);

  // The code is good for a token, as the app would exchange it.
  const token = await fetch(`${practice.baseUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: practice.client.clientId,
      client_secret: practice.client.clientSecret,
      grant_type: 'authorization_code',
      redirect_uri: 'app.ledgerlink.desktop:/oauth/callback',
      code,
    }).toString(),
  });
  expect(token.status).toBe(200);
  expect(await token.json()).toMatchObject({ token_type: 'bearer', expires_in: 14400 });
});

/** Listens on the first free registered loopback port, on IPv4 and IPv6, like the app does. */
async function loopbackListener(): Promise<{
  port: number;
  received: Promise<URL>;
  close: () => Promise<void>;
}> {
  for (const port of [53684, 53683, 53682]) {
    let resolveReceived: (u: URL) => void = () => undefined;
    const received = new Promise<URL>((r) => (resolveReceived = r));
    const server: Server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        '<!doctype html><title>Ledgerlink</title><h1>Linked. You can close this window.</h1>',
      );
      resolveReceived(new URL(req.url ?? '/', `http://localhost:${port}`));
    });
    const ok = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen({ port, host: '::', ipv6Only: false }, () => resolve(true));
    });
    if (ok) return { port, received, close: () => new Promise((r) => server.close(() => r())) };
  }
  throw new Error('No registered loopback port (53682-53684) is free');
}

test('loopback: the browser follows the redirect to http://localhost:<registered port>/oauth/callback', async ({
  page,
}) => {
  const listener = await loopbackListener();
  try {
    await page.goto(
      authorizeUrl(`http://localhost:${listener.port}/oauth/callback`, 'state-loopback'),
    );
    await walkToGrant(page, SEEDED.agent);
    await page.getByRole('button', { name: 'Grant authority', exact: true }).click();
    const url = await listener.received;
    expect(url.pathname).toBe('/oauth/callback');
    expect(url.searchParams.get('state')).toBe('state-loopback');
    expect(url.searchParams.get('code')).toMatch(/^[0-9a-f]{32}$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Linked. You can close this window.',
    );
  } finally {
    await listener.close();
  }
});

test('oob: the code is in the page title (and body)', async ({ page }) => {
  await page.goto(authorizeUrl('urn:ietf:wg:oauth:2.0:oob', 'state-oob'));
  await walkToGrant(page, SEEDED.individualB);
  await page.getByRole('button', { name: 'Grant authority', exact: true }).click();
  await expect(page).toHaveTitle(/^Success code=[0-9a-f]{32}&state=state-oob$/);
  const title = await page.title();
  const code = /code=([0-9a-f]{32})/.exec(title)?.[1] as string;
  await expect(page.locator('#authorisation-code')).toHaveText(code);
  await snap(page, 'oob-code');
  await expectAccessible(page);
});

test('decline: 303 back with error=access_denied and USER_DENIED_AUTHORIZATION', async ({
  page,
}) => {
  await page.goto(authorizeUrl('app.ledgerlink.desktop:/oauth/callback', 'state-decline'));
  await walkToGrant(page, SEEDED.individualA);
  const response = grantResponse(page);
  await page.getByRole('button', { name: 'Do not grant authority' }).click({ noWaitAfter: true });
  const res = await response;
  expect(res.status()).toBe(303);
  const q = new URL(res.headers().location as string).searchParams;
  expect(Object.fromEntries(q)).toEqual({
    error: 'access_denied',
    error_description: 'user denied the authorization',
    error_code: 'USER_DENIED_AUTHORIZATION',
    state: 'state-decline',
  });
});

test('decline with oob shows a page saying so', async ({ page }) => {
  await page.goto(authorizeUrl('urn:ietf:wg:oauth:2.0:oob', 'state-oob-decline'));
  await walkToGrant(page, SEEDED.agent);
  await page.getByRole('button', { name: 'Do not grant authority' }).click();
  await expect(page).toHaveTitle(/^Denied error=access_denied/);
  await snap(page, 'oob-declined');
});

test('a bad authorise request is an HTTP 400 page carrying the error code', async ({ page }) => {
  const res = await page.goto(authorizeUrl('http://localhost:9999/not-registered', 's'));
  expect(res?.status()).toBe(400);
  await expect(page.locator('#error-code')).toHaveText('invalid_request');
  await expect(page.locator('#error-description')).toHaveText('redirect_uri is invalid');
  await snap(page, 'error');
  await expectAccessible(page);
});

test('works by keyboard alone, in a sensible focus order', async ({ page }) => {
  await page.goto(authorizeUrl('urn:ietf:wg:oauth:2.0:oob', 'kbd'));
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Continue' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('User ID')).toBeFocused();
  await page.keyboard.type(SEEDED.agent.userId);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type(SEEDED.agent.password);
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Enter the access code' })).toBeVisible();
  const code = (await page.locator('#practice-code code').textContent()) as string;
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Access code')).toBeFocused();
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Give Ledgerlink authority' })).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Grant authority', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveTitle(/^Success code=/);
});
