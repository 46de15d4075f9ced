import type { Page } from '@playwright/test';
import { expect, expectNoA11yViolations, screenshot, test } from './fixtures';
import {
  LLOYDS_HEADER,
  PDF_RECEIPT,
  lloydsRow as row,
  openRecords,
  samsProfile,
  tempFolder,
  writeFile,
} from './records-support';

/**
 * Issue 7 "done when": a person imports a real-looking bank statement (column mapping,
 * duplicates, unreadable rows), categorises everything (a rule from "Always do this", a rule
 * made on the Rules screen, bulk changes by keyboard, a split, a receipt), and sees correct
 * quarterly totals per HMRC field with the chart. The expected figures are worked out by hand
 * from the rows below (see the comments at the assertions).
 *
 * Sam Taylor is a self-employed joiner ("Taylor Joinery"); tax year 2025-26, standard quarters
 * (Q1 6 Apr – 5 Jul 2025, Q2 6 Jul – 5 Oct 2025).
 */

/** An earlier statement, already imported: its last three rows overlap the new one. */
const STATEMENT_A = [
  LLOYDS_HEADER,
  row('02/04/2025', 'DEB', 'COSTA COFFEE 1123', '3.40', '', '2496.60'),
  row('03/04/2025', 'FPI', 'ACME LTD INVOICE 0917', '', '1,500.00', '3996.60'),
  row('07/04/2025', 'DEB', 'TESCO STORES 3412', '45.20', '', '3951.40'),
  row('08/04/2025', 'DD', 'BT GROUP PLC', '38.00', '', '3913.40'),
  row('10/04/2025', 'DEB', 'SHELL BRENTFORD', '62.15', '', '3851.25'),
].join('\n');

/** The statement the person imports in the app. Lines are numbered as the importer counts them. */
const STATEMENT_B = [
  LLOYDS_HEADER, // line 1
  row('07/04/2025', 'DEB', 'TESCO STORES 3412', '45.20', '', '3951.40'), // 2: already in the records
  row('08/04/2025', 'DD', 'BT GROUP PLC', '38.00', '', '3913.40'), // 3: already in the records
  row('10/04/2025', 'DEB', 'SHELL BRENTFORD', '62.15', '', '3851.25'), // 4: already in the records
  row('11/04/2025', 'FPI', 'CLIENT J SMITH & CO INV 1001', '', '850.00', '4701.25'), // 5
  row('12/04/2025', 'DEB', 'TESCO STORES 3412', '27.80', '', '4673.45'), // 6
  row('12/04/2025', 'DEB', 'COSTA COFFEE 1123', '3.40', '', '4670.05'), // 7
  row('12/04/2025', 'DEB', 'COSTA COFFEE 1123', '3.40', '', '4666.65'), // 8: repeated (two coffees)
  row('02/05/2025', 'DEB', 'SCREWFIX DIRECT', '112.50', '', '4554.15'), // 9
  row('06/05/2025', 'DEB', 'AMAZON MKTPLACE PMTS', '120.00', '', '4434.15'), // 10: split
  row('09/05/2025', 'DD', 'BT GROUP PLC', '38.00', '', '4396.15'), // 11
  row('15/05/2025', 'FPI', 'ACME LTD INVOICE 0931', '', '1,250.00', '5646.15'), // 12
  row('20/05/2025', 'DEB', 'SHELL BRENTFORD', '58.40', '', '5587.75'), // 13
  row('31/06/2025', 'DEB', 'TRAINLINE.COM', '24.10', '', '5563.65'), // 14: 31 June: fixed to 31 May
  row('03/06/2025', 'DEB', 'TESCO STORES 3412', '18.65', '', '5545.00'), // 15
  row('09/06/2025', 'DD', 'BT GROUP PLC', '38.00', '', '5507.00'), // 16
  row('14/06/2025', 'DEB', 'STAPLES OFFICE SUPPLIES', '12.3.4', '', '5494.70'), // 17: unreadable, skipped
  row('20/06/2025', 'FPI', 'CLIENT J SMITH & CO INV 1002', '', '975.00', '6469.70'), // 18
  row('04/07/2025', 'DEB', 'SHELL BRENTFORD', '60.00', '', '6409.70'), // 19
  row('09/07/2025', 'DD', 'BT GROUP PLC', '38.00', '', '6371.70'), // 20: Q2
  row('15/07/2025', 'FPI', 'ACME LTD INVOICE 0958', '', '1,100.00', '7471.70'), // 21: Q2
  row('28/07/2025', 'DEB', 'TESCO STORES 3412', '33.35', '', '7438.35'), // 22: Q2
  '',
].join('\n');

