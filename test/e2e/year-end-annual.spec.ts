import { SEEDED } from '../../src/practice/server';
import { bothSchemes, expect, screenshot, testAtReferenceTime } from './fixtures';
import { linkPracticeAccount } from './support/link-practice-account';

/**
 * The year end, first half, end to end against Practice HMRC: a sole trader and landlord
 * (Alice, every 2025-26 update sent) opens the year-end checklist for 2025-26, enters the
 * joinery business's annual figures (the trading allowance refused while HMRC's cumulative
 * update claims expenses; a laptop from the records used as the Annual Investment Allowance),
 * approves them into the outbox, syncs, and sees the checklist tick them off.
 */
const REFERENCE_NOW = '2026-11-20T10:00:00Z';
const alice = SEEDED.individualA;

const yearEndTest = testAtReferenceTime(REFERENCE_NOW, { calculationDelayMs: 300 });

yearEndTest.describe('year end: checklist and annual figures', () => {
  yearEndTest(
    'a sole trader and landlord sends the 2025-26 annual figures from the checklist',
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
      ledger.transactions.add({
        date: '2025-09-10',
        description: 'Laptop for the workshop',
        amountPence: -120_000,
        businessId: se.id,
        categoryId: 'se.otherExpenses',
      });
      ledger.transactions.add({
        date: '2025-05-02',
        description: 'Kitchen fit, Mr Jones',
        amountPence: 900_000,
        businessId: se.id,
        categoryId: 'se.turnover',
      });

      // The checklist, from the profile page's link.
      await app
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('link', { name: 'Profiles' })
        .click();
      await app.evaluate(
        (hash) => (window.location.hash = hash),
        `#/year-end/checklist/${profile.id}/2025-26`,
      );
      await expect(app.getByRole('heading', { level: 1, name: 'Year end 2025-26' })).toBeVisible();
      const annualRow = app.locator(`tr[data-item="annual-${se.id}"]`);
      await expect(annualRow).toHaveAttribute('data-status', 'to-do');
      await expect(app.locator('tr[data-item="final-declaration"]')).toContainText(
        '31 January 2027',
      );
      await bothSchemes(app, 'year-end-checklist');

      // Annual figures for the joinery business.
      await annualRow.getByRole('link', { name: 'Enter the annual figures' }).click();
      await expect(
        app.getByRole('heading', { level: 1, name: 'Annual figures for 2025-26' }),
      ).toBeVisible();
      await expect(app.getByText('Laptop for the workshop')).toBeVisible();
      await expect(app.getByText(/more than the trading allowance/)).toBeVisible();
      await bothSchemes(app, 'year-end-annual-form');

      // The trading allowance while HMRC's cumulative update claims expenses: refused, with the way out.
      await app.getByLabel(/Trading allowance \(instead of expenses\)/).fill('1000');
      await app.getByRole('button', { name: 'Review these figures' }).click();
      await expect(
        app.getByText(/Claiming the trading allowance means no other expenses/),
      ).toBeVisible();
      await expect(app.getByText(/First amend the last cumulative update/)).toBeVisible();
      await expect(app.getByRole('button', { name: 'Approve for sending' })).toBeDisabled();
      await bothSchemes(app, 'year-end-annual-allowance-refused');

      // Instead: the laptop as the Annual Investment Allowance, and goods taken for own use.
      await app.getByLabel(/Trading allowance \(instead of expenses\)/).fill('');
      await app
        .getByRole('button', { name: 'Use £1,200.00 as the Annual Investment Allowance' })
        .click();
      await expect(app.getByLabel(/^Annual Investment Allowance/)).toHaveValue('1200.00');
      await app.getByLabel(/Goods or services taken for your own use/).fill('150');
      await app.getByRole('button', { name: 'Review these figures' }).click();
      const review = app.getByRole('region', { name: 'Review before approving' });
      await expect(
        review.getByText('HMRC holds no annual figures for this business and year yet.'),
      ).toBeVisible();
      await expect(review.locator('tr', { hasText: 'Annual Investment Allowance' })).toContainText(
        '£1,200.00',
      );
      await expect(review.getByText(/All checks passed/)).toBeVisible();
      await review.getByText('The exact JSON HMRC will receive').click();
      await expect(review.getByLabel('The JSON that will be sent')).toContainText(
        '"annualInvestmentAllowance": 1200',
      );
      await review.getByRole('button', { name: 'Approve for sending' }).click();
      await expect(
        review.getByText(/Approved\. The annual figures wait in the outbox/),
      ).toBeVisible();
      await bothSchemes(app, 'year-end-annual-approved');

      // Sync from the outbox, then the checklist shows them sent.
      await review.getByRole('link', { name: 'Open the outbox and sync' }).click();
      await app.getByRole('button', { name: 'Sync now' }).click();
      await expect(app.locator('.sync-result')).toContainText('1 of 1');
      await app.evaluate(
        (hash) => (window.location.hash = hash),
        `#/year-end/checklist/${profile.id}/2025-26`,
      );
      await expect(app.locator(`tr[data-item="annual-${se.id}"]`)).toHaveAttribute(
        'data-status',
        'done',
      );
      await screenshot(app, 'year-end-checklist-after-sync-light');
    },
  );
});
