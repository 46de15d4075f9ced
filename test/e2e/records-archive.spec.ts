import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectNoA11yViolations, screenshot, test } from './fixtures';
import { PDF_RECEIPT, openRecords, samsProfile, tempFolder, writeFile } from './records-support';

/**
 * Issue 7 item 8: the records as CSV for a spreadsheet, the whole profile as one archive, and
 * that archive imported on "another computer" as a new profile with every record and receipt.
 * Files are chosen in the app's save and open dialogs (the browser host answers for the OS).
 */
test('records export as CSV, and a whole profile moves to a new profile through an archive', async ({
  app,
  host,
}) => {
  const profileId = await samsProfile(host);
  const dir = tempFolder();
  const ledger = host.services.profiles.ledger(profileId);
  const business = ledger.businesses.create({ kind: 'uk-property', name: 'Flat 2, Leeds' });
  const rent = ledger.transactions.add({
    date: '2025-05-01',
    description: 'Rent, May',
    amountPence: 95_000,
    businessId: business.id,
    categoryId: 'ukp.periodAmount',
  });
  ledger.transactions.add({
    date: '2025-05-09',
    description: 'Letting agent fee',
    amountPence: -11_400,
  });
  ledger.transactions.add({
    date: '2025-05-20',
    description: '=HYPERLINK("x")',
    amountPence: -1_000,
  });
  await ledger.receipts.attach(rent.id, writeFile(dir, 'tenancy.pdf', PDF_RECEIPT));

  await openRecords(app, host, 'export');
  const csv = join(dir, 'sam-records.csv');
  host.queueSaveLocation(csv);
  await app.getByRole('button', { name: 'Save as CSV…' }).click();
  await expect(app.getByText('Saved 3 records to sam-records.csv.')).toBeVisible();
  const text = readFileSync(csv, 'utf8');
  expect(text.split('\r\n')[0]).toContain('date,description,counterparty,amount');
  expect(text).toContain('Rent, May');
  // A formula-looking description is written so a spreadsheet shows it as text.
  expect(text).toContain(`"'=HYPERLINK(""x"")"`);

  // Cancelling the save dialog does nothing and says nothing.
  host.queueSaveCancel();
  await app.getByRole('button', { name: 'Save as JSON…' }).click();
  await expect(app.getByText(/Saved .* to .*\.json/)).toHaveCount(0);

  const archive = join(dir, 'sam-archive.zip');
  host.queueSaveLocation(archive);
  await app.getByRole('button', { name: 'Save an archive…' }).click();
  await expect(app.getByText(/Saved sam-archive\.zip \(.+, \d+ files\)\./)).toBeVisible();
  expect(existsSync(archive)).toBe(true);

  // On the other computer: the NINO is checked first, then the file is asked for.
  await app.getByLabel('Whose records are they? (full name)').fill('Sam Taylor (new laptop)');
  await app.getByLabel('Their National Insurance number').fill('AA100001A');
  await app.getByRole('button', { name: 'Choose the archive and import it…' }).click();
  await expect(app.getByText(/already/).first()).toBeVisible();
  await app.getByLabel('Their National Insurance number').fill('AC 10 00 03 C');
  host.queueChosenFile(archive);
  await app.getByRole('button', { name: 'Choose the archive and import it…' }).click();
  await expect(
    app.getByText('Added Sam Taylor (new laptop) with 3 records and 1 business.'),
  ).toBeVisible();
  await expectNoA11yViolations(app);
  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    await screenshot(app, `records-export-${scheme}`);
  }
  await app.emulateMedia({ colorScheme: 'light' });

  await app.getByRole('button', { name: 'Switch to Sam Taylor (new laptop)' }).click();
  await expect(app.getByText('Sam Taylor (new laptop)’s income and expenses')).toBeVisible();
  await app
    .getByRole('navigation', { name: 'Records' })
    .getByRole('link', { name: 'Records', exact: true })
    .click();
  const grid = app.getByRole('grid', { name: 'Records' });
  await expect(grid).toHaveAttribute('aria-rowcount', '4');
  await expect(grid.getByRole('row').filter({ hasText: 'Rent, May' })).toContainText(
    'Has a receipt',
  );
  const copy = host.services.profiles.list().find((p) => p.name === 'Sam Taylor (new laptop)')!;
  const copied = host.services.profiles.ledger(copy.id);
  expect(copied.receipts.listFor(copied.records.list({ text: 'Rent' }).rows[0]!.id)).toHaveLength(
    1,
  );
});
