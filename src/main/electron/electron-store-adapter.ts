import Store from 'electron-store';
import type { KeyValueStore, KeyValueStoreFactory } from '../storage/key-value-store';

/** electron-store behind the KeyValueStore port; one JSON file per name in the data folder. */
export function electronStoreFactory(directory: string): KeyValueStoreFactory {
  return (name: string): KeyValueStore => {
    const store = new Store<Record<string, unknown>>({
      name,
      cwd: directory,
      clearInvalidConfig: false,
    });
    return {
      get: <T>(key: string) => store.get(key) as T | undefined,
      set: (key, value) => store.set(key, value),
      delete: (key) => store.delete(key),
      has: (key) => store.has(key),
      path: store.path,
    };
  };
}
