import type { IpcRouter } from '../ipc/ipc-router';
import type { ProfilesService } from './profiles-service';

/** The `profiles.*` channels (src/shared/ipc/channels/profiles.ts). */
export function registerProfilesIpc(router: IpcRouter, profiles: ProfilesService): void {
  const view = (id: string) => profiles.viewOf(profiles.require(id));

  router.handle('profiles.list', () => profiles.view());
  router.handle('profiles.get', ({ profileId }) => view(profileId));
  router.handle('profiles.setActive', ({ profileId }) => {
    profiles.setActive(profileId);
    return profiles.view();
  });
  router.handle('profiles.validateNew', (request) => profiles.validateNew(request));
  router.handle('profiles.create', async (request) =>
    profiles.viewOf(await profiles.create(request)),
  );
  router.handle('profiles.edit', ({ profileId, ...patch }) =>
    profiles.viewOf(profiles.edit(profileId, patch)),
  );
  router.handle('profiles.archive', ({ profileId, archived }) =>
    profiles.viewOf(profiles.archive(profileId, archived)),
  );
  router.handle('profiles.deletionCheck', ({ profileId }) => ({
    profileId,
    name: profiles.require(profileId).name,
    unsyncedRecords: profiles.unsyncedRecordCount(profileId),
  }));
  router.handle('profiles.delete', ({ profileId, confirmUnsynced }) => {
    profiles.delete(profileId, { confirmUnsynced });
    return { deletedId: profileId };
  });
  router.handle('profiles.checkAuthorisation', async ({ profileId }) =>
    profiles.viewOf(await profiles.checkAuthorisation(profileId)),
  );
  router.handle('profiles.snapshot', ({ profileId }) => profiles.snapshot(profileId));
  router.handle('profiles.refresh', ({ profileId }) => profiles.refresh(profileId));
  router.handle('profiles.setQuarterlyPeriodType', (request) =>
    profiles.setQuarterlyPeriodType(
      request.profileId,
      request.hmrcBusinessId,
      request.quarterlyPeriodType,
      {
        lockIn: request.confirmLockIn,
        ...(request.confirmAccountingPeriod !== undefined
          ? { accountingPeriod: request.confirmAccountingPeriod }
          : {}),
      },
    ),
  );
  router.handle('profiles.previewImport', ({ accountId, csv }) =>
    profiles.previewImport(accountId, csv),
  );
  router.handle('profiles.importClients', ({ accountId, csv }) =>
    profiles.importClients(accountId, csv),
  );
  router.handle('profiles.overview', () => profiles.overview());
  router.handle('profiles.refreshAll', () => profiles.refreshAll());
}
