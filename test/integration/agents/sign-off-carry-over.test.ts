import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CARRIED_KEY, LEGACY_KEY } from '../../../src/main/agents/sign-off/sign-off-carry-over';
import { createSignOffRecords } from '../../../src/main/agents/sign-off/sign-off-records';
import { createOffsetClock } from '../../../src/main/clock/clock';
import { createMainServices, type MainServices } from '../../../src/main/create-main-services';
import { memorySink } from '../../../src/main/logging/logger';
import { cancelledFileDialogs } from '../../../src/main/records-ipc/file-dialogs';
import { createConfStore } from '../../../src/main/web/conf-store';
import { SEEDED } from '../../../src/practice/server';
import { dispatchAs } from '../../support/dispatch-as';
import {
  integrationAdapters,
  practiceEndpointOf,
} from '../../support/integration-app/integration-adapters';
import {
  SYNC_REFERENCE_NOW,
  startSyncHarness,
  type SyncHarness,
} from '../sync/support/sync-harness';

/**
 * Approvals of quarterly updates and annual figures used to be kept in the `agent-sign-offs`
 * JSON document beside the ledgers, so a profile's archive left them behind. Grace (main agent
 * for Gwen Galbraith) recorded Gwen's approval of her annual figures with that version; the
 * next start carries it into Gwen's ledger, where the pack still shows it and the profile's
 * archive takes it to a new profile.
 */
let h: SyncHarness | undefined;
let again: MainServices | undefined;
afterEach(async () => {
  await again?.dispose();
  again = undefined;
  await h?.close();
  h = undefined;
});

const gwen = SEEDED.scottishTaxpayer;
const TY = '2025-26';

describe('approvals kept by an older version', () => {
  it('are carried into the client’s ledger once, still shown, and travel in the archive', async () => {
    h = await startSyncHarness();
    const accountId = await h.link(SEEDED.agent, 'agent');
    const profile = await h.ok('profiles.create', {
      kind: 'client',
      name: 'Gwen Galbraith',
      nino: gwen.nino,
      accountId,
      agentRole: 'main',
    });
    await h.services.profiles.refresh(profile.id);
    const se = h.services.profiles.ledger(profile.id).businesses.findByHmrcId(gwen.businessId)!;
    const ref = { profileId: profile.id, businessId: se.id, taxYear: TY };
    const figures = [{ key: 'allowances.annualInvestmentAllowance', value: 120_000 }];
    const review = await h.ok('yearEnd.annualPrepare', { ...ref, figures });
    await h.ok('yearEnd.annualApprove', {
      ...ref,
      figures,
      payloadHash: review.payloadHash,
      acknowledgedWarnings: review.warnings.map((w) => w.code),
    });
    const subject = { kind: 'annual', businessId: se.id, taxYear: TY } as const;
    const pack = await h.ok('agents.signOffPack', { profileId: profile.id, subject });
    expect(pack.approval).toBeUndefined();
    await h.services.sync.idle();
    await h.services.dispose();

    // What the older version wrote when Grace recorded Gwen's approval.
    const approval = {
      approvedOn: '2026-11-19',
      method: 'video',
      note: 'Gwen agreed on a video call.',
      recordedBy: pack.agentName,
      recordedAt: '2026-11-19T15:00:00.000Z',
    } as const;
    const old = createConfStore(h.dataDir, 'agent-sign-offs');
    old.set(LEGACY_KEY, { [profile.id]: { [pack.reference]: approval } });

    // The next start, with dialogs that save and open one archive file.
    const archive = join(h.dataDir, 'gwen.ledgerlink.zip');
    const clock = createOffsetClock();
    clock.advance(Date.parse(SYNC_REFERENCE_NOW) - Date.now());
    again = await createMainServices(
      integrationAdapters({
        dataDir: h.dataDir,
        practice: practiceEndpointOf(h.practice),
        logSink: memorySink(),
        opened: [],
        clock,
        fileDialogs: {
          ...cancelledFileDialogs,
          chooseSaveLocation: () => Promise.resolve(archive),
          chooseFile: () => Promise.resolve(archive),
        },
      }),
    );
    const app = dispatchAs(again.ipc);
    const db = again.profiles.ledger(profile.id).database;
    expect(db.prepare('SELECT kind, reference, origin FROM ag_sign_off_approvals').all()).toEqual([
      { kind: 'annual-figures', reference: pack.reference, origin: 'carried-over' },
    ]);
    // The document keeps the old entry, moved aside, so nothing is lost.
    expect(old.get(LEGACY_KEY)).toEqual({});
    expect(old.get(CARRIED_KEY)).toEqual({ [profile.id]: { [pack.reference]: approval } });

    // The agent sees the same pack, approved, as before.
    const shown = await app.ok('agents.signOffPack', { profileId: profile.id, subject });
    expect(shown.reference).toBe(pack.reference);
    expect(shown.approval).toEqual(approval);

    // Saved as a whole profile and brought in as a new one: the approval comes with it.
    await app.ok('records.exportArchive', { profileId: profile.id, operationId: randomUUID() });
    const imported = await app.ok('records.importArchive', {
      operationId: randomUUID(),
      kind: 'client',
      name: 'Gwen Galbraith (copy)',
      nino: 'AA123456C',
      agentRole: 'main',
    });
    if (!('profileId' in imported)) throw new Error('the import was cancelled');
    const copy = createSignOffRecords(again.profiles.ledger(imported.profileId).database);
    expect(copy.get(pack.reference)).toEqual(approval);
    expect(copy.get(pack.reference.replace(/:[0-9a-f]{16}$/, ':0000000000000000'))).toBeUndefined();
  });
});
