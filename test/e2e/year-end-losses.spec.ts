import type { Page } from '@playwright/test';
import { SEEDED } from '../../src/practice/server';
import { bothSchemes, expect, testAtReferenceTime } from './fixtures';
import { linkPracticeAccount } from './support/link-practice-account';

/**
 * Losses and accounting adjustments on screen (reference §5.5–5.6): Rhys's bike shop made a
 * £3,000 loss in 2025-26. He asks HMRC for the year's calculation, opens Losses from the
 * checklist, sees the loss HMRC worked out, reads what each way of using it does and keeps it
 * for later years (by keyboard); then, on Accounting adjustments, asks HMRC for the adjustable
 * summary, corrects a line with a reason and sees HMRC's summary before and after. Screenshots
 * light and dark; axe on each screen.
 */
const NOW = '2026-06-15T10:00:00Z';
const TAX_YEAR = '2025-26';
const RHYS = SEEDED.lossMade;

const lossesTest = testAtReferenceTime(NOW, { calculationDelayMs: 300 });

const open = (app: Page, screen: string, profileId: string) =>
  app.evaluate(([s, p, t]) => (window.location.hash = `#/year-end/${s}/${p}/${t}`), [
    screen,
    profileId,
    TAX_YEAR,
  ] as const);

lossesTest.describe('year end: losses and accounting adjustments', () => {
  lossesTest('a loss kept for later years, then an adjustment', async ({ app, host }) => {
    const { accountId } = await linkPracticeAccount(app, host, {
      user: { userId: RHYS.userId, password: RHYS.password, kind: 'individual' },
    });
    const profile = await host.services.profiles.create({
      kind: 'self',
      name: 'Rhys Rowlands',
      nino: RHYS.nino,
      accountId,
      activate: true,
    });
    await host.services.profiles.refresh(profile.id);

    // The loss comes from HMRC's calculation of the year, so Rhys asks for it first.
    await open(app, 'calculation', profile.id);
    await app.getByRole('button', { name: 'Ask HMRC for the final calculation' }).click();
    await expect(app.getByRole('heading', { name: 'The calculation to declare' })).toBeVisible();

    await open(app, 'checklist', profile.id);
    const row = app.locator('tr[data-item="losses"]');
    await expect(row).toContainText('If a business made a loss');
    await row.getByRole('link', { name: 'See losses' }).click();
    await expect(app.getByRole('heading', { level: 1 })).toHaveText(`Losses for ${TAX_YEAR}`);
    const bikes = app.getByRole('region', { name: 'Rowlands Bikes' });
    await expect(bikes).toContainText('a loss of £3,000.00');
    const keep = bikes.getByRole('radio', { name: 'Keep it for later years' });
    await expect(keep).toHaveAccessibleDescription(/Next year’s taxable profit/);
    const sideways = bikes.getByRole('radio', { name: 'Set it against this year’s other income' });
    await expect(sideways).toHaveAccessibleDescription(/this year’s tax goes down/);
    await expect(
      bikes.getByRole('radio', { name: 'Set it against last year’s income' }),
    ).toBeDisabled();
    await bothSchemes(app, 'year-end-losses');

    // By keyboard: arrows move between the ways, Enter sends for review, then to HMRC.
    await keep.focus();
    await app.keyboard.press('ArrowDown');
    await expect(sideways).toBeChecked();
    await app.keyboard.press('ArrowUp');
    await expect(keep).toBeChecked();
    const useLoss = bikes.getByRole('form', { name: 'Use this year’s loss' });
    await expect(useLoss).toContainText('HMRC takes the whole loss this way (£3,000.00)');
    await useLoss.getByRole('button', { name: /Review and send/ }).focus();
    await app.keyboard.press('Enter');
    const dialog = app.getByRole('dialog', { name: 'Send this to HMRC?' });
    await expect(dialog).toContainText('keep it for later years');
    await bothSchemes(app, 'year-end-losses-confirm');
    await dialog.getByRole('button', { name: 'Send to HMRC' }).focus();
    await app.keyboard.press('Enter');
    await expect(app.getByRole('status').filter({ hasText: 'HMRC accepted it' })).toBeVisible();
    await expect(bikes.locator('dl')).toContainText('Keep it for later years');
    await expect(bikes).toContainText('HMRC has your choice for this year’s loss');
    await expect(bikes.getByRole('form', { name: 'Use this year’s loss' })).toHaveCount(0);
    await bothSchemes(app, 'year-end-losses-accepted');

    // Accounting adjustments: the summary to adjust, a line changed with a reason, before/after.
    await open(app, 'checklist', profile.id);
    await app
      .locator('tr[data-item="adjustments"]')
      .getByRole('link', { name: 'Make accounting adjustments' })
      .click();
    await expect(app.getByRole('heading', { level: 1 })).toHaveText(
      `Accounting adjustments for ${TAX_YEAR}`,
    );
    await expect(app.getByRole('table', { name: /HMRC’s summary/ })).toContainText('£8,000.00');
    await bothSchemes(app, 'year-end-adjustments-start');
    await app.getByRole('button', { name: 'Ask HMRC for the adjustable summary' }).click();
    const lineChoice = app.getByLabel('Line to adjust');
    await lineChoice.selectOption({ label: 'Cost of goods' });
    await expect(lineChoice).toHaveAccessibleDescription('In HMRC’s summary now: £11,000.00.');
    // By keyboard from the line: Tab to the amount, Tab to the reason, Enter to review.
    await lineChoice.focus();
    await app.keyboard.press('Tab');
    await expect(app.getByLabel('Amount to add (£)')).toBeFocused();
    await app.keyboard.type('-500');
    await app.keyboard.press('Tab');
    await expect(app.getByLabel('Why you are making it')).toBeFocused();
    await app.keyboard.type('A stock invoice was entered twice');
    await bothSchemes(app, 'year-end-adjustments-form');
    await app.keyboard.press('Enter');
    const confirm = app.getByRole('dialog', { name: 'Send this adjustment to HMRC?' });
    await expect(confirm).toContainText('A stock invoice was entered twice');
    await expect(confirm).toContainText('take away £500.00');
    await bothSchemes(app, 'year-end-adjustments-confirm');
    await confirm.getByRole('button', { name: 'Send to HMRC' }).click();
    await expect(
      app.getByRole('status').filter({ hasText: 'HMRC accepted the adjustment' }),
    ).toBeVisible();
    const table = app.getByRole('table', { name: /HMRC’s summary/ });
    await expect(table.getByRole('row', { name: /Taxable loss/ })).toContainText('£3,000.00');
    await expect(table.getByRole('row', { name: /Taxable loss/ })).toContainText('£2,500.00');
    await expect(app.getByRole('button', { name: 'Ask HMRC for a new summary' })).toBeVisible();
    await bothSchemes(app, 'year-end-adjustments-after');
  });
});
