import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MainAdapters } from '../../../src/main/create-main-services';
import type { PracticeEndpoint } from '../../../src/main/environments/practice-endpoint';
import { memorySink } from '../../../src/main/logging/logger';
import { createMemoryStore, type KeyValueStore } from '../../../src/main/storage/key-value-store';
import { createSwitchableNetwork } from '../../../src/main/sync/network-status';
import { fakeDisplay, fakeMachineFacts } from './fake-machine-facts';
import { createMemoryKeychain } from './memory-keychain';

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
  // Offline: a unit test never reaches the network, and sync says so instead of trying.
  const network = createSwitchableNetwork(false);
  const chosenFiles: string[] = [];
  const saveLocations: string[] = [];
  const openedFiles: string[] = [];
  const adapters: MainAdapters = {
    host: {
      kind: 'browser',
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
    // Never the real keychain in unit tests.
    keychain: createMemoryKeychain(),
    deepLinksAvailable: true,
    // Never bind the registered loopback ports from unit tests built on these fakes.
    startLoopbackListener: async () => {
      throw Object.assign(new Error('loopback is not available in unit tests'), {
        code: 'EADDRINUSE',
      });
    },
    // Never the network either: a token request from a unit test fails like an offline one.
    oauthFetch: async () => {
      throw new TypeError('fetch failed: no network in unit tests');
    },
    // Fixed device facts for the fraud prevention headers: no probing of this machine.
    machineFacts: fakeMachineFacts(),
    display: fakeDisplay(),
    network,
    // Every OS file dialog is cancelled unless a test queues an answer.
    fileDialogs: {
      chooseFile: async () => chosenFiles.shift() ?? null,
      chooseSaveLocation: async () => saveLocations.shift() ?? null,
      openFile: async (path) => void openedFiles.push(path),
    },
    ...overrides,
  };
  return {
    adapters,
    opened,
    logs: logs.records,
    stores,
    network,
    /** Answers for the OS file dialogs, and the files the app opened with their viewer. */
    files: { chosen: chosenFiles, saveLocations, opened: openedFiles },
  };
}
