import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ukDateOf } from '@shared/domain/tax-year';
import { createMemoryKeychain } from '../support/fakes/memory-keychain';
import { seedClients, type SeededClient } from '../support/many-clients/seed-clients';
import { expect, expectNoA11yViolations, SCREENSHOTS, test } from './fixtures';

/**
 * An agent with 1,000 clients: the overview lists them a page at a time, and its filters and
 * sorts cover every client, not just the rows listed. Behaviour only; the timings are in
 * `npm run bench -- overview`.
 */
const COUNT = 1_000;
/** Rows the overview lists at first and adds each time (OVERVIEW_PAGE in ClientsOverview). */
const PAGE = 20;
let clients: SeededClient[] = [];

test.use({
  hostOptions: async ({ browserName }, use) => {
    void browserName;
    const dataDir = mkdtempSync(join(tmpdir(), 'ledgerlink-many-clients-'));
    clients = seedClients(dataDir, { count: COUNT, today: ukDateOf(new Date()) });
    await use({ dataDir, keychain: createMemoryKeychain() });
  },
});

test('1,000 clients: filters and sorts cover every client; the list grows as it scrolls; keyboard and axe', async ({
  app,
  host,
}) => {
  // A long journey over a thousand clients (filters, sorts, axe twice) on a loaded machine.
  await app.goto(`${host.url}#/profiles/overview`);
  const main = app.getByRole('main');
  await expect(main.getByRole('heading', { name: `Clients overview (${COUNT})` })).toBeVisible();
  await expect(main.getByText(`Showing ${COUNT} of ${COUNT}`)).toBeVisible();
  const rows = main.locator('tbody tr');
  await expect(rows).toHaveCount(PAGE);

  // Status: every overdue client, however far down the list.
  const overdue = clients.filter((c) => c.expected === 'overdue');
  await main.getByLabel('Status').selectOption('overdue');
  await expect(main.getByText(`Showing ${overdue.length} of ${COUNT}`)).toBeVisible();
  await expect(rows).toHaveCount(Math.min(PAGE, overdue.length));
  await expect(main.locator('tbody tr:not([data-status="overdue"])')).toHaveCount(0);
  await main.getByLabel('Status').selectOption('all');

  // Needs attention: every client with a reason (overdue, refused updates, no authority…).
  const needing = clients.filter((c) => c.attention.length > 0);
  await main.getByLabel('Needs attention').selectOption('needs');
  await expect(main.getByText(`Showing ${needing.length} of ${COUNT}`)).toBeVisible();
  await expect(main.locator('tbody tr td[data-attention="0"]')).toHaveCount(0);
  await main.getByLabel('Needs attention').selectOption('none');
  await expect(main.getByText(`Showing ${COUNT - needing.length} of ${COUNT}`)).toBeVisible();
  await expect(main.locator('tbody tr').first()).toContainText('Nothing needed');
  await main.getByLabel('Needs attention').selectOption('all');

  // One client's line says, in words, why they need the agent and when they last synced.
  const troubled = clients[900]!;
  await main.getByLabel('Find by name or NINO').fill(troubled.name);
  await expect(rows).toHaveCount(1);
  const cells = rows.first().getByRole('cell');
  for (const reason of troubled.attention) await expect(cells.nth(2)).toContainText(reason);
  await expect(cells.nth(3)).not.toHaveText('Never');
  await main.getByLabel('Find by name or NINO').fill(clients[901]!.name);
  await expect(rows.first().getByRole('cell').nth(3)).toHaveText('Never');
  await main.getByLabel('Find by name or NINO').fill('');

  // A client near the end, found by name and by NINO.
  const late = clients[987]!;
  await main.getByLabel('Find by name or NINO').fill(late.name);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(late.name);
  await main.getByLabel('Find by name or NINO').fill(late.nino.slice(0, 8));
  await expect(rows.first()).toContainText(late.name);
  await main.getByLabel('Find by name or NINO').fill('');

  // Sorted by HMRC's next due date: the earliest of all 1,000 first, the unknown ones last.
  const earliest = clients
    .filter((c) => c.dueDate)
    .sort((a, b) => a.dueDate!.localeCompare(b.dueDate!) || a.name.localeCompare(b.name))[0]!;
  await main.getByRole('button', { name: 'Next due update', exact: true }).click();
  await expect(main.getByRole('columnheader', { name: 'Next due update' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await expect(rows.first()).toContainText(earliest.name);
  // Sorted by last sync, newest first: across all 1,000, not just the rows listed.
  const synced = main.getByRole('button', { name: 'Last synced', exact: true });
  await synced.click();
  await synced.click();
  await expect(main.getByRole('columnheader', { name: 'Last synced' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  const newest = clients
    .filter((c) => c.lastSyncedAt)
    .sort(
      (a, b) =>
        b.lastSyncedAt!.localeCompare(a.lastSyncedAt!) || b.name.localeCompare(a.name, 'en-GB'),
    )[0]!;
  await expect(rows.first()).toContainText(newest.name);
  await main.getByRole('button', { name: 'Client', exact: true }).click();
  const byName = [...clients].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  await expect(rows.first()).toContainText(byName[0]!.name);
  await main.getByRole('button', { name: 'Client', exact: true }).click();
  await expect(rows.first()).toContainText(byName.at(-1)!.name);

  // More rows by keyboard: Tab to "Show more clients", Enter; and by scrolling to the end.
  const more = main.getByRole('button', { name: /Show more clients/ });
  // Focused without scrolling it into view, so only the key press can list more.
  await more.evaluate((b: HTMLElement) => b.focus({ preventScroll: true }));
  await expect(more).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(rows).toHaveCount(2 * PAGE);
  await more.scrollIntoViewIfNeeded();
  await expect(rows).toHaveCount(3 * PAGE);

  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    await expectNoA11yViolations(app);
    // The screen as the agent sees it: a full-page shot would grow the window and list more.
    await app.screenshot({ path: join(SCREENSHOTS, `clients-overview-1000-${scheme}.png`) });
  }
  // And its top: the filters and the column headings.
  await main.getByRole('heading', { name: `Clients overview (${COUNT})` }).scrollIntoViewIfNeeded();
  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    await app.screenshot({ path: join(SCREENSHOTS, `clients-overview-1000-top-${scheme}.png`) });
  }
  await app.emulateMedia({ colorScheme: 'light' });

  // Switching to a client from the list opens their profile.
  await main.getByLabel('Find by name or NINO').fill(late.name);
  await main.getByRole('button', { name: late.name, exact: true }).click();
  await expect(app.getByRole('heading', { level: 1 })).toContainText(late.name);
});
