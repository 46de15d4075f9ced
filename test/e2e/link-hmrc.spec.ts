import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createOffsetClock } from '../../src/main/clock/clock';
import { unavailableKeychain } from '../../src/main/vault/keychain';
import {
  createOffsetClock as createPracticeClock,
  GRANT_LENGTH_MS,
  startPracticeHmrc,
  type OffsetClock,
  type PracticeHmrc,
} from '../../src/practice/server';
import { expect, expectNoA11yViolations, screenshot, test } from './fixtures';
import {
  closeQuietly,
  handCustomSchemeToApp,
  linkPracticeAccount,
  practiceUser,
  walkPracticePages,
} from './support/link-practice-account';

const DAY = 86_400_000;

/** Every frame the page received over the host's IPC WebSocket: what the renderer saw. */
function recordIpc(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))));
  return frames;
}

/**
 * Every file in the data folder, Practice HMRC's own state (practice-hmrc.json) included: it
 * keeps only token hashes, as an authorisation server should.
 */
function appFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? appFilesUnder(path)
      : [readFileSync(path).toString('latin1')];
  });
}

/** A PKCE verifier hides in a text if some base64url run hashes (S256) to the challenge. */
const leaksVerifier = (challenge: string, text: string) =>
  [...text.matchAll(/[A-Za-z0-9\-._~]{43,128}/g)].some(
    (m) => createHash('sha256').update(m[0]).digest('base64url') === challenge,
  );

async function startLinking(
  app: Page,
  options: { kind: 'individual' | 'agent'; transport: string },
): Promise<void> {
  await app
    .getByLabel(options.kind === 'agent' ? 'An agent' : 'A business or landlord (an individual)')
    .check();
  await app.getByLabel(options.transport, { exact: false }).check();
  await app.getByRole('button', { name: 'Open HMRC in my browser' }).click();
}

// A new app opens on the first-run welcome; these tests start from the Link to HMRC screen.
test.beforeEach(async ({ app, host }) => {
  await app.goto(`${host.url}#/link`);
});

