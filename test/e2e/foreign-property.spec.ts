import { SEEDED } from '../../src/practice/server';
import {
  bothSchemes,
  expect,
  expectNoA11yViolations,
  screenshot,
  testAtReferenceTime,
} from './fixtures';
import { openRecords } from './records-support';
import { linkPracticeAccount } from './support/link-practice-account';
import { approveUpdateCard } from './support/approve-update';

/**
 * Foreign property end to end: a landlord with UK and foreign property (Isla in Practice HMRC)
 * links, the app learns her foreign properties from HMRC, she records French rent and the tax
 * paid in France against the villa and claims foreign tax credit relief on it, reviews the
 * foreign property update (figures per property) and syncs it. Screenshots light and dark; axe.
 */
const REFERENCE_NOW = '2026-11-20T10:00:00Z';
const isla = SEEDED.ukAndForeignLandlord;

const foreignTest = testAtReferenceTime(REFERENCE_NOW, { calculationDelayMs: 300 });

foreignTest.describe('foreign property', () => {
  foreignTest('from records to sync, per property', async ({ app, host }) => {
    const { accountId } = await linkPracticeAccount(app, host, {
      user: { userId: isla.userId, password: isla.password, kind: 'individual' },
    });
    const profile = await host.services.profiles.create({
      kind: 'self',
      name: 'Isla Iqbal',
      nino: isla.nino,
      accountId,
      activate: true,
    });
    await host.services.profiles.refresh(profile.id);

    // The businesses: HMRC's foreign property business and the two properties it lists.
    await openRecords(app, host, 'businesses');
    const table = app.getByRole('table');
    await expect(table).toContainText('Villa des Pins, Antibes');
    await expect(table).toContainText('FRA');
    await expect(table).toContainText('Piso Azul, Valencia');
    await expect(table.getByRole('row', { name: /Piso Azul/ })).toContainText(
      'Kept under Foreign property',
    );
    // Saved first, then shown checked (the box shows what the records hold).
    await app.getByLabel('Claim foreign tax credit relief for Villa des Pins, Antibes').click();
    await expect(
      app.getByLabel('Claim foreign tax credit relief for Villa des Pins, Antibes'),
    ).toBeChecked();
    // Adding a property abroad asks for its country.
    await app.getByLabel('Foreign property', { exact: true }).check();
    await expect(app.getByLabel('Country')).toBeVisible();
    await bothSchemes(app, 'foreign-property-businesses');

    // Records: French rent and the tax paid in France, on the villa.
    await openRecords(app, host);
    for (const [date, description, amount, category] of [
      ['2026-08-01', 'Loyer, Villa des Pins', '£5,100.00', 'Foreign rents'],
      ['2026-09-15', 'Impôt foncier', '£765.00', 'Foreign tax paid'],
    ] as const) {
      await app.getByRole('button', { name: 'Add a transaction' }).click();
      const dialog = app.getByRole('dialog', { name: 'Add a transaction' });
      await dialog.getByLabel('Date').fill(date);
      await dialog.getByLabel('Description').fill(description);
      await dialog.getByLabel('In', { exact: true }).check();
      await dialog.getByLabel('Amount (£)').fill(amount);
      await dialog
        .getByLabel('Business')
        .selectOption({ label: 'Villa des Pins, Antibes (Foreign property)' });
      await dialog.getByLabel('Category').selectOption({ label: category });
      if (description === 'Impôt foncier') {
        await expectNoA11yViolations(app);
        await screenshot(app, 'foreign-property-add-record');
      }
      await dialog.getByRole('button', { name: 'Add the transaction' }).click();
      await expect(dialog).toHaveCount(0);
    }

    // Review: one update for the foreign property business, its lines named per property.
    await app
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Review & sync' })
      .click();
    const update = app
      .locator('article.update-card')
      .filter({ has: app.locator('.update-kind', { hasText: 'Foreign property' }) });
    await expect(update).toContainText('Foreign rents');
    await update.getByText('The exact JSON HMRC will receive').click();
    const json = update.getByLabel('The JSON that will be sent');
    await expect(json).toContainText(isla.propertyIds.france);
    await expect(json).toContainText('"foreignTaxCreditRelief": true');
    await update.scrollIntoViewIfNeeded();
    await bothSchemes(app, 'foreign-property-review');

    await approveUpdateCard(update);

    await app
      .getByRole('navigation', { name: 'Review and sync' })
      .getByRole('link', { name: 'Outbox and sync' })
      .click();
    await app.getByRole('button', { name: 'Sync now' }).click();
    await expect(app.locator('.sync-result')).toContainText('1 of 1 update accepted by HMRC.');
    await app
      .getByRole('navigation', { name: 'Review and sync' })
      .getByRole('link', { name: 'Receipts' })
      .click();
    await expect(app.locator('tr[data-receipt]')).toContainText(['Foreign property']);
    await bothSchemes(app, 'foreign-property-receipts');
  });

  foreignTest('annual figures per property, from the checklist to sync', async ({ app, host }) => {
    const { accountId } = await linkPracticeAccount(app, host, {
      user: { userId: isla.userId, password: isla.password, kind: 'individual' },
    });
    const profile = await host.services.profiles.create({
      kind: 'self',
      name: 'Isla Iqbal',
      nino: isla.nino,
      accountId,
      activate: true,
    });
    await host.services.profiles.refresh(profile.id);
    const foreign = host.services.profiles
      .ledger(profile.id)
      .businesses.findByHmrcId(isla.foreignPropertyId)!;

    // The checklist lists the foreign property business's annual figures.
    await app.evaluate(
      (hash) => (window.location.hash = hash),
      `#/year-end/checklist/${profile.id}/2026-27`,
    );
    const annualRow = app.locator(`tr[data-item="annual-${foreign.id}"]`);
    await expect(annualRow).toContainText('Foreign property');
    await annualRow.getByRole('link', { name: 'Enter the annual figures' }).click();
    await expect(
      app.getByRole('heading', { level: 1, name: 'Annual figures for 2026-27' }),
    ).toBeVisible();

    // One box per property (2026-27: by HMRC property id).
    const villa = app.getByRole('group', { name: 'Villa des Pins, Antibes (FRA)' });
    const flat = app.getByRole('group', { name: 'Piso Azul, Valencia (ESP)' });
    await villa.getByLabel(/^Replacing domestic items/).fill('640');
    await flat.getByLabel(/^Annual Investment Allowance/).fill('1,500');
    await villa.scrollIntoViewIfNeeded();
    await bothSchemes(app, 'foreign-property-annual-form');

    await app.getByRole('button', { name: 'Review these figures' }).click();
    const review = app.getByRole('region', { name: 'Review before approving' });
    await expect(review.getByText(/All checks passed/)).toBeVisible();
    await expect(review).toContainText('Piso Azul, Valencia (ESP): Annual Investment Allowance');
    await review.getByText('The exact JSON HMRC will receive').click();
    const json = review.getByLabel('The JSON that will be sent');
    await expect(json).toContainText(isla.propertyIds.france);
    await expect(json).toContainText('"costOfReplacingDomesticItems": 640');
    await review.scrollIntoViewIfNeeded();
    await bothSchemes(app, 'foreign-property-annual-review');
    await review.getByRole('button', { name: 'Approve for sending' }).click();
    await expect(
      review.getByText(/Approved\. The annual figures wait in the outbox/),
    ).toBeVisible();

    await review.getByRole('link', { name: 'Open the outbox and sync' }).click();
    await app.getByRole('button', { name: 'Sync now' }).click();
    await expect(app.locator('.sync-result')).toContainText('1 of 1');
    await app.evaluate(
      (hash) => (window.location.hash = hash),
      `#/year-end/checklist/${profile.id}/2026-27`,
    );
    await expect(app.locator(`tr[data-item="annual-${foreign.id}"]`)).toHaveAttribute(
      'data-status',
      'done',
    );
  });
});
