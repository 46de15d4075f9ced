import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MainAdapters } from '../../../src/main/create-main-services';
import type { PracticeEndpoint } from '../../../src/main/environments/practice-endpoint';
import { memorySink } from '../../../src/main/logging/logger';
import { createMemoryStore, type KeyValueStore } from '../../../src/main/storage/key-value-store';

/** A Practice HMRC that is not running: enough for tests that never reach the network. */
export const unreachablePractice = (): PracticeEndpoint => ({
  baseUrl: 'http://127.0.0.1:9',
  clientId: 'ledgerlink-practice',
  clientSecret: 'practice-secret',
  redirectUris: ['app.ledgerlink.desktop:/oauth/callback'],
  testUsers: [],
  stop: async () => undefined,
});

/** Adapters for unit tests: memory stores, recorded browser opens, a memory log. */
export function fakeMainAdapters(overrides: Partial<MainAdapters> = {}) {
  const stores = new Map<string, KeyValueStore>();
  const opened: string[] = [];
  const logs = memorySink();
  const adapters: MainAdapters = {
    host: {
      kind: 'browser-host',
      platform: 'linux',
      appVersion: '0.0.0-test',
      versions: [],
      securityChecks: () => [],
    },
    paths: { userData: mkdtempSync(join(tmpdir(), 'ledgerlink-unit-')) },
    logSink: logs,
    openInSystemBrowser: async (url) => {
      opened.push(url);
    },
    keyValueStore: (name) => {
      const existing = stores.get(name);
      if (existing) return existing;
      const store = createMemoryStore(name);
      stores.set(name, store);
      return store;
    },
    launchPractice: async () => unreachablePractice(),
    rendererOrigins: ['app://ledgerlink'],
    ...overrides,
  };
  return { adapters, opened, logs: logs.records, stores };
}
