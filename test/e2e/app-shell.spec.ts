import { readFileSync } from 'node:fs';
import { expect, expectNoA11yViolations, screenshot, test } from './fixtures';

const SECTIONS = [
  'Home',
  'Link to HMRC',
  'Profiles',
  'Records',
  'Review & sync',
  'Year end',
  'Diagnostics',
  'Settings',
];

test.describe('the app shell', () => {
  test('loads with its landmarks, the practice banner and every section in the navigation', async ({
    app,
  }) => {
    await expect(app.getByRole('banner')).toContainText('Ledgerlink');
    await expect(app.getByRole('note', { name: 'Environment' })).toContainText('Practice mode');
    const nav = app.getByRole('navigation', { name: 'Sections' });
    await expect(nav.getByRole('link')).toHaveText(SECTIONS);
    await expect(app.getByRole('main')).toBeVisible();
  });

  test('moves between sections by keyboard alone', async ({ app }) => {
    // Skip link first, then into the navigation.
    await app.keyboard.press('Tab');
    await expect(app.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await app.keyboard.press('Tab');
    await app.keyboard.press('Tab');
    const nav = app.getByRole('navigation', { name: 'Sections' });
    await expect(nav.getByRole('link', { name: 'Home' })).toBeFocused();

    await app.keyboard.press('ArrowDown');
    await expect(nav.getByRole('link', { name: 'Link to HMRC' })).toBeFocused();
    await app.keyboard.press('ArrowDown');
    await expect(nav.getByRole('link', { name: 'Profiles' })).toBeFocused();
    await app.keyboard.press('End');
    await expect(nav.getByRole('link', { name: 'Settings' })).toBeFocused();
    await app.keyboard.press('ArrowUp');
    await expect(nav.getByRole('link', { name: 'Diagnostics' })).toBeFocused();
    await app.keyboard.press('Enter');

    // Focus lands on the new screen's heading, and the link says it is the current page.
    await expect(app.getByRole('heading', { level: 1, name: 'Diagnostics' })).toBeFocused();
    await expect(nav.getByRole('link', { name: 'Diagnostics' })).toHaveAttribute(
      'aria-current',
      'page',
    );

    await app.keyboard.press('Shift+Tab');
    await app.keyboard.press('Home');
    await expect(nav.getByRole('link', { name: 'Home' })).toBeFocused();
  });

  test('Diagnostics shows the version and the security settings', async ({ app, host }) => {
    await app
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Diagnostics' })
      .click();
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string })
      .version;
    await expect(app.getByTestId('app-version')).toHaveText(version);
    const security = app.getByRole('table');
    for (const label of [
      'Context isolation',
      'Renderer sandbox',
      'Node.js in the page',
      'Content-Security-Policy',
      'New windows',
      'Developer tools',
    ]) {
      await expect(security.getByRole('rowheader', { name: label })).toBeVisible();
    }
    await expect(security.locator('[data-check="context-isolation"]')).toContainText('OK');
    await expect(security.locator('[data-check="csp"]')).toContainText("script-src 'self'");
    await expect(security.locator('[data-check="devtools"]')).toContainText('OK');
    await expect(security.locator('[data-check="devtools"]')).toContainText(
      'off in this installed build',
    );
    const allowList = app.getByRole('list', { name: 'Pages Ledgerlink may open in your browser' });
    await expect(allowList).toContainText('https://www.tax.service.gov.uk');
    await expect(allowList).toContainText(
      new URL(host.services.environments.practice()!.baseUrl).origin,
    );
    await screenshot(app, 'shell-diagnostics');
  });

  test('every screen has zero accessibility violations, in light and dark', async ({ app }) => {
    for (const scheme of ['light', 'dark'] as const) {
      await app.emulateMedia({ colorScheme: scheme });
      for (const name of SECTIONS) {
        await app.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name }).click();
        await expect(app.getByRole('heading', { level: 1 })).toBeVisible();
        await expectNoA11yViolations(app);
      }
      await screenshot(app, `shell-settings-${scheme}`);
    }
  });

  test('switches environment in Settings and tells every screen', async ({ app }) => {
    await app
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Settings' })
      .click();
    await expect(app.getByRole('radio', { name: 'Practice HMRC' })).toBeChecked();
    // HMRC sandbox and live need the vendor's credentials, which the test build does not carry.
    await expect(app.getByRole('radio', { name: 'HMRC sandbox' })).toBeDisabled();
    await expect(app.getByText('Not available', { exact: false }).first()).toBeVisible();
  });
});
