import { basename } from 'node:path';
import { ukDateOf } from '@shared/domain/tax-year';
import { restoreArchiveInto } from './archive-restore';
import { exportArchiveTo, importArchiveAsProfile } from './archive-transfer';
import { createProgressReporter } from './progress-reporter';
import type { RecordsIpcContext } from './records-ipc-context';

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'profile';

const ARCHIVE_FILTERS = [{ name: 'Ledgerlink profile archive', extensions: ['zip'] }];

/**
 * Records as CSV or JSON, and a whole profile as one archive file, both through main's save
 * dialog; and an archive from another computer imported as a new profile (issue 7 item 8).
 */
export function registerExportsIpc(ctx: RecordsIpcContext): void {
  const { router, ledgerOf, profiles } = ctx;
  const today = () => ukDateOf(ctx.clock.now());

  router.handle('records.exportRecords', async ({ profileId, format, filter }) => {
    const ledger = ledgerOf(profileId);
    const profile = profiles.require(profileId);
    const path = await ctx.files.chooseSaveLocation({
      title: format === 'csv' ? 'Save the records as CSV' : 'Save the records as JSON',
      defaultName: `${slug(profile.name)}-records-${today()}.${format}`,
      filters: [
        format === 'csv'
          ? { name: 'CSV (spreadsheets)', extensions: ['csv'] }
          : { name: 'JSON', extensions: ['json'] },
      ],
    });
    if (path === null) return { profileId, cancelled: true as const };
    const { rows } =
      format === 'csv'
        ? await ledger.exports.csv(path, filter)
        : await ledger.exports.json(path, filter);
    await ctx.files.delivered?.(path);
    return { profileId, fileName: basename(path), rows };
  });

  router.handle('records.exportArchive', async ({ profileId, operationId }) => {
    const ledger = ledgerOf(profileId);
    const profile = profiles.require(profileId);
    const path = await ctx.files.chooseSaveLocation({
      title: 'Save a copy of this whole profile',
      defaultName: `ledgerlink-${slug(profile.name)}-${today()}.zip`,
      filters: ARCHIVE_FILTERS,
    });
    if (path === null) return { profileId, cancelled: true as const };
    const reporter = createProgressReporter(ctx.emitProgress, {
      profileId,
      operationId,
      kind: 'archive-export',
    });
    try {
      const { bytes, files } = await exportArchiveTo(ledger, path, ctx.stagingRoot, (p) =>
        reporter.report({ done: p.bytes, total: 0, rows: p.files }),
      );
      ctx.logger.info('Profile archive saved', { profileId, files });
      await ctx.files.delivered?.(path);
      return { profileId, fileName: basename(path), bytes, files };
    } finally {
      reporter.finish();
    }
  });

  router.handle('records.importArchive', async ({ operationId, name, nino, kind, agentRole }) => {
    // Check the name and NINO before the person goes looking for a file.
    profiles.validateNew({ name, nino });
    const path = await ctx.files.chooseFile({
      title: 'Choose a Ledgerlink profile archive',
      filters: ARCHIVE_FILTERS,
    });
    if (path === null) return { cancelled: true as const };
    // The new profile has no id until the archive checks out: the window follows the operation id.
    const reporter = createProgressReporter(ctx.emitProgress, {
      profileId: null,
      operationId,
      kind: 'archive-import',
    });
    try {
      const imported = await importArchiveAsProfile({
        profiles,
        profilesDir: ctx.profilesDir,
        stagingRoot: ctx.stagingRoot,
        archiveFile: path,
        profile: { kind, name, nino, ...(agentRole ? { agentRole } : {}) },
        onProgress: (p) => reporter.report({ done: p.bytes, total: 0, rows: p.files }),
      });
      ctx.logger.info('Profile archive imported', { profileId: imported.profile.id });
      ctx.changed(imported.profile.id);
      return {
        profileId: imported.profile.id,
        name: imported.profile.name,
        transactions: imported.transactions,
        businesses: imported.businesses,
        notes: imported.notes,
      };
    } finally {
      reporter.finish();
    }
  });

  router.handle('records.restoreArchive', async ({ profileId, operationId }) => {
    profiles.require(profileId);
    const path = await ctx.files.chooseFile({
      title: 'Choose a Ledgerlink profile archive to restore',
      filters: ARCHIVE_FILTERS,
    });
    if (path === null) return { profileId, cancelled: true as const };
    const reporter = createProgressReporter(ctx.emitProgress, {
      profileId,
      operationId,
      kind: 'archive-import',
    });
    try {
      const restored = await restoreArchiveInto({
        profiles,
        profilesDir: ctx.profilesDir,
        stagingRoot: ctx.stagingRoot,
        profileId,
        archiveFile: path,
        onProgress: (p) => reporter.report({ done: p.bytes, total: 0, rows: p.files }),
      });
      ctx.logger.info('Profile records restored from an archive', { profileId });
      ctx.changed(profileId);
      return { profileId, ...restored };
    } finally {
      reporter.finish();
    }
  });
}
