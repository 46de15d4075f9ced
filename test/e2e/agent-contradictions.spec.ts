import type { Page } from '@playwright/test';
import { SEEDED } from '../../src/practice/server';
import { AGENT_CLIENT_POSTCODES } from '../../src/practice/state/seed-return';
import type { BrowserHost } from '../support/browser-host/start-browser-host';
import { bothSchemes, expect, testAtReferenceTime } from './fixtures';
import { linkPracticeAccount } from './support/link-practice-account';

/**
 * What an agent sees must not contradict itself: "not checked" beside "HMRC last checked", a
 * profile that lists deadlines for businesses it says HMRC does not have, a "Tax calculation"
 * button that opens something else, a sync note about receipts that are not there, and a
 * refused estimate that blames the wrong cause when the client authorised a supporting agent.
 */
const REFERENCE_NOW = '2026-11-20T10:00:00Z';
const c = SEEDED.agentClients;
const agentTest = testAtReferenceTime(REFERENCE_NOW, { calculationDelayMs: 300 });

const nav = (app: Page, name: string) =>
  app.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name }).click();

async function addClient(
  host: BrowserHost,
  accountId: string,
  name: string,
  nino: string,
  agentRole: 'main' | 'supporting',
) {
  return host.services.profiles.create({ kind: 'client', name, nino, accountId, agentRole });
}

/** Every way of saying "not checked", whatever the case. */
const NOT_CHECKED = /not checked/i;

