import type { Page } from '@playwright/test';
import { SEEDED } from '../../src/practice/server';
import { bothSchemes, expect, testAtReferenceTime } from './fixtures';
import { linkPracticeAccount } from './support/link-practice-account';
import { approveUpdateCard } from './support/approve-update';

/**
 * A complete year, one person, in the browser against Practice HMRC (issue "Done when": a
 * person with self-employment, UK and foreign property, savings and dividends, pension
 * contributions, Gift Aid and a loss declares a complete year; anything else is named first).
 *
 * Sofia (Practice HMRC's `completeYear`) links. HMRC already holds her two property businesses'
 * four 2025-26 updates and her trade's first three (Practice's seeded state); her trade's records
 * for the year are in Ledgerlink, and she sends the year's final cumulative update from them.
 * She enters annual figures for each business, her savings interest, dividends, a pension
 * contribution and Gift Aid, syncs, brings in her unused 2024-25 trading loss, answers the
 * checklist's questions about income Ledgerlink does not cover, asks HMRC for the final
 * calculation, checks it, declares and sees the receipt. Screenshots light and dark; axe.
 *
 * The figures HMRC (Practice) should give, worked by hand with 2025-26's rates:
 * - trade: £38,000 sales − £8,300 costs + £150 goods taken = £29,850; less the £4,000 loss
 *   brought forward = £25,850.
 * - UK property: £12,000 rent − £2,000 costs − £300 domestic items = £9,700 (finance costs
 *   £3,000 get 20% relief: £600).
 * - Spain: £6,000 rent − £1,000 costs − £200 domestic items = £4,800 (£600 Spanish tax: credit
 *   £600, below the £960 UK tax on it).
 * - savings £1,200, dividends £2,500; total income £44,050; Personal Allowance £12,570.
 * - the basic rate band widened by gross pension (£1,600 → £2,000) and Gift Aid (£400 → £500).
 * - Income Tax: £27,780 × 20% = £5,556; savings £200 over the £1,000 allowance × 20% = £40;
 *   dividends £2,000 over the £500 allowance × 8.75% = £175; charged £5,771; less £600
 *   finance cost relief and £600 foreign tax credit = £4,571.
 * - Class 4: (£25,850 − £12,570) × 6% = £796.80. Total £5,367.80.
 */
const NOW = '2026-06-15T10:00:00Z';
const TAX_YEAR = '2025-26';
const SOFIA = SEEDED.completeYear;

const completeTest = testAtReferenceTime(NOW, { calculationDelayMs: 300 });

const open = (app: Page, screen: string, profileId: string) =>
  app.evaluate(([s, p, t]) => (window.location.hash = `#/year-end/${s}/${p}/${t}`), [
    screen,
    profileId,
    TAX_YEAR,
  ] as const);

async function syncNow(app: Page, expected: RegExp) {
  await app
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Review & sync' })
    .click();
  await app
    .getByRole('navigation', { name: 'Review and sync' })
    .getByRole('link', { name: 'Outbox and sync' })
    .click();
  await app.getByRole('button', { name: 'Sync now' }).click();
  await expect(app.locator('.sync-result')).toContainText(expected);
}

/** Annual figures for one business, from its checklist row to approved in the outbox. */
async function annualFigures(
  app: Page,
  profileId: string,
  businessId: number,
  fill: (app: Page) => Promise<void>,
) {
  await open(app, 'checklist', profileId);
  await app
    .locator(`tr[data-item="annual-${businessId}"]`)
    .getByRole('link', { name: 'Enter the annual figures' })
    .click();
  await expect(app.getByRole('heading', { level: 1 })).toHaveText(`Annual figures for ${TAX_YEAR}`);
  await fill(app);
  await app.getByRole('button', { name: 'Review these figures' }).click();
  const review = app.getByRole('region', { name: 'Review before approving' });
  await expect(review.getByText(/All checks passed/)).toBeVisible();
  await review.getByRole('button', { name: 'Approve for sending' }).click();
  await expect(review.getByText(/Approved\. The annual figures wait in the outbox/)).toBeVisible();
}

