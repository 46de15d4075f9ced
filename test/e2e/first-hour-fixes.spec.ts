import type { Page } from '@playwright/test';
import { SEEDED } from '../../src/practice/server';
import { NINO_EXAMPLE } from '@shared/domain/nino';
import { expect, expectNoA11yViolations, screenshot, test, testAtReferenceTime } from './fixtures';
import {
  LLOYDS_HEADER,
  lloydsRow,
  openRecords,
  samsProfile,
  tempFolder,
  writeFile,
} from './records-support';
import { linkPracticeAccount } from './support/link-practice-account';

/**
 * The rough edges a first-time user hit, each put right: review warnings that count Personal
 * and Transfer rows, do not link to the rows and forget their ticks; a card still asking for
 * checks after HMRC accepted it; an empty update that "passed"; the NINO hint's own example
 * refused; a header-only CSV reaching the column step; a fixed row losing its amount; and the
 * estimate that showed Income Tax before reliefs and £0.00 with no reason.
 */
const REFERENCE_NOW = '2026-11-20T10:00:00Z';
const alice = SEEDED.individualA;

const fixesTest = testAtReferenceTime(REFERENCE_NOW, { calculationDelayMs: 300 });

/** Light and dark, at a laptop's 1280×800 and a small 1024×700, axe clean in each. */
async function shots(app: Page, name: string): Promise<void> {
  for (const [w, h] of [
    [1280, 800],
    [1024, 700],
  ] as const) {
    await app.setViewportSize({ width: w, height: h });
    for (const scheme of ['light', 'dark'] as const) {
      await app.emulateMedia({ colorScheme: scheme });
      await expectNoA11yViolations(app);
      await screenshot(app, `${name}-${w}x${h}-${scheme}`);
    }
  }
  await app.setViewportSize({ width: 1280, height: 800 });
  await app.emulateMedia({ colorScheme: 'light' });
}

const card = (app: Page, business: string) => app.locator(`article[data-business="${business}"]`);

async function openReview(app: Page, host: { url: string }, tab = ''): Promise<void> {
  await app.goto(`${host.url}#/review${tab ? `/${tab}` : ''}`);
  await app.getByRole('heading', { level: 1 }).filter({ hasText: 'Review & sync' }).waitFor();
}

fixesTest(
  'review warnings mean what they say, link to their rows, stay ticked; accepted and empty updates; the estimate explains itself',
  async ({ app, host }) => {
    const { accountId } = await linkPracticeAccount(app, host, { kind: 'individual' });
    const profile = await host.services.profiles.create({
      kind: 'self',
      name: 'Alice Ashworth',
      nino: alice.nino,
      accountId,
      activate: true,
    });
    await host.services.profiles.refresh(profile.id);
    const ledger = host.services.profiles.ledger(profile.id);
    const se = ledger.businesses.findByHmrcId(alice.selfEmploymentId)!;
    for (const [date, description, amountPence, businessId, categoryId] of [
      ['2026-04-12', 'Kitchen fit, Mrs Patel', 1_820_000, se.id, 'se.turnover'],
      ['2026-05-03', 'Timber merchant', -86_050, se.id, 'se.costOfGoods'],
      ['2026-08-22', 'Sash windows, Dr Ahmed', 1_510_000, se.id, 'se.turnover'],
      ['2026-09-30', 'Card payment, unclear', -2_599, se.id, null],
      // Marked Personal and Transfer with no business: dealt with, not uncategorised.
      ['2026-06-02', 'Supermarket', -4_512, null, 'excluded.personal'],
      ['2026-07-01', 'To savings', -50_000, null, 'excluded.transfer'],
    ] as const) {
      ledger.transactions.add({
        date,
        description,
        amountPence,
        ...(businessId !== null ? { businessId } : {}),
        ...(categoryId ? { categoryId } : {}),
      });
    }

    await openReview(app, host);
    const joinery = card(app, 'Ashworth Joinery');
    await expect(joinery.getByText(/left out of these figures/)).toBeVisible();
    await expect(joinery).toContainText('1 transaction of this business with no category');
    await expect(joinery).not.toContainText('not yet given a business');
    // An update with nothing recorded asks, instead of "All checks passed".
    const property = card(app, 'UK property');
    await expect(property.getByText(/^Nothing has been recorded for 6 April 2026/)).toBeVisible();
    await expect(property).not.toContainText('All checks passed');
    await shots(app, 'first-hour-review-warnings');

    // Ticked once, still ticked on the next visit.
    const box = joinery
      .getByRole('checkbox', { name: 'I have checked this and the update is right' })
      .first();
    await box.check();
    // The link goes to exactly the rows the warning means.
    await joinery
      .getByRole('link', { name: 'Show the uncategorised record of this business' })
      .click();
    await app.getByRole('heading', { level: 1, name: 'Records' }).waitFor();
    await expect(app.getByText('Showing records from 6 Apr 2026 to 5 Oct 2026.')).toBeVisible();
    const grid = app.getByRole('grid', { name: 'Records' });
    await expect(grid.getByText('Card payment, unclear')).toBeVisible();
    await expect(grid.getByText('Supermarket')).toHaveCount(0);
    await expect(grid.getByText('Kitchen fit, Mrs Patel')).toHaveCount(0);
    await openReview(app, host);
    await expect(
      card(app, 'Ashworth Joinery')
        .getByRole('checkbox', { name: 'I have checked this and the update is right' })
        .first(),
    ).toBeChecked();

    // Approve both and sync: the accepted card asks nothing more.
    for (const name of ['Ashworth Joinery', 'UK property']) {
      const c = card(app, name);
      for (const b of await c
        .getByRole('checkbox', { name: 'I have checked this and the update is right' })
        .all())
        await b.check();
      await c.getByRole('button', { name: 'Approve this update' }).click();
      await expect(c.getByText('It is in the outbox')).toBeVisible();
    }
    await openReview(app, host, 'sync');
    await app.getByRole('button', { name: 'Sync now' }).click();
    await expect(app.locator('.sync-result')).toContainText('2 of 2 updates accepted by HMRC.');
    await expect(app.getByText(/on the Receipts tab, per profile/)).toBeVisible();
    await openReview(app, host);
    const accepted = card(app, 'Ashworth Joinery');
    await expect(accepted.getByText(/HMRC accepted this update\./)).toBeVisible();
    await expect(accepted.getByRole('checkbox')).toHaveCount(0);
    await expect(accepted).not.toContainText('Check this before approving');

    // The estimate: after reliefs, what it is based on, per business, Ledgerlink's projection.
    await openReview(app, host, 'estimate');
    const estimate = app.getByRole('region', { name: 'Tax estimate from HMRC' });
    await expect(estimate.getByText('Estimated Income Tax (after reliefs)')).toBeVisible();
    await expect(estimate.getByText('What HMRC’s figure is based on')).toBeVisible();
    await expect(
      estimate.getByRole('table', { name: 'Profit so far, per business' }),
    ).toContainText('Ashworth Joinery');
    const projection = estimate.getByRole('region', {
      name: 'Ledgerlink’s projection to the end of the year',
    });
    await expect(projection).toContainText('Not HMRC’s figure');
    await expect(projection.getByText('Set aside by now')).toBeVisible();
    await projection.getByText('How the set-aside figure was worked out').click();
    await expect(projection).toContainText('days of the tax year');
    await shots(app, 'first-hour-estimate');
  },
);

