import type { IpcRouter } from '../../ipc/ipc-router';
import type { AdjustmentsService } from './adjustments-service';

/** The accounting adjustments channels (year-end-adjustments.ts) handled by their service. */
export function registerAdjustmentsIpc(ipc: IpcRouter, adjustments: AdjustmentsService): void {
  ipc.handle('yearEnd.adjustments', (req) => adjustments.view(req));
  ipc.handle('yearEnd.triggerAdjustableSummary', (req) => adjustments.trigger(req));
  ipc.handle('yearEnd.submitAdjustments', (req) => adjustments.submit(req));
}
