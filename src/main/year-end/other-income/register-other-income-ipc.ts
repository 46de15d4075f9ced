import type { IpcRouter } from '../../ipc/ipc-router';
import type { OtherIncomeService } from './other-income-service';

/** The `yearEnd.*` other-income channels (src/shared/ipc/channels/year-end-other-income.ts). */
export function registerOtherIncomeIpc(router: IpcRouter, service: OtherIncomeService): void {
  router.handle('yearEnd.otherIncome', ({ profileId, taxYear }) =>
    service.view(profileId, taxYear),
  );
  router.handle('yearEnd.approveOtherIncome', ({ profileId, taxYear, approval }) =>
    service.approve(profileId, taxYear, approval),
  );
  router.handle('yearEnd.refreshSavingsAccounts', ({ profileId, taxYear }) =>
    service.refreshSavingsAccounts(profileId, taxYear),
  );
  router.handle('yearEnd.notCovered', ({ profileId, taxYear }) =>
    service.notCoveredView(profileId, taxYear),
  );
  router.handle('yearEnd.answerNotCovered', ({ profileId, taxYear, topic, applies }) =>
    service.answerNotCovered(profileId, taxYear, topic, applies),
  );
  router.handle('yearEnd.confirmReportedElsewhere', ({ profileId, taxYear }) =>
    service.confirmReportedElsewhere(profileId, taxYear),
  );
}
