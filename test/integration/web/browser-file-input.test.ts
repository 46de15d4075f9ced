import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unavailableKeychain } from '../../../src/main/vault/keychain';
import { startBrowserHost, type BrowserHost } from '../../support/browser-host/start-browser-host';

/**
 * A bank statement chosen with the browser's own <input type=file> and streamed to the shell:
 * real Chromium, the product's bridge script and upload route, the import screen. Playwright
 * answers the file chooser as the person would pick a file.
 */
const STATEMENT = [
  'Date,Description,Amount',
  '06/04/2025,Client invoice 101,1200.00',
  '07/04/2025,Train ticket,-45.60',
].join('\r\n');
const CAP = 4096;

describe('importing a statement through the browser’s file input', () => {
  let host: BrowserHost;
  let browser: Browser;
  let page: Page;
  const dir = mkdtempSync(join(tmpdir(), 'ledgerlink-upload-'));

  beforeAll(async () => {
    host = await startBrowserHost({
      keychain: unavailableKeychain('no Secret Service in this test'),
      maxFileBytes: CAP,
    });
    await host.services.profiles.create({
      kind: 'self',
      name: 'Sam Taylor',
      nino: 'AA100001A',
      activate: true,
    });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
    });
    const context = await browser.newContext();
    page = await context.newPage();
    // The person's browser, let in by the launch link.
    await page.goto(host.shell.launchUrl());
    await page.goto(`${host.url}#/records/import`);
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  const choose = async (file: string) => {
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Choose a bank statement…' }).click(),
    ]);
    expect(chooser.isMultiple()).toBe(false);
    await chooser.setFiles(file);
  };

  it('refuses a file over the size cap with a plain reason, and keeps none of it', async () => {
    const big = join(dir, 'whole-year.csv');
    writeFileSync(big, `${STATEMENT}\r\n${'06/04/2025,Padding,1.00\r\n'.repeat(400)}`);
    expect(statSync(big).size).toBeGreaterThan(CAP);
    await choose(big);
    await page
      .getByText('That file is larger than 4 KB, the most Ledgerlink takes from a browser.')
      .waitFor();
    const kept = readdirSync(join(host.dataDir, 'browser-files'), { recursive: true }).filter(
      (name) => String(name).endsWith('.csv'),
    );
    expect(kept).toEqual([]);
  });

  it('streams a statement under the cap to a private folder and opens the import', async () => {
    const small = join(dir, 'statement-april.csv');
    writeFileSync(small, STATEMENT);
    await choose(small);
    await page.getByRole('heading', { name: 'Step 2 of 4: match the columns' }).waitFor();
    await page.getByText('statement-april.csv').first().waitFor();
    const root = join(host.dataDir, 'browser-files');
    expect(statSync(root).mode & 0o777).toBe(0o700);
    const stored = readdirSync(root, { recursive: true }).map(String);
    const file = stored.find((name) => name.endsWith('statement-april.csv'))!;
    expect(statSync(join(root, file)).mode & 0o777).toBe(0o600);
  });
});
