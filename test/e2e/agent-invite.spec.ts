import type { Page } from '@playwright/test';
import { SEEDED } from '../../src/practice/server';
import { expect, expectNoA11yViolations, screenshot, test } from './fixtures';
import { linkPracticeAccount } from './support/link-practice-account';

/**
 * An agent takes on a client: asks Fiona Fox for authority from Ledgerlink, Fiona accepts on
 * Practice HMRC's page in her own browser, the agent sees it accepted and takes the role HMRC
 * confirms, then prints a client sign-off pack and records Fiona's approval.
 */
const fiona = SEEDED.agentClients.notAuthorised;

async function both(app: Page, name: string, axe = true): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    if (axe) await expectNoA11yViolations(app);
    await screenshot(app, `${name}-${scheme}`);
  }
  await app.emulateMedia({ colorScheme: 'light' });
}

test('an agent invites a client, sees it accepted, confirms the role with HMRC, prints a sign-off pack and records approval', async ({
  app,
  host,
}) => {
  // One whole journey with ten axe scans on a shared machine: longer than the default budget.
  const { accountId } = await linkPracticeAccount(app, host, { kind: 'agent' });
  const profile = await host.services.profiles.create({
    kind: 'client',
    name: 'Fiona Fox',
    nino: fiona.nino,
    accountId,
    agentRole: 'supporting',
  });
  host.services.profiles.setActive(profile.id);
  await app.goto(`${host.url}#/profiles/authority`);
  const main = app.getByRole('main');

  await main.getByLabel('Your Agent Reference Number (ARN)').fill('XARN0000001');
  await main.getByRole('button', { name: 'Save' }).click();
  await expect(main.getByText('Agent Reference Number XARN0000001')).toBeVisible();

  // The request already waiting (made elsewhere) is listed and cancelled.
  await main.getByRole('button', { name: 'Check with HMRC' }).click();
  await expect(main.getByText('Waiting for the client')).toBeVisible();
  await main.getByRole('button', { name: 'Cancel this request' }).click();
  await expect(
    main.locator('.agents-requests').getByText('Cancelled', { exact: true }),
  ).toBeVisible();

  // A postcode in the wrong form is refused before anything is sent.
  await main.getByLabel('Client’s name').fill('Fiona Fox');
  await main.getByLabel('National Insurance number').fill('AJ 10 00 06 B');
  await main.getByLabel('Postcode HMRC holds for the client').fill('NE14');
  await main.getByRole('button', { name: 'Create the request' }).click();
  await expect(main.getByText(/Enter a UK postcode like SW1A 2AA/)).toBeVisible();
  await main.getByLabel('Postcode HMRC holds for the client').fill('NE1 4ST');
  await main.getByRole('button', { name: 'Create the request' }).click();
  const link = main.getByLabel('The client’s link');
  await expect(link).toHaveValue(/\/agent-client\/invitations\/[A-Z0-9]{13}$/);
  await both(app, 'agents-invitation-made');

  // Fiona answers in her own browser, on Practice HMRC's page.
  const fionasBrowser = await app.context().newPage();
  await fionasBrowser.goto(await link.inputValue());
  await expect(fionasBrowser.getByRole('heading', { level: 1 })).toContainText(
    'wants to act for you',
  );
  await fionasBrowser.getByLabel('User ID').fill(fiona.userId);
  await fionasBrowser.getByLabel('Password').fill(fiona.password);
  await fionasBrowser.getByLabel('Yes, accept').check();
  await fionasBrowser.getByRole('button', { name: 'Send answer' }).click();
  await expect(fionasBrowser.getByRole('status')).toContainText('You have accepted');
  await fionasBrowser.close();

  await main.getByRole('button', { name: 'Check with HMRC' }).click();
  await expect(
    main.locator('.agents-requests').getByText('Accepted', { exact: true }),
  ).toBeVisible();

  // HMRC's relationship check: main, although the profile said supporting. One click follows HMRC.
  await main.getByRole('button', { name: 'Check Fiona Fox’s role with HMRC' }).click();
  await expect(
    main.getByText(/HMRC says you are Fiona Fox .*main agent, but the profile says supporting/),
  ).toBeVisible();
  await both(app, 'agents-role-mismatch');
  await main.getByRole('button', { name: 'Use HMRC’s role: Main agent' }).click();
  await expect(main.getByText(/HMRC confirms you are Fiona Fox .*main agent/)).toBeVisible();
  // The same table as just scanned, one badge changed: screenshots only.
  await both(app, 'agents-role-confirmed', false);

  // The client's profile: HMRC's businesses, then a sign-off pack for the quarterly update.
  await host.services.profiles.refresh(profile.id);
  await app.goto(`${host.url}#/profiles`);
  await expect(main.getByRole('heading', { name: 'Authority and sign-off' })).toBeVisible();
  await main
    .getByRole('link', { name: /^Quarterly update:/ })
    .first()
    .click();
  const page = main.locator('.sign-off-page');
  await expect(page.getByRole('heading', { level: 2 })).toContainText('Quarterly update for');
  await expect(page).toContainText('Please confirm');
  await expect(page).toContainText('Prepared by');
  await both(app, 'agents-sign-off-pack');

  // Print: in the browser the browser prints; the print stylesheet leaves only the pack.
  await app.emulateMedia({ media: 'print', colorScheme: 'light' });
  await expect(app.locator('.app-nav')).toBeHidden();
  await expect(main.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  await app.pdf({ path: 'test-results/screenshots/agents-sign-off-pack.pdf', format: 'A4' });
  await screenshot(app, 'agents-sign-off-pack-print');
  await app.emulateMedia({ media: 'screen' });

  await main.getByLabel('How they approved').selectOption('phone');
  await main.getByLabel('Note (optional)').fill('Fiona agreed the figures on the phone.');
  await main.getByRole('button', { name: 'Record approval' }).click();
  await expect(main.getByText(/Approval recorded: .*by phone/)).toBeVisible();
  await expect(page).toContainText('Fiona agreed the figures on the phone.');
  await both(app, 'agents-sign-off-approved');
});
