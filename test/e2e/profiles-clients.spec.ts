import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SEEDED } from '../../src/practice/server';
import type { BrowserHost } from '../support/browser-host/start-browser-host';
import { expect, expectNoA11yViolations, screenshot, test } from './fixtures';
import { linkPracticeAccount } from './support/link-practice-account';

/**
 * An agent's day (issue 6 items 3–7): clients added and imported, the switcher by keyboard
 * with hundreds of clients, two clients' data never mixed up, a supporting agent's limits
 * shown up front, and the Profiles screens.
 */
/** What the switching test records in the window: each state of the screen it saw. */
type Sample = { name: string; data: string };
type SampledWindow = Window & { samples?: Sample[] };

const c = SEEDED.agentClients;

async function agentWithClients(app: Page, host: BrowserHost) {
  const { accountId } = await linkPracticeAccount(app, host, { kind: 'agent' });
  const add = (name: string, nino: string, agentRole: 'main' | 'supporting') =>
    host.services.profiles.create({ kind: 'client', name, nino, accountId, agentRole });
  const carys = await add('Carys Clarke', c.mainSelfEmployed.nino, 'main');
  const dev = await add('Dev Desai', c.mainLandlord.nino, 'main');
  const ewan = await add('Ewan Ellis', c.supporting.nino, 'supporting');
  return { accountId, carys, dev, ewan };
}

const switcher = (app: Page) => app.getByTestId('profile-switcher');

/** Switches by keyboard alone: focus the switcher, Enter, type, Enter. */
async function switchByKeyboard(app: Page, search: string): Promise<void> {
  await switcher(app).focus();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('combobox', { name: /Find a profile/ })).toBeFocused();
  await app.keyboard.type(search);
  await app.keyboard.press('Enter');
}

