import { AppError } from '../ipc/app-error';
import type { IpcRouter } from '../ipc/ipc-router';
import type { EnvironmentRuntime } from '../environments/environment-runtime';
import type { SettingsService } from './settings-service';

export function registerSettingsIpc(
  router: IpcRouter,
  deps: { settings: SettingsService; environments: EnvironmentRuntime },
): void {
  const snapshot = () => ({
    environment: deps.settings.environment(),
    environments: deps.environments.availability(),
  });

  router.handle('settings.get', snapshot);

  router.handle('settings.setEnvironment', async ({ environment }) => {
    const target = deps.environments.availability().find((e) => e.id === environment);
    if (!target?.available) {
      throw new AppError(
        'ENVIRONMENT_NOT_AVAILABLE',
        `${target?.label ?? environment} cannot be used in this build.`,
        target?.unavailableReason ?? 'Use Practice HMRC.',
      );
    }
    if (environment === 'practice') await deps.environments.ensurePractice();
    deps.settings.setEnvironment(environment);
    const next = snapshot();
    router.emit('settings.changed', next);
    return next;
  });
}
