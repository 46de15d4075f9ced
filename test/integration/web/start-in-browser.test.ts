import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED } from '../../../src/practice/server';

/**
 * `npm start` on a machine like this one: no Electron binary, no display, no Secret Service.
 * The real script is spawned; the test waits for the address it prints, then uses it from
 * Chromium as a person would. The child's environment has no D-Bus session, so keytar finds
 * no keychain, as on a bare server.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function withoutDesktop(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['DISPLAY', 'WAYLAND_DISPLAY', 'DBUS_SESSION_BUS_ADDRESS']) delete env[name];
  return env;
}

interface Started {
  child: ChildProcess;
  lines: string[];
  launchUrl: string;
  exited: Promise<number | null>;
}

/** Spawns `npm start -- <args>` and resolves once it prints the launch link. */
async function npmStart(args: string[]): Promise<Started> {
  const child = spawn('npm', ['start', '--silent', '--', ...args], {
    env: withoutDesktop(),
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const lines: string[] = [];
  const reader = createInterface({ input: child.stdout });
  let launchUrl: string | undefined;
  for await (const line of reader) {
    lines.push(line);
    launchUrl = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(line)?.[1];
    if (launchUrl) break;
  }
  if (!launchUrl) throw new Error(`npm start printed no address:\n${lines.join('\n')}`);
  // Keep reading so the child never blocks on a full pipe.
  reader.on('line', (line) => lines.push(line));
  return { child, lines, launchUrl, exited };
}

/**
 * Stops what npm started (npm → node → tsx → node): SIGTERM to the process group npm leads,
 * addressed by npm's own process id. npm itself ends by the signal; the shell closes cleanly.
 */
async function stop(started: Started): Promise<void> {
  process.kill(-started.child.pid!, 'SIGTERM');
  await started.exited;
}

describe('npm start where Electron cannot run', () => {
  let started: Started;
  let browser: Browser;
  let userData: string;

  beforeAll(async () => {
    userData = mkdtempSync(join(tmpdir(), 'ledgerlink-start-'));
    started = await npmStart(['--user-data', userData]);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
    });
  });
  afterAll(async () => {
    await browser?.close();
    if (started && started.child.exitCode === null && started.child.signalCode === null)
      await stop(started);
  });

  it('says in one sentence why not, then serves the browser mode and prints its address', () => {
    expect(started.lines[0]).toMatch(
      /^The desktop app cannot start because .+, so Ledgerlink opens in your browser instead\.$/,
    );
    expect(started.lines.join('\n')).not.toMatch(/\n\s+at /);
    expect(started.child.exitCode).toBeNull();
  });

  it('a second start finds the running one and prints a new link to it, then exits 0', async () => {
    const again = spawn('npm', ['start', '--silent', '--', '--user-data', userData], {
      env: withoutDesktop(),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    again.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const [code] = await once(again, 'exit');
    expect(code).toBe(0);
    const link = /Ledgerlink is already running\. Open it at (\S+)/.exec(out)?.[1];
    expect(new URL(link!).origin).toBe(new URL(started.launchUrl).origin);
  });

  it('links to Practice HMRC by loopback from a browser tab, for this session only without a keychain', async () => {
    const context = await browser.newContext();
    const page: Page = await context.newPage();
    await page.goto(started.launchUrl);
    // The token is spent and gone from the address bar.
    expect(page.url()).not.toContain('token');
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Link to HMRC' })
      .click();
    await page
      .getByRole('navigation', { name: 'Link to HMRC' })
      .getByRole('link', { name: 'Link an account' })
      .click();
    await page.getByLabel('A business or landlord (an individual)').check();
    // The custom scheme cannot reach a browser: the loopback page is the way back.
    await page.getByLabel('Through a page on this computer', { exact: false }).check();
    // No Secret Service here: the plain choice, never plaintext.
    await page.getByLabel('Keep me signed in for this session only').check();

    const [hmrc] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'Open HMRC in my browser' }).click(),
    ]);
    await hmrc.waitForURL(/\/oauth\/authorize\?/);
    const user = SEEDED.individualA;
    await hmrc.getByRole('button', { name: 'Continue' }).click();
    await hmrc.getByLabel('User ID').fill(user.userId);
    await hmrc.getByLabel('Password').fill(user.password);
    await hmrc.getByRole('button', { name: 'Sign in' }).click();
    const accessCode = (await hmrc.locator('#practice-code code').textContent())!.trim();
    await hmrc.getByLabel('Access code').fill(accessCode);
    await hmrc.getByRole('button', { name: 'Continue' }).click();
    const answers = hmrc.locator('#practice-answer code');
    const nino = (await answers.nth(0).textContent())!.trim();
    const [day, month, year] = (await answers.nth(1).textContent())!.trim().split(/\s+/);
    await hmrc.getByLabel('National Insurance number').fill(nino);
    await hmrc.getByLabel('Day').fill(day!);
    await hmrc.getByLabel('Month').fill(month!);
    await hmrc.getByLabel('Year').fill(year!);
    await hmrc.getByRole('button', { name: 'Continue' }).click();
    await hmrc.getByRole('button', { name: 'Grant authority', exact: true }).click();
    await hmrc.getByRole('heading', { name: 'You can return to Ledgerlink' }).waitFor();
    expect(new URL(hmrc.url()).hostname).toBe('localhost');

    await page.getByText(/Ledgerlink is linked to/).waitFor();
    await page.getByText('This session only').first().waitFor();
    await context.close();
  });

  it('was still serving when the test stopped it', async () => {
    expect(started.child.exitCode).toBeNull();
    expect(started.child.signalCode).toBeNull();
    await stop(started);
  });
});
