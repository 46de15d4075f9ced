import type { Page } from '@playwright/test';
import { SEEDED } from '../../src/practice/server';
import type { Ledger } from '../../src/main/ledger';
import {
  bothSchemes,
  expect,
  expectNoA11yViolations,
  screenshot,
  testAtReferenceTime,
} from './fixtures';
import { linkPracticeAccount } from './support/link-practice-account';
import { approveUpdateCard } from './support/approve-update';

/**
 * "Review offline, then sync" end to end (issue 8): the review with the difference from what
 * HMRC holds and the exact JSON, approving with the network off, syncing when back online, the
 * receipts and HMRC's estimate — for a sole trader and landlord, and for an agent syncing
 * several clients with a progress bar. Screenshots of each state; axe on the main ones.
 */
const REFERENCE_NOW = '2026-11-20T10:00:00Z';
const alice = SEEDED.individualA;
const c = SEEDED.agentClients;

const reviewTest = testAtReferenceTime(REFERENCE_NOW, { calculationDelayMs: 300 });

function addSoleTraderRecords(ledger: Ledger, seId: number, ukpId: number): void {
  const rows: [string, string, number, number, string, number?][] = [
    ['2026-04-12', 'Kitchen fit, Mrs Patel', seId, 1_820_000, 'se.turnover'],
    ['2026-05-03', 'Timber merchant', seId, -86_050, 'se.costOfGoods'],
    ['2026-06-14', 'Van fuel', seId, -12_040, 'se.carVanTravelExpenses', 2_408],
    ['2026-08-22', 'Sash windows, Dr Ahmed', seId, 1_510_000, 'se.turnover'],
    ['2026-09-15', 'Accountant', seId, -30_000, 'se.professionalFees'],
    ['2026-09-30', 'Card payment, unclear', seId, -2_599, ''],
    ['2026-04-28', 'Rent, 14 Mill Lane', ukpId, 95_000, 'ukp.periodAmount'],
    ['2026-06-11', 'Boiler service', ukpId, -14_500, 'ukp.repairsAndMaintenance'],
    ['2026-07-28', 'Rent, 14 Mill Lane', ukpId, 95_000, 'ukp.periodAmount'],
    ['2026-09-20', 'Mortgage interest', ukpId, -42_000, 'ukp.residentialFinancialCost'],
  ];
  for (const [date, description, businessId, amountPence, categoryId, disallowablePence] of rows) {
    ledger.transactions.add({
      date,
      description,
      amountPence,
      businessId,
      ...(categoryId ? { categoryId } : {}),
      ...(disallowablePence ? { disallowablePence } : {}),
    });
  }
}

async function openReview(
  app: Page,
  tab?: 'Outbox and sync' | 'Receipts' | 'Sync all clients' | 'Updates to review',
) {
  await app
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: 'Review & sync' })
    .click();
  if (tab)
    await app
      .getByRole('navigation', { name: 'Review and sync' })
      .getByRole('link', { name: tab })
      .click();
}

const card = (app: Page, business: string) => app.locator(`article[data-business="${business}"]`);

/** Ticks every warning box of a card and approves it. */
async function approve(app: Page, business: string) {
  const update = card(app, business);
  await approveUpdateCard(update);
}

