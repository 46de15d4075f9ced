import type { Logger } from '../../logging/logger';
import type { KeyValueStore } from '../../storage/key-value-store';
import type { NetworkStatus } from '../../sync/network-status';

/**
 * Which profiles may have a final declaration (or a confirmed amendment) left `sending` by a
 * crash, kept outside the ledgers so that start-up opens only those profiles' files, never
 * every client's. The mark is written before the declaration is marked `sending` and cleared
 * only once no item of the profile is left `sending`, so a crash at any point leaves it set; a
 * mark with nothing behind it costs one look and is cleared.
 */
export interface InterruptedDeclarations {
  mark(profileId: string): void;
  clear(profileId: string): void;
  profiles(): string[];
}

const KEY = 'sending';

export function createInterruptedDeclarations(store: KeyValueStore): InterruptedDeclarations {
  const read = () => {
    const value = store.get<unknown>(KEY);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  };
  return {
    mark(profileId) {
      const now = read();
      if (!now.includes(profileId)) store.set(KEY, [...now, profileId]);
    },
    clear(profileId) {
      const now = read();
      if (now.includes(profileId))
        store.set(
          KEY,
          now.filter((p) => p !== profileId),
        );
    },
    profiles: read,
  };
}

export interface ResumeReport {
  /** Profiles whose interrupted declarations were finished (accepted or refused by HMRC). */
  resumed: string[];
  /** Profiles left for later (offline, the HMRC link needs renewing, or HMRC did not answer). */
  waiting: string[];
}

/**
 * At start-up: finishes every declaration a crash left `sending`, the way Send would (asking
 * HMRC what it holds before any repeat: a POST is not idempotent, reference §5.7), without
 * waiting for the person to press Send again. Offline, or with the link to renew, it waits:
 * the mark stays and the next start (or Send) tries again.
 */
export async function resumeInterruptedDeclarations(deps: {
  marks: InterruptedDeclarations;
  exists: (profileId: string) => boolean;
  canReachHmrc: (profileId: string) => boolean;
  network: Pick<NetworkStatus, 'isOnline'>;
  /** Finishes the profile's `sending` items; true when none is left `sending`. */
  resume: (profileId: string) => Promise<boolean>;
  logger: Logger;
}): Promise<ResumeReport> {
  const report: ResumeReport = { resumed: [], waiting: [] };
  for (const profileId of deps.marks.profiles()) {
    if (!deps.exists(profileId)) {
      deps.marks.clear(profileId);
      continue;
    }
    if (!deps.network.isOnline() || !deps.canReachHmrc(profileId)) {
      report.waiting.push(profileId);
      continue;
    }
    try {
      if (await deps.resume(profileId)) report.resumed.push(profileId);
      else report.waiting.push(profileId);
    } catch (error) {
      report.waiting.push(profileId);
      deps.logger.warn('An interrupted declaration could not be finished at start-up', {
        profileId,
        code: error instanceof Error && 'code' in error ? String(error.code) : 'INTERNAL',
      });
    }
  }
  if (report.resumed.length + report.waiting.length > 0)
    deps.logger.info('Interrupted declarations looked at on start-up', {
      resumed: report.resumed.length,
      waiting: report.waiting.length,
    });
  return report;
}
