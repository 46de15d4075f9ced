import type { Keychain } from '../../../src/main/vault/keychain';

/** An in-memory OS keychain for unit tests; `lock()` makes every call fail like a locked one. */
export function createMemoryKeychain(): Keychain & {
  entries: Map<string, string>;
  lock(): void;
  unlock(): void;
} {
  const entries = new Map<string, string>();
  let locked = false;
  const check = () => {
    if (locked) throw new Error('The keychain is locked');
  };
  return {
    entries,
    lock: () => void (locked = true),
    unlock: () => void (locked = false),
    async getPassword(service, account) {
      check();
      return entries.get(`${service}/${account}`) ?? null;
    },
    async setPassword(service, account, password) {
      check();
      entries.set(`${service}/${account}`, password);
    },
    async deletePassword(service, account) {
      check();
      return entries.delete(`${service}/${account}`);
    },
  };
}
