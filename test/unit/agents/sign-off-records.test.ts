import { afterEach, describe, expect, it } from 'vitest';
import type { SignOffApproval } from '@shared/ipc/channels/agents';
import {
  CARRIED_KEY,
  LEGACY_KEY,
  createSignOffCarryOver,
} from '../../../src/main/agents/sign-off/sign-off-carry-over';
import { createSignOffRecords } from '../../../src/main/agents/sign-off/sign-off-records';
import { createMemoryStore } from '../../../src/main/storage/key-value-store';
import { tempLedger } from '../ledger/ledger-fixture';

const disposals: (() => void)[] = [];
afterEach(() => {
  for (const dispose of disposals.splice(0)) dispose();
});
const ledgerDb = () => {
  const t = tempLedger();
  disposals.push(() => t.dispose());
  return t.ledger.database;
};

const Q = `quarterly:1:2026-27:2026-07-05:${'a'.repeat(16)}`;
const A = `annual:1:2025-26:${'b'.repeat(16)}`;
const approval = (over: Partial<SignOffApproval> = {}): SignOffApproval => ({
  approvedOn: '2026-11-19',
  method: 'phone',
  note: 'Agreed on the phone.',
  recordedBy: 'Green & Co Accountants',
  recordedAt: '2026-11-19T10:00:00.000Z',
  ...over,
});

describe('the client’s approvals in the ledger', () => {
  it('keeps each approval against its pack, the latest counting, and never changes or removes one', () => {
    const db = ledgerDb();
    const records = createSignOffRecords(db);
    expect(records.get(Q)).toBeUndefined();
    records.put(Q, approval());
    records.put(A, approval({ method: 'email', note: 'By email.' }));
    expect(records.get(Q)).toEqual(approval());
    expect(records.get(A)?.method).toBe('email');
    // Recorded again (say the date was wrong): the newer one is what the pack shows.
    records.put(Q, approval({ approvedOn: '2026-11-18', recordedAt: '2026-11-19T11:00:00.000Z' }));
    expect(records.get(Q)?.approvedOn).toBe('2026-11-18');
    // A pack made from changed figures has another reference: not approved.
    expect(records.get(Q.replace('aaaa', 'cccc'))).toBeUndefined();
    expect(db.prepare('SELECT kind, origin FROM ag_sign_off_approvals ORDER BY id').all()).toEqual([
      { kind: 'quarterly-update', origin: 'recorded' },
      { kind: 'annual-figures', origin: 'recorded' },
      { kind: 'quarterly-update', origin: 'recorded' },
    ]);
    expect(() => db.prepare("UPDATE ag_sign_off_approvals SET note = 'x'").run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM ag_sign_off_approvals').run()).toThrow(/append-only/);
  });

  it('refuses what is not an approval of a quarterly update or annual figures', () => {
    const db = ledgerDb();
    const records = createSignOffRecords(db);
    // The year end's approval is the declaration's own record, never kept here.
    expect(() => records.put('year-end:2025-26:calc-1', approval())).toThrow(/Not a quarterly/);
    const raw = db.prepare(
      `INSERT INTO ag_sign_off_approvals (kind, reference, approved_on, method, note, recorded_by, recorded_at)
       VALUES (?, ?, ?, ?, '', 'me', 't')`,
    );
    expect(() => raw.run('annual-figures', Q, '2026-11-19', 'phone')).toThrow(/CHECK/);
    expect(() => raw.run('quarterly-update', Q, '19/11/2026', 'phone')).toThrow(/CHECK/);
    expect(() => raw.run('quarterly-update', Q, '2026-11-19', 'pigeon')).toThrow(/CHECK/);
    expect(() => raw.run('quarterly-update', 'quarterly:', '2026-11-19', 'phone')).toThrow(/CHECK/);
  });
});

describe('carrying approvals over from the old JSON document', () => {
  const KEPT = 'profile-kept';
  const GONE = 'profile-gone';
  const setup = () => {
    const store = createMemoryStore('agent-sign-offs');
    const db = ledgerDb();
    const old = {
      [KEPT]: {
        [Q]: approval(),
        [A]: approval({ method: 'letter', note: 'Signed letter on file.' }),
        // Not valid: kept in the document, not brought into the ledger.
        'annual:1:2024-25:x': { approvedOn: 'yesterday' },
      },
      [GONE]: { [Q]: approval() },
    };
    store.set(LEGACY_KEY, old);
    const carry = createSignOffCarryOver({
      store,
      ledgerOf: (id) => (id === KEPT ? db : undefined),
    });
    return { store, db, old, carry };
  };

  it('brings each profile’s approvals into its ledger once and keeps the old entries', () => {
    const { store, db, old, carry } = setup();
    expect(carry.carryOverAll()).toEqual({ added: 2, left: [GONE] });
    const records = createSignOffRecords(db);
    expect(records.get(Q)).toEqual(approval());
    expect(records.get(A)).toMatchObject({ method: 'letter', note: 'Signed letter on file.' });
    expect(db.prepare('SELECT DISTINCT origin FROM ag_sign_off_approvals').pluck().all()).toEqual([
      'carried-over',
    ]);
    // Moved, as it was, within the document: nothing is lost; a profile not here waits.
    expect(store.get(CARRIED_KEY)).toEqual({ [KEPT]: old[KEPT] });
    expect(store.get(LEGACY_KEY)).toEqual({ [GONE]: old[GONE] });

    // Again (the next start-up): nothing more is added.
    expect(carry.carryOverAll()).toEqual({ added: 0, left: [GONE] });
    expect(carry.carryOver(KEPT)).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM ag_sign_off_approvals').pluck().get()).toBe(2);
  });

  it('adds nothing twice when it was cut short after writing the ledger', () => {
    const { store, db, old, carry } = setup();
    carry.carryOver(KEPT);
    // As if the app stopped before the document was rewritten: the old entries are back.
    store.set(LEGACY_KEY, old);
    expect(carry.carryOver(KEPT)).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM ag_sign_off_approvals').pluck().get()).toBe(2);
    expect(store.get(CARRIED_KEY)).toEqual({ [KEPT]: old[KEPT] });
  });

  it('leaves a profile whose ledger cannot be opened for later', () => {
    const store = createMemoryStore('agent-sign-offs');
    store.set(LEGACY_KEY, { [KEPT]: { [Q]: approval() } });
    const carry = createSignOffCarryOver({
      store,
      ledgerOf: () => {
        throw new Error('records file missing');
      },
    });
    expect(carry.carryOverAll()).toEqual({ added: 0, left: [KEPT] });
    expect(store.get(LEGACY_KEY)).toEqual({ [KEPT]: { [Q]: approval() } });
    expect(store.get(CARRIED_KEY)).toBeUndefined();
  });
});
