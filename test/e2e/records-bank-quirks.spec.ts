import { join } from 'node:path';
import { expect, expectNoA11yViolations, screenshot, test } from './fixtures';
import { openRecords, samsProfile } from './records-support';

/**
 * Statements from real banks that a guessed mapping would save wrong without a word: a card
 * statement that shows spending as a plus (the app asks which way round, showing rows both ways),
 * and an amount column that cannot be money (the app names the rows and offers a better column).
 * The files are the bank-statement fixtures, chosen as the person would choose them.
 */

const fixture = (name: string) => join(process.cwd(), 'test/fixtures/bank-statements', name);

test('a card statement that shows spending as a plus is imported only once the person says which way round it is', async ({
  app,
  host,
}) => {
  const profileId = await samsProfile(host);
  await openRecords(app, host, 'import');
  host.queueChosenFile(fixture('amex-uk.csv'));
  await app.getByRole('button', { name: 'Choose a bank statement…' }).click();
  await expect(app.getByRole('heading', { name: 'Step 2 of 4: match the columns' })).toBeVisible();

  const question = app.getByRole('group', { name: 'Which way round is this statement?' });
  await expect(question).toBeVisible();
  await expect(question).toContainText('5 of the first 6 amounts are positive.');
  await expect(question).toContainText(
    'The negative one looks like a payment or refund (“PAYMENT RECEIVED - THANK YOU”).',
  );
  const asBank = question.getByLabel(/A plus is money in and a minus is money out/);
  const asCard = question.getByLabel(/A plus is spending \(money out\)/);
  await expect(asBank).not.toBeChecked();
  await expect(asCard).not.toBeChecked();
  // The same two rows, read each way.
  await expect(asBank).toHaveAccessibleDescription(
    /ADOBE \*CREATIVE CLD: £19\.98 in.*PAYMENT RECEIVED - THANK YOU: £250\.00 out/,
  );
  await expect(asCard).toHaveAccessibleDescription(
    /ADOBE \*CREATIVE CLD: £19\.98 out.*PAYMENT RECEIVED - THANK YOU: £250\.00 in/,
  );
  const check = app.getByRole('button', { name: 'Check the whole file' });
  await expect(check).toBeDisabled();
  await expect(
    app.getByText('Answer the question about which way round the amounts are first.'),
  ).toBeVisible();

  await expectNoA11yViolations(app);
  await screenshot(app, 'records-import-card-question-light');
  await app.emulateMedia({ colorScheme: 'dark' });
  await expectNoA11yViolations(app);
  await screenshot(app, 'records-import-card-question-dark');
  await app.emulateMedia({ colorScheme: 'light' });

  await asCard.check();
  const preview = app.getByRole('table', { name: 'How the first rows will be imported' });
  await expect(preview.getByRole('row').filter({ hasText: 'ADOBE' })).toContainText('£19.98 out');
  await expect(preview.getByRole('row').filter({ hasText: 'PAYMENT RECEIVED' })).toContainText(
    '£250.00 in',
  );
  await expect(app.getByLabel('Spending is shown without a minus (card statements)')).toBeChecked();
  await expect(check).toBeEnabled();
  await check.click();

  await expect(
    app.getByRole('heading', { name: 'Step 3 of 4: check before importing' }),
  ).toBeVisible();
  await expect(app.getByText('£250.00 in, £107.14 out')).toBeVisible();
  await app.getByRole('button', { name: 'Import 6 rows' }).click();
  await expect(app.getByRole('heading', { name: 'Step 4 of 4: imported' })).toBeVisible();
  expect(host.services.profiles.ledger(profileId).records.summarise()).toMatchObject({
    count: 6,
    inPence: 25000,
  });
});

test('amounts that cannot be money are named row by row, with a better column to use', async ({
  app,
  host,
}) => {
  await samsProfile(host);
  await openRecords(app, host, 'import');
  host.queueChosenFile(fixture('no-header-account-number.csv'));
  await app.getByRole('button', { name: 'Choose a bank statement…' }).click();
  await expect(app.getByRole('heading', { name: 'Step 2 of 4: match the columns' })).toBeVisible();
  // The guess passed over the account number and the balance.
  await expect(app.getByLabel('Amount column', { exact: true })).toHaveValue('3');
  await expect(app.getByText('These amounts do not look like money')).toHaveCount(0);

  // Choosing the account number column by mistake.
  await app.getByLabel('Amount column', { exact: true }).selectOption('1');
  const warning = app.getByRole('group', { name: 'These amounts do not look like money' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(
    'Some values in “Column 2” do not look like amounts of money, so the figures would be wrong. “Column 4” looks more like the amounts.',
  );
  const suspects = warning.getByRole('table', { name: 'Rows whose amounts look wrong' });
  await expect(suspects.getByRole('row')).toHaveCount(6); // header + 5 rows
  await expect(suspects.getByRole('row').nth(1)).toContainText(
    '41920537looks like an account or reference number, not an amount',
  );
  const check = app.getByRole('button', { name: 'Check the whole file' });
  await expect(check).toBeDisabled();
  await expect(app.getByText('Check the amounts that do not look like money first.')).toBeVisible();

  await expectNoA11yViolations(app);
  await screenshot(app, 'records-import-amount-warning-light');
  await app.emulateMedia({ colorScheme: 'dark' });
  await expectNoA11yViolations(app);
  await screenshot(app, 'records-import-amount-warning-dark');
  await app.emulateMedia({ colorScheme: 'light' });

  await warning.getByRole('button', { name: 'Use “Column 4” for the amounts' }).click();
  await expect(warning).toHaveCount(0);
  await expect(app.getByLabel('Amount column', { exact: true })).toHaveValue('3');
  await expect(check).toBeEnabled();

  // One row out of all proportion: the person must look at it before the whole file is read.
  await app.getByRole('button', { name: 'Choose another file' }).click();
  host.queueChosenFile(fixture('amount-outlier.csv'));
  await app.getByRole('button', { name: 'Choose a bank statement…' }).click();
  const outlier = app.getByRole('group', { name: 'These amounts do not look like money' });
  await expect(outlier.getByRole('row').filter({ hasText: '-1,000,594,757.00' })).toContainText(
    'is over a thousand times the typical amount in this column',
  );
  await expect(outlier.getByRole('button')).toHaveCount(0); // no better column to offer
  await expect(app.getByRole('button', { name: 'Check the whole file' })).toBeDisabled();
  await outlier.getByLabel(/I have checked these rows/).check();
  await expect(app.getByRole('button', { name: 'Check the whole file' })).toBeEnabled();
});
