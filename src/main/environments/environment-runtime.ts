import type { Environment } from '@shared/ipc/channels/settings';
import { AppError } from '../ipc/app-error';
import type { Logger } from '../logging/logger';
import type { SettingsService } from '../settings/settings-service';
import { checkEnvironmentDefinition, type EnvironmentDefinition } from './environment-definition';
import { ENVIRONMENT_LABELS, practiceEnvironment } from './hmrc-environments';
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
  /**
   * The one definition of an environment: endpoints, issuer, credentials, transport security.
   * Starts Practice HMRC on first use; throws ENVIRONMENT_NOT_CONFIGURED for an HMRC
   * environment this build has no definition for.
   */
  definition(environment: Environment): Promise<EnvironmentDefinition>;
  availability(): EnvironmentAvailability[];
  /** The running Practice HMRC, if any. */
  practice(): PracticeEndpoint | undefined;
  /**
   * Origins on this computer whose pages the system browser may open over http: the running
   * Practice HMRC and any configured environment on loopback (its authorize page).
   */
  loopbackOrigins(): string[];
  ensurePractice(): Promise<PracticeEndpoint>;
  dispose(): Promise<void>;
}

export function createEnvironmentRuntime(deps: {
  settings: SettingsService;
  launchPractice: PracticeLauncher;
  /** HMRC's sandbox and live service as this build defines them; absent = unavailable. */
  definitions: Partial<Record<'sandbox' | 'production', EnvironmentDefinition>>;
  logger: Logger;
}): EnvironmentRuntime {
  let practice: PracticeEndpoint | undefined;
  let starting: Promise<PracticeEndpoint> | undefined;
  // Checked once, up front: a bad definition is a build error, not something to meet mid-link.
  const definitions: Partial<Record<'sandbox' | 'production', EnvironmentDefinition>> = {};
  for (const id of ['sandbox', 'production'] as const) {
    const d = deps.definitions[id];
    if (!d) continue;
    if (d.id !== id) throw new Error(`The ${id} definition says it is ${d.id}`);
    definitions[id] = checkEnvironmentDefinition(d);
  }

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

  return {
    current: () => deps.settings.environment(),
    async definition(environment) {
      if (environment === 'practice')
        return checkEnvironmentDefinition(practiceEnvironment(await ensurePractice()));
      const d = definitions[environment];
      if (!d) {
        throw new AppError(
          'ENVIRONMENT_NOT_CONFIGURED',
          `${ENVIRONMENT_LABELS[environment].label} needs the vendor's HMRC application credentials, and this build has none.`,
          'Use Practice HMRC, or use a build of Ledgerlink that includes HMRC credentials.',
        );
      }
      return d;
    },
    availability() {
      return (['practice', 'sandbox', 'production'] as const).map((id) => {
        const base = { id, ...ENVIRONMENT_LABELS[id] };
        if (id === 'practice' || definitions[id]) return { ...base, available: true };
        return {
          ...base,
          available: false,
          unavailableReason:
            "This build has no HMRC application credentials for it (the vendor's client id and secret).",
        };
      });
    },
    practice: () => practice,
    loopbackOrigins() {
      const origins = Object.values(definitions)
        .filter((d) => d.allowPlainHttp)
        .map((d) => new URL(d.authorizeUrl).origin);
      if (practice) origins.push(new URL(practice.baseUrl).origin);
      return origins;
    },
    ensurePractice,
    async dispose() {
      const p = practice ?? (starting ? await starting.catch(() => undefined) : undefined);
      practice = undefined;
      starting = undefined;
      await p?.stop();
    },
  };
}
