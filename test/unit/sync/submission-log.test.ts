import { afterEach, describe, expect, it } from 'vitest';
import type { SqliteDatabase } from '../../../src/main/ledger';
import { canonicalJson, sha256Hex } from '../../../src/main/sync/canonical-json';
import { createLogAnchors } from '../../../src/main/sync/log-anchors';
import { syncProfileOutbox } from '../../../src/main/sync/profile-sync';
import {
  createSubmissionLog,
  entryHashOf,
  GENESIS_HASH,
} from '../../../src/main/sync/submission-log';
import { createMemoryStore } from '../../../src/main/storage/key-value-store';
import { PROFILE, syncFixture } from './support/sync-fixture';

let fx: ReturnType<typeof syncFixture> | undefined;
afterEach(() => {
  fx?.dispose();
  fx = undefined;
});

/** Three accepted updates, so the log has three chained receipts. */
async function threeReceipts() {
  fx = syncFixture();
  fx.approve('2026-07-05', 1000);
  await syncProfileOutbox(fx.deps, PROFILE.id);
  fx.approve('2026-10-05', 2000);
  await syncProfileOutbox(fx.deps, PROFILE.id);
  fx.approve('2026-04-05', 3000, '2025-26');
  await syncProfileOutbox(fx.deps, PROFILE.id);
  const db = fx.ledger.database;
  return { db, log: createSubmissionLog(db) };
}

/** What someone with a database editor can do: the app's append-only triggers are theirs to drop. */
function tamper(db: SqliteDatabase, sql: string, ...params: unknown[]) {
  db.exec(
    'DROP TRIGGER IF EXISTS sync_submission_log_no_update; DROP TRIGGER IF EXISTS sync_submission_log_no_delete;',
  );
  db.prepare(sql).run(...params);
}

describe('canonical serialisation', () => {
  it('sorts keys, drops undefined and has one text per value', () => {
    expect(canonicalJson({ b: 1, a: [1, 'x', { d: null, c: true }], u: undefined })).toBe(
      '{"a":[1,"x",{"c":true,"d":null}],"b":1}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(() => canonicalJson({ x: Number.NaN })).toThrow();
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('the hash-chained submission log', () => {
  it('chains every receipt to the one before, from a genesis hash, and verifies', async () => {
    const { log } = await threeReceipts();
    const entries = log.list();
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
    expect(entries[1]!.prevHash).toBe(entries[0]!.entryHash);
    expect(entries[2]!.prevHash).toBe(entries[1]!.entryHash);
    for (const e of entries) {
      expect(e.entryHash).toBe(entryHashOf(e));
      expect(e.payloadHash).toBe(sha256Hex(e.payload));
      expect(e).toMatchObject({
        profileId: PROFILE.id,
        environment: 'practice',
        hmrcBusinessId: 'XAIS12345678901',
      });
    }
    expect(log.verify()).toEqual({ entries: 3, headHash: entries[2]!.entryHash, problems: [] });
  });

  it('is append-only for the app: updates and deletes are refused by the database', async () => {
    const { db } = await threeReceipts();
    expect(() =>
      db.prepare(`UPDATE sync_submission_log SET correlation_id = 'x' WHERE seq = 1`).run(),
    ).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM sync_submission_log WHERE seq = 3').run()).toThrow(
      /append-only/,
    );
  });

  it('detects an edited field in an entry (its hash no longer matches)', async () => {
    const { db, log } = await threeReceipts();
    tamper(db, `UPDATE sync_submission_log SET correlation_id = 'forged' WHERE seq = 2`);
    expect(log.verify().problems).toEqual([
      { seq: 2, problem: expect.stringMatching(/changed after it was recorded/) },
    ]);
  });

  it('detects an edited payload, even with its payload hash recomputed', async () => {
    const { db, log } = await threeReceipts();
    const entry = log.list()[0]!;
    const forged = entry.payload.replace(/"turnover":\d+(\.\d+)?/, '"turnover":1');
    tamper(db, 'UPDATE sync_submission_log SET payload = ? WHERE seq = 1', forged);
    expect(log.verify().problems.map((p) => p.seq)).toEqual([1]);
    tamper(db, 'UPDATE sync_submission_log SET payload_hash = ? WHERE seq = 1', sha256Hex(forged));
    // The payload hash now matches the payload, but the entry hash covers the payload hash.
    expect(log.verify().problems).toEqual([
      { seq: 1, problem: expect.stringMatching(/hash does not match/) },
    ]);
  });

  it('detects an entry rewritten with a fresh hash: the next entry no longer follows on', async () => {
    const { db, log } = await threeReceipts();
    const e = log.list()[1]!;
    const rewritten = { ...e, correlationId: 'forged' };
    tamper(
      db,
      'UPDATE sync_submission_log SET correlation_id = ?, entry_hash = ? WHERE seq = 2',
      'forged',
      entryHashOf(rewritten),
    );
    expect(log.verify().problems).toEqual([
      { seq: 3, problem: expect.stringMatching(/chain is broken/) },
    ]);
  });

  it('detects a removed entry in the middle', async () => {
    const { db, log } = await threeReceipts();
    tamper(db, 'DELETE FROM sync_submission_log WHERE seq = 2');
    const problems = log
      .verify()
      .problems.map((p) => p.problem)
      .join(' ');
    expect(problems).toMatch(/Entry 2 is missing/);
    expect(problems).toMatch(/chain is broken/);
  });

  it('detects removed newest entries through the anchor kept outside the file; a lagging anchor is fine', async () => {
    const { db, log } = await threeReceipts();
    const anchors = createLogAnchors(fx!.anchorStore);
    const hashAt = (seq: number) => log.list().find((e) => e.seq === seq)?.entryHash;
    expect(anchors.check(PROFILE.id, 3, hashAt)).toEqual([]);
    tamper(db, 'DELETE FROM sync_submission_log WHERE seq = 3');
    expect(log.verify().problems).toEqual([]);
    expect(anchors.check(PROFILE.id, log.verify().entries, hashAt)).toEqual([
      { seq: 3, problem: expect.stringMatching(/entries were removed/) },
    ]);
    // After a crash between the receipt and the anchor, the anchor is one behind: not a problem.
    const store = createMemoryStore();
    const behind = createLogAnchors(store);
    behind.record(PROFILE.id, { entries: 1, headHash: log.list()[0]!.entryHash });
    expect(behind.check(PROFILE.id, 2, hashAt)).toEqual([]);
  });
});
