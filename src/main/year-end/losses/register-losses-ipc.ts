import type { IpcRouter } from '../../ipc/ipc-router';
import type { LossesService } from './losses-service';

/** The losses channels (year-end-losses.ts) handled by the losses service. */
export function registerLossesIpc(ipc: IpcRouter, losses: LossesService): void {
  ipc.handle('yearEnd.losses', (req) => losses.view(req));
  ipc.handle('yearEnd.bringLossForward', (req) => losses.bringForward(req));
  ipc.handle('yearEnd.claimLoss', (req) => losses.claim(req));
}
