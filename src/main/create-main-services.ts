import { RENDERER_ORIGIN } from '../shared/app/identity';
import { registerAppIpc } from './app-info/register-app-ipc';
import type { HostDescription } from './app-info/security-report';
import { systemClock, type Clock } from './clock/clock';
import { createDeepLinkRouter, type DeepLinkRouter } from './deep-links/deep-link-router';
import {
  createEnvironmentRuntime,
  type EnvironmentRuntime,
} from './environments/environment-runtime';
import type { VendorCredentials } from './environments/hmrc-environments';
import type { PracticeLauncher } from './environments/practice-endpoint';
import { createIpcRouter, type IpcRouter } from './ipc/ipc-router';
import { createLogger, type LogSink, type Logger } from './logging/logger';
import { registerSettingsIpc } from './settings/register-settings-ipc';
import { createSettingsService, type SettingsService } from './settings/settings-service';
import {
  createExternalOpener,
  type ExternalOpener,
  type OpenInSystemBrowser,
} from './shell/external-opener';
import { ALLOWED_HTTPS_HOSTS } from './shell/external-url-policy';
import type { KeyValueStoreFactory } from './storage/key-value-store';

/**
 * Everything the services need from the outside world. The Electron layer provides these
 * from Electron and the OS; the browser host and tests provide Node versions. Nothing in
 * here may be an Electron type.
 */
export interface MainAdapters {
  host: HostDescription;
  paths: { userData: string };
  logSink: LogSink;
  openInSystemBrowser: OpenInSystemBrowser;
  keyValueStore: KeyValueStoreFactory;
  launchPractice: PracticeLauncher;
  /** Origins whose top-level frames may call main (app://ledgerlink, the dev server, the host). */
  rendererOrigins?: string[];
  vendorCredentials?: Partial<Record<'sandbox' | 'production', VendorCredentials>>;
  clock?: Clock;
}

export interface MainServices {
  ipc: IpcRouter;
  deepLinks: DeepLinkRouter;
  opener: ExternalOpener;
  settings: SettingsService;
  environments: EnvironmentRuntime;
  logger: Logger;
  clock: Clock;
  dispose(): Promise<void>;
}

/**
 * The composition root of the main process, in plain Node: the Electron layer's index.ts
 * only builds adapters and calls this. Later capabilities add themselves here.
 */
export async function createMainServices(adapters: MainAdapters): Promise<MainServices> {
  const clock = adapters.clock ?? systemClock;
  const logger = createLogger(adapters.logSink, { now: () => clock.now() });
  const rendererOrigins = adapters.rendererOrigins ?? [RENDERER_ORIGIN];

  const ipc = createIpcRouter({
    logger: logger.child('ipc'),
    trustedOrigins: () => rendererOrigins,
  });
  const deepLinks = createDeepLinkRouter(logger.child('deep-links'));
  const settings = createSettingsService(adapters.keyValueStore('settings'));
  const environments = createEnvironmentRuntime({
    settings,
    launchPractice: adapters.launchPractice,
    vendorCredentials: adapters.vendorCredentials ?? {},
    logger: logger.child('environments'),
  });
  const opener = createExternalOpener({
    openInSystemBrowser: adapters.openInSystemBrowser,
    logger: logger.child('shell'),
    policy: () => {
      const practice = environments.practice();
      return {
        httpsHosts: ALLOWED_HTTPS_HOSTS,
        loopbackOrigins: practice ? [new URL(practice.baseUrl).origin] : [],
      };
    },
  });

  registerAppIpc(ipc, {
    host: adapters.host,
    settings,
    opener,
    dataFolder: adapters.paths.userData,
  });
  registerSettingsIpc(ipc, { settings, environments });

  // Practice HMRC is the default environment: have it running before the first window asks.
  if (settings.environment() === 'practice') await environments.ensurePractice();

  return {
    ipc,
    deepLinks,
    opener,
    settings,
    environments,
    logger,
    clock,
    async dispose() {
      await environments.dispose();
    },
  };
}
