import { expect, type Locator } from '@playwright/test';

/**
 * Approves one update card as a person does: the comparison with HMRC's copy arrives after the
 * card and may add a warning of its own, so every acknowledgement there is gets ticked until
 * the Approve button is enabled; then the card must say the update is in the outbox.
 */
export async function approveUpdateCard(update: Locator): Promise<void> {
  const approveButton = update.getByRole('button', { name: 'Approve this update' });
  await expect(async () => {
    for (const box of await update
      .getByRole('checkbox', { name: 'I have checked this and the update is right' })
      .all()) {
      if (!(await box.isChecked())) await box.check();
    }
    await expect(approveButton).toBeEnabled({ timeout: 1_000 });
  }).toPass();
  await approveButton.click();
  await expect(update.getByText('It is in the outbox')).toBeVisible();
}