test.describe('linking to HMRC, step by step', () => {
  test('an individual links by the custom scheme and watches the nine steps', async ({
    app,
    host,
    page,
  }) => {
    const frames = recordIpc(page);
    await page.reload();
    await expect(app.getByRole('heading', { level: 1, name: 'Link to HMRC' })).toBeVisible();
    await expect(app.getByRole('heading', { name: 'Link an HMRC account' })).toBeVisible();
    await app.getByText('Practice test users you can sign in with').click();
    await expect(app.getByRole('table', { name: 'Practice test users' })).toContainText(
      'Alice Ashworth',
    );
    await screenshot(app, 'link-start');
    await expectNoA11yViolations(app);

    await startLinking(app, { kind: 'individual', transport: 'Straight back to Ledgerlink' });
    const authorizeUrl = await host.waitForOpenedUrl((u) => u.includes('/oauth/authorize'));
    const steps = app
      .getByRole('list')
      .filter({ has: app.locator('[data-step]') })
      .locator('li');
    await expect(steps).toHaveCount(9);
    await expect(app.locator('[data-step="browser-opened"]')).toHaveAttribute(
      'data-status',
      'done',
    );
    for (const id of ['start-page', 'sign-in', 'two-step', 'identity', 'grant']) {
      await expect(app.locator(`[data-step="${id}"]`)).toHaveAttribute('data-status', 'in-browser');
    }
    await expect(app.locator('[data-step="sign-in"]')).toContainText(
      'Agents: use your agent services account user ID',
    );
    await expect(app.getByTestId('link-transport')).toHaveText('Straight back to Ledgerlink');
    await screenshot(app, 'link-stepper-waiting');
    await expectNoA11yViolations(app);

    // "Open it again" goes through main: the renderer never holds the authorize URL.
    const opened = host.openedUrls.length;
    await app.getByRole('button', { name: 'Open it again' }).click();
    await expect.poll(() => host.openedUrls.length).toBe(opened + 1);
    expect(host.openedUrls.at(-1)).toBe(authorizeUrl);

    const browser = await page.context().newPage();
    const location = await handCustomSchemeToApp(browser, host);
    await walkPracticePages(browser, authorizeUrl, await practiceUser(host, 'individual'));
    await expect(
      browser.getByRole('heading', { name: 'Your browser opened Ledgerlink' }),
    ).toBeVisible();
    await closeQuietly(browser);

    await expect(app.getByText('Ledgerlink is linked to Practice HMRC')).toBeVisible();
    for (const id of [
      'requested',
      'browser-opened',
      'start-page',
      'sign-in',
      'two-step',
      'identity',
      'grant',
      'token-issued',
      'token-stored',
    ]) {
      await expect(app.locator(`[data-step="${id}"]`)).toHaveAttribute('data-status', 'done');
    }
    await expect(app.getByText('9 of 9 steps done')).toBeVisible();
    // Focus moves to the outcome, so the next action is one Tab away.
    await app.keyboard.press('Tab');
    await expect(app.getByRole('link', { name: 'See linked accounts' })).toBeFocused();
    await screenshot(app, 'link-success');
    await expectNoA11yViolations(app);

    // Nothing secret reached the window, the logs or the data folder.
    const params = new URL(authorizeUrl).searchParams;
    const accountId = host.services.link.current()!.account!.id;
    const access = await host.services.tokens.accessToken(accountId);
    const secrets = [params.get('state')!, new URL(location()).searchParams.get('code')!, access];
    const seen = frames.join('\n');
    const logs = JSON.stringify(host.logs);
    const disk = appFilesUnder(host.dataDir).join('\n');
    expect(disk).toContain('A256GCM');
    for (const s of secrets) {
      expect(seen).not.toContain(s);
      expect(logs).not.toContain(s);
      expect(disk).not.toContain(s);
    }
    expect(leaksVerifier(params.get('code_challenge')!, seen)).toBe(false);
    expect(leaksVerifier(params.get('code_challenge')!, logs)).toBe(false);
    expect(frames.some((f) => f.includes('"auth.progress"'))).toBe(true);
  });

  test('an agent links through the loopback listener', async ({ app, host }) => {
    await startLinking(app, { kind: 'agent', transport: 'Through a page on this computer' });
    const authorizeUrl = await host.waitForOpenedUrl((u) => u.includes('/oauth/authorize'));
    expect(new URL(authorizeUrl).searchParams.get('redirect_uri')).toMatch(
      /^http:\/\/localhost:5368[234]\/oauth\/callback$/,
    );
    await expect(app.locator('[data-step="identity"]')).toContainText(
      'Agents usually skip this step',
    );
    const browser = await app.context().newPage();
    await walkPracticePages(browser, authorizeUrl, await practiceUser(host, 'agent'));
    await expect(
      browser.getByRole('heading', { name: 'You can return to Ledgerlink' }),
    ).toBeVisible();
    await closeQuietly(browser);
    await expect(app.getByText('Ledgerlink is linked to Practice HMRC')).toBeVisible();
    await expect(app.getByTestId('link-transport')).toHaveText('Through a page on this computer');
  });

  test('an individual links by pasting the code HMRC shows', async ({ app, host }) => {
    await startLinking(app, { kind: 'individual', transport: 'Copy and paste a code' });
    const authorizeUrl = await host.waitForOpenedUrl((u) => u.includes('/oauth/authorize'));
    expect(new URL(authorizeUrl).searchParams.get('redirect_uri')).toBe(
      'urn:ietf:wg:oauth:2.0:oob',
    );
    await expect(app.getByLabel('Code from HMRC')).toBeVisible();
    await screenshot(app, 'link-manual-code');
    await expectNoA11yViolations(app);

    const browser = await app.context().newPage();
    await walkPracticePages(browser, authorizeUrl, await practiceUser(host, 'individual'));
    const title = await browser.title();
    expect(title).toMatch(/^Success code=/);
    const code = new URLSearchParams(title.replace(/^Success\s+/, '')).get('code')!;
    await closeQuietly(browser);

    await app.getByLabel('Code from HMRC').fill('not a code!');
    await app.getByRole('button', { name: 'Continue' }).click();
    await expect(app.getByRole('alert')).toContainText('does not look like the code HMRC showed');
    await app.getByLabel('Code from HMRC').fill(code);
    await app.getByRole('button', { name: 'Continue' }).click();
    await expect(app.getByText('Ledgerlink is linked to Practice HMRC')).toBeVisible();
  });

  test('declining at HMRC shows “you chose not to” at the grant step, with Retry', async ({
    app,
    host,
  }) => {
    await startLinking(app, { kind: 'individual', transport: 'Straight back to Ledgerlink' });
    const authorizeUrl = await host.waitForOpenedUrl((u) => u.includes('/oauth/authorize'));
    const browser = await app.context().newPage();
    await handCustomSchemeToApp(browser, host);
    await walkPracticePages(browser, authorizeUrl, await practiceUser(host, 'individual'), {
      decision: 'decline',
    });
    await closeQuietly(browser);

    const alert = app.locator('[data-step="grant"]').getByRole('alert');
    await expect(alert).toContainText('You chose not to give Ledgerlink authority');
    await expect(alert).toBeFocused();
    await expect(app.locator('[data-step="grant"]')).toHaveAttribute('data-status', 'failed');
    await expect(app.locator('[data-step="token-stored"]')).toHaveAttribute(
      'data-status',
      'waiting',
    );
    await screenshot(app, 'link-declined');
    await expectNoA11yViolations(app);
    expect(host.services.accounts.list()).toEqual([]);

    const opened = host.openedUrls.length;
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => host.openedUrls.length).toBe(opened + 1);
    expect(host.openedUrls.at(-1)).not.toBe(authorizeUrl);
    await expect(app.locator('[data-step="grant"]')).toHaveAttribute('data-status', 'in-browser');
  });

  test('“Use another way” starts again with another transport; Cancel stops linking', async ({
    app,
    host,
  }) => {
    await startLinking(app, { kind: 'agent', transport: 'Straight back to Ledgerlink' });
    const first = await host.waitForOpenedUrl((u) => u.includes('/oauth/authorize'));
    await app.getByRole('button', { name: 'Use another way' }).click();
    await app
      .getByRole('group', { name: 'Other ways back' })
      .getByRole('button', { name: 'Copy and paste a code' })
      .click();
    await expect(app.getByTestId('link-transport')).toHaveText('Copy and paste a code');
    const second = host.openedUrls.at(-1)!;
    expect(new URL(second).searchParams.get('redirect_uri')).toBe('urn:ietf:wg:oauth:2.0:oob');
    expect(new URL(second).searchParams.get('state')).not.toBe(
      new URL(first).searchParams.get('state'),
    );

    // The first attempt's answer is no longer accepted.
    const browser = await app.context().newPage();
    await handCustomSchemeToApp(browser, host);
    await walkPracticePages(browser, first, await practiceUser(host, 'agent'));
    await closeQuietly(browser);
    await expect(app.getByLabel('Code from HMRC')).toBeVisible();
    expect(host.logs.some((l) => l.message.includes('OAuth callback dropped'))).toBe(true);

    await app.getByRole('button', { name: 'Cancel linking' }).click();
    await expect(app.getByText('Linking cancelled. Nothing was saved.')).toBeVisible();
    expect(host.services.accounts.list()).toEqual([]);
  });

  test('cancelled in the app, then granted at HMRC anyway: the app says nothing was linked and offers to start again', async ({
    app,
    host,
  }) => {
    await startLinking(app, { kind: 'individual', transport: 'Through a page on this computer' });
    const authorizeUrl = await host.waitForOpenedUrl((u) => u.includes('/oauth/authorize'));
    await app.getByRole('button', { name: 'Cancel linking' }).click();
    await expect(app.getByText('Linking cancelled. Nothing was saved.')).toBeVisible();

    // The person carries on in the browser tab and grants authority anyway.
    const browser = await app.context().newPage();
    await walkPracticePages(browser, authorizeUrl, await practiceUser(host, 'individual'));
    await expect(
      browser.getByRole('heading', { name: 'Ledgerlink refused this answer' }),
    ).toBeVisible();
    await closeQuietly(browser);

    const notice = app.getByRole('status').filter({ hasText: 'Nothing was linked' });
    await expect(notice).toContainText('You cancelled this linking in Ledgerlink');
    await expect(notice).toContainText('start again below');
    await expect(app.getByRole('button', { name: 'Open HMRC in my browser' })).toBeEnabled();
    await screenshot(app, 'link-granted-after-cancel');
    await expectNoA11yViolations(app);
    expect(host.services.accounts.list()).toEqual([]);
  });
});