test.describe('agent clients', () => {
  test('switches by keyboard among hundreds of clients, smoothly', async ({ app, host }) => {
    await agentWithClients(app, host);
    for (let i = 0; i < 300; i += 1) {
      await host.services.profiles.create({
        kind: 'client',
        name: `Client ${String(i + 1).padStart(3, '0')} Example`,
        nino: `JC${String(200_000 + i)}D`,
        agentRole: i % 5 === 0 ? 'supporting' : 'main',
      });
    }
    await app
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Profiles' })
      .click();
    await expect(switcher(app)).toContainText('Carys Clarke');

    await switcher(app).focus();
    await app.keyboard.press('Enter');
    const search = app.getByRole('combobox', { name: /Find a profile/ });
    await expect(search).toBeFocused();
    const listbox = app.getByRole('listbox', { name: 'Profiles' });
    // Virtualised: only the visible few of 303 options are in the page.
    const rendered = await listbox.getByRole('option').count();
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(40);
    for (const scheme of ['light', 'dark'] as const) {
      await app.emulateMedia({ colorScheme: scheme });
      await expectNoA11yViolations(app);
      await screenshot(app, `profiles-switcher-open-${scheme}`);
    }
    await app.emulateMedia({ colorScheme: 'light' });

    // Page Down far down the list: the highlighted option is rendered and announced as active.
    for (let i = 0; i < 31; i += 1) await app.keyboard.press('PageDown');
    const active = await search.getAttribute('aria-activedescendant');
    await expect(app.locator(`[id="${active}"]`)).toHaveAttribute('aria-posinset', '303');

    // Type to filter by NINO (spaces ignored), arrows to move, Enter to switch.
    await search.fill('JC 20 02 9');
    await expect(
      app.getByRole('status').filter({ hasText: /of 303 profiles match/ }),
    ).toContainText('10 of 303');
    await app.keyboard.press('ArrowDown');
    await app.keyboard.press('Enter');
    await expect(switcher(app)).toContainText('Client 292 Example');
    await expect(switcher(app)).toBeFocused();
    await expect(app.getByRole('heading', { level: 1 })).toHaveText('Client 292 Example');

    // Escape closes without switching and gives focus back.
    await app.keyboard.press('Enter');
    await app.keyboard.type('ewan');
    await app.keyboard.press('Escape');
    await expect(search).toHaveCount(0);
    await expect(switcher(app)).toBeFocused();
    await expect(switcher(app)).toContainText('Client 292 Example');

    await switchByKeyboard(app, 'ewan');
    await expect(switcher(app)).toContainText('Ewan Ellis');
    await expect(switcher(app)).toContainText('Supporting agent');

    // Remembered: a new window (or a restart) opens on the same profile.
    await app.reload();
    await expect(switcher(app)).toContainText('Ewan Ellis');
  });

  test('never shows one client’s data under another client’s name, however fast you switch', async ({
    app,
    host,
  }) => {
    const { carys, dev } = await agentWithClients(app, host);
    await host.services.profiles.refresh(carys.id);
    await host.services.profiles.refresh(dev.id);
    await app
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Profiles' })
      .click();
    await expect(app.getByRole('heading', { level: 1 })).toHaveText('Carys Clarke');
    await expect(app.getByRole('main').getByRole('table').first()).toContainText('Clarke Catering');

    // Record every state the screen passes through while switching back and forth.
    await app.evaluate(() => {
      const samples: Sample[] = [];
      Object.assign(window, { samples });
      const take = () => {
        const main = document.querySelector('main')!;
        samples.push({
          name: main.querySelector('h1')?.textContent ?? '',
          data: main.querySelector('.profiles-overview')?.textContent ?? '',
        });
      };
      new MutationObserver(take).observe(document.querySelector('main')!, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    for (let i = 0; i < 6; i += 1) {
      await switchByKeyboard(app, i % 2 === 0 ? 'dev' : 'carys');
    }
    await expect(app.getByRole('heading', { level: 1 })).toHaveText('Carys Clarke');
    await expect(app.getByRole('main').getByRole('table').first()).toContainText('Clarke Catering');

    const samples = await app.evaluate(() => (window as SampledWindow).samples ?? []);
    // How many states the observer sees depends on how the browser batches frames on a busy
    // machine, so the test asks only that none is mismatched and that both clients were seen.
    expect(samples.length).toBeGreaterThan(0);
    const seen = new Set<string>();
    for (const s of samples) {
      if (s.name === 'Carys Clarke') {
        expect(s.data).not.toContain(c.mainLandlord.businessId);
        expect(s.data).not.toContain('AE 10 00 04 D');
        if (s.data.includes('Clarke Catering')) seen.add('carys');
      }
      if (s.name === 'Dev Desai') {
        expect(s.data).not.toContain('Clarke Catering');
        expect(s.data).not.toContain('AC 10 00 03 C');
        if (s.data.includes(c.mainLandlord.businessId)) seen.add('dev');
      }
    }
    // Both clients' data really was on screen under their own names during the run.
    expect([...seen].sort()).toEqual(['carys', 'dev']);
  });

  test('a supporting agent sees what HMRC will not let them do, and why, before trying', async ({
    app,
    host,
  }) => {
    const { ewan } = await agentWithClients(app, host);
    host.services.profiles.setActive(ewan.id);
    await app
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Profiles' })
      .click();
    await expect(app.getByRole('heading', { level: 1 })).toHaveText('Ewan Ellis');
    await expect(app.getByRole('main').getByRole('table').first()).toContainText(
      'Ellis Electrical',
    );
    const actions = app.getByRole('region', { name: 'Calculations and the end of the year' });
    await expect(actions).toContainText('You are Ewan Ellis’s supporting agent');
    for (const [name, why] of [
      ['Tax calculation', 'see or ask for the client’s tax calculations'],
      ['Final declaration', 'make the client’s final declaration'],
      ['Accounting type', 'cash or traditional accounting'],
    ] as const) {
      const button = actions.getByRole('button', { name });
      await expect(button).toHaveAttribute('aria-disabled', 'true');
      await expect(button).toHaveAccessibleDescription(new RegExp(why));
    }
    await actions.getByRole('button', { name: 'Tax calculation' }).focus();
    await app.keyboard.press('Enter');
    await expect(app).toHaveURL(/#\/profiles$/);
    await expectNoA11yViolations(app);
    await screenshot(app, 'profiles-supporting-agent');

    // A main agent's client: the same actions are available.
    await switchByKeyboard(app, 'carys');
    await expect(app.getByRole('heading', { level: 1 })).toHaveText('Carys Clarke');
    await expect(
      app
        .getByRole('region', { name: 'Calculations and the end of the year' })
        .getByRole('link', { name: 'Tax calculation' }),
    ).toBeVisible();
  });

  test('imports clients from a CSV with broken rows: line-numbered problems, nothing saved until confirmed', async ({
    app,
    host,
  }) => {
    await agentWithClients(app, host);
    await app.goto(`${host.url}#/profiles/import`);
    await expect(
      app.getByRole('heading', { name: 'Import clients from a CSV file' }),
    ).toBeVisible();
    const csv = [
      'name,NINO,role',
      `Fiona Fox,${c.notAuthorised.nino},main`,
      'Nobody Real,QQ12345,main',
      `Carys Twice,${c.mainSelfEmployed.nino},main`,
      'Gail Green,JG 12 34 56 A,boss',
      'Harry Hill,JH123456B,Supporting',
    ].join('\n');
    await app.getByLabel('CSV file of clients').setInputFiles({
      name: 'clients.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    const main = app.getByRole('main');
    await expect(
      main.getByText('2 clients are ready to import; 3 rows have problems.'),
    ).toBeVisible();
    const row = (line: number) => main.locator(`tr[data-line="${line}"]`);
    await expect(row(3)).toContainText('A National Insurance number is 2 letters, 6 numbers');
    await expect(row(4)).toContainText('AC 10 00 03 C is already in Ledgerlink as Carys Clarke.');
    await expect(row(5)).toContainText('“boss” is not a role: write main or supporting.');
    await expect(row(2)).toContainText('Ready');
    expect(host.services.profiles.list()).toHaveLength(3);
    await expectNoA11yViolations(app);
    await screenshot(app, 'profiles-import-preview');

    await main.getByRole('button', { name: 'Import 2 clients and skip 3 rows' }).click();
    await expect(main.getByText('Imported 2 clients; skipped 3 rows.')).toBeVisible();
    await host.services.profiles.refreshIdle();
    const names = host.services.profiles
      .list()
      .map((p) => p.name)
      .sort();
    expect(names).toEqual(['Carys Clarke', 'Dev Desai', 'Ewan Ellis', 'Fiona Fox', 'Harry Hill']);

    await main.getByRole('link', { name: 'See the clients overview' }).click();
    await expect(main.getByRole('row', { name: /Fiona Fox/ })).toContainText('Not authorised');
    // Harry's NINO is not known to HMRC: also "not authorised" to an agent (reference §2.10).
    await expect(main.getByRole('row', { name: /Harry Hill/ })).toContainText('Not authorised');

    // Sorting and filtering.
    await main.getByLabel('Status').selectOption('not-authorised');
    await expect(main.getByText('Showing 2 of 5')).toBeVisible();
    await main.getByLabel('Status').selectOption('all');
    await main.getByRole('button', { name: 'Client' }).click();
    await expect(main.getByRole('columnheader', { name: 'Client' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await expect(main.locator('tbody tr').first()).toContainText('Carys Clarke');
    await main.getByRole('button', { name: 'Client' }).click();
    await expect(main.locator('tbody tr').first()).toContainText('Harry Hill');
    await main.getByLabel('Find by name or NINO').fill('AH 10');
    await expect(main.locator('tbody tr')).toHaveCount(1);
    await expect(main.locator('tbody tr')).toContainText('Ewan Ellis');
  });

  test('the profiles screen: add, archive, calendar quarters, and delete with unsynced records', async ({
    app,
    host,
  }) => {
    const { carys, dev } = await agentWithClients(app, host);
    await host.services.profiles.refresh(carys.id);
    await app.goto(`${host.url}#/profiles/all`);
    const main = app.getByRole('main');
    await expect(main.getByRole('heading', { name: 'All profiles (3)' })).toBeVisible();
    for (const scheme of ['light', 'dark'] as const) {
      await app.emulateMedia({ colorScheme: scheme });
      await expectNoA11yViolations(app);
      await screenshot(app, `profiles-all-${scheme}`);
    }
    await app.emulateMedia({ colorScheme: 'light' });

    // Archive hides a client from the switcher; restore brings them back.
    await main.getByRole('button', { name: 'Archive Ewan Ellis' }).click();
    await expect(main.getByText('Archived Ewan Ellis.')).toBeVisible();
    await switcher(app).click();
    await expect(app.getByRole('option', { name: /Ewan Ellis/ })).toHaveCount(0);
    await app.keyboard.press('Escape');
    await main.getByLabel(/Show archived profiles/).check();
    await main.getByRole('button', { name: 'Restore Ewan Ellis' }).click();
    await expect(main.getByText('Restored Ewan Ellis.')).toBeVisible();

    // Calendar quarters, with the lock-in explained and confirmed.
    await app.goto(`${host.url}#/profiles`);
    await expect(app.getByRole('heading', { level: 1 })).toHaveText('Carys Clarke');
    await main.getByRole('button', { name: 'Use calendar quarters… for Clarke Catering' }).click();
    const choice = main.getByRole('form', { name: /Use calendar quarters for Clarke Catering/ });
    await expect(choice).toContainText('fixed for the rest of the tax year');
    const confirm = choice.getByRole('button', { name: 'Change to calendar quarters' });
    await expect(confirm).toBeDisabled();
    await choice.getByLabel('This business’s accounts run from 1 April to 31 March').check();
    await choice.getByLabel(/I understand that once the first update/).check();
    await screenshot(app, 'profiles-calendar-quarters');
    await confirm.click();
    await expect(
      main.locator(`tr[data-business="${c.mainSelfEmployed.businessId}"]`),
    ).toContainText('Calendar');
    await expect(main.getByRole('table', { name: 'Open obligations' })).toContainText(
      '30 Jun 2026',
    );

    // Delete: records not yet sent → count, export offer, explicit confirmation.
    host.services.profiles
      .ledger(dev.id)
      .transactions.add({ date: '2026-06-01', description: 'Rent', amountPence: 120_000 });
    await app.goto(`${host.url}#/profiles/all`);
    await main.getByRole('button', { name: 'Delete Dev Desai' }).click();
    const panel = main.getByRole('group', { name: 'Delete Dev Desai?' });
    await expect(panel).toContainText('1 record has not been sent to HMRC');
    const deleteButton = panel.getByRole('button', { name: 'Delete profile' });
    await expect(deleteButton).toBeDisabled();
    // The ledger's archive export: the person chooses where in the OS save dialog.
    const copy = join(host.dataDir, 'dev-desai-copy.zip');
    host.queueSaveLocation(copy);
    await panel.getByRole('button', { name: 'Save a copy first' }).click();
    await expect(panel.getByText(/Saved a copy as/)).toContainText('dev-desai-copy.zip');
    expect(existsSync(copy)).toBe(true);
    await screenshot(app, 'profiles-delete-unsynced');
    await panel.getByLabel('Delete Dev Desai and this record from this computer').check();
    await deleteButton.click();
    await expect(
      main.getByText('Deleted Dev Desai and their records from this computer.'),
    ).toBeVisible();
    expect(host.services.profiles.list().map((p) => p.name)).not.toContain('Dev Desai');
  });
});
