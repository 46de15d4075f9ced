import { describe, expect, it } from 'vitest';
import { createLogger, memorySink } from '../../../src/main/logging/logger';
import { createMemoryStore } from '../../../src/main/storage/key-value-store';
import { unavailableKeychain } from '../../../src/main/vault/keychain';
import { KEYCHAIN_SERVICE, KeychainUnavailableError } from '../../../src/main/vault/master-key';
import type { TokenRecord } from '../../../src/main/vault/token-cipher';
import { createTokenVault } from '../../../src/main/vault/token-vault';
import { createMemoryKeychain } from '../../support/fakes/memory-keychain';

const ID = '6f3c1a0e-2b7d-4c59-8e1f-3a9d5b7c2e10';
const record = (n = 1): TokenRecord => ({
  access: `access-${n}-0123456789abcdef0123`,
  refresh: `refresh-${n}-fedcba9876543210fedc`,
  expiresAt: '2026-11-29T14:00:00.000Z',
  scopes: ['read:self-assessment', 'write:self-assessment'],
  grantedAt: '2026-11-29T10:00:00.000Z',
});

function setup(keychain = createMemoryKeychain()) {
  const store = createMemoryStore('token-vault');
  const sink = memorySink();
  const logger = createLogger(sink);
  const vault = createTokenVault({ keychain, store, logger, keychainTimeoutMs: 200 });
  const dump = () => JSON.stringify([...['keyId', `records.${ID}`].map((k) => store.get(k))]);
  return { vault, store, keychain, sink, logger, dump };
}

describe('the token vault', () => {
  it('keeps a 256-bit master key in the keychain under the app id, one per data folder', async () => {
    const { vault, keychain, store } = setup();
    await vault.save(ID, record());
    const [name, value] = [...keychain.entries][0]!;
    expect(name).toBe(`${KEYCHAIN_SERVICE}/master-key/${store.get<string>('keyId')}`);
    expect(Buffer.from(value, 'base64')).toHaveLength(32);
    // A second data folder gets its own key, not the first one's.
    const other = createTokenVault({
      keychain,
      store: createMemoryStore('other'),
      logger: createLogger(() => undefined),
    });
    await other.save(ID, record(2));
    expect(keychain.entries.size).toBe(2);
  });

  it('persists only sealed records; a new vault on the same store and keychain reads them', async () => {
    const { vault, store, keychain, dump } = setup();
    await vault.save(ID, record());
    expect(dump()).not.toContain('access-1');
    expect(dump()).not.toContain('refresh-1');
    const again = createTokenVault({ keychain, store, logger: createLogger(() => undefined) });
    expect(await again.load(ID)).toEqual({ kind: 'found', record: record(), sessionOnly: false });
  });

  it('with the keychain locked: save fails and writes nothing; load says unreadable', async () => {
    const keychain = createMemoryKeychain();
    const { vault, store, dump } = setup(keychain);
    await vault.save(ID, record());
    const lockedVault = createTokenVault({
      keychain,
      store,
      logger: createLogger(() => undefined),
    });
    keychain.lock();
    await expect(lockedVault.save(ID, record(2))).rejects.toBeInstanceOf(KeychainUnavailableError);
    expect(dump()).not.toContain('access-2');
    expect(await lockedVault.load(ID)).toEqual({
      kind: 'unreadable',
      reason: 'keychain-unavailable',
    });
    expect(await lockedVault.keychainStatus()).toMatchObject({ available: false });
    // A failure is not remembered: unlocking is enough.
    keychain.unlock();
    expect(await lockedVault.keychainStatus()).toEqual({ available: true });
    expect(await lockedVault.load(ID)).toMatchObject({ kind: 'found' });
  });

  it('gives up on a keychain that never answers (a prompt nobody sees)', async () => {
    const hanging = {
      getPassword: () => new Promise<string | null>(() => undefined),
      setPassword: () => new Promise<void>(() => undefined),
      deletePassword: async () => false,
    };
    const { vault } = setup(hanging as never);
    expect(await vault.keychainStatus()).toMatchObject({ available: false });
  });

  it('session-only records live in memory and never touch the store', async () => {
    const { vault, store, dump } = setup(unavailableKeychain() as never);
    vault.keepForSession(ID, record());
    expect(store.has(`records.${ID}`)).toBe(false);
    expect(dump()).not.toContain('access-1');
    expect(await vault.load(ID)).toEqual({ kind: 'found', record: record(), sessionOnly: true });
    await vault.delete(ID);
    expect(await vault.load(ID)).toEqual({ kind: 'missing' });
  });

  it('a damaged or replaced record is unreadable, not an error', async () => {
    const { vault, store } = setup();
    await vault.save(ID, record());
    const sealed = store.get<Record<string, string>>(`records.${ID}`)!;
    store.set(`records.${ID}`, { ...sealed, ct: Buffer.from('tampered').toString('base64') });
    expect(await vault.load(ID)).toEqual({ kind: 'unreadable', reason: 'record-damaged' });
  });

  it('registers every token it handles as a log secret', async () => {
    const { vault, logger, sink } = setup();
    await vault.save(ID, record());
    logger.info(`leak ${record().access} and ${record().refresh}`);
    expect(JSON.stringify(sink.records)).not.toMatch(/access-1|refresh-1/);
  });

  it('delete removes the sealed record', async () => {
    const { vault, store } = setup();
    await vault.save(ID, record());
    await vault.delete(ID);
    expect(store.has(`records.${ID}`)).toBe(false);
    expect(await vault.load(ID)).toEqual({ kind: 'missing' });
  });
});
