import type { DeclarationReceiptsCheck } from '@shared/ipc/channels/year-end-receipts';
import type { IpcRouter } from '../../ipc/ipc-router';
import type { Profile } from '../../profiles/profile-record';
import { createSubmissionLog, GENESIS_HASH } from '../../sync/submission-log';
import type { SyncProfilesPort } from '../../sync/profile-sync';
import { createDeclarationStore } from './declaration-store';

type Profiles = Pick<SyncProfilesPort, 'require' | 'ledger'> & { list(): Profile[] };

/**
 * The declaration receipts of each profile with their chain checked, for Diagnostics: every
 * receipt's hash over its fields and the one before it (declaration-store.ts verifyReceipts),
 * and the sync submission log head it recorded is one the log holds, so neither chain can be
 * cut back without the other showing it.
 */
export function checkDeclarationReceipts(
  profiles: Profiles,
  profileId?: string,
): DeclarationReceiptsCheck[] {
  const chosen = profileId ? [profiles.require(profileId)] : profiles.list();
  return chosen.map((profile) => {
    const db = profiles.ledger(profile.id).database;
    const store = createDeclarationStore(db);
    const receipts = store.receipts();
    const logHashes = new Set([
      GENESIS_HASH,
      ...createSubmissionLog(db)
        .list()
        .map((e) => e.entryHash),
    ]);
    const problems = [
      ...store.verifyReceipts(),
      ...receipts
        .filter((r) => !logHashes.has(r.syncLogHead))
        .map((r) => `Receipt ${r.seq} names a submission log entry that is not in the log.`),
    ].slice(0, 200);
    return {
      profileId: profile.id,
      profileName: profile.name.slice(0, 200),
      entries: receipts.length,
      ok: problems.length === 0,
      problems,
      receipts: receipts
        .slice(-200)
        .reverse()
        .map((r) => ({
          seq: r.seq,
          taxYear: r.taxYear,
          declaration: r.declaration,
          calculationId: r.calculationId.slice(0, 200),
          recordedAt: r.recordedAt,
          how: r.how,
          correlationId: r.correlationId.slice(0, 200),
        })),
    };
  });
}

/** `yearEnd.verifyReceipts` (src/shared/ipc/channels/year-end-receipts.ts). */
export function registerDeclarationReceiptsIpc(router: IpcRouter, profiles: Profiles): void {
  router.handle('yearEnd.verifyReceipts', ({ profileId }) =>
    checkDeclarationReceipts(profiles, profileId),
  );
}
