import type { MainAdapters } from '../../../src/main/create-main-services';
import type { PracticeEndpoint } from '../../../src/main/environments/practice-endpoint';
import { fromPracticeServer } from '../../../src/main/environments/practice-launcher';
import type { LogSink } from '../../../src/main/logging/logger';
import { keytarKeychain } from '../../../src/main/vault/keytar-keychain';
import type { PracticeHmrc } from '../../../src/practice/server';
import { TEST_SENDER } from '../dispatch-as';
import { createConfStore } from '../../../src/main/web/conf-store';

/**
 * A Practice HMRC the test started, as the app sees it; the test stops it, not the app. A
 * recording proxy in front of it gives its own `baseUrl`.
 */
export const practiceEndpointOf = (practice: PracticeHmrc, baseUrl?: string): PracticeEndpoint => ({
  ...fromPracticeServer(practice),
  ...(baseUrl ? { baseUrl } : {}),
  stop: async () => undefined,
});

/**
 * The adapters every integration harness gives createMainServices(): conf files in the test's
 * data folder, the real OS keychain (inside the keyring session `npm test` opens), deep links
 * injected as the OS would hand them over, browser opens recorded in `opened`, and a Practice
 * HMRC the test started itself (so the app never starts or stops its own). Each harness adds
 * what it needs on top (clock, network, device facts, a token-endpoint spy).
 */
export function integrationAdapters(
  options: {
    dataDir: string;
    practice: PracticeEndpoint;
    logSink: LogSink;
    opened: string[];
    /** The version the app reports (in the fraud prevention headers, for one). */
    appVersion?: string;
  } & Partial<MainAdapters>,
): MainAdapters {
  const { dataDir, practice, opened, appVersion = '0.0.0-it', ...overrides } = options;
  return {
    host: {
      kind: 'browser',
      platform: process.platform,
      appVersion,
      versions: [],
      securityChecks: () => [],
    },
    paths: { userData: dataDir },
    openInSystemBrowser: async (url) => void opened.push(url),
    keyValueStore: (name) => createConfStore(dataDir, name),
    launchPractice: async () => practice,
    rendererOrigins: [TEST_SENDER.origin],
    keychain: keytarKeychain(),
    deepLinksAvailable: true,
    ...overrides,
  };
}
