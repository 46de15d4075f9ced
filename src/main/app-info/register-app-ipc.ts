import { PRODUCT_NAME } from '@shared/app/identity';
import type { IpcRouter } from '../ipc/ipc-router';
import type { SettingsService } from '../settings/settings-service';
import type { ExternalOpener } from '../shell/external-opener';
import type { HostDescription } from './security-report';

export function registerAppIpc(
  router: IpcRouter,
  deps: {
    host: HostDescription;
    settings: SettingsService;
    opener: ExternalOpener;
    dataFolder: string;
  },
): void {
  router.handle('app.info', () => ({
    name: PRODUCT_NAME,
    version: deps.host.appVersion,
    environment: deps.settings.environment(),
    platform: deps.host.platform,
    host: deps.host.kind,
  }));

  router.handle('app.diagnostics', () => {
    const policy = deps.opener.policy();
    return {
      versions: [{ name: PRODUCT_NAME, version: deps.host.appVersion }, ...deps.host.versions],
      security: deps.host.securityChecks(),
      openExternalAllowList: [
        ...policy.httpsHosts.map((h) => `https://${h}`),
        ...policy.loopbackOrigins,
      ],
      dataFolder: deps.dataFolder,
    };
  });
}
