import type { Page } from '@playwright/test';
import { expect, expectNoA11yViolations, screenshot, test } from './fixtures';
import {
  LLOYDS_HEADER,
  lloydsRow,
  openRecords,
  samsProfile,
  tempFolder,
  writeFile,
} from './records-support';

/**
 * Categorising at speed: a sole trader imports a 20-row statement (the check step reconciles
 * its running balance and says where a row is missing and which row is listed twice), then
 * gives every record a category from the keyboard in the list itself, never opening a record,
 * with earlier choices for the same payee offered first. A rule saved afterwards categorises
 * the matching records there and then.
 */

// Twenty records by keyboard, with screenshots at two sizes in two schemes on a shared machine.

/** date, type, description, paid out, paid in; and what to type to find its category (a payee
 *  seen before is not typed: its earlier choice is first, and Enter takes it). */
const ROWS: [string, string, string, string, string, string][] = [
  ['01/04/2025', 'FPI', 'ACME LTD INVOICE 1001', '', '1200.00', 'sales'],
  ['02/04/2025', 'DEB', 'SHELL BRENTFORD', '61.20', '', 'travel'],
  ['03/04/2025', 'DEB', 'SCREWFIX DIRECT', '84.99', '', 'cost of goods'],
  ['04/04/2025', 'DD', 'BT GROUP PLC', '38.00', '', 'phone'],
  ['05/04/2025', 'DEB', 'TESCO STORES 3412', '23.10', '', 'personal'],
  ['07/04/2025', 'DEB', 'COSTA COFFEE', '3.40', '', 'entertainment'],
  ['08/04/2025', 'FPI', 'J SMITH AND CO', '', '450.00', 'sales'],
  ['09/04/2025', 'DEB', 'TOOLSTATION', '56.00', '', 'cost of goods'],
  ['10/04/2025', 'DEB', 'SHELL BRENTFORD', '58.40', '', 'travel'],
  ['11/04/2025', 'DEB', 'TRAINLINE.COM', '24.10', '', 'travel'],
  ['12/04/2025', 'DD', 'VODAFONE LTD', '25.00', '', 'phone'],
  ['14/04/2025', 'DEB', 'WICKES', '133.75', '', 'cost of goods'], // missing from the file
  ['15/04/2025', 'DEB', 'XERO UK', '15.00', '', 'accountancy'],
  ['16/04/2025', 'FPI', 'ACME LTD INVOICE 1002', '', '980.00', 'sales'],
  ['17/04/2025', 'DEB', 'SCREWFIX DIRECT', '42.50', '', 'cost of goods'],
  ['18/04/2025', 'DEB', 'B AND Q', '77.30', '', 'repairs'],
  ['19/04/2025', 'DEB', 'TESCO STORES 3412', '31.85', '', 'personal'],
  ['21/04/2025', 'DEB', 'MONTHLY ACCOUNT FEE', '8.00', '', 'bank'],
  ['22/04/2025', 'TFR', 'TO SAVINGS', '500.00', '', 'transfer'],
  ['23/04/2025', 'DEB', 'SHELL BRENTFORD', '60.00', '', 'travel'],
  ['24/04/2025', 'FPI', 'ACME LTD INVOICE 1003', '', '1100.00', 'sales'],
];

/** The statement as the bank printed it, less the Wickes row, with the coffee listed twice. */
function statement(): string {
  let balance = 250_000;
  const lines = ROWS.map(([date, type, description, out, into]) => {
    balance += Math.round(Number(into || 0) * 100) - Math.round(Number(out || 0) * 100);
    return lloydsRow(date, type, description, out, into, (balance / 100).toFixed(2));
  });
  const kept = lines.filter((_, i) => ROWS[i]![2] !== 'WICKES');
  const coffee = kept.findIndex((l) => l.includes('COSTA COFFEE'));
  kept.splice(coffee + 1, 0, kept[coffee]!);
  return [LLOYDS_HEADER, ...kept, ''].join('\n');
}

const wanted = new Map(ROWS.map((r) => [r[2], r[5]]));

async function shots(app: Page, name: string): Promise<void> {
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1024, height: 700 },
  ]) {
    await app.setViewportSize(size);
    for (const scheme of ['light', 'dark'] as const) {
      await app.emulateMedia({ colorScheme: scheme });
      await screenshot(app, `${name}-${size.width}-${scheme}`);
    }
  }
  await app.setViewportSize({ width: 1280, height: 800 });
  await app.emulateMedia({ colorScheme: 'light' });
}

