import Conf from 'conf';
import type { KeyValueStore } from '../storage/key-value-store';

/**
 * `conf`-backed store: a JSON file written atomically. Used by the browser shell and tests;
 * the desktop app uses electron-store (the same library plus Electron paths), see
 * src/main/electron/electron-store-adapter.ts.
 */
export function createConfStore(directory: string, name: string): KeyValueStore {
  const conf = new Conf<Record<string, unknown>>({
    cwd: directory,
    configName: name,
    projectName: 'ledgerlink',
    clearInvalidConfig: false,
  });
  return {
    get: <T>(key: string) => conf.get(key) as T | undefined,
    set: (key, value) => conf.set(key, value),
    delete: (key) => conf.delete(key),
    has: (key) => conf.has(key),
    path: conf.path,
  };
}