/** Narrows the list to records whose text contains `words`. */
async function search(app: Page, words: string): Promise<void> {
  await app.getByRole('searchbox', { name: 'Search' }).fill(words);
}

/** A tab of the records screen (the sections list has a "Records" link too). */
const tab = (app: Page, name: string) =>
  app.getByRole('navigation', { name: 'Records' }).getByRole('link', { name, exact: true });

async function gridRows(app: Page) {
  return app.getByRole('grid', { name: 'Records' }).getByRole('row');
}

/** Opens the record whose description is `text` (a click, as a mouse user would). */
async function openRecord(app: Page, text: string) {
  await app
    .getByRole('grid', { name: 'Records' })
    .getByRole('row')
    .filter({ hasText: text })
    .first()
    .click();
  const dialog = app.getByRole('dialog');
  await expect(dialog.getByRole('heading', { level: 2 })).toBeVisible();
  return dialog;
}

test('a sole trader imports a bank statement, categorises everything, and sees correct quarterly totals', async ({
  app,
  host,
}) => {
  const profileId = await samsProfile(host);
  const dir = tempFolder();
  const ledger = host.services.profiles.ledger(profileId);

  // ── the business, added offline ──────────────────────────────────────────────────────
  await openRecords(app, host, 'businesses');
  await app.getByLabel('Name', { exact: true }).fill('Taylor Joinery');
  await app.getByLabel('Self-employment').check();
  await app.getByRole('button', { name: 'Add the business' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Added Taylor Joinery.' })).toBeVisible();
  const business = ledger.businesses.list()[0]!;
  expect(business).toMatchObject({ name: 'Taylor Joinery', kind: 'self-employment' });

  // The earlier statement was imported before (into this business).
  const fileA = writeFile(dir, 'statement-march.csv', STATEMENT_A);
  const preview = await ledger.imports.preview(fileA);
  const earlier = await ledger.imports.analyse(fileA, preview.mapping!);
  await ledger.imports.commit(earlier, {
    expectedSha256: earlier.file.sha256,
    badRows: 'skip',
    businessId: business.id,
    rememberMapping: false,
  });

  // ── import: choose, map, check, import ───────────────────────────────────────────────
  await tab(app, 'Import a statement').click();
  await expect(
    app.getByRole('heading', { name: 'Step 1 of 4: choose a bank statement' }),
  ).toBeVisible();
  host.queueChosenFile(writeFile(dir, 'statement-april-july.csv', STATEMENT_B));
  await app.getByRole('button', { name: 'Choose a bank statement…' }).click();

  await expect(app.getByRole('heading', { name: 'Step 2 of 4: match the columns' })).toBeVisible();
  await expect(app.getByText('statement-april-july.csv')).toBeVisible();
  await expect(app.getByLabel('Separate “paid out” and “paid in” columns')).toBeChecked();
  await expect(app.getByLabel('Date column')).toHaveValue('0');
  await expect(app.getByLabel('Description column')).toHaveValue('4');
  const previewTable = app.getByRole('table', { name: 'How the first rows will be imported' });
  await expect(
    previewTable.getByRole('row').filter({ hasText: 'ACME LTD INVOICE 0931' }),
  ).toContainText('£1,250.00 in');
  await expect(previewTable.getByRole('row').filter({ hasText: 'Cannot be read' })).toHaveCount(2);
  // The live preview follows the mapping: month-first dates would make 12/04 into 4 December.
  await app.getByLabel('Dates are written').selectOption('mdy');
  await expect(
    previewTable.getByRole('row').filter({ hasText: 'CLIENT J SMITH & CO INV 1001' }),
  ).toContainText('4 Nov 2025');
  await app.getByLabel('Dates are written').selectOption('dmy');
  await expect(
    previewTable.getByRole('row').filter({ hasText: 'CLIENT J SMITH & CO INV 1001' }),
  ).toContainText('11 Apr 2025');
  await expectNoA11yViolations(app);
  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    await screenshot(app, `records-import-mapping-${scheme}`);
  }
  await app.emulateMedia({ colorScheme: 'light' });
  await app.getByRole('button', { name: 'Check the whole file' }).click();

  await expect(
    app.getByRole('heading', { name: 'Step 3 of 4: check before importing' }),
  ).toBeVisible();
  await expect(app.getByText('3 rows are already in your records')).toBeVisible();
  await expect(app.getByText('1 row repeats an identical row earlier in this file')).toBeVisible();
  await expect(app.getByText('2 rows could not be read.')).toBeVisible();
  const bad = app.getByRole('table', { name: 'Rows that cannot be read' });
  await expect(bad.getByRole('row').filter({ hasText: 'TRAINLINE.COM' })).toContainText(
    'The date could not be read.',
  );
  await expect(bad.getByRole('row').filter({ hasText: 'STAPLES' })).toContainText(
    'The amount could not be read.',
  );
  // Nothing can be imported until every unreadable row is fixed or skipped.
  await expect(app.getByRole('button', { name: /^Import \d+ rows$/ })).toBeDisabled();
  await app.getByRole('button', { name: 'Fix line 14' }).click();
  const fix = app.getByRole('group', { name: 'Fix line 14' });
  await fix.getByLabel('Date').fill('2025-05-31');
  await expect(fix.getByLabel('Description')).toHaveValue('TRAINLINE.COM');
  await fix.getByLabel('Amount (£)').fill('24.10');
  await fix.getByRole('button', { name: 'Use this' }).click();
  await expect(bad.getByRole('row').filter({ hasText: 'TRAINLINE.COM' })).toContainText('Fixed');
  await app.getByLabel('Skip the rows I have not fixed').check();
  await app
    .getByLabel('Which business is this account for?')
    .selectOption({ label: 'Taylor Joinery (Self-employment)' });
  // 21 rows: 3 already in the records, 2 unreadable (1 fixed, 1 skipped) → 17 to import; the
  // second coffee is a repeat but kept (it may be real).
  await expectNoA11yViolations(app);
  await screenshot(app, 'records-import-check');
  await app.getByRole('button', { name: 'Import 17 rows' }).click();

  await expect(app.getByRole('heading', { name: 'Step 4 of 4: imported' })).toBeVisible();
  await expect(
    app.getByText('Imported 17 transactions from statement-april-july.csv.'),
  ).toBeVisible();
  await expect(app.getByText('3 duplicates were skipped.')).toBeVisible();
  await expect(app.getByText('1 fixed row was imported.')).toBeVisible();
  await expect(app.getByText('1 row was left out.')).toBeVisible();
  await app.getByRole('button', { name: 'Show these records' }).click();
  await expect(app.getByText('Showing only the records of one import.')).toBeVisible();
  await expect(app.getByRole('grid', { name: 'Records' })).toHaveAttribute('aria-rowcount', '18');
  await app.getByRole('button', { name: 'Show all records' }).click();
  // 5 from the earlier statement + 17 now; nothing is categorised yet.
  await expect(app.getByText('22 records have no category yet.')).toBeVisible();

  // ── categorise one, then "Always do this" ─────────────────────────────────────────────
  await search(app, 'tesco');
  await expect(await gridRows(app)).toHaveCount(5); // header + 4
  let dialog = await openRecord(app, '12 Apr 2025');
  await dialog.getByLabel('Category').selectOption({ label: 'Personal, not business' });
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByText('Changes saved.')).toBeVisible();
  await dialog.getByLabel('the description contains…').check();
  await dialog.getByLabel('Text to look for').fill('TESCO STORES');
  // Saving the rule applies it at once: no "run the rules" step.
  await dialog.getByRole('button', { name: 'Always do this' }).click();
  await expect(dialog.getByText('Categorised 3 other records with it already.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(app.getByRole('grid', { name: 'Records' })).toContainText(
    /by rule “Description contains “TESCO STORES”.*→ Personal, not business”/,
  );

  // ── a rule made on the Rules screen, with a preview ───────────────────────────────────
  await tab(app, 'Rules').click();
  await app.getByRole('button', { name: 'Add a rule' }).click();
  dialog = app.getByRole('dialog', { name: 'Add a rule' });
  await dialog.getByLabel('Description contains').fill('BT GROUP');
  await dialog.getByLabel('Money', { exact: true }).selectOption('out');
  await expect(dialog.getByText('Matches 4 records')).toBeVisible();
  await dialog.getByLabel('Business').selectOption({ label: 'Taylor Joinery (Self-employment)' });
  await dialog.getByLabel('Category').selectOption({ label: 'Phone, stationery and office costs' });
  await dialog.getByLabel('Share not allowable for tax (%)').fill('20');
  await dialog.getByLabel('Name (optional)').fill('Phone line (20 % private)');
  await dialog.getByRole('button', { name: 'Save the rule' }).click();
  await expect(app.getByRole('dialog')).toHaveCount(0);
  await expect(
    app.getByText('Saved “Phone line (20 % private)” and categorised 4 records with it.'),
  ).toBeVisible();
  const rules = app.getByRole('list').filter({ hasText: 'Phone line' });
  await expect(rules.getByRole('listitem')).toHaveCount(2);
  // Keyboard reordering: the new rule moves to the top and keeps focus.
  await app.getByRole('button', { name: 'Move up “Phone line (20 % private)”' }).focus();
  await app.keyboard.press('Enter');
  await expect(rules.getByRole('listitem').first()).toContainText('Phone line (20 % private)');
  await expect(
    app.getByRole('button', { name: 'Move down “Phone line (20 % private)”' }),
  ).toBeEnabled();
  await app.getByRole('button', { name: 'Run the rules now…' }).click();
  await expect(app.getByText('No uncategorised record matches a rule.')).toBeVisible();
  await expectNoA11yViolations(app);
  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    await screenshot(app, `records-rules-${scheme}`);
  }
  await app.emulateMedia({ colorScheme: 'light' });

  // ── bulk changes by keyboard: Space selects, then one category for all ────────────────
  await tab(app, 'Records').click();
  await search(app, 'shell');
  const grid = app.getByRole('grid', { name: 'Records' });
  await expect(grid).toHaveAttribute('aria-rowcount', '4');
  await expect(grid.locator('[data-record-id]')).toHaveCount(3);
  await grid.focus();
  await app.keyboard.press('Home');
  await app.keyboard.press('Space');
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('Space');
  await app.keyboard.press('End');
  await app.keyboard.press('Space');
  const bulk = app.getByRole('region', { name: '3 records selected' });
  await bulk.getByLabel('Category').selectOption({ label: 'Car, van and travel' });
  await bulk.getByRole('button', { name: 'Categorise 3 records' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Categorised 3 records.' })).toBeVisible();

  for (const [words, category, count] of [
    ['inv', 'Sales and takings', 5],
    ['costa', 'Personal, not business', 3],
  ] as const) {
    await search(app, words);
    await expect(grid).toHaveAttribute('aria-rowcount', String(count + 1));
    await expect(grid.locator('[data-record-id]')).toHaveCount(count);
    await grid.focus();
    await app.keyboard.press('Home');
    for (let i = 0; i < count; i++) {
      await app.keyboard.press('Space');
      await app.keyboard.press('ArrowDown');
    }
    const selection = app.getByRole('region', { name: `${count} records selected` });
    await selection.getByLabel('Category').selectOption({ label: category });
    await selection.getByRole('button', { name: `Categorise ${count} records` }).click();
    await expect(
      app.getByRole('status').filter({ hasText: `Categorised ${count} records.` }),
    ).toBeVisible();
  }

  // ── one at a time: Screwfix, and the fixed Trainline row with its receipt ─────────────
  await search(app, 'screwfix');
  dialog = await openRecord(app, 'SCREWFIX DIRECT');
  await dialog.getByLabel('Category').selectOption({ label: 'Cost of goods' });
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByText('Changes saved.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  await search(app, 'trainline');
  dialog = await openRecord(app, 'TRAINLINE.COM');
  await dialog.getByLabel('Category').selectOption({ label: 'Car, van and travel' });
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByText('Changes saved.')).toBeVisible();
  host.queueChosenFile(writeFile(dir, 'trainline ticket.pdf', PDF_RECEIPT));
  await dialog.getByRole('button', { name: 'Attach a receipt…' }).click();
  await expect(dialog.getByText('Attached trainline ticket.pdf.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Open trainline ticket.pdf' }).click();
  await expect.poll(() => host.openedFiles.length).toBe(1);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(grid.getByRole('row').filter({ hasText: 'TRAINLINE.COM' })).toContainText(
    'Has a receipt',
  );

  // ── a split: £120 at Amazon, £80 office supplies and £40 personal ─────────────────────
  await search(app, 'amazon');
  dialog = await openRecord(app, 'AMAZON MKTPLACE PMTS');
  await dialog.getByRole('button', { name: 'Split across categories…' }).click();
  const split = app.getByRole('dialog', { name: 'Split a transaction' });
  const part1 = split.getByRole('group', { name: 'Part 1' });
  const part2 = split.getByRole('group', { name: 'Part 2' });
  await part1.getByLabel('Amount (£)').fill('80.00');
  await expect(split.getByText('£40.00 left to allocate.')).toBeVisible();
  await part1.getByLabel('Category').selectOption({ label: 'Phone, stationery and office costs' });
  await part2.getByLabel('Amount (£)').fill('45');
  await expect(split.getByText('£5.00 too much')).toBeVisible();
  await part2.getByLabel('Amount (£)').fill('40');
  await part2.getByLabel('Category').selectOption({ label: 'Personal, not business' });
  await expect(split.getByText('The parts add up to £120.00.')).toBeVisible();
  await expectNoA11yViolations(app);
  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    await screenshot(app, `records-split-${scheme}`);
  }
  await app.emulateMedia({ colorScheme: 'light' });
  await split.getByRole('button', { name: 'Save the split' }).click();
  await expect(app.getByRole('dialog')).toHaveCount(0);
  await expect(
    app.getByRole('status').filter({ hasText: 'Split “AMAZON MKTPLACE PMTS” into 2 parts.' }),
  ).toBeVisible();
  await expect(grid.getByRole('row').filter({ hasText: 'Part of a split' })).toHaveCount(2);

  // ── everything has a category ────────────────────────────────────────────────────────
  await search(app, '');
  await expect(app.getByText('Every record here has a category.')).toBeVisible();
  await app.locator('main').evaluate((main) => main.scrollTo(0, 0));
  expect(ledger.records.uncategorisedCount()).toBe(0);
  await expectNoA11yViolations(app);
  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    await screenshot(app, `records-list-${scheme}`);
  }
  await app.emulateMedia({ colorScheme: 'light' });

  // ── totals per HMRC field, year to date to the end of Q1 ──────────────────────────────
  await tab(app, 'Totals for HMRC').click();
  await expect(app.getByRole('heading', { level: 2, name: 'Totals for HMRC' })).toBeVisible();
  await app.getByLabel('Tax year').selectOption('2025-26');
  await app.getByLabel('Up to the end of').selectOption({ label: 'Quarter 1 (5 Jul 2025)' });
  await expect(app.getByText('year to date: 6 Apr 2025 to 5 Jul 2025')).toBeVisible();
  const income = app.getByRole('table', { name: 'Income per HMRC field, year to date' });
  const expenses = app.getByRole('table', { name: 'Expenses per HMRC field, year to date' });
  const field = (table: typeof income, name: string) =>
    table.getByRole('row').filter({ hasText: name });

  // Sales: 850.00 (11 Apr) + 1,250.00 (15 May) + 975.00 (20 Jun). 1,500.00 on 3 Apr is 2024-25.
  await expect(field(income, 'Sales and takings')).toContainText('£3,075.00');
  await expect(field(income, 'Sales and takings')).toContainText('turnover');
  await expect(income.getByRole('row').filter({ hasText: 'Total income' })).toContainText(
    '£3,075.00',
  );
  // Cost of goods: Screwfix 112.50.
  await expect(field(expenses, 'Cost of goods')).toContainText('£112.50');
  // Travel: Shell 62.15 (10 Apr, earlier statement) + 58.40 + 60.00 (4 Jul) + Trainline 24.10.
  await expect(field(expenses, 'Car, van and travel')).toContainText('£204.65');
  // Office: BT 38.00 × 3 (8 Apr, 9 May, 9 Jun) + Amazon part 80.00 = 194.00; not allowable
  // 20 % of each BT bill = 7.60 × 3 = 22.80; allowable 171.20.
  const office = field(expenses, 'Phone, stationery and office costs');
  await expect(office).toContainText('£194.00');
  await expect(office).toContainText('£22.80');
  await expect(office).toContainText('£171.20');
  // Totals: 112.50 + 204.65 + 194.00 = 511.15; allowable 511.15 − 22.80 = 488.35.
  const total = expenses.getByRole('row').filter({ hasText: 'Total expenses' });
  await expect(total).toContainText('£511.15');
  await expect(total).toContainText('£22.80');
  await expect(total).toContainText('£488.35');
  // Personal: Tesco 7 Apr, 12 Apr, 3 Jun and the two coffees of 12 Apr are left out (the
  // personal part of the Amazon split has no business, so it is not this business's at all).
  await expect(
    app.getByText('5 records marked personal or a transfer are left out of these figures.'),
  ).toBeVisible();

  // The chart, and its figures as a table: Q2 has ACME 1,100.00 in and BT 38.00 out.
  await expect(app.locator('.records-chart canvas')).toBeVisible();
  const quarters = app.getByRole('table', { name: 'Income and expenses per quarter' });
  await expect(quarters.getByRole('row').filter({ hasText: 'Quarter 1' })).toContainText(
    '£3,075.00',
  );
  await expect(quarters.getByRole('row').filter({ hasText: 'Quarter 1' })).toContainText('£511.15');
  await expect(quarters.getByRole('row').filter({ hasText: 'Quarter 2' })).toContainText(
    '£1,100.00',
  );
  await expect(quarters.getByRole('row').filter({ hasText: 'Quarter 2' })).toContainText('£38.00');
  await expect(quarters.getByRole('row').filter({ hasText: 'Quarter 3' })).toContainText('£0.00');
  await expectNoA11yViolations(app);
  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    await screenshot(app, `records-totals-${scheme}`);
  }
  await app.emulateMedia({ colorScheme: 'light' });

  // The same figures straight from the ledger (what the review screen will send).
  const ytd = ledger.totals.yearToDate(business.id, '2025-26', '2025-07-05');
  const byField = Object.fromEntries(ytd.fields.map((f) => [f.hmrcField, f]));
  expect(byField.turnover?.valuePence).toBe(307_500);
  expect(byField.adminCosts).toMatchObject({ valuePence: 19_400, disallowablePence: 2_280 });
  expect(ytd.expensesPence).toBe(51_115);
});