agentTest.describe('an agent’s screens agree with themselves', () => {
  agentTest(
    'the overview never says "not checked" beside "last checked"; Check all reads the businesses; Tax calculation opens the estimate',
    async ({ app, host }) => {
      const { accountId } = await linkPracticeAccount(app, host, { kind: 'agent' });
      // Added as an agent adds them: HMRC is asked about authority, not yet about deadlines.
      const carys = await addClient(
        host,
        accountId,
        'Carys Clarke',
        c.mainSelfEmployed.nino,
        'main',
      );
      await addClient(host, accountId, 'Dev Desai', c.mainLandlord.nino, 'main');

      await app.goto(`${host.url}#/profiles/overview`);
      const main = app.getByRole('main');
      const overview = main.locator('section.profiles-clients');
      const carysRow = main.locator(`tr[data-profile="${carys.id}"]`);
      // HMRC answered about authority on adding: the row says when…
      await expect(carysRow.getByRole('cell').last()).toHaveText(/ at \d\d:\d\d$/);
      // …and nothing on the overview says "not checked" beside it.
      await expect(overview).not.toContainText(NOT_CHECKED);
      await expect(carysRow).toContainText('Deadlines not read');
      await bothSchemes(app, 'agent-overview-before-check');

      // Check all with HMRC: every client's deadlines (and, the first time, businesses).
      await main.getByRole('button', { name: 'Check all with HMRC' }).click();
      await expect(main.getByText(/Shown as HMRC answered: last checked/)).toBeVisible();
      await expect(carysRow).toHaveAttribute('data-status', 'overdue');
      await expect(carysRow.getByRole('cell').last()).toHaveText(/ at \d\d:\d\d$/);
      await expect(overview).not.toContainText(NOT_CHECKED);
      // The Making Tax Digital status was read with the businesses the first time.
      await expect(carysRow).toContainText('Making Tax Digital: required');
      await bothSchemes(app, 'agent-overview-checked');

      // The client's records first (opening the profile would ask HMRC by itself if it had to):
      // the business Check all read is there to keep records under.
      await main.getByLabel('Find by name or NINO').fill('Carys');
      await main.getByRole('button', { name: 'Carys Clarke', exact: true }).click();
      await expect(app.getByRole('heading', { level: 1 })).toHaveText('Carys Clarke');
      await nav(app, 'Records');
      // Loaded (the business filter lists her business), with no "No business yet" notice
      // asking to link the HMRC account that is linked.
      await expect(main.getByLabel('Business', { exact: true })).toContainText('Clarke Catering');
      await expect(main.locator('.notice', { hasText: 'No business yet' })).toHaveCount(0);
      await expect(main.getByText(/link your HMRC account/i)).toHaveCount(0);

      // Her profile lists the business beside its deadlines, from what Check all kept.
      await nav(app, 'Profiles');
      await expect(main.getByText(/HMRC last checked/)).toBeVisible();
      await expect(main.getByText('HMRC lists no businesses')).toHaveCount(0);
      await expect(
        main.locator(`tr[data-business="${c.mainSelfEmployed.businessId}"]`),
      ).toContainText('Clarke Catering');
      await expect(main.getByRole('table', { name: 'Open obligations' })).toContainText(
        'Clarke Catering',
      );

      // "Tax calculation" opens the estimate, not the updates to review.
      await main
        .getByRole('region', { name: 'Calculations and the end of the year' })
        .getByRole('link', { name: 'Tax calculation' })
        .click();
      await expect(app).toHaveURL(/#\/review\/estimate$/);
      const tabs = app.getByRole('navigation', { name: 'Review and sync' });
      await expect(tabs.getByRole('link', { name: 'Tax estimate' })).toHaveAttribute(
        'aria-current',
        'page',
      );
      await expect(tabs.getByRole('link', { name: 'Updates to review' })).not.toHaveAttribute(
        'aria-current',
        'page',
      );
      await expect(main.getByRole('region', { name: 'Tax estimate from HMRC' })).toBeVisible();
    },
  );

  agentTest(
    'Sync all clients: the receipts its note mentions are where it says',
    async ({ app, host }) => {
      const { accountId } = await linkPracticeAccount(app, host, { kind: 'agent' });
      const clients = [
        await addClient(host, accountId, 'Carys Clarke', c.mainSelfEmployed.nino, 'main'),
        await addClient(host, accountId, 'Dev Desai', c.mainLandlord.nino, 'main'),
      ];
      for (const client of clients) {
        await host.services.profiles.refresh(client.id);
        const ledger = host.services.profiles.ledger(client.id);
        for (const b of ledger.businesses.list()) {
          ledger.transactions.add({
            date: '2026-05-14',
            description: 'Takings',
            amountPence: 1_250_000,
            businessId: b.id,
            categoryId: b.kind === 'self-employment' ? 'se.turnover' : 'ukp.periodAmount',
          });
        }
        // Approved as the review screen approves (the review itself is review-sync's to test).
        for (const u of (await host.services.review.list(client.id)).updates) {
          await host.services.review.approve({
            profileId: u.profileId,
            businessId: u.businessId,
            taxYear: u.taxYear,
            periodEnd: u.periodEnd,
            payloadHash: u.payloadHash,
            recordsFingerprint: u.records.fingerprint,
            acknowledgedWarnings: u.warnings.map((w) => w.code),
          });
        }
      }
      host.services.profiles.setActive(clients[0]!.id);

      await nav(app, 'Review & sync');
      const tabs = app.getByRole('navigation', { name: 'Review and sync' });
      await tabs.getByRole('link', { name: 'Sync all clients' }).click();
      const main = app.getByRole('main');
      await main.getByRole('button', { name: 'Sync all clients now' }).click();
      await expect(main.getByText('Sync finished')).toBeVisible({ timeout: 120_000 });
      await expect(main.getByText(/2 of 2 updates done: 2 accepted/)).toBeVisible();

      // The note points at where the receipts are, not at "receipts below" that are not there.
      const note = main.getByText(/HMRC may take up to an hour to show an update as received/);
      await expect(note).toBeVisible();
      await expect(note).not.toContainText('below');
      await expect(main.locator('tr[data-receipt]')).toHaveCount(0);
      await expect(note).toContainText('Receipts tab');
      await bothSchemes(app, 'agent-sync-all-note');

      // And there they are: on the Receipts tab, one per client's accepted update.
      await tabs.getByRole('link', { name: 'Receipts' }).click();
      await expect(app.getByRole('heading', { level: 1 })).toContainText('Carys Clarke');
      await expect(main.locator('tr[data-receipt]')).toHaveCount(1);
      host.services.profiles.setActive(clients[1]!.id);
      await expect(app.getByRole('heading', { level: 1 })).toContainText('Dev Desai');
      await expect(main.locator('tr[data-receipt]')).toHaveCount(1);
    },
  );

  agentTest(
    'a client who authorised a supporting agent, added as main: the refused estimate names that likely cause',
    async ({ app, host }) => {
      const { accountId } = await linkPracticeAccount(app, host, { kind: 'agent' });
      // Ewan authorised this agent as SUPPORTING agent only; the agent adds him as main.
      const ewan = await addClient(host, accountId, 'Ewan Ellis', c.supporting.nino, 'main');
      host.services.profiles.setActive(ewan.id);

      await nav(app, 'Profiles');
      const main = app.getByRole('main');
      await expect(app.getByRole('heading', { level: 1 })).toHaveText('Ewan Ellis');
      // Sending updates is allowed to either kind of agent, so HMRC's first answer is "authorised".
      await expect(main.getByText('Authorised', { exact: true })).toBeVisible();
      await main
        .getByRole('region', { name: 'Calculations and the end of the year' })
        .getByRole('link', { name: 'Tax calculation' })
        .click();
      const estimate = main.getByRole('region', { name: 'Tax estimate from HMRC' });
      await estimate.getByRole('button', { name: 'Ask HMRC for a new estimate' }).click();

      // HMRC refuses: the message names the likely cause (supporting, not main) and what to do.
      const refusal = estimate.getByRole('alert');
      await expect(refusal).toContainText('The estimate could not be fetched');
      await expect(refusal).toContainText('This profile says you are their main agent');
      await expect(refusal).toContainText('authorised you as a supporting agent');
      await expect(refusal).toContainText('change the role on their profile');
      await expect(refusal).not.toContainText(/not authorised for this client/i);
      await bothSchemes(app, 'agent-supporting-refusal');

      // Following the advice: HMRC's relationship check confirms the cause, and one click
      // takes HMRC's role, after which the profile says up front what a supporting agent cannot do.
      await app.goto(`${host.url}#/profiles/authority`);
      await main.getByLabel('Your Agent Reference Number (ARN)').fill('XARN0000001');
      await main.getByRole('button', { name: 'Save' }).click();
      await main
        .getByLabel('Postcode for Ewan Ellis')
        .fill(AGENT_CLIENT_POSTCODES[c.supporting.nino]!);
      await main.getByRole('button', { name: 'Check Ewan Ellis’s role with HMRC' }).click();
      await expect(
        main.getByText(/HMRC says you are Ewan Ellis.*supporting agent, but the profile says main/),
      ).toBeVisible();
      await main.getByRole('button', { name: 'Use HMRC’s role: Supporting agent' }).click();
      await expect(
        main.getByText(/HMRC confirms you are Ewan Ellis.*supporting agent/),
      ).toBeVisible();
      await app.goto(`${host.url}#/profiles`);
      const actions = main.getByRole('region', { name: 'Calculations and the end of the year' });
      await expect(actions).toContainText('You are Ewan Ellis’s supporting agent');
      await expect(actions.getByRole('button', { name: 'Tax calculation' })).toHaveAttribute(
        'aria-disabled',
        'true',
      );
    },
  );
});
