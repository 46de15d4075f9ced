import { describe, expect, it, vi } from 'vitest';
import { createHmrcAccountStore, type HmrcAccount } from '../../../src/main/auth/hmrc-accounts';
import { createMemoryStore } from '../../../src/main/storage/key-value-store';

const account = (id: string, patch: Partial<HmrcAccount> = {}): HmrcAccount => ({
  id,
  environment: 'practice',
  kind: 'individual',
  label: 'Individual sign-in',
  linkedAt: '2026-11-29T10:00:00.000Z',
  grantExpiresAt: '2028-05-29T10:00:00.000Z',
  scopes: ['read:self-assessment', 'write:self-assessment'],
  status: 'linked',
  ...patch,
});

describe('the HMRC account store', () => {
  it('saves, lists, updates and removes accounts, telling listeners each time', () => {
    const kv = createMemoryStore('accounts');
    const store = createHmrcAccountStore(kv);
    const changed = vi.fn();
    const off = store.onChange(changed);
    store.save(account('a'));
    store.save(account('b', { kind: 'agent' }));
    expect(store.list().map((a) => a.id)).toEqual(['a', 'b']);
    expect(store.update('a', { status: 'relink-needed' })?.status).toBe('relink-needed');
    expect(store.update('nobody', { status: 'linked' })).toBeUndefined();
    expect(store.remove('b')).toBe(true);
    expect(store.remove('b')).toBe(false);
    expect(changed).toHaveBeenCalledTimes(4);
    off();
    store.save(account('c'));
    expect(changed).toHaveBeenCalledTimes(4);
    // Another store on the same file sees them (a restart).
    expect(
      createHmrcAccountStore(kv)
        .list()
        .map((a) => a.id),
    ).toEqual(['a', 'c']);
  });

  it('keeps session-only accounts in memory only', () => {
    const kv = createMemoryStore('accounts');
    const store = createHmrcAccountStore(kv);
    store.save(account('s', { status: 'session-only' }));
    expect(store.get('s')?.status).toBe('session-only');
    expect(JSON.stringify(kv.get('accounts') ?? [])).not.toContain('"s"');
    expect(createHmrcAccountStore(kv).get('s')).toBeUndefined();
  });

  it('returns copies, so callers cannot change stored accounts by accident', () => {
    const store = createHmrcAccountStore(createMemoryStore('accounts'));
    store.save(account('a'));
    store.get('a')!.scopes.push('mutated');
    expect(store.get('a')!.scopes).toHaveLength(2);
  });

  it('skips damaged entries rather than failing', () => {
    const kv = createMemoryStore('accounts');
    kv.set('accounts', [account('ok'), { id: 'broken' }, 'nonsense']);
    expect(
      createHmrcAccountStore(kv)
        .list()
        .map((a) => a.id),
    ).toEqual(['ok']);
  });

  it('can clear lastRefresh by passing it as undefined', () => {
    const store = createHmrcAccountStore(createMemoryStore('accounts'));
    store.save(account('a', { lastRefresh: { at: '2026-11-29T11:00:00.000Z', outcome: 'ok' } }));
    expect(store.update('a', { lastRefresh: undefined })?.lastRefresh).toBeUndefined();
    expect(store.get('a')?.lastRefresh).toBeUndefined();
  });
});
