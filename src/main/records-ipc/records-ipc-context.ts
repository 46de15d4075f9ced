import type { RecordsProgress } from '@shared/ipc/channels/records';
import type { Clock } from '../clock/clock';
import type { IpcRouter } from '../ipc/ipc-router';
import type { Ledger } from '../ledger';
import type { Logger } from '../logging/logger';
import type { ProfilesService } from '../profiles/profiles-service';
import type { FileDialogs } from './file-dialogs';

/** What the composition root gives the records IPC adapter. */
export interface RecordsIpcDeps {
  profiles: ProfilesService;
  files: FileDialogs;
  clock: Clock;
  logger: Logger;
  /** `<userData>/profiles`: each profile's folder, where an imported archive becomes one. */
  profilesDir: string;
  /** `<userData>/staging`: the private folder archives are built and unpacked in. */
  stagingRoot: string;
}

/** What every part of the records IPC adapter works with. */
export interface RecordsIpcContext extends RecordsIpcDeps {
  router: IpcRouter;
  /** The profile's open ledger; PROFILE_NOT_FOUND for an unknown id. */
  ledgerOf: (profileId: string) => Ledger;
  /** Tells every window the profile's records changed (`records.changed`). */
  changed: (profileId: string) => void;
  emitProgress: (progress: RecordsProgress) => void;
}
