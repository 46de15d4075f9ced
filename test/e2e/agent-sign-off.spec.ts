import type { Locator, Page } from '@playwright/test';
import { SEEDED } from '../../src/practice/server';
import { expect, expectNoA11yViolations, screenshot, test } from './fixtures';
import { linkPracticeAccount } from './support/link-practice-account';

/**
 * An agent's client signs off annual figures: Grace (Green & Co, main agent for Carys Clarke)
 * enters Clarke Catering's annual figures for 2025-26 and approves them into the outbox, opens
 * the client sign-off pack from the annual figures screen, prints it (the browser's print:
 * only the pack, black on white), and records Carys's approval; changed figures then need a
 * new approval. Nothing is sent to HMRC here.
 */
const carys = SEEDED.agentClients.mainSelfEmployed;
const TAX_YEAR = '2025-26';

async function both(app: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await app.emulateMedia({ colorScheme: scheme });
    await expectNoA11yViolations(app);
    await screenshot(app, `${name}-${scheme}`);
  }
  await app.emulateMedia({ colorScheme: 'light' });
}

/** Reviews the figures on the annual screen and approves them into the outbox. */
async function approveFigures(app: Page, aia: string): Promise<void> {
  await app.getByLabel(/^Annual Investment Allowance/).fill(aia);
  await app.getByRole('button', { name: 'Review these figures' }).click();
  const review: Locator = app.getByRole('region', { name: 'Review before approving' });
  await expect(review.locator('tr', { hasText: 'Annual Investment Allowance' })).toBeVisible();
  // Any warning is acknowledged as a person would, box by box.
  for (const box of await review.getByRole('checkbox').all()) await box.check();
  await review.getByRole('button', { name: 'Approve for sending' }).click();
  await expect(review.getByText(/Approved\. The annual figures wait in the outbox/)).toBeVisible();
}

test('an agent prints the annual figures sign-off pack and records the client’s approval', async ({
  app,
  host,
}) => {
  // Four axe scans and a PDF on a shared machine: longer than the default budget.
  const { accountId } = await linkPracticeAccount(app, host, { kind: 'agent' });
  const profile = await host.services.profiles.create({
    kind: 'client',
    name: 'Carys Clarke',
    nino: carys.nino,
    accountId,
    agentRole: 'main',
  });
  host.services.profiles.setActive(profile.id);
  await host.services.profiles.refresh(profile.id);
  const business = host.services.profiles
    .ledger(profile.id)
    .businesses.findByHmrcId(carys.businessId)!;

  // The annual figures screen of a client's profile offers the sign-off pack.
  await app.goto(`${host.url}#/year-end/annual/${profile.id}/${TAX_YEAR}/${business.id}`);
  await expect(
    app.getByRole('heading', { level: 1, name: `Annual figures for ${TAX_YEAR}` }),
  ).toBeVisible();
  await app.getByLabel(/Goods or services taken for your own use/).fill('150');
  await approveFigures(app, '1200');
  await expectNoA11yViolations(app);
  await screenshot(app, 'agents-annual-figures-client-light');
  await app
    .getByRole('link', { name: 'Sign-off pack for Carys Clarke: these annual figures' })
    .click();

  const main = app.getByRole('main');
  const pack = main.locator('.sign-off-page');
  await expect(pack.getByRole('heading', { level: 2 })).toHaveText(
    `Annual figures for Clarke Catering: tax year ${TAX_YEAR}`,
  );
  await expect(pack.locator('tr', { hasText: 'Annual Investment Allowance' })).toContainText(
    '£1,200.00',
  );
  await expect(
    pack.locator('tr', { hasText: 'Goods or services taken for your own use' }),
  ).toContainText('£150.00');
  await expect(pack).toContainText('waiting in the outbox to be sent');
  await expect(pack).toContainText(
    // The annual screen has just read HMRC's copy: that is what the figures are compared with.
    'Compared with: HMRC holds no annual figures for this business and year yet.',
  );
  await expect(pack).toContainText('first annual figures');
  await expect(pack.getByRole('heading', { name: 'Please confirm' })).toBeVisible();
  await expect(pack).toContainText('sends these annual figures to HMRC for me for 2025-26');
  await expect(pack).toContainText(/Prepared by .+ on \d{4}-\d{2}-\d{2}/);
  await both(app, 'agents-annual-sign-off-pack');

  // Print: in the browser the browser prints; the print stylesheet leaves only the pack.
  await app.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await expect(app.locator('.app-nav')).toBeHidden();
  await expect(main.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  await expect(main.getByRole('heading', { name: 'Record the client’s approval' })).toBeHidden();
  // Black on white even when the screen is dark.
  await expect(pack).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  await expect(pack.getByRole('heading', { level: 2 })).toHaveCSS('color', 'rgb(0, 0, 0)');
  await screenshot(app, 'agents-annual-sign-off-pack-print');
  await app.pdf({ path: 'test-results/screenshots/agents-annual-sign-off-pack.pdf', format: 'A4' });
  await app.emulateMedia({ media: 'screen', colorScheme: 'light' });

  await main.getByLabel('How they approved').selectOption('in-person');
  await main.getByLabel('Note (optional)').fill('Carys read the pack <in the office> & agreed.');
  await main.getByRole('button', { name: 'Record approval' }).click();
  await expect(main.getByText(/Approval recorded: .*in person/)).toBeVisible();
  // The note is shown as text, never as markup.
  await expect(pack).toContainText('Carys read the pack <in the office> & agreed.');
  await both(app, 'agents-annual-sign-off-approved');

  // From the client's profile: the same pack, approval and all.
  await app.goto(`${host.url}#/profiles`);
  await main.getByRole('link', { name: /^Annual figures for .*: Clarke Catering$/ }).click();
  await expect(pack).toContainText('Carys read the pack <in the office> & agreed.');

  // Changed figures are a different pack: the approval does not carry over.
  await app.goto(`${host.url}#/year-end/annual/${profile.id}/${TAX_YEAR}/${business.id}`);
  await approveFigures(app, '1300');
  await app
    .getByRole('link', { name: 'Sign-off pack for Carys Clarke: these annual figures' })
    .click();
  await expect(pack.locator('tr', { hasText: 'Annual Investment Allowance' })).toContainText(
    '£1,300.00',
  );
  await expect(pack).toContainText('Signed: ______');
  await expect(main.getByText(/Approval recorded/)).toBeHidden();
});