reviewTest.describe('review offline, then sync', () => {
  reviewTest(
    'a sole trader and landlord: review, approve offline, sync, receipts and estimate',
    async ({ app, host }) => {
      await app.context().grantPermissions(['clipboard-read', 'clipboard-write']);
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
      const ukp = ledger.businesses.findByHmrcId(alice.ukPropertyId)!;
      addSoleTraderRecords(ledger, se.id, ukp.id);

      // The review: figures in words against what HMRC holds, changed lines marked in words.
      await openReview(app);
      const joinery = card(app, 'Ashworth Joinery');
      await expect(joinery.getByRole('heading', { level: 2 })).toContainText('Ashworth Joinery');
      await expect(joinery).toContainText('Q2 2026-27');
      await expect(joinery).toContainText('Compared with: What HMRC holds now');
      const turnover = joinery.locator('tr[data-path="periodIncome.turnover"]');
      await expect(turnover).toContainText('Sales and takings');
      await expect(turnover).toContainText('£11,400.50');
      await expect(turnover).toContainText('£33,300.00');
      await expect(turnover).toContainText('Changed by +£21,899.50');
      await expect(turnover).toHaveClass(/figures-changed/);
      // Checks: an uncategorised card payment and lines that went down need a tick each.
      await expect(
        joinery.getByText(/left out of these figures because they are not categorised/),
      ).toBeVisible();
      await expect(joinery.getByRole('button', { name: 'Approve this update' })).toBeDisabled();
      await bothSchemes(app, 'review-updates');

      // The exact JSON, copyable.
      await joinery.getByText('The exact JSON HMRC will receive').click();
      await expect(joinery.getByLabel('The JSON that will be sent')).toContainText(
        '"periodEndDate": "2026-10-05"',
      );
      await joinery.getByRole('button', { name: 'Copy the JSON' }).click();
      await expect(joinery.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
      const copied = await app.evaluate(() => navigator.clipboard.readText());
      expect(JSON.parse(copied).periodDates).toEqual({
        periodStartDate: '2026-04-06',
        periodEndDate: '2026-10-05',
      });
      await screenshot(app, 'review-exact-json');

      // Offline: the banner on every screen; approving still works; sync waits.
      host.setOnline(false);
      await expect(app.getByText('You are offline.', { exact: true })).toBeVisible();
      await approve(app, 'Ashworth Joinery');
      await approve(app, 'UK property');
      await expect(joinery.getByText('Approved, waiting to be sent')).toBeVisible();
      await bothSchemes(app, 'review-approved-offline');
      await openReview(app, 'Outbox and sync');
      await expect(app.getByRole('button', { name: 'Sync now' })).toBeDisabled();
      await expect(app.locator('tr[data-state="approved"]')).toHaveCount(2);
      await screenshot(app, 'sync-outbox-offline');

      // Back online: sync, receipts, estimate.
      host.setOnline(true);
      // The banner's own words, exactly: the outbox says it too, in a longer hint that also goes.
      await expect(app.getByText(/You are offline\. Approved updates/)).toBeHidden();
      await expect(app.getByText('You are offline.', { exact: true })).toBeHidden();
      await app.getByRole('button', { name: 'Sync now' }).click();
      await expect(app.locator('.sync-result')).toContainText('2 of 2 updates accepted by HMRC.');
      await expect(
        app.getByText(/HMRC may take up to an hour to show an update as received/),
      ).toBeVisible();
      await expect(app.locator('tr[data-state="accepted"]')).toHaveCount(2);
      const estimate = app.getByRole('region', { name: 'Tax estimate from HMRC' });
      await expect(estimate.getByText('Estimated Income Tax')).toBeVisible();
      await expect(estimate.getByText('Estimated Class 4 National Insurance')).toBeVisible();
      await expect(estimate).toContainText('covering 6 Apr 2026 to 5 Oct 2026');
      // HMRC's total, not Ledgerlink's set-aside figure that the projection also shows as a total.
      await expect(
        estimate.locator('.estimate-total', { hasText: 'Estimated total so far' }).locator('dd'),
      ).not.toHaveText('£0.00');
      await expect(estimate).toContainText(
        'This calculation is only based on information HMRC have received about your income and expenses to 5 October 2026',
      );
      // In Practice the app says the figure is a practice one, not HMRC's.
      await expect(estimate).toContainText('Practice figure.');
      await bothSchemes(app, 'sync-done-estimate');

      await openReview(app, 'Receipts');
      await expect(app.locator('tr[data-receipt]')).toHaveCount(2);
      await expect(app.locator('tr[data-receipt="1"]')).toContainText('Payload SHA-256');
      await bothSchemes(app, 'sync-receipts');

      // After the sync the review compares with the update HMRC now holds: nothing changes.
      await openReview(app, 'Updates to review');
      await expect(joinery.getByText('Accepted by HMRC')).toBeVisible();
      await expect(joinery).toContainText('Nothing changes.');

      // Diagnostics: the submission log's hash chain is intact.
      await app
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('link', { name: 'Diagnostics' })
        .click();
      await app.getByRole('button', { name: 'Check the submission logs' }).click();
      const row = app.locator('tr[data-profile="Alice Ashworth"]');
      await expect(row).toContainText('Intact');
      await expect(row).toContainText('2');
      await row.scrollIntoViewIfNeeded();
      await screenshot(app, 'diagnostics-log-integrity');

      // Someone edits a receipt in the database file: the check finds it.
      ledger.database.exec('DROP TRIGGER sync_submission_log_no_update');
      ledger.database
        .prepare(`UPDATE sync_submission_log SET correlation_id = 'forged' WHERE seq = 1`)
        .run();
      await app.getByRole('button', { name: 'Check the submission logs' }).click();
      await expect(row).toContainText('Changed');
      await expect(row).toContainText('Receipt 1: The entry was changed after it was recorded');
      await expectNoA11yViolations(app);
      await screenshot(app, 'diagnostics-log-tampered');
    },
  );

  reviewTest(
    'HMRC busy: queued with the next try; HMRC refusing: failed, kept, with HMRC’s reason',
    async ({ app, host, practice }) => {
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
      const ukp = ledger.businesses.findByHmrcId(alice.ukPropertyId)!;
      addSoleTraderRecords(ledger, se.id, ukp.id);
      await openReview(app);
      await approve(app, 'Ashworth Joinery');

      // Every request fails with a 5xx: after the client's own retries the update stays queued.
      practice.setFaults({ serverErrorRate: 1, serverErrorStatuses: [503] });
      await openReview(app, 'Outbox and sync');
      await app.getByRole('button', { name: 'Sync now' }).click();
      const item = app.locator('tr[data-state="approved"]');
      await expect(item).toContainText('It will be tried again at');
      await expect(app.locator('.sync-result')).toContainText('0 of 1 update accepted by HMRC.');
      await expectNoA11yViolations(app);
      await screenshot(app, 'sync-queued-hmrc-busy');

      // HMRC refuses it on a business rule (Practice's canned outcome): failed, kept, explained.
      practice.setFaults({ serverErrorRate: 0 });
      await host.services.sync.syncNow(profile.id, {
        govTestScenario: 'END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
      });
      const failed = app.locator('tr[data-state="failed"]');
      await expect(failed).toContainText('Refused by HMRC: needs correcting');
      await expect(failed).toContainText(
        'Reference: RULE_END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
      );
      await expect(failed.getByRole('link', { name: 'Review again' })).toBeVisible();
      await bothSchemes(app, 'sync-failed-hmrc-refused');
    },
  );

  reviewTest(
    'an agent: several clients synced at once with a progress bar',
    async ({ app, host, practice }) => {
      const { accountId } = await linkPracticeAccount(app, host, { kind: 'agent' });
      const extra = ['Gwen Griffiths', 'Huw Hughes'].map((name) => {
        const u = practice.createIndividual({
          name,
          mtdStartTaxYear: '2026-27',
          businesses: [
            {
              typeOfBusiness: 'self-employment',
              tradingName: `${name.split(' ')[1]} Trading`,
              commencementDate: '2014-05-01',
            },
          ],
        });
        practice.authoriseAgent(SEEDED.agent.userId, u.nino!, 'main');
        return { name, nino: u.nino!, role: 'main' as const };
      });
      const clients = [
        { name: 'Carys Clarke', nino: c.mainSelfEmployed.nino, role: 'main' as const },
        { name: 'Dev Desai', nino: c.mainLandlord.nino, role: 'main' as const },
        { name: 'Ewan Ellis', nino: c.supporting.nino, role: 'supporting' as const },
        ...extra,
      ];
      const ids: Record<string, string> = {};
      for (const client of clients) {
        const p = await host.services.profiles.create({
          kind: 'client',
          name: client.name,
          nino: client.nino,
          accountId,
          agentRole: client.role,
        });
        ids[client.name] = p.id;
        await host.services.profiles.refresh(p.id);
        const ledger = host.services.profiles.ledger(p.id);
        for (const b of ledger.businesses.list()) {
          const income = b.kind === 'self-employment' ? 'se.turnover' : 'ukp.periodAmount';
          ledger.transactions.add({
            date: '2026-05-14',
            description: 'Takings',
            amountPence: 2_150_000 + client.name.length * 10_000,
            businessId: b.id,
            categoryId: income,
          });
          ledger.transactions.add({
            date: '2026-08-02',
            description: 'Takings',
            amountPence: 1_380_000,
            businessId: b.id,
            categoryId: income,
          });
          ledger.transactions.add({
            date: '2026-07-10',
            description: 'Supplies',
            amountPence: -40_000,
            businessId: b.id,
            categoryId:
              b.kind === 'self-employment' ? 'se.costOfGoods' : 'ukp.repairsAndMaintenance',
          });
        }
      }

      // The agent reviews Carys's update in the app, as she would see it.
      host.services.profiles.setActive(ids['Carys Clarke']!);
      await openReview(app);
      const catering = card(app, 'Clarke Catering');
      await expect(catering).toContainText(
        'Compared with: HMRC holds no update for this business and tax year yet',
      );
      await approve(app, 'Clarke Catering');
      await screenshot(app, 'review-agent-client-approved');

      // The other clients' updates, approved the same way (through the service, to keep this short).
      for (const client of clients.filter((x) => x.name !== 'Carys Clarke')) {
        const list = await host.services.review.list(ids[client.name]!);
        for (const u of list.updates) {
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

      // Sync all clients: a progress bar and each client's row; slowed down so it can be seen.
      practice.setFaults({ latencyMs: 700 });
      await openReview(app, 'Sync all clients');
      await app.getByRole('button', { name: 'Sync all clients now' }).click();
      const bar = app.getByRole('progressbar', { name: 'Syncing' });
      await expect(bar).toBeVisible();
      await expect(app.locator('tr[data-client="Carys Clarke"]')).toBeVisible();
      await bothSchemes(app, 'sync-clients-progress');
      practice.setFaults({ latencyMs: 0 });
      await expect(app.getByText('Sync finished')).toBeVisible({ timeout: 120_000 });
      await expect(
        app.getByText(/5 of 5 updates done: 5 accepted, 0 queued, 0 need attention/),
      ).toBeVisible();
      for (const client of clients)
        await expect(app.locator(`tr[data-client="${client.name}"]`)).toContainText('Done');
      await bothSchemes(app, 'sync-clients-done');

      // A sync of several clients asks for no estimates (HMRC's request budget): a main agent
      // asks for the client's when they look; a supporting agent is told why not.
      host.services.profiles.setActive(ids['Carys Clarke']!);
      await openReview(app, 'Outbox and sync');
      const carysEstimate = app.getByRole('region', { name: 'Tax estimate from HMRC' });
      await expect(carysEstimate).toContainText('No estimate yet');
      await carysEstimate.getByRole('button', { name: 'Ask HMRC for a new estimate' }).click();
      await expect(
        app
          .getByRole('region', { name: 'Tax estimate from HMRC' })
          .getByText('Estimated Income Tax'),
      ).toBeVisible();
      host.services.profiles.setActive(ids['Ewan Ellis']!);
      await expect(app.getByRole('heading', { level: 1 })).toContainText('Ewan Ellis');
      const estimate = app.getByRole('region', { name: 'Tax estimate from HMRC' });
      await expect(estimate).toContainText(
        'HMRC does not let a supporting agent see or ask for the client’s tax calculations',
      );
      await expect(app.locator('tr[data-state="accepted"]')).toHaveCount(1);
      await expectNoA11yViolations(app);
      await screenshot(app, 'sync-supporting-agent-no-estimate');
    },
  );
});
