import { SEEDED } from '../../src/practice/server';
import { bothSchemes, expect, testAtReferenceTime } from './fixtures';
import { linkPracticeAccount } from './support/link-practice-account';

/**
 * The business facts for a year, end to end against Practice HMRC: Alice's landlord business
 * has more than £150,000 of rents in 2025-26 while HMRC holds the cash basis; from the
 * checklist she sees that it must use traditional accounting before anything is refused, reads
 * what the change means, tells HMRC, and then looks at her joinery business's facts.
 */
const REFERENCE_NOW = '2026-11-20T10:00:00Z';
const alice = SEEDED.individualA;

const factsTest = testAtReferenceTime(REFERENCE_NOW);

factsTest.describe('year end: business facts', () => {
  factsTest(
    'a landlord over the cash-basis limit is told first, then changes to accruals',
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
      const property = ledger.businesses.findByHmrcId(alice.ukPropertyId)!;
      const joinery = ledger.businesses.findByHmrcId(alice.selfEmploymentId)!;
      ledger.transactions.add({
        date: '2025-09-30',
        description: 'Rents, Mill Street flats',
        amountPence: 160_000_00,
        businessId: property.id,
        categoryId: 'ukp.periodAmount',
      });

      await app.evaluate(
        (hash) => (window.location.hash = hash),
        `#/year-end/checklist/${profile.id}/2025-26`,
      );
      await expect(app.getByRole('heading', { level: 1, name: 'Year end 2025-26' })).toBeVisible();
      await app
        .locator(`tr[data-item="facts-${property.id}"]`)
        .getByRole('link', { name: 'Check the business facts' })
        .click();
      await expect(
        app.getByRole('heading', { level: 1, name: 'Business facts for 2025-26' }),
      ).toBeVisible();
      const accounting = app.getByRole('region', { name: 'Accounting type' });
      await expect(accounting.getByText(/HMRC holds Cash basis for 2025-26/)).toBeVisible();
      await expect(
        accounting.getByText('This business must use traditional accounting'),
      ).toBeVisible();
      await expect(accounting.getByText(/£160,000\.00 of income in the year/)).toBeVisible();
      await expect(app.getByRole('region', { name: 'Late accounting date rule' })).toContainText(
        'self-employment only',
      );
      await bothSchemes(app, 'year-end-business-facts-cash-limit');

      await accounting.getByLabel('Traditional accounting (accruals)').check();
      await expect(accounting.getByText(/What changes with traditional accounting/)).toBeVisible();
      await expect(accounting.getByText(/what customers owe you/)).toBeVisible();
      await bothSchemes(app, 'year-end-business-facts-change');
      await accounting
        .getByRole('button', { name: /Tell HMRC: traditional accounting \(accruals\) for 2025-26/ })
        .click();
      await expect(
        app.getByText(/HMRC now holds traditional accounting \(accruals\) for/),
      ).toBeVisible();
      await expect(
        accounting.getByText(/HMRC holds Traditional accounting \(accruals\) for 2025-26/),
      ).toBeVisible();

      // The joinery business: periods of account and the late accounting date rule.
      await app
        .getByRole('navigation', { name: 'Businesses' })
        .getByRole('link', { name: joinery.name })
        .click();
      const ladr = app.getByRole('region', { name: 'Late accounting date rule' });
      await expect(ladr.getByText(/does not affect this business/)).toBeVisible();
      await expect(app.getByRole('region', { name: 'Periods of account' })).toContainText(
        'follow the tax year',
      );
      await bothSchemes(app, 'year-end-business-facts-self-employment');

      // Diagnostics: the declaration receipts beside the submission log (none yet for Alice).
      await app
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('link', { name: 'Diagnostics' })
        .click();
      await app.getByRole('button', { name: 'Check the declaration receipts' }).click();
      const receipts = app.getByRole('table', {
        name: 'Declaration receipts and the result of the check',
      });
      await expect(receipts.locator('tr[data-profile="Alice Ashworth"]')).toContainText('Intact');
      await receipts.scrollIntoViewIfNeeded();
      await bothSchemes(app, 'diagnostics-declaration-receipts');
    },
  );
});
