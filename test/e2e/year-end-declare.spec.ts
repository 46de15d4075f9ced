import type { Page } from '@playwright/test';
import { SEEDED } from '../../src/practice/server';
import { NOT_COVERED_TOPICS } from '@shared/domain/not-covered';
import { dispatchAs } from '../support/dispatch-as';
import { bothSchemes, expect, testAtReferenceTime } from './fixtures';
import { linkPracticeAccount } from './support/link-practice-account';

/**
 * The year end from HMRC's final calculation to the receipt (reference §5.7): a sole trader and
 * landlord reads the calculation as an SA302, agrees to HMRC's statement and declares; a main
 * agent records the client's approval and declares for a client with the agent wording; a
 * supporting agent sees why not. Screenshots light and dark; axe on each screen.
 */
const NOW = '2026-06-15T10:00:00Z';
const TAX_YEAR = '2025-26';

const yearEndTest = testAtReferenceTime(NOW, { calculationDelayMs: 300 });

/** These people told Ledgerlink they have no income it does not cover (the checklist asks). */
async function nothingElse(
  host: { origin: string; services: { ipc: Parameters<typeof dispatchAs>[0] } },
  profileId: string,
) {
  // Answered as the page would: the browser mode's window is at the host's own origin.
  const ipc = dispatchAs(host.services.ipc, {
    id: 'year-end-declare-page',
    origin: host.origin,
    isMainFrame: true,
  });
  for (const topic of NOT_COVERED_TOPICS)
    await ipc.ok('yearEnd.answerNotCovered', {
      profileId,
      taxYear: TAX_YEAR,
      topic,
      applies: false,
    });
}

const open = (app: Page, screen: string, profileId: string) =>
  app.evaluate(([s, p, t]) => (window.location.hash = `#/year-end/${s}/${p}/${t}`), [
    screen,
    profileId,
    TAX_YEAR,
  ] as const);

async function askForCalculation(app: Page) {
  await app.getByRole('button', { name: 'Ask HMRC for the final calculation' }).click();
  await expect(app.locator('.calc-progress')).toContainText(/HMRC/);
  await expect(app.getByRole('heading', { name: 'The calculation to declare' })).toBeVisible();
}

yearEndTest.describe('year end: calculation, declaration, receipt', () => {
  yearEndTest(
    'a sole trader and landlord: from the calculation to the receipt',
    async ({ app, host }) => {
      const alice = SEEDED.individualA;
      const { accountId } = await linkPracticeAccount(app, host, { kind: 'individual' });
      const profile = await host.services.profiles.create({
        kind: 'self',
        name: 'Alice Ashworth',
        nino: alice.nino,
        accountId,
        activate: true,
      });
      await host.services.profiles.refresh(profile.id);
      await nothingElse(host, profile.id);

      await app
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('link', { name: 'Year end' })
        .click();
      await open(app, 'calculation', profile.id);
      await expect(app.getByRole('heading', { level: 1 })).toHaveText(
        `HMRC’s final calculation, ${TAX_YEAR}`,
      );
      await askForCalculation(app);
      await expect(app.getByRole('table', { name: 'Income' })).toContainText('Ashworth Joinery');
      await expect(app.getByRole('table', { name: 'How the tax was worked out' })).toContainText(
        '%',
      );
      await expect(app.getByRole('table', { name: 'Tax due' })).toContainText(
        'Class 4 National Insurance',
      );
      await bothSchemes(app, 'year-end-calculation');

      await app.getByRole('link', { name: 'Go to the declaration' }).click();
      await expect(app.getByRole('heading', { level: 1 })).toHaveText(
        `Final declaration, ${TAX_YEAR}`,
      );
      await expect(app.locator('blockquote')).toHaveText(
        'I declare that the information and self-assessment I have filed are (taken together) correct and complete to the best of my knowledge. I understand that I may have to pay financial penalties and face prosecution if I give false information.',
      );
      await expect(app.getByRole('button', { name: 'Record my agreement' })).toBeDisabled();
      await bothSchemes(app, 'year-end-declaration');
      await app.getByLabel('I have read HMRC’s statement above and I agree to it').check();
      await app.getByRole('button', { name: 'Record my agreement' }).click();
      await expect(app.getByText(/^Agreed by Alice Ashworth/)).toBeVisible();
      await app.getByRole('button', { name: 'Send the final declaration to HMRC' }).click();
      await expect(
        app.getByRole('heading', { name: 'Receipt: HMRC has the final declaration' }),
      ).toBeVisible();
      await expect(app.getByText(/may take up to an hour/)).toBeVisible();
      await bothSchemes(app, 'year-end-receipt');
    },
  );

  yearEndTest(
    'a main agent records the client’s approval and declares; a supporting agent sees why not',
    async ({ app, host }) => {
      const { accountId } = await linkPracticeAccount(app, host, { kind: 'agent' });
      const gwen = await host.services.profiles.create({
        kind: 'client',
        name: 'Gwen Galbraith',
        nino: SEEDED.scottishTaxpayer.nino,
        accountId,
        agentRole: 'main',
        activate: true,
      });
      await host.services.profiles.refresh(gwen.id);
      await nothingElse(host, gwen.id);
      const ewan = await host.services.profiles.create({
        kind: 'client',
        name: 'Ewan Evans',
        nino: SEEDED.agentClients.supporting.nino,
        accountId,
        agentRole: 'supporting',
      });

      await open(app, 'calculation', gwen.id);
      await askForCalculation(app);
      await expect(app.getByText(/Scottish rates and bands/)).toBeVisible();
      await open(app, 'declaration', gwen.id);
      await expect(app.getByRole('heading', { name: '1. Your client’s approval' })).toBeVisible();
      await app.getByLabel('Date your client approved it').fill('2026-06-14');
      await app.getByLabel('How they approved it').selectOption('email');
      await app.getByLabel('Note (optional)').fill('Gwen replied to the SA302 email: approved.');
      await bothSchemes(app, 'year-end-agent-approval');
      await app.getByRole('button', { name: 'Record the client’s approval' }).click();
      await expect(app.getByText(/Client approval recorded: email on 2026-06-14/)).toBeVisible();
      await expect(app.locator('blockquote')).toContainText(
        'I confirm that my client has received a copy',
      );
      await app.getByLabel('I have read HMRC’s statement above and I agree to it').check();
      await app.getByRole('button', { name: 'Record my agreement' }).click();
      await app.getByRole('button', { name: 'Send the final declaration to HMRC' }).click();
      await expect(
        app.getByRole('heading', { name: 'Receipt: HMRC has the final declaration' }),
      ).toBeVisible();
      await bothSchemes(app, 'year-end-agent-receipt');

      await open(app, 'declaration', ewan.id);
      await expect(app.getByText('You can look, but not declare')).toBeVisible();
      await expect(app.getByText(/HMRC does not let a supporting agent/)).toBeVisible();
      await expect(app.getByRole('button', { name: /Send the final declaration/ })).toHaveCount(0);
      await bothSchemes(app, 'year-end-supporting-agent');
    },
  );
});
