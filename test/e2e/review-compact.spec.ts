import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { SEEDED } from '../../src/practice/server';
import {
  SCREENSHOTS,
  expect,
  expectNoA11yViolations,
  screenshot,
  testAtReferenceTime,
} from './fixtures';
import { linkPracticeAccount } from './support/link-practice-account';

/**
 * The review, dense enough to read: an update is compact by default, HMRC's field names hide
 * behind "Show HMRC's names", and both choices are remembered on the next visit.
 */
const REFERENCE_NOW = '2026-11-20T10:00:00Z';
const alice = SEEDED.individualA;

const reviewTest = testAtReferenceTime(REFERENCE_NOW);

/**
 * Full-screen shots at both sizes in both schemes; with a card, also what is on screen once that
 * card's top is scrolled to the top of the pane (`…-in-view-…`).
 */
async function shots(app: Page, name: string, card?: Locator): Promise<void> {
  for (const [w, h] of [
    [1280, 800],
    [1024, 700],
  ] as const) {
    await app.setViewportSize({ width: w, height: h });
    for (const scheme of ['light', 'dark'] as const) {
      await app.emulateMedia({ colorScheme: scheme });
      await expectNoA11yViolations(app);
      await screenshot(app, `${name}-${w}x${h}-${scheme}`);
      if (card) {
        await fitOnScreen(app, card);
        await app.screenshot({
          path: join(SCREENSHOTS, `${name}-in-view-${w}x${h}-${scheme}.png`),
        });
      }
    }
  }
  await app.setViewportSize({ width: 1280, height: 800 });
  await app.emulateMedia({ colorScheme: 'light' });
}

/**
 * Scrolls the card's top to the top of the app's scrolling pane (the main area under the fixed
 * header) and measures the card against the part of that pane on screen.
 */
async function fitOnScreen(
  app: Page,
  card: Locator,
): Promise<{ cardHeight: number; paneHeight: number }> {
  await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const cardHeight = await card.evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
  // The card keeps 8 px above it when scrolled into view (its scroll margin): count that too.
  const paneHeight = await app.evaluate(() => {
    const pane = document.querySelector('main')!.getBoundingClientRect();
    return Math.floor(Math.min(pane.bottom, window.innerHeight) - Math.max(pane.top, 0) - 8);
  });
  return { cardHeight, paneHeight };
}

reviewTest(
  'an update fits one screen, HMRC’s names only when asked for, and both are remembered',
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
    for (const [date, description, amountPence, categoryId] of [
      ['2026-04-12', 'Kitchen fit, Mrs Patel', 1_820_000, 'se.turnover'],
      ['2026-05-03', 'Timber merchant', -86_050, 'se.costOfGoods'],
      ['2026-06-14', 'Van insurance', -64_000, 'se.carVanTravelExpenses'],
      ['2026-08-22', 'Sash windows, Dr Ahmed', 1_510_000, 'se.turnover'],
      ['2026-09-02', 'Phone and broadband', -4_500, 'se.adminCosts'],
    ] as const) {
      ledger.transactions.add({ date, description, amountPence, businessId: se.id, categoryId });
    }

    await app.goto(`${host.url}#/review`);
    await app.getByRole('heading', { level: 1 }).filter({ hasText: 'Review & sync' }).waitFor();
    const joinery = app.locator('article[data-business="Ashworth Joinery"]');
    await expect(joinery.getByRole('button', { name: 'Approve this update' })).toBeVisible();
    const compact = app.getByRole('switch', { name: 'Compact view' });
    const names = app.getByRole('switch', { name: 'Show HMRC’s names' });
    await expect(compact).toBeChecked();
    await expect(names).not.toBeChecked();
    await expect(joinery.getByText('periodIncome.turnover')).toHaveCount(0);
    // One screen at 1280×800: with the card's top scrolled to the top of the app's scrolling
    // pane (below the fixed header and the Practice banner), all of it is in view, down to the
    // Approve button. At 1024×700 the height is only recorded.
    const fit1280 = await fitOnScreen(app, joinery);
    expect(fit1280.cardHeight).toBeLessThanOrEqual(fit1280.paneHeight);
    await expect(joinery).toBeInViewport({ ratio: 1 });
    await expect(joinery.getByRole('button', { name: 'Approve this update' })).toBeInViewport({
      ratio: 1,
    });
    await app.setViewportSize({ width: 1024, height: 700 });
    const fit1024 = await fitOnScreen(app, joinery);
    await app.setViewportSize({ width: 1280, height: 800 });
    reviewTest.info().annotations.push({
      type: 'compact update card height',
      description: `1280×800: ${fit1280.cardHeight} px in a ${fit1280.paneHeight} px pane; 1024×700: ${fit1024.cardHeight} px in a ${fit1024.paneHeight} px pane`,
    });
    await shots(app, 'review-compact', joinery);

    // What the compact card folds away is one click from where it was.
    await joinery.getByText('Sent with dates:').click();
    await expect(joinery.getByText(/so you report quarterly/)).toBeVisible();
    await joinery.getByText('What to check').click();
    await expect(
      joinery.getByText('Cost of goods went down from £2,310.00 to £860.50.'),
    ).toBeVisible();
    await expect(joinery.getByText(/Check these figures against your records/)).toBeVisible();
    await expectNoA11yViolations(app);
    await screenshot(app, 'review-compact-opened-1280x800-light');

    await names.check();
    await expect(joinery.getByText('periodIncome.turnover')).toBeVisible();
    await compact.uncheck();
    await app.reload();
    await app.getByRole('heading', { level: 1 }).filter({ hasText: 'Review & sync' }).waitFor();
    await expect(app.getByRole('switch', { name: 'Show HMRC’s names' })).toBeChecked();
    await expect(app.getByRole('switch', { name: 'Compact view' })).not.toBeChecked();
    await expect(joinery.getByText('periodIncome.turnover')).toBeVisible();
    await shots(app, 'review-hmrc-names');
  },
);
