/**
 * Small persistent JSON documents (settings, encrypted token records, device id). In the
 * desktop app this is electron-store; in tests and the browser host it is `conf`, the library
 * electron-store is built on, so both write the same kind of file.
 */
export interface KeyValueStore {
  get<T = unknown>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  delete(key: string): void;
  has(key: string): boolean;
  /** Absolute path of the file on disk (shown on the Diagnostics page, scanned by tests). */
  readonly path: string;
}

export type KeyValueStoreFactory = (name: string) => KeyValueStore;

/** In memory: for unit tests and the "keep me signed in for this session only" mode. */
export function createMemoryStore(name = 'memory'): KeyValueStore {
  const data = new Map<string, unknown>();
  return {
    get: <T>(key: string) => (data.has(key) ? (structuredClone(data.get(key)) as T) : undefined),
    set: (key, value) => void data.set(key, structuredClone(value)),
    delete: (key) => void data.delete(key),
    has: (key) => data.has(key),
    path: `memory:${name}`,
  };
}
