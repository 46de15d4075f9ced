import type { IpcRouter } from '../../ipc/ipc-router';
import type { BusinessFactsService } from './business-facts-service';

/** The business-facts channels (src/shared/ipc/channels/year-end-business-facts.ts). */
export function registerBusinessFactsIpc(router: IpcRouter, facts: BusinessFactsService): void {
  router.handle('yearEnd.businessFacts', ({ businessId, ...ref }) =>
    facts.view({ ...ref, ...(businessId === undefined ? {} : { businessId }) }),
  );
  router.handle('yearEnd.setAccountingType', (request) => facts.setAccountingType(request));
  router.handle('yearEnd.disapplyLateAccountingDateRule', (request) =>
    facts.disapplyLateAccountingDateRule(request),
  );
  router.handle('yearEnd.withdrawLateAccountingDateRule', (request) =>
    facts.withdrawLateAccountingDateRule(request),
  );
}
