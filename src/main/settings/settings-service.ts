import type { Environment } from '@shared/ipc/channels/settings';
import type { KeyValueStore } from '../storage/key-value-store';

export interface SettingsService {
  environment(): Environment;
  setEnvironment(environment: Environment): void;
  onEnvironmentChange(listener: (environment: Environment) => void): () => void;
}

/** Practice HMRC is the default, so a new user can try everything with nothing sent to HMRC. */
export const DEFAULT_ENVIRONMENT: Environment = 'practice';

export function createSettingsService(store: KeyValueStore): SettingsService {
  const listeners = new Set<(e: Environment) => void>();
  const read = (): Environment => {
    const value = store.get<string>('environment');
    return value === 'sandbox' || value === 'production' || value === 'practice'
      ? value
      : DEFAULT_ENVIRONMENT;
  };
  return {
    environment: read,
    setEnvironment(environment) {
      if (environment === read()) return;
      store.set('environment', environment);
      for (const l of listeners) l(environment);
    },
    onEnvironmentChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
