import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSwitchableNetwork } from '../../../src/main/sync/network-status';
import { createDeclarationStore } from '../../../src/main/year-end/declaration/declaration-store';
import { SEEDED } from '../../../src/practice/state/seed';
import { practiceEndpointOf } from '../../support/integration-app/integration-adapters';
import {
  startDeclareApp,
  startDeclareHarness,
  YEAR_END_NOW,
  type DeclareApp,
  type DeclareHarness,
} from './support/declare-harness';

/**
 * A final declaration left `sending` (the app stopped between marking it and recording HMRC's
 * answer) is finished at the next start-up, without the person pressing Send again: HMRC is
 * asked what it holds first; if it holds the declaration it is recorded as confirmed (no second
 * POST), if not it is sent. Offline at start-up it waits, and the next start finishes it. The
 * interruption is an error thrown at a named step of sending (no timers, no kills): the item
 * stays `sending`, exactly as a crash at that step leaves it.
 */
const ALICE = { ...SEEDED.individualA, name: 'Alice Ashworth' };
const TAX_YEAR = '2025-26';

let h: DeclareHarness | undefined;
const apps: DeclareApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.services.dispose();
  await h?.close();
  h = undefined;
});

interface PracticeFile {
  taxpayers: Record<
    string,
    {
      finalDeclarations: Record<string, { calculationId: string }>;
      calculations: { calculationId: string; declaredAs?: string }[];
    }
  >;
}

/** Alice agreed to a calculation; the declaring app stops at `step` (once) while sending. */
async function interruptedAt(step: 'marked-sending' | 'answered') {
  const dataFile = join(mkdtempSync(join(tmpdir(), 'pr-')), 'practice.json');
  h = await startDeclareHarness({ practice: { dataFile } });
  const harness = h;
  const profileId = await harness.profileFor(ALICE);
  const calc = await harness.ok('yearEnd.finalCalculation', {
    profileId,
    taxYear: TAX_YEAR,
    purpose: 'finalise',
  });
  const calculationId = calc.latest!.calculationId;
  await harness.ok('yearEnd.agree', { profileId, taxYear: TAX_YEAR, calculationId, agreed: true });
  await harness.services.dispose();

  const start = (extra: Partial<Parameters<typeof startDeclareApp>[0]> = {}) =>
    startDeclareApp({
      dataDir: harness.dataDir,
      practice: practiceEndpointOf(harness.practice),
      at: YEAR_END_NOW,
      practiceClock: harness.practiceClock,
      ...extra,
    }).then((app) => {
      apps.push(app);
      return app;
    });

  let stopped = false;
  const crashing = await start({
    checkpoint: (s) => {
      if (s === step && !stopped) {
        stopped = true;
        throw new Error(`stopped at ${s}`);
      }
    },
  });
  await crashing.services.declaration.declare(profileId, TAX_YEAR, calculationId).catch(() => {
    // Stopped at `answered` the error escapes the send: the app "crashed" there.
  });
  expect(stopped).toBe(true);
  expect(await crashing.services.declarationsResumed).toEqual({ resumed: [], waiting: [] });
  await crashing.services.dispose();
  apps.splice(apps.indexOf(crashing), 1);

  const ledgerState = (app: DeclareApp) => {
    const store = createDeclarationStore(app.services.profiles.ledger(profileId).database);
    return {
      item: store.latest(TAX_YEAR),
      receipts: store.receipts(),
      problems: store.verifyReceipts(),
    };
  };
  const practiceHolds = async () => {
    await harness.practice.flush();
    const alice = (JSON.parse(readFileSync(dataFile, 'utf8')) as PracticeFile).taxpayers[
      ALICE.nino
    ]!;
    return {
      declaredFor: alice.finalDeclarations[TAX_YEAR]?.calculationId,
      declarations: alice.calculations.filter((c) => c.declaredAs === 'final-declaration').length,
    };
  };
  return { profileId, calculationId, start, ledgerState, practiceHolds };
}

describe('an interrupted final declaration is finished at start-up', () => {
  it('stopped before the POST: at start-up HMRC is asked, holds nothing, and it is sent once', async () => {
    const t = await interruptedAt('marked-sending');
    expect(await t.practiceHolds()).toEqual({ declaredFor: undefined, declarations: 0 });

    const app = await t.start();
    expect(await app.services.declarationsResumed).toEqual({ resumed: [t.profileId], waiting: [] });
    const after = t.ledgerState(app);
    expect(after.item).toMatchObject({ state: 'accepted' });
    expect(after.receipts).toHaveLength(1);
    expect(after.receipts[0]).toMatchObject({ calculationId: t.calculationId, how: 'answered' });
    expect(after.problems).toEqual([]);
    expect(await t.practiceHolds()).toEqual({ declaredFor: t.calculationId, declarations: 1 });

    // The next start has nothing to do.
    await app.services.dispose();
    apps.splice(apps.indexOf(app), 1);
    const again = await t.start();
    expect(await again.services.declarationsResumed).toEqual({ resumed: [], waiting: [] });
  });

  it('stopped after HMRC declared: at start-up HMRC says it holds it, recorded as confirmed, never sent twice', async () => {
    const t = await interruptedAt('answered');
    expect(await t.practiceHolds()).toEqual({ declaredFor: t.calculationId, declarations: 1 });

    const app = await t.start();
    expect(await app.services.declarationsResumed).toEqual({ resumed: [t.profileId], waiting: [] });
    const after = t.ledgerState(app);
    expect(after.item).toMatchObject({ state: 'accepted' });
    expect(after.receipts).toHaveLength(1);
    expect(after.receipts[0]).toMatchObject({ how: 'confirmed' });
    expect(after.problems).toEqual([]);
    expect(await t.practiceHolds()).toEqual({ declaredFor: t.calculationId, declarations: 1 });
    // The person's state view shows it declared, with nothing pressed.
    const s = await app.ok('yearEnd.declarationState', {
      profileId: t.profileId,
      taxYear: TAX_YEAR,
    });
    expect(s.declared).toMatchObject({ calculationId: t.calculationId, how: 'confirmed' });
  });

  it('offline at start-up it waits, still `sending`; the next start finishes it', async () => {
    const t = await interruptedAt('marked-sending');
    const offline = await t.start({ network: createSwitchableNetwork(false) });
    expect(await offline.services.declarationsResumed).toEqual({
      resumed: [],
      waiting: [t.profileId],
    });
    expect(t.ledgerState(offline).item).toMatchObject({ state: 'sending' });
    await offline.services.dispose();
    apps.splice(apps.indexOf(offline), 1);

    const online = await t.start();
    expect(await online.services.declarationsResumed).toEqual({
      resumed: [t.profileId],
      waiting: [],
    });
    expect(t.ledgerState(online).receipts).toHaveLength(1);
    expect(await t.practiceHolds()).toEqual({ declaredFor: t.calculationId, declarations: 1 });
  });
});
