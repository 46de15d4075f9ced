import type { Clock } from '../clock/clock';
import type { IpcRouter } from '../ipc/ipc-router';
import type { Logger } from '../logging/logger';
import type { NetworkStatus } from '../sync/network-status';
import type { SyncProfilesPort } from '../sync/profile-sync';
import { createAnnualService, type AnnualService } from './annual/annual-service';
import { registerAnnualIpc } from './annual/register-annual-ipc';
import { createBusinessFactsService } from './business-facts/business-facts-service';
import { registerBusinessFactsIpc } from './business-facts/register-business-facts-ipc';
import { createChecklistService } from './checklist/checklist-service';
import { createAdjustmentsService } from './adjustments/adjustments-service';
import { registerAdjustmentsIpc } from './adjustments/register-adjustments-ipc';
import { createLossesService } from './losses/losses-service';
import { registerLossesIpc } from './losses/register-losses-ipc';

/**
 * The year end's figures, composed in one place so the composition root registers them with
 * one line: annual figures, the year-end checklist, the business facts for the year, losses
 * and the accounting adjustments (BSAS with BISS).
 */
export function registerYearEndFigures(deps: {
  ipc: IpcRouter;
  profiles: Pick<SyncProfilesPort, 'require' | 'ledger' | 'hmrcFor'>;
  network: NetworkStatus;
  clock: Clock;
  logger: Logger;
}): { annual: AnnualService } {
  const annual = createAnnualService({
    profiles: deps.profiles,
    network: deps.network,
    clock: deps.clock,
    logger: deps.logger.child('annual'),
  });
  registerAnnualIpc(deps.ipc, annual);
  const checklist = createChecklistService({ profiles: deps.profiles, clock: deps.clock });
  deps.ipc.handle('yearEnd.checklist', ({ profileId, taxYear }) =>
    checklist.checklist(profileId, taxYear),
  );
  registerBusinessFactsIpc(
    deps.ipc,
    createBusinessFactsService({
      profiles: deps.profiles,
      network: deps.network,
      clock: deps.clock,
      logger: deps.logger.child('business-facts'),
    }),
  );
  const { profiles, network, clock, logger } = deps;
  registerLossesIpc(
    deps.ipc,
    createLossesService({ profiles, network, clock, logger: logger.child('losses') }),
  );
  registerAdjustmentsIpc(
    deps.ipc,
    createAdjustmentsService({ profiles, network, clock, logger: logger.child('adjustments') }),
  );
  // The annual service is also read by the client sign-off pack for annual figures.
  return { annual };
}
