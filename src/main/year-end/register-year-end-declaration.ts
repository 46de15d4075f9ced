import type { Clock } from '../clock/clock';
import type { IpcRouter } from '../ipc/ipc-router';
import type { Logger } from '../logging/logger';
import type { KeyValueStore } from '../storage/key-value-store';
import {
  createDeclarationService,
  type DeclarationService,
  type DeclarationServiceDeps,
} from './declaration/declaration-service';
import { registerDeclarationReceiptsIpc } from './declaration/declaration-receipts-check';
import {
  createInterruptedDeclarations,
  type InterruptedDeclarations,
} from './declaration/interrupted-declarations';
import { registerDeclarationIpc } from './declaration/register-declaration-ipc';

/**
 * The year end's second half, composed in one place: HMRC's final calculation, the declaration
 * and its crash-safe sending, the receipts' check for Diagnostics, and the marks (outside the
 * ledgers) that let start-up finish a declaration a crash left `sending`.
 */
export function registerYearEndDeclaration(deps: {
  ipc: IpcRouter;
  profiles: DeclarationServiceDeps['profiles'] &
    Parameters<typeof registerDeclarationReceiptsIpc>[1];
  accountLabel: (accountId: string) => string | undefined;
  marksStore: KeyValueStore;
  clock: Clock;
  logger: Logger;
  /** Waits between HMRC's calculation polls; a real timer unless a test gives its own. */
  sleep?: (ms: number) => Promise<void>;
  checkpoint?: DeclarationServiceDeps['checkpoint'];
}): { declaration: DeclarationService; interrupted: InterruptedDeclarations } {
  const { ipc } = deps;
  const interrupted = createInterruptedDeclarations(deps.marksStore);
  const declaration = createDeclarationService({
    interrupted,
    profiles: deps.profiles,
    accountLabel: deps.accountLabel,
    clock: deps.clock,
    logger: deps.logger,
    sleep:
      deps.sleep ??
      ((ms) =>
        new Promise<void>((resolve) => {
          const t = setTimeout(resolve, ms);
          t.unref?.();
        })),
    emitProgress: (p) => ipc.emit('yearEnd.calculationProgress', p),
    emitChanged: (profileId) => ipc.emit('sync.changed', { profileId }),
    ...(deps.checkpoint ? { checkpoint: deps.checkpoint } : {}),
  });
  registerDeclarationIpc(ipc, declaration);
  registerDeclarationReceiptsIpc(ipc, deps.profiles);
  return { declaration, interrupted };
}
