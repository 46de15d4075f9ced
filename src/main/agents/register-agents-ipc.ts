import type { IpcRouter } from '../ipc/ipc-router';
import type { AgentsService } from './agents-service';
import type { SignOffService } from './sign-off/sign-off-service';

/** The `agents.*` channels (src/shared/ipc/channels/agents.ts). */
export function registerAgentsIpc(
  router: IpcRouter,
  agents: AgentsService,
  signOff: SignOffService,
): void {
  router.handle('agents.state', ({ accountId }) => agents.state(accountId));
  router.handle('agents.setArn', ({ accountId, arn }) => agents.setArn(accountId, arn));
  router.handle('agents.refreshInvitations', ({ accountId }) =>
    agents.refreshInvitations(accountId),
  );
  router.handle('agents.invite', (request) => agents.invite(request));
  router.handle('agents.cancelInvitation', ({ accountId, invitationId }) =>
    agents.cancelInvitation(accountId, invitationId),
  );
  router.handle('agents.checkRelationship', ({ profileId, postcode }) =>
    agents.checkRelationship(profileId, postcode),
  );
  router.handle('agents.useHmrcRole', ({ profileId }) => agents.useHmrcRole(profileId));
  router.handle('agents.deauthorise', ({ profileId }) => agents.deauthorise(profileId));
  router.handle('agents.signOffPack', ({ profileId, subject }) => signOff.pack(profileId, subject));
  router.handle('agents.recordSignOff', (request) => signOff.record(request));
  router.handle('agents.savePackPdf', ({ profileId, subject }) =>
    signOff.savePdf(profileId, subject),
  );
}
