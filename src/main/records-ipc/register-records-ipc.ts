import type { IpcRouter } from '../ipc/ipc-router';
import type { RecordsIpcContext, RecordsIpcDeps } from './records-ipc-context';
import { registerEntriesIpc } from './register-entries-ipc';
import { registerExportsIpc } from './register-exports-ipc';
import { registerImportIpc } from './register-import-ipc';
import { registerRulesIpc } from './register-rules-ipc';
import { registerTotalsIpc } from './register-totals-ipc';

export type { RecordsIpcDeps } from './records-ipc-context';

/**
 * The `records.*` channels (src/shared/ipc/channels/records/): the IPC adapter over each
 * profile's ledger (src/main/ledger). Every request names its profile; the profile's open
 * ledger comes from the profiles capability, so one person's records are never read under
 * another's id.
 */
export function registerRecordsIpc(router: IpcRouter, deps: RecordsIpcDeps): void {
  const ctx: RecordsIpcContext = {
    router,
    ...deps,
    ledgerOf: (profileId) => deps.profiles.ledger(profileId),
    changed: (profileId) => router.emit('records.changed', { profileId }),
    emitProgress: (progress) => router.emit('records.progress', progress),
  };
  registerEntriesIpc(ctx);
  registerRulesIpc(ctx);
  registerImportIpc(ctx);
  registerTotalsIpc(ctx);
  registerExportsIpc(ctx);
}
