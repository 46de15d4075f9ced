import type { Page } from '@playwright/test';
import { writeBankStatement } from '../integration/ledger/fixtures/bank-statement';
import { expect, expectNoA11yViolations, screenshot, test } from './fixtures';
import { openRecords, samsProfile, tempFolder, writeFile } from './records-support';

/**
 * The records list with years of transactions: a 100,000-row bank file imports through the
 * screens with progress bars while the app keeps answering, and the virtualised list then moves
 * through all 100,000 rows by keyboard. Plus the everyday edits: add, a validation message next
 * to its field, delete with Undo, and dates that must be confirmed.
 */

/** How long the main process takes to answer one request, measured from the page. */
async function ipcLatencyMs(app: Page, profileId: string): Promise<number> {
  return app.evaluate(async (id) => {
    const started = performance.now();
    await window.ledgerlink!.records.context({ profileId: id });
    return performance.now() - started;
  }, profileId);
}

test('a 100,000-row statement imports with progress and the list answers the keyboard throughout', async ({
  app,
  host,
}, testInfo) => {
  const profileId = await samsProfile(host);
  const dir = tempFolder();
  const file = `${dir}/five-years.csv`;
  const facts = await writeBankStatement(file, { rows: 100_000, seed: 7 });

  await openRecords(app, host, 'import');
  host.queueChosenFile(file);
  await app.getByRole('button', { name: 'Choose a bank statement…' }).click();
  await expect(app.getByRole('heading', { name: 'Step 2 of 4: match the columns' })).toBeVisible();

  // Every date in the first rows is 6 April: it could be 4 June, so the person confirms.
  await app.getByLabel(/The dates in the preview are right/).check();
  // Checking reads the whole file: a progress bar, and the app still answers meanwhile.
  await app.getByRole('button', { name: 'Check the whole file' }).click();
  const checking = app.getByRole('progressbar', { name: /Checking five-years.csv/ });
  await expect(checking).toBeVisible();
  const duringCheck = await ipcLatencyMs(app, profileId);
  await expect(
    app.getByRole('heading', { name: 'Step 3 of 4: check before importing' }),
  ).toBeVisible();
  await expect(app.getByText('100,000', { exact: true })).toBeVisible();

  await app.getByRole('button', { name: 'Import 100,000 rows' }).click();
  await expect(app.getByRole('progressbar', { name: /Importing five-years.csv/ })).toBeVisible();
  const duringSave = await ipcLatencyMs(app, profileId);
  await expect(app.getByText('Imported 100,000 transactions from five-years.csv.')).toBeVisible();
  // The app answered while importing (each call above returned); how fast is a figure for
  // `npm run bench -- ledger` (longest main-process stall while checking and saving).
  testInfo.annotations.push({
    type: 'ipc latency while importing',
    description: `check ${duringCheck.toFixed(0)} ms, save ${duringSave.toFixed(0)} ms`,
  });

  // ── the list ─────────────────────────────────────────────────────────────────────────
  await app.getByRole('button', { name: 'Show these records' }).click();
  const grid = app.getByRole('grid', { name: 'Records' });
  await expect(grid).toHaveAttribute('aria-rowcount', '100001');
  await expect(
    app.getByText(
      `£${(facts.inPence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2 })}`,
    ),
  ).toBeVisible();
  // Only the rows in view exist in the page.
  expect(await grid.getByRole('row').count()).toBeLessThan(80);

  await grid.focus();
  const active = () => grid.locator('[role="row"].is-active');
  await expect(active()).toHaveAttribute('aria-rowindex', '2');
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('ArrowDown');
  await expect(active()).toHaveAttribute('aria-rowindex', '4');
  await expect(grid).toHaveAttribute('aria-activedescendant', (await active().getAttribute('id'))!);
  await app.keyboard.press('PageDown');
  const afterPage = Number(await active().getAttribute('aria-rowindex'));
  expect(afterPage).toBeGreaterThan(8);

  const started = Date.now();
  await app.keyboard.press('End');
  await expect(active()).toHaveAttribute('aria-rowindex', '100001');
  await expect(active()).not.toContainText('Loading');
  const endMs = Date.now() - started;
  // Newest first: the last row is the oldest, the first day of the statement.
  await expect(active()).toContainText('6 Apr 2025');
  await app.keyboard.press('PageUp');
  expect(Number(await active().getAttribute('aria-rowindex'))).toBeLessThan(100001);
  await app.keyboard.press('Home');
  await expect(active()).toHaveAttribute('aria-rowindex', '2');
  await expect(active()).not.toContainText('Loading');
  testInfo.annotations.push({ type: 'End to the 100,000th row', description: `${endMs} ms` });

  // Space selects for bulk changes; Enter opens; Escape closes and returns to the list.
  await app.keyboard.press('Space');
  await expect(active()).toHaveAttribute('aria-selected', 'true');
  await expect(app.getByRole('region', { name: '1 record selected' })).toBeVisible();
  await grid.focus();
  await app.keyboard.press('Space');
  await expect(app.getByRole('region', { name: /selected/ })).toHaveCount(0);
  const description = (await active().locator('.records-description').textContent())!;
  await app.keyboard.press('Enter');
  const dialog = app.getByRole('dialog', { name: description });
  await expect(dialog).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(grid).toBeFocused();
  await expectNoA11yViolations(app);
  await screenshot(app, 'records-list-100k');
});

