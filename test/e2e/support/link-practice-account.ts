import { expect, type Page } from '@playwright/test';
import type { BrowserHost } from '../../support/browser-host/start-browser-host';

export type LinkTransport = 'custom-scheme' | 'loopback' | 'manual';

export interface PracticeUser {
  userId: string;
  password: string;
  kind: 'individual' | 'agent';
}

const TRANSPORT_LABELS: Record<LinkTransport, string> = {
  'custom-scheme': 'Straight back to Ledgerlink',
  loopback: 'Through a page on this computer',
  manual: 'Copy and paste a code',
};

/**
 * In a browser page, walks Practice HMRC's grant journey the way a person does: Continue on the
 * start page, sign in, type the access code shown, answer the identity questions (individuals),
 * then Grant (or Do not grant). What happens after the final button depends on the transport:
 * the caller arranges it (see linkPracticeAccount).
 */
export async function walkPracticePages(
  browser: Page,
  authorizeUrl: string,
  user: PracticeUser,
  options: { decision?: 'grant' | 'decline'; beforeDecision?: () => Promise<void> } = {},
): Promise<void> {
  await browser.goto(authorizeUrl);
  await browser.getByRole('button', { name: 'Continue' }).click();
  await browser.getByLabel('User ID').fill(user.userId);
  await browser.getByLabel('Password').fill(user.password);
  await browser.getByRole('button', { name: 'Sign in' }).click();
  const accessCode = (await browser.locator('#practice-code code').textContent())!.trim();
  await browser.getByLabel('Access code').fill(accessCode);
  await browser.getByRole('button', { name: 'Continue' }).click();
  if (user.kind === 'individual') {
    const answers = browser.locator('#practice-answer code');
    const nino = (await answers.nth(0).textContent())!.trim();
    const [day, month, year] = (await answers.nth(1).textContent())!.trim().split(/\s+/);
    await browser.getByLabel('National Insurance number').fill(nino);
    await browser.getByLabel('Day').fill(day!);
    await browser.getByLabel('Month').fill(month!);
    await browser.getByLabel('Year').fill(year!);
    await browser.getByRole('button', { name: 'Continue' }).click();
  }
  await expect(browser.getByRole('heading', { level: 1 })).toContainText('authority');
  await options.beforeDecision?.();
  await browser
    .getByRole('button', {
      name: options.decision === 'decline' ? 'Do not grant authority' : 'Grant authority',
      exact: true,
    })
    .click();
}

/**
 * When the browser is sent to `app.ledgerlink.desktop:…`, do what the OS does: hand the URL to
 * the app (host.openUrl, the macOS delivery) instead of letting Chromium try to open it.
 * Returns the Location Practice HMRC redirected to.
 */
export async function handCustomSchemeToApp(
  browser: Page,
  host: BrowserHost,
): Promise<() => string> {
  let location = '';
  await browser.route('**/oauth/journey/*/grant', async (route) => {
    const response = await route.fetch({ maxRedirects: 0 });
    location = response.headers()['location'] ?? '';
    if (!location.startsWith('app.ledgerlink.desktop:')) return route.fulfill({ response });
    host.openUrl(location);
    return route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: '<!doctype html><title>Opening Ledgerlink</title><h1>Your browser opened Ledgerlink</h1>',
    });
  });
  return () => location;
}

/**
 * Closes the HMRC page without letting it hold up the test: route handlers are dropped first
 * (a close otherwise waits for them), and if Chromium still does not answer in a few seconds
 * the context's own clean-up closes the page at the end of the test. Under load we have seen
 * a plain page.close() hang for the rest of a test after the custom-scheme hand-off.
 */
export async function closeQuietly(browser: Page): Promise<void> {
  await browser.unrouteAll({ behavior: 'ignoreErrors' });
  await Promise.race([
    browser.close().catch(() => undefined),
    new Promise<void>((resolve) => setTimeout(resolve, 5_000)),
  ]);
}

/** Practice HMRC's seeded user of a kind, from the running Practice HMRC. */
export async function practiceUser(
  host: BrowserHost,
  kind: 'individual' | 'agent',
): Promise<PracticeUser> {
  const practice = await host.services.environments.ensurePractice();
  const user = practice.testUsers.find((u) => u.kind === kind);
  if (!user) throw new Error(`Practice HMRC has no ${kind} test user`);
  return { userId: user.userId, password: user.password, kind };
}

/**
 * Links a Practice HMRC account through the real UI, by the chosen transport, the way a person
 * does: Link to HMRC → choose who and how → the app opens HMRC's pages (followed here in a
 * second page) → the journey → the answer comes back → "Ledgerlink is linked". For other
 * e2e tests that need a linked account:
 *
 * ```ts
 * const { accountId } = await linkPracticeAccount(app, host, { kind: 'agent' });
 * ```
 */
export async function linkPracticeAccount(
  page: Page,
  host: BrowserHost,
  options: { user?: PracticeUser; kind?: 'individual' | 'agent'; transport?: LinkTransport } = {},
): Promise<{ accountId: string; authorizeUrl: string }> {
  const kind = options.user?.kind ?? options.kind ?? 'individual';
  const user = options.user ?? (await practiceUser(host, kind));
  const transport = options.transport ?? 'custom-scheme';

  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Link to HMRC' })
    .click();
  await page
    .getByRole('navigation', { name: 'Link to HMRC' })
    .getByRole('link', { name: 'Link an account' })
    .click();
  const another = page.getByRole('button', { name: 'Link another account' });
  if (await another.isVisible()) await another.click();

  await page
    .getByLabel(kind === 'agent' ? 'An agent' : 'A business or landlord (an individual)')
    .check();
  await page.getByLabel(TRANSPORT_LABELS[transport], { exact: false }).check();
  const sessionOnly = page.getByLabel('Keep me signed in for this session only');
  if (await sessionOnly.isVisible()) await sessionOnly.check();

  const before = host.openedUrls.length;
  await page.getByRole('button', { name: 'Open HMRC in my browser' }).click();
  const authorizeUrl = await host.waitForOpenedUrl(
    (u) => host.openedUrls.indexOf(u) >= before && new URL(u).pathname === '/oauth/authorize',
  );

  const browser = await page.context().newPage();
  try {
    if (transport === 'custom-scheme') await handCustomSchemeToApp(browser, host);
    await walkPracticePages(browser, authorizeUrl, user);
    if (transport === 'loopback') {
      await expect(
        browser.getByRole('heading', { name: 'You can return to Ledgerlink' }),
      ).toBeVisible();
    }
    if (transport === 'manual') {
      await expect(browser.getByRole('heading', { name: 'Authority granted' })).toBeVisible();
      const code = new URLSearchParams((await browser.title()).replace(/^Success\s+/, '')).get(
        'code',
      )!;
      await page.getByLabel('Code from HMRC').fill(code);
      await page.getByRole('button', { name: 'Continue' }).click();
    }
  } finally {
    await closeQuietly(browser);
  }
  await expect(page.getByText(/Ledgerlink is linked to/)).toBeVisible();
  const flow = host.services.link.current();
  if (!flow?.account) throw new Error('The app did not finish linking');
  return { accountId: flow.account.id, authorizeUrl };
}
