import type { Page } from '@playwright/test';
import type { BrowserHost } from '../support/browser-host/start-browser-host';
import { expect, expectNoA11yViolations, screenshot, test } from './fixtures';
import {
  closeQuietly,
  handCustomSchemeToApp,
  practiceUser,
  walkPracticePages,
} from './support/link-practice-account';

/**
 * First run, both ways (issue 6 item 1): a sole trader from "Who are you?" to their businesses
 * and HMRC's due dates, and an agent from linking their agent services account to the clients
 * overview. Practice HMRC plays HMRC; the person's browser is a second page.
 */

/** After the app opened HMRC's pages, does in the browser what the person does there. */
async function grantInBrowser(
  app: Page,
  host: BrowserHost,
  kind: 'individual' | 'agent',
  before: number,
): Promise<void> {
  const authorizeUrl = await host.waitForOpenedUrl(
    (u) => host.openedUrls.indexOf(u) >= before && new URL(u).pathname === '/oauth/authorize',
  );
  const browser = await app.context().newPage();
  try {
    await handCustomSchemeToApp(browser, host);
    await walkPracticePages(browser, authorizeUrl, await practiceUser(host, kind));
  } finally {
    await closeQuietly(browser);
  }
}

test.describe('first run', () => {
  test('a sole trader goes from “Who are you?” to their businesses and HMRC’s due dates', async ({
    app,
    host,
  }) => {
    const main = app.getByRole('main');
    await expect(
      app.getByRole('heading', { level: 1, name: 'Welcome to Ledgerlink' }),
    ).toBeVisible();
    await expect(app.getByRole('radio', { name: /Practice HMRC/ })).toBeChecked();
    // No profile yet: the header has no switcher.
    await expect(app.getByTestId('profile-switcher')).toHaveCount(0);
    for (const scheme of ['light', 'dark'] as const) {
      await app.emulateMedia({ colorScheme: scheme });
      await expectNoA11yViolations(app);
      await screenshot(app, `profiles-onboarding-${scheme}`);
    }
    await app.emulateMedia({ colorScheme: 'light' });

    await app.getByLabel('I’m self-employed or a landlord').check();
    await main.getByRole('button', { name: 'Continue' }).click();

    // A NINO HMRC never issues gets a clear message and nothing happens.
    await app.getByLabel('Your full name').fill('Alice Ashworth');
    await app.getByLabel('Your National Insurance number').fill('AA 10 00 01 E');
    await main.getByRole('button', { name: 'Continue' }).click();
    await expect(
      app.getByText('The last letter of a National Insurance number is A, B, C or D.'),
    ).toBeVisible();
    await expect(app.getByLabel('Your National Insurance number')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(host.services.profiles.list()).toEqual([]);
    await expectNoA11yViolations(app);

    await app.getByRole('button', { name: 'Use Alice Ashworth (AA 10 00 01 A)' }).click();
    await main.getByRole('button', { name: 'Continue' }).click();

    await expect(app.getByRole('heading', { name: 'Link your HMRC sign-in' })).toBeVisible();
    const before = host.openedUrls.length;
    await app.getByRole('button', { name: 'Link my HMRC sign-in' }).click();
    await grantInBrowser(app, host, 'individual', before);

    await expect(app.getByText('You’re set up, Alice Ashworth')).toBeVisible();
    await expect(main.getByText('Ashworth Joinery')).toBeVisible();
    await screenshot(app, 'profiles-onboarding-self-done');
    await app.getByRole('link', { name: 'Go to my profile' }).click();

    await expect(app.getByRole('heading', { level: 1, name: 'Alice Ashworth' })).toBeVisible();
    const businesses = main.getByRole('table').first();
    await expect(businesses).toContainText('Ashworth Joinery');
    await expect(businesses).toContainText('XPIS10000000002');
    // The due dates are HMRC's: the same as the Obligations API returns.
    const profile = host.services.profiles.active()!;
    const { client } = host.services.profiles.hmrcFor(profile.id);
    const finals = await client.obligations.finalDeclaration(profile.nino, { status: 'open' });
    const obligations = main.getByRole('table', { name: 'Open obligations' });
    for (const o of finals.data.obligations) {
      const due = new Intl.DateTimeFormat('en-GB', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(new Date(`${o.dueDate}T00:00:00Z`));
      await expect(obligations).toContainText(due);
    }
    await expect(app.getByTestId('profile-switcher')).toContainText('Alice Ashworth');
    await expect(app.getByTestId('profile-switcher')).toContainText('AA •• •• 01 A');
    await expect(app.getByTestId('profile-switcher')).toContainText('Your own');
    await expectNoA11yViolations(app);
    await screenshot(app, 'profiles-self-profile');

    // One SQLite file for this profile.
    expect(host.services.profiles.ledger(profile.id).file).toContain(`${profile.id}/ledger.sqlite`);
  });

  test('an agent links their agent services account, then adds clients and sees them in the overview', async ({
    app,
    host,
  }) => {
    const main = app.getByRole('main');
    await app.getByLabel('I’m an agent').check();
    await main.getByRole('button', { name: 'Continue' }).click();
    await expect(
      app.getByRole('heading', { name: 'Link your agent services account' }),
    ).toBeVisible();
    const before = host.openedUrls.length;
    await app.getByRole('button', { name: 'Link my agent services account' }).click();
    await grantInBrowser(app, host, 'agent', before);

    await expect(app.getByRole('heading', { name: 'Add your clients' })).toBeVisible();
    const addClient = async (
      name: string,
      nino: string,
      role: 'Main agent' | 'Supporting agent',
    ) => {
      await app.getByLabel('Full name').fill(name);
      await app.getByLabel('National Insurance number').fill(nino);
      await app.getByLabel(role).check();
      await main.getByRole('button', { name: 'Add client' }).click();
    };

    await addClient('Carys Clarke', 'AC100003C', 'Main agent');
    await expect(main.getByRole('status').filter({ hasText: 'Added Carys Clarke' })).toContainText(
      'Authorised',
    );

    // Fiona has not authorised this agent: a clear message with what to do.
    await addClient('Fiona Fox', 'aj 10 00 06 b', 'Main agent');
    const refused = main.getByRole('alert').filter({ hasText: 'Added Fiona Fox' });
    await expect(refused).toContainText('Not authorised');
    await expect(refused).toContainText('ask the client to authorise you');

    // A duplicate and a bad NINO are refused, and nothing is added.
    await addClient('Carys Again', 'AC 10 00 03 C', 'Main agent');
    await expect(
      main.getByText('AC 10 00 03 C is already in Ledgerlink as Carys Clarke.').first(),
    ).toBeVisible();
    await app.getByLabel('National Insurance number').fill('BG123456A');
    await main.getByRole('button', { name: 'Add client' }).click();
    await expect(
      main.getByText('National Insurance numbers never start with BG.').first(),
    ).toBeVisible();
    expect(
      host.services.profiles
        .list()
        .map((p) => p.name)
        .sort(),
    ).toEqual(['Carys Clarke', 'Fiona Fox']);
    await screenshot(app, 'profiles-onboarding-agent-clients');

    await app.getByRole('link', { name: 'Finish and see the clients overview' }).click();
    const table = main.getByRole('table');
    await expect(table.getByRole('row', { name: /Fiona Fox/ })).toContainText('Not authorised');
    await app.getByRole('button', { name: 'Check all with HMRC' }).click();
    await expect(main.getByText(/last checked today/)).toBeVisible();
    await expect(table.getByRole('row', { name: /Carys Clarke/ })).toContainText(
      /Overdue|Due soon|Up to date/,
    );
    await expect(table.getByRole('row', { name: /Carys Clarke/ })).toContainText(
      'Quarterly update',
    );
    for (const scheme of ['light', 'dark'] as const) {
      await app.emulateMedia({ colorScheme: scheme });
      await expectNoA11yViolations(app);
      await screenshot(app, `profiles-agent-overview-${scheme}`);
    }
  });
});