test('the NINO hint’s own example is accepted, and a shortcut clears the old error', async ({
  app,
}) => {
  const main = app.getByRole('main');
  await app.getByLabel('I’m self-employed or a landlord').check();
  await main.getByRole('button', { name: 'Continue' }).click();
  await expect(app.getByText(`For example, ${NINO_EXAMPLE}.`)).toBeVisible();
  await app.getByLabel('Your full name').fill('Sam Taylor');
  await app.getByLabel('Your National Insurance number').fill('QQ 12 34 56 C');
  await main.getByRole('button', { name: 'Continue' }).click();
  await expect(app.getByText(/never start with Q/)).toBeVisible();
  // The test-person shortcut fills a valid number: the error about the old one goes.
  await app.getByRole('button', { name: /^Use Alice Ashworth/ }).click();
  await expect(app.getByText(/never start with Q/)).toHaveCount(0);
  await expect(app.getByLabel('Your National Insurance number')).not.toHaveAttribute(
    'aria-invalid',
    'true',
  );
  // The hint's example goes through.
  await app.getByLabel('Your National Insurance number').fill(NINO_EXAMPLE);
  await main.getByRole('button', { name: 'Continue' }).click();
  await expect(app.getByRole('heading', { name: 'Link your HMRC sign-in' })).toBeVisible();
});

test('a header-only statement says it has no rows; fixing a bad date keeps amount and direction', async ({
  app,
  host,
}) => {
  const profileId = await samsProfile(host);
  host.services.profiles
    .ledger(profileId)
    .businesses.create({ name: 'Taylor Joinery', kind: 'self-employment' });
  const dir = tempFolder();
  await openRecords(app, host, 'import');
  host.queueChosenFile(writeFile(dir, 'lloyds-empty.csv', `${LLOYDS_HEADER}\r\n`));
  await app.getByRole('button', { name: 'Choose a bank statement…' }).click();
  await expect(
    app.getByText('lloyds-empty.csv has no rows of transactions: it holds only a header line.'),
  ).toBeVisible();
  await expect(app.getByRole('heading', { name: 'Step 2 of 4: match the columns' })).toHaveCount(0);
  await shots(app, 'first-hour-csv-no-rows');

  const statement = [
    LLOYDS_HEADER,
    lloydsRow('01/04/2026', 'DEB', 'TIMBER YARD', '120.00', '', '880.00'),
    lloydsRow('31/13/2026', 'FPI', 'CLIENT PAYMENT MRS PATEL', '', '450.00', '1330.00'),
    lloydsRow('03/04/2026', 'DEB', 'FUEL', '40.00', '', '1290.00'),
  ].join('\r\n');
  host.queueChosenFile(writeFile(dir, 'lloyds-bad-date.csv', `${statement}\r\n`));
  await app.getByRole('button', { name: 'Choose a bank statement…' }).click();
  await expect(app.getByRole('heading', { name: 'Step 2 of 4: match the columns' })).toBeVisible();
  await app.getByRole('button', { name: 'Check the whole file' }).click();
  await app.getByRole('button', { name: 'Fix line 3' }).click();
  const fix = app.getByRole('group', { name: 'Fix line 3' });
  await expect(fix.getByLabel('Amount (£)')).toHaveValue('450.00');
  await expect(fix.getByLabel('Money')).toHaveValue('in');
  await expect(fix.getByLabel('Description')).toHaveValue('CLIENT PAYMENT MRS PATEL');
  await shots(app, 'first-hour-fix-row');
});
