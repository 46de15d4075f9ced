import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * Chromium from CHROMIUM_PATH, then Debian's /usr/bin/chromium, then Playwright's own
 * (never downloaded here: `npx playwright install` is not part of any script).
 */
function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

const executablePath = chromiumExecutable();

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/playwright',
  // Each test starts its own browser host (own data folder, own keychain entry) and Practice
  // HMRC on port 0, so two tests share nothing but the CPU: one per core, in CI too.
  workers: 2,
  fullyParallel: false,
  retries: 0,
  // Hang guards, never speed limits (as vitest's): a passing test never waits them out, and one
  // journey may share two cores with another and a busy CI box. Specs set no timeouts of their
  // own; `toPass` retries until this guard.
  timeout: 600_000,
  expect: { timeout: 60_000 },
  reporter: process.env.CI
    ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]]
    : 'list',
  use: {
    headless: !process.env.HEADED,
    viewport: { width: 1280, height: 800 },
    // A click on a control that never becomes usable fails saying which, instead of waiting out
    // the whole test.
    actionTimeout: 60_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
