import type { Page } from '@playwright/test';
import { RETURN_SEEDED } from '../../src/practice/state/seed-return';
import { bothSchemes, expect, testAtReferenceTime } from './fixtures';
import { linkPracticeAccount } from './support/link-practice-account';

/**
 * The rest of the return on screen: Priya enters her savings interest (HMRC's account and a
 * new one) and her Gift Aid, reviews and approves them, and Sync now sends them; the year-end
 * checklist asks about income Ledgerlink does not cover and names what applies, with where to
 * report it, before the declaration. Screenshots light and dark; axe on each screen.
 */
const NOW = '2026-06-15T10:00:00Z';
const TAX_YEAR = '2025-26';
const PRIYA = RETURN_SEEDED.savingsAndDividends;

const otherIncomeTest = testAtReferenceTime(NOW);

const open = (app: Page, screen: string, profileId: string) =>
  app.evaluate(([s, p, t]) => (window.location.hash = `#/year-end/${s}/${p}/${t}`), [
    screen,
    profileId,
    TAX_YEAR,
  ] as const);

otherIncomeTest.describe('year end: other income and what Ledgerlink does not cover', () => {
  otherIncomeTest('entering savings and Gift Aid, then Sync now', async ({ app, host }) => {
    const { accountId } = await linkPracticeAccount(app, host, {
      user: { userId: PRIYA.userId, password: PRIYA.password, kind: 'individual' },
    });
    const profile = await host.services.profiles.create({
      kind: 'self',
      name: 'Priya Patel',
      nino: PRIYA.nino,
      accountId,
      activate: true,
    });
    await host.services.profiles.refresh(profile.id);

    await open(app, 'checklist', profile.id);
    const row = app.locator('tr[data-item="other-income"]');
    await expect(row).toContainText(
      'Savings interest, dividends, pension contributions and Gift Aid',
    );
    await row.getByRole('link', { name: 'Enter other income and reliefs' }).click();
    await expect(app.getByRole('heading', { level: 1 })).toHaveText(
      `Other income and reliefs for ${TAX_YEAR}`,
    );

    await app.getByRole('button', { name: 'Get my accounts from HMRC' }).click();
    await expect(app.getByRole('heading', { name: 'Harbour Saver' })).toBeVisible();
    const harbour = app.locator('section.savings-account', { hasText: 'Harbour Saver' });
    await harbour.getByLabel(/Interest paid without tax taken off/).fill('1,850.00');
    await harbour.getByRole('button', { name: 'Review UK savings interest' }).click();
    await expect(harbour.getByRole('region', { name: 'Review UK savings interest' })).toContainText(
      'untaxedUkInterest',
    );
    await harbour.getByRole('button', { name: 'Approve and add to the outbox' }).click();
    await expect(app.getByRole('status').filter({ hasText: 'Approved.' })).toBeVisible();

    await app.getByLabel(/Add an account/).fill('Rainy Day Saver');
    await app.getByRole('button', { name: 'Add the account' }).click();
    await expect(app.getByRole('heading', { name: 'Rainy Day Saver' })).toBeVisible();
    await expect(
      app.locator('section.savings-account', { hasText: 'Rainy Day Saver' }),
    ).toContainText('Adding it to HMRC is approved and waits for Sync now.');

    const gift = app.locator('section.card', {
      has: app.getByRole('heading', { name: 'Gift Aid and gifts to charity' }),
    });
    await gift.getByLabel(/^Gift Aid donations in the year/).fill('800');
    await gift.getByLabel(/^Of which one-off donations/).fill('200');
    await gift.getByRole('button', { name: 'Review Gift Aid and gifts to charity' }).click();
    await expect(gift.getByRole('region')).toContainText('£800.00');
    await bothSchemes(app, 'year-end-other-income-review');
    await gift.getByRole('button', { name: 'Approve and add to the outbox' }).click();
    await expect(app.getByTestId('other-income-waiting')).toContainText('3 approved changes wait');
    await bothSchemes(app, 'year-end-other-income');

    // Sync now sends them with the quarterly updates (there are none left for Priya).
    await app.evaluate(() => (window.location.hash = '#/review/sync'));
    await app
      .getByRole('button', { name: /Sync now/ })
      .first()
      .click();
    // The run's own verdict first: everything it sent, accepted.
    await expect(app.locator('.sync-result')).toContainText(/\b(\d+) of \1\b/);
    await open(app, 'other-income', profile.id);
    await expect(app.getByRole('table', { name: 'What HMRC accepted' })).toContainText(
      'Gift Aid and gifts to charity',
    );
    await expect(app.getByTestId('other-income-waiting')).toHaveCount(0);
  });

  otherIncomeTest(
    'the checklist names what Ledgerlink does not cover, before the declaration',
    async ({ app, host }) => {
      const { accountId } = await linkPracticeAccount(app, host, {
        user: { userId: PRIYA.userId, password: PRIYA.password, kind: 'individual' },
      });
      const profile = await host.services.profiles.create({
        kind: 'self',
        name: 'Priya Patel',
        nino: PRIYA.nino,
        accountId,
        activate: true,
      });
      await host.services.profiles.refresh(profile.id);
      await open(app, 'checklist', profile.id);
      const panel = app.getByRole('region', { name: 'Income Ledgerlink does not cover' });
      await expect(panel).toBeVisible();
      await expect(app.locator('tr[data-item="not-covered"]')).toContainText('To do');
      const questions = panel.locator('li[data-topic]');
      const count = await questions.count();
      for (let i = 0; i < count; i += 1) {
        const q = questions.nth(i);
        const topic = await q.getAttribute('data-topic');
        await q.getByLabel(topic === 'capital-gains' ? 'Yes' : 'No', { exact: true }).click();
        await expect(
          q.getByLabel(topic === 'capital-gains' ? 'Yes' : 'No', { exact: true }),
        ).toBeChecked();
      }
      const applies = panel.getByTestId('not-covered-applies');
      await expect(applies).toContainText('Capital gains');
      await expect(applies).toContainText('report and pay Capital Gains Tax on UK property');
      await bothSchemes(app, 'year-end-not-covered');

      await open(app, 'declaration', profile.id);
      const named = app.getByTestId('declaration-not-covered');
      await expect(named).toContainText('Capital gains');
      await expect(named).toContainText('The declaration waits until you confirm on the checklist');
      await bothSchemes(app, 'year-end-declaration-not-covered');

      await open(app, 'checklist', profile.id);
      await app.getByLabel(/I have reported all of the above to HMRC another way/).check();
      await app.getByRole('button', { name: 'Confirm' }).click();
      await expect(panel.getByRole('status')).toContainText(
        'that you have reported them another way',
      );
      await expect(app.locator('tr[data-item="not-covered"]')).toContainText('Done');
    },
  );
});