test.describe('the scope status screen', () => {
  test('shows each account with its time left, authority end and scopes; refresh, unlink', async ({
    app,
    host,
  }) => {
    await linkPracticeAccount(app, host, { kind: 'individual', transport: 'custom-scheme' });
    await linkPracticeAccount(app, host, { kind: 'agent', transport: 'loopback' });
    await app.getByRole('link', { name: 'See linked accounts' }).click();
    await expect(app.getByRole('link', { name: 'Linked accounts (2)' })).toHaveAttribute(
      'aria-current',
      'page',
    );

    const individual = app.getByRole('article', { name: 'Individual sign-in' });
    const agent = app.getByRole('article', { name: 'Agent services account' });
    await expect(individual.getByText('Linked', { exact: true })).toBeVisible();
    await expect(agent).toContainText('An agent (agent services account)');
    await expect(individual.getByTestId('token-time-left')).toHaveText(
      /^(3 hours 5\d minutes|4 hours) left$/,
    );
    await expect(individual.getByTestId('grant-ends')).toContainText('(in 547 days)');
    const scopes = individual.getByRole('table', {
      name: 'What Ledgerlink can do with this authority',
    });
    await expect(scopes.getByRole('row')).toHaveCount(6);
    await expect(scopes.getByRole('row', { name: /Send the final declaration/ })).toContainText(
      'write:self-assessment',
    );
    await expect(scopes.getByRole('row', { name: /See your businesses/ })).toContainText('Yes');

    for (const scheme of ['light', 'dark'] as const) {
      await app.emulateMedia({ colorScheme: scheme });
      await screenshot(app, `link-status-${scheme}`);
      await expectNoA11yViolations(app);
    }
    await app.emulateMedia({ colorScheme: 'light' });

    await individual.getByRole('button', { name: 'Refresh now' }).click();
    await expect(individual.getByRole('status')).toContainText('Renewed');
    await expect(individual.getByTestId('last-refresh')).toContainText('renewed');

    await agent.getByRole('button', { name: 'Unlink' }).click();
    await expect(
      agent.getByRole('group', { name: 'Unlink Agent services account?' }),
    ).toBeVisible();
    await agent.getByRole('button', { name: 'Keep it' }).click();
    await agent.getByRole('button', { name: 'Unlink' }).click();
    await agent.getByRole('button', { name: 'Yes, unlink' }).click();
    await expect(app.getByText('Agent services account is unlinked')).toBeVisible();
    await expect(app.getByText(/Practice HMRC runs on this computer only/)).toBeVisible();
    await expect(app.getByRole('article')).toHaveCount(1);
    expect(host.services.accounts.list().map((a) => a.kind)).toEqual(['individual']);
  });
});

