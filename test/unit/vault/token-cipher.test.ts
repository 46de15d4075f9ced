import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openRecord, sealRecord, type TokenRecord } from '../../../src/main/vault/token-cipher';

const record: TokenRecord = {
  access: 'access-token-0123456789abcdef',
  refresh: 'refresh-token-fedcba9876543210',
  expiresAt: '2026-11-29T14:00:00.000Z',
  scopes: ['read:self-assessment', 'write:self-assessment'],
  grantedAt: '2026-11-29T10:00:00.000Z',
};
const key = randomBytes(32);
const ACCOUNT = '0b1e8a52-5c1e-4a8e-9a55-2f9b6b0d7a11';

describe('token records sealed with AES-256-GCM', () => {
  it('round-trips and keeps no plaintext in the sealed form', () => {
    const sealed = sealRecord(key, ACCOUNT, record);
    expect(sealed).toMatchObject({ v: 1, alg: 'A256GCM' });
    expect(JSON.stringify(sealed)).not.toContain(record.access);
    expect(JSON.stringify(sealed)).not.toContain(record.refresh);
    expect(openRecord(key, ACCOUNT, sealed)).toEqual(record);
  });

  it('uses a fresh 96-bit IV for every write', () => {
    const ivs = new Set(Array.from({ length: 50 }, () => sealRecord(key, ACCOUNT, record).iv));
    expect(ivs.size).toBe(50);
    expect(Buffer.from([...ivs][0]!, 'base64')).toHaveLength(12);
  });

  it('binds the record to its account: moved to another account id it does not open', () => {
    const sealed = sealRecord(key, ACCOUNT, record);
    expect(() => openRecord(key, 'another-account-id', sealed)).toThrow();
  });

  it('refuses an altered record, a wrong key and an unknown format version', () => {
    const sealed = sealRecord(key, ACCOUNT, record);
    const ct = Buffer.from(sealed.ct, 'base64');
    ct[0] = ct[0]! ^ 1;
    expect(() => openRecord(key, ACCOUNT, { ...sealed, ct: ct.toString('base64') })).toThrow();
    expect(() => openRecord(randomBytes(32), ACCOUNT, sealed)).toThrow();
    expect(() => openRecord(key, ACCOUNT, { ...sealed, v: 2 })).toThrow();
    expect(() => openRecord(key, ACCOUNT, { ...sealed, tag: 'AAAA' })).toThrow();
  });
});
