import type { Page } from '@playwright/test';
import { SEEDED } from '../../src/practice/server';
import { expect, expectNoA11yViolations, screenshot, testAtReferenceTime } from './fixtures';
import { linkPracticeAccount } from './support/link-practice-account';

/**
 * The review, dense enough to read: an update is compact by default, HMRC's field names hide
 * behind "Show HMRC's names", and both choices are remembered on the next visit.
 */
const REFERENCE_NOW = '2026-11-20T10:00:00Z';
const alice = SEEDED.individualA;

const reviewTest = testAtReferenceTime(REFERENCE_NOW);

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
    // How tall the compact card is at 1280×800, from its heading to its Approve button (a
    // figure for the report, not a pass mark: the goal is one screen).
    const box = await joinery.boundingBox();
    reviewTest.info().annotations.push({
      type: 'compact update card height',
      description: `${Math.round(box!.height)} px`,
    });
    await shots(app, 'review-compact');

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