type Clocks = {
  practice: PracticeHmrc;
  advance: (ms: number) => void;
};

const timeTest = test.extend<{ clocks: Clocks }>({
  // Playwright reads fixture dependencies from the destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  clocks: async ({}, use) => {
    const practiceClock: OffsetClock = createPracticeClock();
    const appClock = createOffsetClock();
    const practice = await startPracticeHmrc({ clock: practiceClock, rateLimitPerSecond: 0 });
    appClockFor.set(practice, appClock);
    await use({
      practice,
      advance: (ms) => {
        practiceClock.advance(ms);
        appClock.advance(ms);
      },
    });
    await practice.stop();
  },
  hostOptions: async ({ clocks }, use) => {
    await use({ practice: clocks.practice, clock: appClockFor.get(clocks.practice)! });
  },
});
const appClockFor = new Map<PracticeHmrc, ReturnType<typeof createOffsetClock>>();

timeTest.describe('the 18-month authority', () => {
  timeTest(
    'warns from 30 days before the end, then says “Re-link needed”, and re-link works',
    async ({ app, host, clocks }) => {
      await linkPracticeAccount(app, host, { kind: 'individual', transport: 'manual' });
      clocks.advance(GRANT_LENGTH_MS - 20 * DAY);
      await app.getByRole('link', { name: 'See linked accounts' }).click();
      const card = app.getByRole('article', { name: 'Individual sign-in' });
      await expect(card.getByText('Ledgerlink’s authority ends in 20 days')).toBeVisible();
      await expect(card.getByTestId('token-time-left')).toContainText('Expired');
      await screenshot(app, 'link-status-ending-soon');

      clocks.advance(21 * DAY);
      await card.getByRole('button', { name: 'Refresh now' }).click();
      await expect(card.getByRole('alert')).toContainText('HMRC no longer accepts this sign-in');
      await expect(card.getByText('Re-link needed', { exact: true })).toBeVisible();
      await expect(card.getByTestId('token-time-left')).toHaveText('Not usable until you re-link');
      await screenshot(app, 'link-status-relink-needed');
      await expectNoA11yViolations(app);

      await card.getByRole('button', { name: 'Re-link' }).click();
      const authorizeUrl = await host.waitForOpenedUrl(
        (u) =>
          u.includes('/oauth/authorize') &&
          host.openedUrls.indexOf(u) === host.openedUrls.length - 1,
      );
      await expect(
        app.getByRole('heading', { name: /Linking a business or landlord/ }),
      ).toBeVisible();
      await expect(app.getByTestId('link-transport')).toHaveText('Straight back to Ledgerlink');
      const browser = await app.context().newPage();
      await handCustomSchemeToApp(browser, host);
      await walkPracticePages(browser, authorizeUrl, await practiceUser(host, 'individual'));
      await closeQuietly(browser);
      await expect(app.getByText('Ledgerlink is linked to Practice HMRC')).toBeVisible();
      await app.getByRole('link', { name: 'See linked accounts' }).click();
      await expect(app.getByRole('article')).toHaveCount(1);
      await expect(card.getByText('Linked', { exact: true })).toBeVisible();
    },
  );
});

