import type { KeyValueStore } from '../storage/key-value-store';

const KEY = 'lastUsed';

/**
 * When each HMRC account was last used for a call, so Diagnostics can pick "the account you
 * used last" in the current environment. Times only; nothing secret.
 */
export interface AccountUsage {
  touch(accountId: string): void;
  lastUsed(accountId: string): string | undefined;
}

export function createAccountUsage(store: KeyValueStore, now: () => Date): AccountUsage {
  const read = (): Record<string, string> => {
    const raw = store.get<unknown>(KEY);
    return raw && typeof raw === 'object' && !Array.isArray(raw)
      ? Object.fromEntries(
          Object.entries(raw as Record<string, unknown>).filter(
            (e): e is [string, string] => typeof e[1] === 'string',
          ),
        )
      : {};
  };
  return {
    touch(accountId) {
      store.set(KEY, { ...read(), [accountId]: now().toISOString() });
    },
    lastUsed: (accountId) => read()[accountId],
  };
}