test('a 20-row statement is reconciled on import and categorised in the list without opening a record', async ({
  app,
  host,
}) => {
  const profileId = await samsProfile(host);
  const ledger = host.services.profiles.ledger(profileId);
  const business = ledger.businesses.create({ kind: 'self-employment', name: 'Taylor Joinery' });
  // Last month's fuel was already put under travel: the payee's choice is offered first.
  ledger.transactions.add({
    date: '2025-03-20',
    description: 'SHELL BRENTFORD',
    amountPence: -5500,
    businessId: business.id,
    categoryId: 'se.carVanTravelExpenses',
  });

  // ── import: the running balance is checked row by row ────────────────────────────────────
  await openRecords(app, host, 'import');
  host.queueChosenFile(writeFile(tempFolder(), 'april.csv', statement()));
  await app.getByRole('button', { name: 'Choose a bank statement…' }).click();
  await expect(app.getByRole('heading', { name: 'Step 2 of 4: match the columns' })).toBeVisible();
  await app.getByRole('button', { name: 'Check the whole file' }).click();
  await expect(
    app.getByRole('heading', { name: 'Step 3 of 4: check before importing' }),
  ).toBeVisible();
  const balance = app.getByRole('region', { name: 'Running balance' });
  await expect(balance).toContainText('does not follow the rows in 2 places');
  await expect(balance).toContainText('Line 8 looks listed twice: the balance did not move for it');
  await expect(balance).toContainText(
    'Between line 13 and line 14, a row of £133.75 out looks missing',
  );
  await balance.getByLabel('Leave line 8 out').check();
  await app
    .getByLabel('Which business is this account for?')
    .selectOption({ label: 'Taylor Joinery (Self-employment)' });
  await expectNoA11yViolations(app);
  await shots(app, 'records-balance-check');
  await app.getByRole('button', { name: 'Import 20 rows' }).click();
  await expect(app.getByText('Imported 20 transactions from april.csv.')).toBeVisible();

  // ── categorising in the list, by keyboard ────────────────────────────────────────────────
  await app.getByRole('button', { name: 'Show these records' }).click();
  await app.getByRole('button', { name: 'Show all records' }).click();
  await expect(app.getByText('20 records have no category yet.')).toBeVisible();
  await app.getByRole('button', { name: 'Show them' }).click();
  const grid = app.getByRole('grid', { name: 'Records' });
  await expect(grid).toHaveAttribute('aria-rowcount', '21');
  await grid.focus();
  await app.keyboard.press('Home');
  await app.keyboard.press('c');
  const box = grid.getByRole('combobox');
  const options = app.getByRole('listbox', { name: 'Categories' }).getByRole('option');
  let shotTaken = false;
  // Last month's fuel is already categorised; every other payee once its first row is.
  const seen = new Set(['SHELL BRENTFORD']);
  for (let left = 20; left > 0; left--) {
    await expect(box).toBeFocused();
    const label = (await box.getAttribute('aria-label')) ?? '';
    const description = /“(.*)”/.exec(label)?.[1] ?? '';
    const typed = wanted.get(description);
    expect(typed, `a category to type for ${description}`).toBeDefined();
    if (seen.has(description)) {
      // The payee's earlier choice comes first.
      await expect(options.first()).toContainText(/chosen (once|\d+ times) before/);
    } else {
      await box.pressSequentially(typed!);
      await expect(options.first()).toContainText(new RegExp(typed!, 'i'));
    }
    if (!shotTaken && description === 'SHELL BRENTFORD') {
      await expectNoA11yViolations(app);
      await shots(app, 'records-inline-category');
      shotTaken = true;
    }
    await app.keyboard.press('Enter');
    seen.add(description);
    if (left > 1) await expect(grid).toHaveAttribute('aria-rowcount', String(left));
    else await expect(app.getByText(/^No records match\./)).toBeVisible();
  }
  await expect(app.getByRole('dialog')).toHaveCount(0); // no record was opened
  expect(ledger.records.uncategorisedCount()).toBe(0);
  const fuel = ledger.records.list({ text: 'shell' }).rows;
  expect(fuel.map((t) => t.categoryId)).toEqual(Array(4).fill('se.carVanTravelExpenses'));
  expect(ledger.records.list({ text: 'costa' }).rows.map((t) => t.categoryId)).toEqual([
    'se.businessEntertainmentCosts',
  ]);

  // ── a rule saved now categorises what it matches at once ─────────────────────────────────
  for (const date of ['2025-04-26', '2025-04-28'])
    ledger.transactions.add({ date, description: 'SCREWFIX DIRECT', amountPence: -1999 });
  await app
    .getByRole('navigation', { name: 'Records' })
    .getByRole('link', { name: 'Rules', exact: true })
    .click();
  await app.getByRole('button', { name: 'Add a rule' }).click();
  const dialog = app.getByRole('dialog', { name: 'Add a rule' });
  await dialog.getByLabel('Description contains').fill('SCREWFIX');
  await dialog.getByLabel('Business').selectOption({ label: 'Taylor Joinery (Self-employment)' });
  await dialog.getByLabel('Category').selectOption({ label: 'Cost of goods' });
  await dialog.getByRole('button', { name: 'Save the rule' }).click();
  await expect(
    app.getByText(/Saved “.*SCREWFIX.*” and categorised 2 records with it\./),
  ).toBeVisible();
  expect(ledger.records.uncategorisedCount()).toBe(0);
});

test('the add form starts on the only business, offers the direction’s categories and can be undone', async ({
  app,
  host,
}) => {
  const profileId = await samsProfile(host);
  const ledger = host.services.profiles.ledger(profileId);
  ledger.businesses.create({ kind: 'self-employment', name: 'Taylor Joinery' });
  await openRecords(app, host);
  await app.getByRole('button', { name: 'Add a transaction' }).click();
  const dialog = app.getByRole('dialog', { name: 'Add a transaction' });
  await expect(dialog.getByLabel('Business')).toHaveValue(/\d+/);
  await dialog.getByLabel('In', { exact: true }).check();
  const category = dialog.getByLabel('Category');
  await expect(category.locator('option', { hasText: 'Sales and takings' })).toHaveCount(1);
  await expect(category.locator('option', { hasText: 'Cost of goods' })).toHaveCount(0);
  await dialog.getByLabel('Description').fill('Cash job, Mrs Patel');
  await dialog.getByLabel('Amount (£)').fill('180');
  await category.selectOption({ label: 'Sales and takings' });
  await dialog.getByRole('button', { name: 'Add the transaction' }).click();
  await expect(app.getByRole('dialog')).toHaveCount(0);
  const status = app.getByRole('status').filter({ hasText: 'Added “Cash job, Mrs Patel”' });
  await expect(status).toBeVisible();
  expect(ledger.records.list().rows).toHaveLength(1);
  await status.getByRole('button', { name: 'Undo' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Undone' })).toBeVisible();
  expect(ledger.records.list().rows).toHaveLength(0);
});