test('records are added, refused with a reason next to the field, deleted and brought back', async ({
  app,
  host,
}) => {
  const profileId = await samsProfile(host);
  const ledger = host.services.profiles.ledger(profileId);
  ledger.businesses.create({ kind: 'self-employment', name: 'Taylor Joinery' });
  await openRecords(app, host);

  await app.getByRole('button', { name: 'Add a transaction' }).click();
  let dialog = app.getByRole('dialog', { name: 'Add a transaction' });
  await dialog.getByRole('button', { name: 'Add the transaction' }).click();
  await expect(dialog.getByText('Describe the transaction.')).toBeVisible();
  await expect(dialog.getByLabel('Description')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Date').fill('2025-09-14');
  await dialog.getByLabel('Description').fill('Mobile phone bill');
  await dialog.getByLabel('Amount (£)').fill('£42.00');
  await dialog.getByLabel('Business').selectOption({ label: 'Taylor Joinery (Self-employment)' });
  await dialog.getByLabel('Category').selectOption({ label: 'Phone, stationery and office costs' });
  // More not allowable than the bill itself: the ledger's reason, next to the field.
  await dialog.getByLabel('Not allowable (£)').fill('50.00');
  await dialog.getByRole('button', { name: 'Add the transaction' }).click();
  await expect(dialog.getByLabel('Not allowable (£)')).toHaveAttribute('aria-invalid', 'true');
  await expect(
    dialog
      .getByText('The part that is not allowable cannot be more than the expense itself.')
      .first(),
  ).toBeVisible();
  await dialog.getByLabel('Enter it as').selectOption('share');
  await dialog.getByLabel('Not allowable (%)').fill('25');
  await expectNoA11yViolations(app);
  await screenshot(app, 'records-add-transaction');
  await dialog.getByRole('button', { name: 'Add the transaction' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(
    app.getByRole('status').filter({ hasText: 'Added “Mobile phone bill” (14 Sep 2025).' }),
  ).toBeVisible();
  const grid = app.getByRole('grid', { name: 'Records' });
  const row = grid.getByRole('row').filter({ hasText: 'Mobile phone bill' });
  await expect(row).toContainText('−£42.00');
  await expect(row).toContainText('£10.50'); // 25 % of £42.00

  await row.click();
  dialog = app.getByRole('dialog', { name: 'Mobile phone bill' });
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(app.getByText('No records match.')).toBeVisible();
  await app.getByRole('button', { name: 'Undo' }).click();
  await expect(
    app.getByRole('status').filter({ hasText: 'Undone: the record is back.' }),
  ).toBeVisible();
  await expect(row).toBeVisible();
  expect(ledger.records.summarise({}).count).toBe(1);
});

test('dates that could be day-first or month-first must be confirmed before the check', async ({
  app,
  host,
}) => {
  await samsProfile(host);
  const dir = tempFolder();
  const file = writeFile(
    dir,
    'card-statement.csv',
    [
      'Date,Description,Amount',
      '01/02/2026,PAYPAL *ETSY,12.50',
      '03/02/2026,ADOBE SYSTEMS,19.99',
      '05/03/2026,ZOOM.US,11.99',
      '',
    ].join('\n'),
  );
  await openRecords(app, host, 'import');
  host.queueChosenFile(file);
  await app.getByRole('button', { name: 'Choose a bank statement…' }).click();
  await expect(app.getByText('Check the dates')).toBeVisible();
  await expect(app.getByLabel('Dates are written')).toHaveValue('dmy');
  const check = app.getByRole('button', { name: 'Check the whole file' });
  await expect(check).toBeDisabled();
  // A card statement shows spending without a minus sign.
  await app.getByLabel('Spending is shown without a minus (card statements)').check();
  const preview = app.getByRole('table', { name: 'How the first rows will be imported' });
  await expect(preview.getByRole('row').filter({ hasText: 'ADOBE SYSTEMS' })).toContainText(
    '3 Feb 2026',
  );
  await expect(preview.getByRole('row').filter({ hasText: 'ADOBE SYSTEMS' })).toContainText(
    '£19.99 out',
  );
  await app.getByLabel(/The dates in the preview are right/).check();
  await expect(check).toBeEnabled();
  await expectNoA11yViolations(app);
  await check.click();
  await expect(
    app.getByRole('heading', { name: 'Step 3 of 4: check before importing' }),
  ).toBeVisible();
  await expect(app.getByRole('button', { name: 'Import 3 rows' })).toBeEnabled();
});
