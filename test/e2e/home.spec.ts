import { SEEDED } from '../../src/practice/server';
import { expect, expectNoA11yViolations, screenshot, testAtReferenceTime } from './fixtures';
import { linkPracticeAccount } from './support/link-practice-account';

/**
 * Home, the first screen after set-up: for a sole trader the next deadline with days left,
 * what is overdue, the outbox, the year end and when HMRC was last asked, one action each —
 * with the same dates Review shows.
 */
const REFERENCE_NOW = '2026-11-20T10:00:00Z';
const alice = SEEDED.individualA;

const homeTest = testAtReferenceTime(REFERENCE_NOW);

homeTest(
  'a sole trader lands on Home: what is due, overdue, waiting, the year end',
  async ({ app, host }) => {
    const { accountId } = await linkPracticeAccount(app, host, { kind: 'individual' });
    const profile = await host.services.profiles.create({
      kind: 'self',
      name: 'Alice Ashworth',
      nino: alice.nino,
      accountId,
      activate: true,
    });
    await host.services.profiles.refresh(profile.id);

    // The app opens on Home.
    await app.goto(host.url);
    await expect(
      app.getByRole('heading', { level: 1, name: 'Home: Alice Ashworth' }),
    ).toBeVisible();
    const tile = (name: string) => app.getByRole('region', { name });
    // On 20 Nov 2026, Q2 (due 7 Nov) is overdue by 13 days, the same words Review uses.
    await expect(tile('Overdue')).toContainText('overdue by 13 days (was due 7 Nov 2026)');
    await expect(tile('Overdue').getByRole('link', { name: 'Review and send it' })).toBeVisible();
    await expect(tile('Year end')).toContainText('Final declaration for 2025-26');
    await expect(tile('Year end')).toContainText('due 31 Jan 2027, in 72 days');
    await expect(tile('Outbox')).toContainText('Nothing is waiting to be sent.');
    await expect(tile('Last synced')).toContainText('Not synced yet.');
    await expect(tile('Next deadline')).toContainText(/due .* in \d+ days/);

    for (const [w, h] of [
      [1280, 800],
      [1024, 700],
    ] as const) {
      await app.setViewportSize({ width: w, height: h });
      for (const scheme of ['light', 'dark'] as const) {
        await app.emulateMedia({ colorScheme: scheme });
        await expectNoA11yViolations(app);
        await screenshot(app, `home-${w}x${h}-${scheme}`);
      }
    }
    await app.setViewportSize({ width: 1280, height: 800 });
    await app.emulateMedia({ colorScheme: 'light' });

    // Review's header says overdue too.
    await tile('Overdue').getByRole('link', { name: 'Review and send it' }).click();
    await expect(
      app.locator('article[data-business="Ashworth Joinery"] .update-period'),
    ).toContainText('overdue by 13 days (was due 7 Nov 2026)');
  },
);
