import type { OfxTransactionSpec } from '../support/ofx-statement';
import { ofxStatement, ofxTransactionLine } from '../support/ofx-statement';
import { expect, expectNoA11yViolations, screenshot, test } from './fixtures';
import { openRecords, samsProfile, tempFolder, writeFile } from './records-support';

/**
 * Issue 7 item 4, the second format: a sole trader downloads an OFX statement (as "Money" or
 * "Quicken" format) and chooses it in the same Records → Import flow as a CSV. There are no
 * columns to match: the app says whose statement it is (account masked) and for which dates,
 * checks it straight away (rows already imported, a row it cannot read), and imports it.
 */

/** January to March: its first two rows were imported from an earlier download. */
const TRANSACTIONS: OfxTransactionSpec[] = [
  {
    type: 'CREDIT',
    posted: '20260105',
    amount: '850.00',
    fitid: 'F1',
    name: 'ACME LTD',
    memo: 'INV 0917',
  },
  {
    type: 'POS',
    posted: '20260107120000[0:GMT]',
    amount: '-45.20',
    fitid: 'F2',
    name: 'TESCO STORES 3412',
  },
  { type: 'POS', posted: '20260112', amount: '-12,50', fitid: 'F3', name: 'M&S SIMPLY FOOD' },
  { type: 'POS', posted: '20260112', amount: '-3.40', fitid: 'F4', name: 'COSTA COFFEE' },
  { type: 'POS', posted: '20260112', amount: '-3.40', fitid: 'F5', name: 'COSTA COFFEE' },
  { type: 'DIRECTDEBIT', posted: '20260209', amount: '-38.00', fitid: 'F6', memo: 'BT GROUP PLC' },
  { type: 'DEBIT', posted: '20260214', amount: '12.3.4', fitid: 'F7', name: 'STAPLES' },
  { type: 'POS', posted: '20260320', amount: '-27.80', fitid: 'F8', name: 'TESCO STORES 3412' },
];
const STATEMENT = ofxStatement({
  accountId: '30941212345678',
  start: '20260103',
  end: '20260328',
  transactions: TRANSACTIONS,
});
const EARLIER = ofxStatement({
  accountId: '30941212345678',
  start: '20251201',
  end: '20260108',
  transactions: TRANSACTIONS.slice(0, 2),
});

test('a sole trader imports an OFX bank statement without matching any columns', async ({
  app,
  host,
}) => {
  const profileId = await samsProfile(host);
  const dir = tempFolder();
  const ledger = host.services.profiles.ledger(profileId);
  const business = ledger.businesses.create({ kind: 'self-employment', name: 'Taylor Joinery' });
  ledger.rules.create({
    conditions: { descriptionContains: 'tesco' },
    action: { businessId: business.id, categoryId: 'se.costOfGoods', disallowableBasisPoints: 0 },
  });
  const earlier = await ledger.imports.analyseOfx(writeFile(dir, 'december.ofx', EARLIER));
  await ledger.imports.commit(earlier, {
    expectedSha256: earlier.file.sha256,
    badRows: 'skip',
    businessId: business.id,
  });

  await openRecords(app, host);
  await app
    .getByRole('navigation', { name: 'Records' })
    .getByRole('link', { name: 'Import a statement', exact: true })
    .click();
  await expect(
    app.getByRole('heading', { name: 'Step 1 of 4: choose a bank statement' }),
  ).toBeVisible();
  host.queueChosenFile(writeFile(dir, 'statement-q4.ofx', STATEMENT));
  await app.getByRole('button', { name: 'Choose a bank statement…' }).click();

  // No mapping step: the statement is checked at once, and focus moves to the new step.
  const check = app.getByRole('heading', { name: 'Step 3 of 4: check before importing' });
  await expect(check).toBeVisible();
  await expect(check).toBeFocused();
  await expect(app.getByRole('heading', { name: 'Step 2 of 4: match the columns' })).toHaveCount(0);
  await expect(
    app.getByText('OFX statement from account ••••5678, 3 Jan – 28 Mar 2026: 8 transactions.'),
  ).toBeVisible();
  await expect(app.getByText('30941212345678')).toHaveCount(0);
  const preview = app.getByRole('table', {
    name: 'How the statement’s transactions will be imported',
  });
  await expect(preview.getByRole('row').filter({ hasText: 'M&S SIMPLY FOOD' })).toContainText(
    '£12.50 out',
  );
  await expect(preview.getByRole('row').filter({ hasText: 'ACME LTD INV 0917' })).toContainText(
    '£850.00 in',
  );

  await expect(app.getByText('2 rows are already in your records')).toBeVisible();
  await expect(app.getByText('1 row could not be read.')).toBeVisible();
  const bad = app.getByRole('table', { name: 'Rows that cannot be read' });
  const badRow = bad.getByRole('row').filter({ hasText: 'STAPLES' });
  await expect(badRow).toContainText(String(ofxTransactionLine(STATEMENT, 6)));
  await expect(badRow).toContainText('The amount could not be read (“12.3.4”).');
  // The second coffee has its own bank id, so it is not a repeat.
  await expect(app.getByText(/repeats? an identical row/)).toHaveCount(0);
  await expect(app.getByLabel('Remember these columns for this bank’s files')).toHaveCount(0);

  await expect(app.getByRole('button', { name: 'Import 5 rows' })).toBeDisabled();
  await app.getByLabel('Skip the rows I have not fixed').check();
  await app
    .getByLabel('Which business is this account for?')
    .selectOption({ label: 'Taylor Joinery (Self-employment)' });
  await expectNoA11yViolations(app);
  await screenshot(app, 'records-import-ofx');
  await app.emulateMedia({ colorScheme: 'dark' });
  await expectNoA11yViolations(app);
  await screenshot(app, 'records-import-ofx-dark');
  await app.emulateMedia({ colorScheme: 'light' });

  // 8 transactions: 2 already in the records, 1 unreadable and skipped → 5.
  await app.getByRole('button', { name: 'Import 5 rows' }).click();
  await expect(app.getByRole('heading', { name: 'Step 4 of 4: imported' })).toBeVisible();
  await expect(app.getByText('Imported 5 transactions from statement-q4.ofx.')).toBeVisible();
  await expect(app.getByText('1 was categorised by your rules.')).toBeVisible();
  await expect(app.getByText('2 duplicates were skipped.')).toBeVisible();
  await expect(app.getByText('1 row was left out.')).toBeVisible();

  await app.getByRole('button', { name: 'Show these records' }).click();
  await expect(app.getByText('Showing only the records of one import.')).toBeVisible();
  const grid = app.getByRole('grid', { name: 'Records' });
  await expect(grid).toHaveAttribute('aria-rowcount', '6'); // header + 5
  await expect(grid.getByRole('row').filter({ hasText: 'M&S SIMPLY FOOD' })).toContainText(
    '£12.50',
  );
  await expect(grid.getByRole('row').filter({ hasText: 'COSTA COFFEE' })).toHaveCount(2);
  expect(ledger.records.summarise()).toMatchObject({ count: 7 });
});
