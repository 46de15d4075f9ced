import type { Page } from '@playwright/test';
import { NO_FAULTS, startPracticeHmrc, type PracticeHmrc } from '../../src/practice/server';
import { expect, expectNoA11yViolations, screenshot, test } from './fixtures';
import { linkPracticeAccount } from './support/link-practice-account';

async function openDiagnostics(app: Page) {
  await app
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Diagnostics' })
    .click();
  const panel = app.getByRole('region', { name: 'Fraud prevention headers' });
  await expect(panel.getByRole('table')).toBeVisible();
  return panel;
}

test.describe('Diagnostics → Fraud prevention headers', () => {
  test('shows every header with its value and reason, and HMRC’s check of them', async ({
    app,
    host,
  }) => {
    let panel = await openDiagnostics(app);
    // Nothing linked yet: the headers are shown, and the way to link.
    await expect(panel.getByTestId('fph-no-account')).toContainText(
      'No HMRC account is linked in Practice HMRC yet',
    );
    await expect(panel.getByRole('link', { name: 'link Ledgerlink to HMRC' })).toHaveAttribute(
      'href',
      '#/link',
    );
    await expect(panel.getByRole('button', { name: 'Check with HMRC' })).toBeDisabled();

    await linkPracticeAccount(app, host, { kind: 'individual' });
    panel = await openDiagnostics(app);
    await expect(panel.getByText(/HMRC account:/)).toBeVisible();
    const rows = panel.getByRole('table').getByRole('row');
    await expect(rows).toHaveCount(15);

    // The values are the ones this machine and this browser window really give.
    const sent = await host.services.hmrc.previewFraudHeaders();
    const row = (name: string) => panel.locator(`tr[data-header="${name}"]`);
    for (const name of [
      'Gov-Client-Device-ID',
      'Gov-Client-User-IDs',
      'Gov-Client-MAC-Addresses',
      'Gov-Vendor-Version',
      'Gov-Client-User-Agent',
    ] as const) {
      const value = sent.values[name];
      if (value) await expect(row(name).locator('td').first()).toHaveText(value);
    }
    const page = await app.evaluate(() => ({
      w: screen.width,
      h: screen.height,
      d: screen.colorDepth,
    }));
    await expect(row('Gov-Client-Screens')).toContainText(`width=${page.w}&height=${page.h}`);
    await expect(row('Gov-Client-Screens')).toContainText(`colour-depth=${page.d}`);
    await expect(row('Gov-Client-Multi-Factor')).toContainText('Sent empty');
    await expect(row('Gov-Client-Multi-Factor')).toContainText('no sign-in of its own');
    await expect(row('Gov-Vendor-License-IDs')).toContainText('no licence keys');

    await panel.getByRole('button', { name: 'Check with HMRC' }).click();
    const result = panel.getByTestId('fraud-headers-check-result');
    await expect(result).toBeVisible();
    // What HMRC's check must say about this machine: its empty multi-factor and licence headers
    // as advice, and an error only for what the firmware does not report (a VM has no maker).
    const missing = [
      sent.facts.device.manufacturer ? null : 'device-manufacturer',
      sent.facts.device.model ? null : 'device-model',
    ].filter(Boolean);
    const advice = result.getByRole('list', { name: 'Advice' }).getByRole('listitem');
    await expect(advice).toHaveCount(2);
    await expect(advice.nth(0)).toContainText(
      'Gov-Client-Multi-Factor was sent empty. This is expected',
    );
    await expect(advice.nth(1)).toContainText(
      'Gov-Vendor-License-IDs was sent empty. This is expected',
    );
    if (missing.length === 0) {
      await expect(result).toContainText('found no errors, but has advice');
    } else {
      await expect(result).toContainText('found problems with some headers');
      const errors = result.getByRole('list', { name: 'Errors' }).getByRole('listitem');
      await expect(errors).toHaveCount(missing.length);
      for (const key of missing)
        await expect(result).toContainText(`must include a value for "${key}"`);
    }
    await expect(result).toContainText(/HMRC correlation id [0-9a-f-]{36}/);
    await expectNoA11yViolations(app);
    await screenshot(app, 'diagnostics-fraud-headers');
    await app.emulateMedia({ colorScheme: 'dark' });
    await expectNoA11yViolations(app);
    await screenshot(app, 'diagnostics-fraud-headers-dark');
  });
});

/** A Practice HMRC this test can inject faults into. */
const faultTest = test.extend<{ practice: PracticeHmrc }>({
  // Playwright reads fixture dependencies from the destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  practice: async ({}, use) => {
    const practice = await startPracticeHmrc();
    await use(practice);
    await practice.stop();
  },
  hostOptions: async ({ practice }, use) => {
    await use({ practice });
  },
});

faultTest(
  'says “HMRC is busy, will retry at …” while HMRC throttles, then shows the result',
  async ({ app, host, practice }) => {
    await linkPracticeAccount(app, host, { kind: 'individual' });
    const panel = await openDiagnostics(app);
    practice.setFaults({ throttleRate: 1 });
    await panel.getByRole('button', { name: 'Check with HMRC' }).click();
    const busy = panel.getByRole('status').filter({ hasText: 'HMRC is busy' });
    await expect(busy).toContainText(
      /HMRC is busy\. Ledgerlink will try again at \d\d:\d\d:\d\d \(retry \d of 4\)\./,
    );
    await screenshot(app, 'diagnostics-fraud-headers-busy');
    practice.setFaults(NO_FAULTS);
    await expect(panel.getByTestId('fraud-headers-check-result')).toBeVisible();
  },
);
