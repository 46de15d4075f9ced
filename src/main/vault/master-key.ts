import { randomBytes, randomUUID } from 'node:crypto';
import { APP_ID } from '@shared/app/identity';
import type { KeyValueStore } from '../storage/key-value-store';
import type { Keychain } from './keychain';

/** The keychain service name for everything Ledgerlink keeps there (issue 4 item 4). */
export const KEYCHAIN_SERVICE = APP_ID;

/** 256-bit key for AES-256-GCM. */
const KEY_BYTES = 32;

/** The OS keychain could not give or keep the master key; the message is safe to show. */
export class KeychainUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`The OS keychain is unavailable: ${reason}`);
    this.name = 'KeychainUnavailableError';
  }
}

export interface MasterKeySource {
  /** The master key, created on first use; rejects with KeychainUnavailableError. */
  get(): Promise<Buffer>;
}

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000}s`)), ms);
    timer.unref?.();
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });

/**
 * A random 256-bit master key kept in the OS keychain (design.md "Secrets at rest"). The
 * keychain entry is named after a random key id stored beside the encrypted records, so each
 * data folder has its own key and two installs (or two test hosts) never overwrite each
 * other's. The key is read once and cached in memory; a failure is not cached, so unlocking
 * the keychain and trying again works.
 */
export function createMasterKeySource(deps: {
  keychain: Keychain;
  store: KeyValueStore;
  /** A locked keychain may prompt; give up after this long rather than hang the flow. */
  timeoutMs?: number;
}): MasterKeySource {
  const timeoutMs = deps.timeoutMs ?? 30_000;
  let pending: Promise<Buffer> | undefined;

  const load = async (): Promise<Buffer> => {
    let keyId = deps.store.get<string>('keyId');
    if (typeof keyId !== 'string' || !/^[0-9a-f-]{36}$/.test(keyId)) {
      keyId = randomUUID();
      deps.store.set('keyId', keyId);
    }
    const account = `master-key/${keyId}`;
    try {
      const existing = await withTimeout(
        deps.keychain.getPassword(KEYCHAIN_SERVICE, account),
        timeoutMs,
      );
      if (existing) {
        const key = Buffer.from(existing, 'base64');
        if (key.length !== KEY_BYTES) throw new Error('the stored master key is damaged');
        return key;
      }
      const key = randomBytes(KEY_BYTES);
      await withTimeout(
        deps.keychain.setPassword(KEYCHAIN_SERVICE, account, key.toString('base64')),
        timeoutMs,
      );
      return key;
    } catch (error) {
      throw new KeychainUnavailableError(error instanceof Error ? error.message : String(error));
    }
  };

  return {
    get() {
      pending ??= load().catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
      return pending;
    },
  };
}
