import type { IpcRouter } from '../../ipc/ipc-router';
import type { DeclarationService } from './declaration-service';

/** The `yearEnd.*` declaration channels (src/shared/ipc/channels/year-end-declaration.ts). */
export function registerDeclarationIpc(router: IpcRouter, service: DeclarationService): void {
  router.handle('yearEnd.declarationState', ({ profileId, taxYear }) =>
    service.state(profileId, taxYear),
  );
  router.handle('yearEnd.finalCalculation', ({ profileId, taxYear, purpose }) =>
    service.finalCalculation(profileId, taxYear, purpose),
  );
  router.handle('yearEnd.cancelCalculation', ({ profileId, taxYear }) => ({
    cancelled: service.cancelCalculation(profileId, taxYear),
  }));
  router.handle('yearEnd.storedCalculation', ({ profileId, calculationId }) =>
    service.storedCalculation(profileId, calculationId),
  );
  router.handle('yearEnd.recordClientApproval', (request) => service.recordClientApproval(request));
  router.handle('yearEnd.agree', ({ profileId, taxYear, calculationId }) =>
    service.agree(profileId, taxYear, calculationId),
  );
  router.handle('yearEnd.declare', ({ profileId, taxYear, calculationId }) =>
    service.declare(profileId, taxYear, calculationId),
  );
  router.handle('yearEnd.compareAmendment', ({ profileId, taxYear }) =>
    service.compareAmendment(profileId, taxYear),
  );
}
