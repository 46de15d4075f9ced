import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { ukDateOf } from '@shared/domain/tax-year';
import { startBrowserHost } from '../support/browser-host/start-browser-host';
import { createMemoryKeychain } from '../support/fakes/memory-keychain';
import { seedClients } from '../support/many-clients/seed-clients';
import type { Report } from './report';

const CLIENTS = 1_000;
const RUNS = 5;

/**
 * Milliseconds from an action in the page until the frame after the DOM shows its result:
 * the action runs in the page (no Playwright round trip in the figure), then the page waits for
 * `done` (a MutationObserver), then for the next animation frame and a task, when it has painted.
 */
async function timeInPage(page: Page, action: string, done: string): Promise<number> {
  // One script evaluated in the page: the action and the check are the bench's own text.
  const script = `(async () => {
    const isDone = () => (${done});
    const t0 = performance.now();
    { ${action} }
    if (!isDone()) {
      await new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (isDone()) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
      });
    }
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - t0;
  })()`;
  return page.evaluate<number>(script);
}

/** React sees a typed value only through the element's own setter and an input event. */
const typeInto = (selector: string, value: string) => `
  const el = document.querySelector(${JSON.stringify(selector)});
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, ${JSON.stringify(value)});
  el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
`;
/** The overview's own "Showing N of M" line: N. */
const shownCount = `((document.querySelector('.profiles-filters .hint')?.textContent ?? '').match(/Showing (\\d+)/)?.[1] ?? '')`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The agent overview with 1,000 clients in the browser host (the product's src/main/web shell,
 * the built renderer, Chromium through Playwright): first render, a name filter, a status
 * filter, a sort, and switching to a client. Figures only (target: under 100 ms each).
 */
export async function run(report: Report): Promise<void> {
  if (!existsSync(join(process.cwd(), 'out', 'renderer', 'index.html'))) {
    console.log(
      '  (skipped: the overview bench needs the built renderer; run `npm run build` first)',
    );
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'ledgerlink-overview-bench-'));
  const today = ukDateOf(new Date());
  const clients = seedClients(dataDir, { count: CLIENTS, today });
  const host = await startBrowserHost({ dataDir, keychain: createMemoryKeychain() });
  const executablePath =
    process.env.CHROMIUM_PATH ??
    (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addCookies([await host.sessionCookie()]);
    const page = await context.newPage();
    await page.goto(`${host.url}#/`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();

    const firstRenders: number[] = [];
    const filters: number[] = [];
    const statuses: number[] = [];
    const sorts: number[] = [];
    const switches: number[] = [];
    const allShown = `${shownCount} === '${CLIENTS}'`;
    for (let i = 0; i < RUNS; i++) {
      firstRenders.push(
        await timeInPage(
          page,
          `location.hash = '#/profiles/overview'`,
          `${allShown} && !!document.querySelector('tbody tr')`,
        ),
      );
      const needle = clients[(i * 137) % CLIENTS]!.name;
      filters.push(
        await timeInPage(page, typeInto('#overview-filter', needle), `${shownCount} === '1'`),
      );
      filters.push(await timeInPage(page, typeInto('#overview-filter', ''), allShown));
      const overdue = clients.filter((c) => c.expected === 'overdue').length;
      statuses.push(
        await timeInPage(
          page,
          typeInto('#overview-status', 'overdue'),
          `${shownCount} === '${overdue}'`,
        ),
      );
      statuses.push(await timeInPage(page, typeInto('#overview-status', 'all'), allShown));
      for (const column of ['Client', 'Next due update']) {
        const before = await page.locator('tbody tr').first().getAttribute('data-profile');
        sorts.push(
          await timeInPage(
            page,
            `[...document.querySelectorAll('th button')].find((b) => b.textContent.startsWith(${JSON.stringify(column)})).click()`,
            `document.querySelector('tbody tr')?.getAttribute('data-profile') !== ${JSON.stringify(before)}`,
          ),
        );
      }
      // Switch to a client from the overview: their profile page with their name as its heading.
      const target = clients[(i * 271 + 5) % CLIENTS]!;
      await timeInPage(page, typeInto('#overview-filter', target.name), `${shownCount} === '1'`);
      switches.push(
        await timeInPage(
          page,
          `document.querySelector('tbody tr th button').click()`,
          `[...document.querySelectorAll('h1')].some((h) => h.textContent.includes(${JSON.stringify(target.name)}))`,
        ),
      );
      await timeInPage(page, `location.hash = '#/'`, `!document.querySelector('#overview-filter')`);
    }
    report('clients in the overview', CLIENTS, 'rows');
    report(
      'first render (open the overview)',
      median(firstRenders),
      'ms',
      `median of ${RUNS}; first ${firstRenders[0]!.toFixed(0)} ms; target < 100`,
    );
    report(
      'filter by name (type, clear)',
      median(filters),
      'ms',
      `median of ${filters.length}; max ${Math.max(...filters).toFixed(0)} ms; target < 100`,
    );
    report(
      'filter by status (overdue, all)',
      median(statuses),
      'ms',
      `median of ${statuses.length}; max ${Math.max(...statuses).toFixed(0)} ms; target < 100`,
    );
    report(
      'sort (client, next due)',
      median(sorts),
      'ms',
      `median of ${sorts.length}; max ${Math.max(...sorts).toFixed(0)} ms; target < 100`,
    );
    report(
      'switch to a client',
      median(switches),
      'ms',
      `median of ${RUNS}; max ${Math.max(...switches).toFixed(0)} ms; target < 100`,
    );
  } finally {
    await browser.close();
    await host.close();
  }
}
