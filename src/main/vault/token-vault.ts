import type { Logger } from '../logging/logger';
import type { KeyValueStore } from '../storage/key-value-store';
import type { Keychain } from './keychain';
import { createMasterKeySource, KeychainUnavailableError } from './master-key';
import { openRecord, sealRecord, type TokenRecord } from './token-cipher';

export type VaultLoad =
  | { kind: 'found'; record: TokenRecord; sessionOnly: boolean }
  | { kind: 'missing' }
  /** A record exists but cannot be opened (keychain key gone or locked, record altered). */
  | { kind: 'unreadable'; reason: string };

export type KeychainStatus = { available: true } | { available: false; reason: string };

/**
 * Where HMRC tokens live (design.md "Secrets at rest"): sealed with AES-256-GCM under a master
 * key held in the OS keychain and persisted through the KeyValueStore (electron-store), or,
 * when the person chose "this session only", in memory. There is no code path that writes a
 * token to disk unencrypted: `save` seals first or fails.
 */
export interface TokenVault {
  keychainStatus(): Promise<KeychainStatus>;
  /** Seal and persist. Rejects with KeychainUnavailableError if the master key cannot be had. */
  save(accountId: string, record: TokenRecord): Promise<void>;
  /** Keep in memory for this session only (the keychain could not be used). */
  keepForSession(accountId: string, record: TokenRecord): void;
  load(accountId: string): Promise<VaultLoad>;
  delete(accountId: string): Promise<void>;
}

const recordKey = (accountId: string) => `records.${accountId}`;

export function createTokenVault(deps: {
  keychain: Keychain;
  store: KeyValueStore;
  logger: Logger;
  keychainTimeoutMs?: number;
}): TokenVault {
  const masterKey = createMasterKeySource({
    keychain: deps.keychain,
    store: deps.store,
    ...(deps.keychainTimeoutMs ? { timeoutMs: deps.keychainTimeoutMs } : {}),
  });
  const session = new Map<string, TokenRecord>();
  const remember = (record: TokenRecord) => {
    deps.logger.addSecret(record.access);
    deps.logger.addSecret(record.refresh);
  };

  return {
    async keychainStatus() {
      try {
        await masterKey.get();
        return { available: true };
      } catch (error) {
        const reason =
          error instanceof KeychainUnavailableError ? error.reason : 'unknown keychain error';
        deps.logger.warn('The OS keychain cannot be used', { reason });
        return { available: false, reason };
      }
    },

    async save(accountId, record) {
      remember(record);
      const key = await masterKey.get();
      deps.store.set(recordKey(accountId), sealRecord(key, accountId, record));
      session.delete(accountId);
    },

    keepForSession(accountId, record) {
      remember(record);
      session.set(accountId, structuredClone(record));
      deps.store.delete(recordKey(accountId));
    },

    async load(accountId) {
      const inMemory = session.get(accountId);
      if (inMemory) return { kind: 'found', record: structuredClone(inMemory), sessionOnly: true };
      const sealed = deps.store.get(recordKey(accountId));
      if (sealed === undefined) return { kind: 'missing' };
      let key: Buffer;
      try {
        key = await masterKey.get();
      } catch (error) {
        return {
          kind: 'unreadable',
          reason: error instanceof KeychainUnavailableError ? 'keychain-unavailable' : 'unknown',
        };
      }
      try {
        const record = openRecord(key, accountId, sealed);
        remember(record);
        return { kind: 'found', record, sessionOnly: false };
      } catch {
        deps.logger.warn('A token record could not be opened', { accountId });
        return { kind: 'unreadable', reason: 'record-damaged' };
      }
    },

    async delete(accountId) {
      session.delete(accountId);
      deps.store.delete(recordKey(accountId));
    },
  };
}