/** One section of the other income screen: fill, review, approve. */
async function otherIncome(app: Page, title: string, values: [RegExp, string][]) {
  const section = app.locator('section.card', { has: app.getByRole('heading', { name: title }) });
  for (const [label, value] of values) await section.getByLabel(label).fill(value);
  await section.getByRole('button', { name: `Review ${title}` }).click();
  await section.getByRole('button', { name: 'Approve and add to the outbox' }).click();
  await expect(section.getByRole('button', { name: 'Approve and add to the outbox' })).toHaveCount(
    0,
  );
}

completeTest.describe('year end: a complete year, one person', () => {
  completeTest('three businesses, other income, a loss: declared', async ({ app, host }) => {
    const { accountId } = await linkPracticeAccount(app, host, {
      user: { userId: SOFIA.userId, password: SOFIA.password, kind: 'individual' },
    });
    const profile = await host.services.profiles.create({
      kind: 'self',
      name: 'Sofia Sandoval',
      nino: SOFIA.nino,
      accountId,
      activate: true,
    });
    await host.services.profiles.refresh(profile.id);
    const ledger = host.services.profiles.ledger(profile.id);
    const trade = ledger.businesses.findByHmrcId(SOFIA.selfEmploymentId)!;
    const uk = ledger.businesses.findByHmrcId(SOFIA.ukPropertyId)!;
    const spain = ledger.businesses.findByHmrcId(SOFIA.foreignPropertyId)!;

    // The trade's records for the year (adding and importing records is tested elsewhere).
    for (const [date, description, amountPence, categoryId] of [
      ['2025-05-10', 'Board sales, spring', 1_400_000, 'se.turnover'],
      ['2025-08-20', 'Board sales, summer', 1_650_000, 'se.turnover'],
      ['2026-02-14', 'Board sales, winter', 750_000, 'se.turnover'],
      ['2025-06-02', 'Foam blanks and resin', -700_000, 'se.costOfGoods'],
      ['2025-11-30', 'Accountant and phone', -130_000, 'se.adminCosts'],
    ] as const)
      ledger.transactions.add({ date, description, amountPence, businessId: trade.id, categoryId });

    // The trade's final update for the year, from those records.
    await app
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Review & sync' })
      .click();
    // (Her 2026-27 first quarter is listed too; it is not due yet.)
    const update = app
      .locator('article[data-business="Sandoval Surfboards"]')
      .filter({ hasText: 'tax year 2025-26' });
    await approveUpdateCard(update);

    // Annual figures for each business.
    await annualFigures(app, profile.id, trade.id, async (page) => {
      await page.getByLabel(/Goods or services taken for your own use/).fill('150');
    });
    await annualFigures(app, profile.id, uk.id, async (page) => {
      await page.getByLabel(/^Replacing domestic items/).fill('300');
    });
    await annualFigures(app, profile.id, spain.id, async (page) => {
      await page
        .getByRole('group', { name: /ESP|Spain/ })
        .getByLabel(/^Replacing domestic items/)
        .fill('200');
    });

    // Savings interest, dividends, a pension contribution and Gift Aid.
    await open(app, 'other-income', profile.id);
    await app.getByRole('button', { name: 'Get my accounts from HMRC' }).click();
    const saver = app.locator('section.savings-account', { hasText: 'Seaside Saver' });
    await saver.getByLabel(/Interest paid without tax taken off/).fill('1,200.00');
    await saver.getByRole('button', { name: 'Review UK savings interest' }).click();
    await saver.getByRole('button', { name: 'Approve and add to the outbox' }).click();
    await expect(app.getByRole('status').filter({ hasText: 'Approved.' })).toBeVisible();
    await otherIncome(app, 'UK dividends', [[/^Dividends from UK companies/, '2,500']]);
    await otherIncome(app, 'Pension contributions', [
      [/^Regular payments into personal or stakeholder pensions/, '1,600'],
    ]);
    await otherIncome(app, 'Gift Aid and gifts to charity', [
      [/^Gift Aid donations in the year/, '400'],
    ]);
    await expect(app.getByTestId('other-income-waiting')).toContainText('4 approved changes wait');

    // One Sync now sends the quarterly update, the three annual submissions and the other income.
    await syncNow(app, /8 of 8/);

    // The loss from before she joined, brought in against this year's profit.
    await open(app, 'losses', profile.id);
    const surfboards = app.getByRole('region', { name: 'Sandoval Surfboards' });
    await surfboards.getByLabel('Unused loss from earlier years (£)').fill('4,000');
    await surfboards
      .getByRole('form', { name: 'Bring in a loss from an earlier year' })
      .getByRole('button', { name: /Review and send/ })
      .click();
    const dialog = app.getByRole('dialog', { name: 'Send this to HMRC?' });
    await expect(dialog).toContainText('Bring in an unused loss of £4,000.00');
    await dialog.getByRole('button', { name: 'Send to HMRC' }).click();
    await expect(app.getByRole('status').filter({ hasText: 'HMRC accepted it' })).toBeVisible();
    await expect(surfboards.locator('dl')).toContainText('£4,000.00');

    // The checklist's questions about income Ledgerlink does not cover: none applies.
    await open(app, 'checklist', profile.id);
    const panel = app.getByRole('region', { name: 'Income Ledgerlink does not cover' });
    const questions = panel.locator('li[data-topic]');
    await expect(questions.first()).toBeVisible();
    for (const q of await questions.all()) {
      await q.getByLabel('No', { exact: true }).click();
      await expect(q.getByLabel('No', { exact: true })).toBeChecked();
    }
    await expect(app.locator('tr[data-item="not-covered"]')).toContainText('Done');

    // HMRC's final calculation.
    await open(app, 'calculation', profile.id);
    await app.getByRole('button', { name: 'Ask HMRC for the final calculation' }).click();
    await expect(app.getByRole('heading', { name: 'The calculation to declare' })).toBeVisible();
    const income = app.getByRole('table', { name: 'Income' });
    await expect(income).toContainText('Sandoval Surfboards');
    await expect(
      income.getByRole('row', { name: /Brought forward income tax losses used/ }),
    ).toContainText('£4,000.00');
    const spainRows = income.getByRole('row', { name: /Foreign property in ESP/ });
    await expect(spainRows).toContainText('£6,000.00');
    await expect(income).toContainText('£4,800.00');
    await expect(income).toContainText('Seaside Saver');
    await expect(income).toContainText('£1,200.00');
    await expect(income).toContainText('£2,500.00');
    const bands = app.getByRole('table', { name: 'How the tax was worked out' });
    await expect(bands).toContainText('Savings and gains');
    await expect(bands).toContainText('Dividends');
    const due = app.getByRole('table', { name: 'Tax due' });
    await expect(due.getByRole('row', { name: /Income Tax due after reliefs/ })).toContainText(
      '£4,571.00',
    );
    await expect(due.getByRole('row', { name: /Class 4 National Insurance/ })).toContainText(
      '£796.80',
    );
    await expect(
      due.getByRole('row', { name: /Total Income Tax and National Insurance due/ }),
    ).toContainText('£5,367.80');
    await bothSchemes(app, 'year-end-complete-calculation');

    // The declaration and the receipt.
    await app.getByRole('link', { name: 'Go to the declaration' }).click();
    await expect(app.getByRole('heading', { level: 1 })).toHaveText(
      `Final declaration, ${TAX_YEAR}`,
    );
    await expect(
      app.getByText('Total Income Tax and National Insurance due: £5,367.80'),
    ).toBeVisible();
    await expect(app.getByTestId('declaration-not-covered')).toHaveCount(0);
    await bothSchemes(app, 'year-end-complete-declaration');
    await app.getByLabel('I have read HMRC’s statement above and I agree to it').check();
    await app.getByRole('button', { name: 'Record my agreement' }).click();
    await expect(app.getByText(/^Agreed by Sofia Sandoval/)).toBeVisible();
    await app.getByRole('button', { name: 'Send the final declaration to HMRC' }).click();
    await expect(
      app.getByRole('heading', { name: 'Receipt: HMRC has the final declaration' }),
    ).toBeVisible();
    await bothSchemes(app, 'year-end-complete-receipt');
  });
});
