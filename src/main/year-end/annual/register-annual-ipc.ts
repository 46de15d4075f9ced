import type { IpcRouter } from '../../ipc/ipc-router';
import type { AnnualService } from './annual-service';

/** The `yearEnd.annual*` channels (src/shared/ipc/channels/year-end-annual.ts). */
export function registerAnnualIpc(router: IpcRouter, annual: AnnualService): void {
  router.handle('yearEnd.annualView', ({ compareWithHmrc, ...ref }) =>
    annual.view({ ...ref, ...(compareWithHmrc === undefined ? {} : { compareWithHmrc }) }),
  );
  router.handle('yearEnd.annualPrepare', (request) => annual.prepare(request));
  router.handle('yearEnd.annualApprove', (request) => annual.approve(request));
  router.handle('yearEnd.annualDelete', (request) => annual.approveDelete(request));
}
