import { SEEDED } from '../../src/practice/server';
import { bothSchemes, expect, testAtReferenceTime } from './fixtures';
import { linkPracticeAccount } from './support/link-practice-account';

/**
 * Income sources as HMRC sees them, end to end: the ITSA status on the profile (an "annual"
 * customer: no quarterly updates, the final declaration still due), and that customer's update
 * reviewed with the rule that sends it without dates. Screenshots light and dark; axe.
 */
const REFERENCE_NOW = '2026-11-20T10:00:00Z';
const harri = SEEDED.annualStatus;

const sourcesTest = testAtReferenceTime(REFERENCE_NOW, { calculationDelayMs: 300 });

sourcesTest.describe('income sources as HMRC sees them', () => {
  sourcesTest(
    'an annual customer: the ITSA status on the profile, and an update without dates',
    async ({ app, host }) => {
      const { accountId } = await linkPracticeAccount(app, host, {
        user: { userId: harri.userId, password: harri.password, kind: 'individual' },
      });
      const profile = await host.services.profiles.create({
        kind: 'self',
        name: 'Harri Hughes',
        nino: harri.nino,
        accountId,
        activate: true,
      });
      await host.services.profiles.refresh(profile.id);

      await app
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('link', { name: 'Profiles' })
        .click();
      const status = app.getByRole('region', { name: 'Making Tax Digital status' });
      await expect(status).toBeVisible();
      const thisYear = status.locator('[data-itsa-year="2026-27"]');
      await expect(thisYear).toHaveAttribute('data-itsa-status', 'Annual');
      await expect(thisYear).toContainText('Reports once a year');
      await expect(thisYear).toContainText('No quarterly updates are due');
      await expect(thisYear).toContainText('final declaration is still due');
      await expect(status).toContainText('Status last checked with HMRC');
      // No quarters to choose for someone who does not report quarterly.
      await expect(app.locator(`tr[data-business="${harri.businessId}"]`)).toContainText(
        'No quarterly updates are due for 2026-27',
      );
      await status.scrollIntoViewIfNeeded();
      await bothSchemes(app, 'sources-itsa-status');

      const ledger = host.services.profiles.ledger(profile.id);
      const hedging = ledger.businesses.findByHmrcId(harri.businessId)!;
      ledger.transactions.add({
        date: '2026-05-14',
        description: 'Hedge laying, Ty Mawr farm',
        amountPence: 640_000,
        businessId: hedging.id,
        categoryId: 'se.turnover',
      });
      ledger.transactions.add({
        date: '2026-06-02',
        description: 'Chainsaw service',
        amountPence: -18_500,
        businessId: hedging.id,
        categoryId: 'se.maintenanceCosts',
      });
      await app
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('link', { name: 'Review & sync' })
        .click();
      const update = app.locator('article[data-business="Hughes Hedging"]');
      const rule = update.locator('[data-dates-rule="itsa-status"]');
      await expect(rule).toContainText('Sent without dates:');
      await expect(rule).toContainText('“Annual”');
      await update.getByText('The exact JSON HMRC will receive').click();
      await expect(update.getByLabel('The JSON that will be sent')).not.toContainText(
        'periodDates',
      );
      await rule.scrollIntoViewIfNeeded();
      await bothSchemes(app, 'sources-review-without-dates');
    },
  );
});
