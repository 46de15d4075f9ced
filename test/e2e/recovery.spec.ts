import { expect, expectNoA11yViolations, screenshot, test } from './fixtures';

// A screen that fails while React renders it must leave a way out, never a blank window. The
// failure here is real and deterministic: the records screen's code is loaded when first
// opened, and the request for it is refused, as it would be from a damaged installation.
test('a screen that fails shows the recovery screen, whose Reload brings the app back', async ({
  page,
  host,
  context,
}) => {
  const uncaught: string[] = [];
  page.on('pageerror', (e) => uncaught.push(e.message));
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.route('**/assets/RecordsScreen-*.js', (route) => route.abort());
  await page.goto(host.url);
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Records' })
    .click();

  const heading = page.getByRole('heading', {
    level: 1,
    name: 'Something went wrong in this window',
  });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  await expect(page.getByRole('main')).toContainText(
    'Your records, approvals and HMRC sign-ins are safe',
  );
  const diagnostics = page.getByRole('textbox', { name: 'Diagnostics' });
  await expect(diagnostics).toHaveValue(/^Ledgerlink: a window stopped working/);
  await expect(diagnostics).toHaveValue(/Screen: records/);
  await expect(diagnostics).toHaveValue(/Error: .+/);
  // The boundary caught it: nothing reached the window as an uncaught error.
  expect(uncaught).toEqual([]);

  await page.getByRole('button', { name: 'Copy diagnostics' }).click();
  await expect(page.getByRole('status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    await diagnostics.inputValue(),
  );

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoA11yViolations(page);
    await screenshot(page, `recovery-${scheme}`);
  }

  await page.unroute('**/assets/RecordsScreen-*.js');
  await page.getByRole('button', { name: 'Reload Ledgerlink' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Records' })).toBeVisible();
  await expect(heading).toHaveCount(0);
});
