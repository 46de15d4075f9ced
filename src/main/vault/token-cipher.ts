import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';

/** What the vault keeps for one HMRC account (issue 4 item 4). Secret: main process only. */
export interface TokenRecord {
  access: string;
  refresh: string;
  /** ISO time the access token expires. */
  expiresAt: string;
  scopes: string[];
  /** ISO time HMRC issued the grant (the 18 months run from here). */
  grantedAt: string;
}

const tokenRecordSchema = z
  .object({
    access: z.string().min(1),
    refresh: z.string().min(1),
    expiresAt: z.string(),
    scopes: z.array(z.string()),
    grantedAt: z.string(),
  })
  .strict();

/** Version 1 of the sealed record format; a later format gets a new `v` and a migration. */
export interface SealedRecordV1 {
  v: 1;
  alg: 'A256GCM';
  iv: string;
  tag: string;
  ct: string;
}

const sealedSchema = z
  .object({
    v: z.literal(1),
    alg: z.literal('A256GCM'),
    iv: z.string(),
    tag: z.string(),
    ct: z.string(),
  })
  .strict();

/**
 * Associated data binds a sealed record to its account and format version: a record copied
 * onto another account id (or replayed under another version) fails authentication.
 */
const associatedData = (accountId: string) =>
  Buffer.from(`app.ledgerlink.desktop/token-record/v1/${accountId}`, 'utf8');

/** AES-256-GCM with a fresh 96-bit IV for every write (NIST SP 800-38D §8.2). */
export function sealRecord(key: Buffer, accountId: string, record: TokenRecord): SealedRecordV1 {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associatedData(accountId));
  const ct = Buffer.concat([cipher.update(JSON.stringify(record), 'utf8'), cipher.final()]);
  return {
    v: 1,
    alg: 'A256GCM',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ct: ct.toString('base64'),
  };
}

/** Opens a sealed record; throws if it was altered, moved to another account, or the key differs. */
export function openRecord(key: Buffer, accountId: string, sealed: unknown): TokenRecord {
  const s = sealedSchema.parse(sealed);
  const iv = Buffer.from(s.iv, 'base64');
  const tag = Buffer.from(s.tag, 'base64');
  if (iv.length !== 12 || tag.length !== 16) throw new Error('sealed record is malformed');
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
  decipher.setAAD(associatedData(accountId));
  decipher.setAuthTag(tag);
  const plain = Buffer.concat([decipher.update(Buffer.from(s.ct, 'base64')), decipher.final()]);
  return tokenRecordSchema.parse(JSON.parse(plain.toString('utf8')));
}
