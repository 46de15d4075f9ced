import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { createOffsetClock } from '../../src/main/clock/clock';
import {
  createOffsetClock as createPracticeClock,
  startPracticeHmrc,
  type PracticeHmrc,
} from '../../src/practice/server';
import {
  startBrowserHost,
  type BrowserHost,
  type BrowserHostOptions,
} from '../support/browser-host/start-browser-host';

export const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

/** Save a full-page screenshot under test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(SCREENSHOTS, `${name}.png`);
  // The app scrolls inside its main pane (a desktop layout), so grow the viewport to show all
  // of the screen's content, then put it back.
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  const overflow = await page.evaluate(() => {
    const main = document.querySelector('main');
    return main ? Math.max(0, main.scrollHeight - main.clientHeight) : 0;
  });
  if (overflow > 0)
    await page.setViewportSize({
      width: viewport.width,
      height: Math.min(viewport.height + overflow, 6000),
    });
  await page.screenshot({ path, fullPage: true });
  if (overflow > 0) await page.setViewportSize(viewport);
  return path;
}

/** axe-core over the whole page: the app must have zero violations on every screen. */
export async function expectNoA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`,
  );
  expect(summary).toEqual([]);
}

type Fixtures = { hostOptions: BrowserHostOptions; host: BrowserHost; app: Page };

/**
 * Each test gets its own browser shell (the product's src/main/web, with the test controls of
 * test/support/browser-host: fresh data folder, its own Practice HMRC) and a page with the app
 * loaded and its bridge connected. The test's browser context is let in the way a person's
 * browser is, by a launch link exchanged for the session cookie; the browser's file chooser is
 * answered with the files the test queued (host.queueChosenFile), or cancelled.
 */
export const test = base.extend<Fixtures>({
  hostOptions: [{}, { option: true }],
  host: async ({ hostOptions }, use) => {
    const host = await startBrowserHost(hostOptions);
    await use(host);
    await host.close();
  },
  context: async ({ context, host }, use) => {
    await context.addCookies([await host.sessionCookie()]);
    await use(context);
  },
  page: async ({ page, host }, use) => {
    page.on('filechooser', (chooser) => {
      const file = host.takeChosenFile();
      void chooser.setFiles(file ? [file] : []).catch(() => undefined);
    });
    await use(page);
  },
  app: async ({ page, host }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(host.url);
    await use(page);
    // A CSP violation or an uncaught exception is a bug even when the assertions passed.
    expect(errors).toEqual([]);
  },
});

/**
 * The app and its own Practice HMRC both at one reference time (an ISO instant), so deadlines,
 * tax years and HMRC's answers are the same on every run whatever today is. `practice` is the
 * test's Practice HMRC, for seeding users and injecting faults.
 */
export function testAtReferenceTime(
  referenceNow: string,
  practiceOptions: Omit<NonNullable<Parameters<typeof startPracticeHmrc>[0]>, 'clock'> = {},
) {
  const at = Date.parse(referenceNow);
  return test.extend<{ practice: PracticeHmrc }>({
    // Playwright reads fixture dependencies from the destructuring pattern; this one has none.
    // eslint-disable-next-line no-empty-pattern
    practice: async ({}, use) => {
      const practice = await startPracticeHmrc({
        ...practiceOptions,
        clock: createPracticeClock(at),
      });
      await use(practice);
      await practice.stop();
    },
    hostOptions: async ({ practice }, use) => {
      const clock = createOffsetClock();
      clock.advance(at - Date.now());
      await use({ practice, clock });
    },
  });
}

/** axe and a screenshot in the light scheme and in the dark one; left in light. */
export async function bothSchemes(app: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    await expectNoA11yViolations(app);
    await screenshot(app, `${name}-${scheme}`);
  }
  await app.emulateMedia({ colorScheme: 'light' });
}

export { expect };
