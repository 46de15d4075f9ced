import type { Environment } from '@shared/ipc/channels/settings';
import { AppError } from '../ipc/app-error';
import type { Logger } from '../logging/logger';
import type { SettingsService } from '../settings/settings-service';
import {
  ENVIRONMENT_LABELS,
  HMRC_ENDPOINTS,
  practiceEndpoints,
  type EnvironmentEndpoints,
  type VendorCredentials,
} from './hmrc-environments';
import type { PracticeEndpoint, PracticeLauncher } from './practice-endpoint';

export interface EnvironmentAvailability {
  id: Environment;
  label: string;
  description: string;
  available: boolean;
  unavailableReason?: string;
}

export interface EnvironmentRuntime {
  current(): Environment;
  /** Endpoints for an environment; starts Practice HMRC on first use. */
  endpoints(environment: Environment): Promise<EnvironmentEndpoints>;
  credentials(environment: Environment): Promise<VendorCredentials>;
  availability(): EnvironmentAvailability[];
  /** The running Practice HMRC, if any (its origin is allowed for openExternal). */
  practice(): PracticeEndpoint | undefined;
  ensurePractice(): Promise<PracticeEndpoint>;
  dispose(): Promise<void>;
}

export function createEnvironmentRuntime(deps: {
  settings: SettingsService;
  launchPractice: PracticeLauncher;
  vendorCredentials: Partial<Record<'sandbox' | 'production', VendorCredentials>>;
  logger: Logger;
}): EnvironmentRuntime {
  let practice: PracticeEndpoint | undefined;
  let starting: Promise<PracticeEndpoint> | undefined;

  const ensurePractice = async (): Promise<PracticeEndpoint> => {
    if (practice) return practice;
    starting ??= deps.launchPractice().then(
      (p) => {
        practice = p;
        deps.logger.info('Practice HMRC is running', { baseUrl: p.baseUrl });
        return p;
      },
      (error: unknown) => {
        starting = undefined;
        deps.logger.error('Practice HMRC failed to start', {
          error: error instanceof Error ? error.message : String(error),
        });
        throw new AppError(
          'PRACTICE_UNAVAILABLE',
          'Practice HMRC could not start on this computer.',
          'Restart Ledgerlink. If it keeps happening, report it from the Diagnostics page.',
        );
      },
    );
    return starting;
  };

  const vendor = (environment: 'sandbox' | 'production') => deps.vendorCredentials[environment];

  return {
    current: () => deps.settings.environment(),
    async endpoints(environment) {
      if (environment === 'practice') return practiceEndpoints((await ensurePractice()).baseUrl);
      return HMRC_ENDPOINTS[environment];
    },
    async credentials(environment) {
      if (environment === 'practice') {
        const p = await ensurePractice();
        return { clientId: p.clientId, clientSecret: p.clientSecret, redirectUris: p.redirectUris };
      }
      const c = vendor(environment);
      if (!c) {
        throw new AppError(
          'ENVIRONMENT_NOT_CONFIGURED',
          `${ENVIRONMENT_LABELS[environment].label} needs the vendor's HMRC application credentials, and this build has none.`,
          'Use Practice HMRC, or use a build of Ledgerlink that includes HMRC credentials.',
        );
      }
      return c;
    },
    availability() {
      return (['practice', 'sandbox', 'production'] as const).map((id) => {
        const base = { id, ...ENVIRONMENT_LABELS[id] };
        if (id === 'practice' || vendor(id)) return { ...base, available: true };
        return {
          ...base,
          available: false,
          unavailableReason:
            "This build has no HMRC application credentials for it (the vendor's client id and secret).",
        };
      });
    },
    practice: () => practice,
    ensurePractice,
    async dispose() {
      const p = practice ?? (starting ? await starting.catch(() => undefined) : undefined);
      practice = undefined;
      starting = undefined;
      await p?.stop();
    },
  };
}
