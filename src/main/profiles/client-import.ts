import { formatNino } from '@shared/domain/nino';
import type { ImportPreview } from '@shared/ipc/channels/profiles';
import type { Environment } from '@shared/ipc/channels/settings';
import type { HmrcAccountStore } from '../auth/hmrc-accounts';
import { AppError } from '../ipc/app-error';
import type { Logger } from '../logging/logger';
import { parseClientCsv, toPreview } from './client-csv';
import type { ProfileChanges } from './profile-changes';
import { newProfile, type Profile } from './profile-record';
import { DuplicateNinoError, type ProfileRegistry } from './profile-registry';
import { checkAccount } from './profile-rules';
import type { RefreshQueue } from './refresh-queue';

/** An agent's client list from a CSV file: a preview first, then the good rows in one go. */
export interface ClientImport {
  previewImport(accountId: string, csv: string): ImportPreview;
  importClients(
    accountId: string,
    csv: string,
  ): { imported: number; skipped: { line: number; message: string }[] };
}

export function createClientImport(deps: {
  registry: ProfileRegistry;
  accounts: Pick<HmrcAccountStore, 'get'>;
  environment: () => Environment;
  newId: () => string;
  nowIso: () => string;
  logger: Logger;
  /** The active profile of the environment, if any. */
  active: () => Profile | null;
  changes: ProfileChanges;
  refreshQueue: Pick<RefreshQueue, 'start'>;
}): ClientImport {
  const { registry, newId, nowIso } = deps;
  const log = deps.logger;
  return {
    previewImport(accountId, csv) {
      const environment = deps.environment();
      checkAccount(deps.accounts.get(accountId), { kind: 'client', environment });
      return toPreview(parseClientCsv(csv, (nino) => registry.findByNino(environment, nino)?.name));
    },

    importClients(accountId, csv) {
      const environment = deps.environment();
      checkAccount(deps.accounts.get(accountId), { kind: 'client', environment });
      const parsed = parseClientCsv(csv, (nino) => registry.findByNino(environment, nino)?.name);
      if (parsed.fileProblems.length > 0) {
        throw new AppError(
          'IMPORT_FILE_INVALID',
          parsed.fileProblems.join(' '),
          'Correct the file and choose it again. Nothing was imported.',
        );
      }
      const good = parsed.rows.filter((r) => r.problems.length === 0 && r.normalisedNino && r.role);
      if (good.length === 0) {
        throw new AppError(
          'NOTHING_TO_IMPORT',
          'No row of the file can be imported: every row has a problem.',
          'Correct the rows listed and choose the file again. Nothing was imported.',
        );
      }
      const at = nowIso();
      const profiles: Profile[] = good.map((r) =>
        newProfile(
          {
            environment,
            kind: 'client',
            name: r.name,
            nino: r.normalisedNino!,
            accountId,
            agentRole: r.role!,
          },
          newId(),
          at,
        ),
      );
      try {
        registry.insert(profiles);
      } catch (error) {
        if (error instanceof DuplicateNinoError) {
          const holder = registry.findByNino(environment, error.nino);
          throw new AppError(
            'DUPLICATE_PROFILE',
            `${formatNino(error.nino)} was added to Ledgerlink${holder ? ` as ${holder.name}` : ''} while you were checking the file.`,
            'Choose the file again to see the up-to-date preview. Nothing was imported.',
          );
        }
        throw error;
      }
      log.info('Clients imported', {
        imported: profiles.length,
        skipped: parsed.rows.length - good.length,
      });
      if (!deps.active()) registry.setActiveId(environment, profiles[0]!.id);
      deps.changes.now();
      deps.refreshQueue.start(profiles.map((p) => p.id));
      return {
        imported: profiles.length,
        skipped: parsed.rows
          .filter((r) => !good.includes(r))
          .map((r) => ({
            line: r.line,
            message: r.problems
              .map((p) => p.message)
              .join(' ')
              .slice(0, 2000),
          })),
      };
    },
  };
}