test.describe('the https relay page for HMRC environments', () => {
  let server: Server;
  let origin: string;
  test.beforeAll(async () => {
    const dir = join(process.cwd(), 'assets', 'oauth-relay');
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const file = path === '/' ? 'index.html' : path.slice(1);
      const types: Record<string, string> = {
        html: 'text/html',
        js: 'text/javascript',
        css: 'text/css',
      };
      try {
        const body = readFileSync(join(dir, file));
        res.setHeader(
          'content-type',
          `${types[file.split('.').pop()!] ?? 'text/plain'}; charset=utf-8`,
        );
        res.end(body);
      } catch {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

  test('forwards code and state unchanged to the app, and linking completes', async ({
    app,
    host,
  }) => {
    await startLinking(app, { kind: 'individual', transport: 'Straight back to Ledgerlink' });
    const authorizeUrl = await host.waitForOpenedUrl((u) => u.includes('/oauth/authorize'));
    const browser = await app.context().newPage();
    const errors: string[] = [];
    browser.on('console', (m) => {
      if (m.type() === 'error' && /Content.Security/i.test(m.text())) errors.push(m.text());
    });
    // Stand in for HMRC redirecting to the vendor's https relay page with the same answer.
    let relayUrl = '';
    await browser.route('**/oauth/journey/*/grant', async (route) => {
      const response = await route.fetch({ maxRedirects: 0 });
      const answer = new URL(response.headers()['location']!).searchParams;
      relayUrl = `${origin}/?${answer.toString()}&tracking=should-not-be-forwarded`;
      await route.fulfill({ status: 303, headers: { location: relayUrl } });
    });
    await browser.route(/^app\.ledgerlink\.desktop:/, (route) => route.abort());
    await walkPracticePages(browser, authorizeUrl, await practiceUser(host, 'individual'));
    const button = browser.getByRole('link', { name: 'Return to Ledgerlink' });
    await expect(button).toBeVisible();
    const handoff = (await button.getAttribute('href'))!;
    const expected = new URL(relayUrl).searchParams;
    expect(handoff).toBe(
      `app.ledgerlink.desktop:/oauth/callback?code=${expected.get('code')}&state=${expected.get('state')}`,
    );
    expect(new URL(browser.url()).search).toBe('');
    expect(errors).toEqual([]);
    await closeQuietly(browser);
    // The OS hands the URL to the app.
    expect(host.openUrl(handoff)).toBe(true);
    await expect(app.getByText('Ledgerlink is linked to Practice HMRC')).toBeVisible();
  });
});

test.describe('without the OS keychain', () => {
  test.use({ hostOptions: { keychain: unavailableKeychain('no Secret Service on this desktop') } });

  test('says so plainly and links for this session only, writing no token', async ({
    app,
    host,
  }) => {
    const warning = app.getByText('Your computer’s keychain cannot be used');
    await expect(warning).toBeVisible();
    await screenshot(app, 'link-keychain-unavailable');
    await expectNoA11yViolations(app);

    // Without choosing "this session only", main refuses rather than store in plain text.
    await app.getByRole('button', { name: 'Open HMRC in my browser' }).click();
    await expect(app.getByRole('alert')).toContainText('never saves a sign-in without encryption');
    expect(host.openedUrls).toEqual([]);

    const { accountId } = await linkPracticeAccount(app, host, {
      kind: 'agent',
      transport: 'loopback',
    });
    await expect(app.locator('[data-step="token-stored"]')).toContainText('for this session only');
    await app.getByRole('link', { name: 'See linked accounts' }).click();
    await expect(app.getByRole('article', { name: 'Agent services account' })).toContainText(
      'This session only',
    );
    const access = await host.services.tokens.accessToken(accountId);
    const disk = appFilesUnder(host.dataDir).join('\n');
    expect(disk).not.toContain(access);
    expect(disk).not.toContain(accountId);
  });
});
