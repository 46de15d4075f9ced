import { AppError } from '../ipc/app-error';
import type { IpcRouter } from '../ipc/ipc-router';
import { LedgerError } from '../ledger';
import type { ProfilesService } from './profiles-service';

/** A ledger's typed error as the AppError the IPC wrapper passes to the window. */
const asAppError = (error: unknown): unknown =>
  error instanceof LedgerError
    ? new AppError(
        error.code,
        error.message,
        error.action,
        error.fields ? { fields: error.fields } : {},
      )
    : error;

const guard =
  <A extends unknown[], R>(fn: (...args: A) => R) =>
  async (...args: A): Promise<Awaited<R>> => {
    try {
      return await fn(...args);
    } catch (error) {
      throw asAppError(error);
    }
  };

/** The `profiles.*` channels (src/shared/ipc/channels/profiles.ts). */
export function registerProfilesIpc(router: IpcRouter, profiles: ProfilesService): void {
  const view = (id: string) => profiles.viewOf(profiles.require(id));

  router.handle('profiles.list', () => profiles.view());
  router.handle('profiles.get', ({ profileId }) => view(profileId));
  router.handle(
    'profiles.setActive',
    guard(({ profileId }: { profileId: string }) => {
      profiles.setActive(profileId);
      return profiles.view();
    }),
  );
  router.handle('profiles.validateNew', (request) => profiles.validateNew(request));
  router.handle(
    'profiles.create',
    guard(async (request: Parameters<ProfilesService['create']>[0]) =>
      profiles.viewOf(await profiles.create(request)),
    ),
  );
  router.handle(
    'profiles.edit',
    guard(
      ({ profileId, ...patch }: { profileId: string } & Parameters<ProfilesService['edit']>[1]) =>
        profiles.viewOf(profiles.edit(profileId, patch)),
    ),
  );
  router.handle(
    'profiles.archive',
    guard(({ profileId, archived }: { profileId: string; archived: boolean }) =>
      profiles.viewOf(profiles.archive(profileId, archived)),
    ),
  );
  router.handle(
    'profiles.deletionCheck',
    guard(({ profileId }: { profileId: string }) => ({
      profileId,
      name: profiles.require(profileId).name,
      unsyncedRecords: profiles.unsyncedRecordCount(profileId),
    })),
  );
  router.handle(
    'profiles.delete',
    guard(({ profileId, confirmUnsynced }: { profileId: string; confirmUnsynced: boolean }) => {
      profiles.delete(profileId, { confirmUnsynced });
      return { deletedId: profileId };
    }),
  );
  router.handle(
    'profiles.checkAuthorisation',
    guard(async ({ profileId }: { profileId: string }) =>
      profiles.viewOf(await profiles.checkAuthorisation(profileId)),
    ),
  );
  router.handle(
    'profiles.snapshot',
    guard(({ profileId }: { profileId: string }) => profiles.snapshot(profileId)),
  );
  router.handle(
    'profiles.refresh',
    guard(({ profileId }: { profileId: string }) => profiles.refresh(profileId)),
  );
  router.handle(
    'profiles.setQuarterlyPeriodType',
    guard(
      (request: {
        profileId: string;
        hmrcBusinessId: string;
        quarterlyPeriodType: 'standard' | 'calendar';
        confirmLockIn: true;
        confirmAccountingPeriod?: boolean | undefined;
      }) =>
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
    ),
  );
  router.handle(
    'profiles.previewImport',
    guard(({ accountId, csv }: { accountId: string; csv: string }) =>
      profiles.previewImport(accountId, csv),
    ),
  );
  router.handle(
    'profiles.importClients',
    guard(({ accountId, csv }: { accountId: string; csv: string }) =>
      profiles.importClients(accountId, csv),
    ),
  );
  router.handle('profiles.overview', () => profiles.overview());
  router.handle('profiles.refreshAll', () => profiles.refreshAll());
}
