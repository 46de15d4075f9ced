import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dailyTotalsDrift, rebuildDailyTotals } from '../../../src/main/ledger';
import { tempLedger } from './ledger-fixture';

/**
 * The daily_totals summary must always equal a fresh computation from the transactions, whatever
 * sequence of edits people make: random programs of operations, checked after each program.
 */
type Op =
  | { op: 'add'; day: number; amount: number; category: number }
  | { op: 'edit'; pick: number; amount: number; day: number }
  | { op: 'categorise'; pick: number; category: number }
  | { op: 'remove'; pick: number }
  | { op: 'restore'; pick: number }
  | { op: 'split'; pick: number; share: number }
  | { op: 'unsplit'; pick: number }
  | { op: 'disallow'; pick: number; bp: number };

const CATEGORIES = [null, 'se.turnover', 'se.costOfGoods', 'se.adminCosts', 'excluded.personal'];
const arbitraryOp: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('add' as const),
    day: fc.integer({ min: 0, max: 20 }),
    amount: fc.integer({ min: -50_000, max: 50_000 }),
    category: fc.integer({ min: 0, max: 4 }),
  }),
  fc.record({
    op: fc.constant('edit' as const),
    pick: fc.nat(),
    amount: fc.integer({ min: -50_000, max: 50_000 }),
    day: fc.integer({ min: 0, max: 20 }),
  }),
  fc.record({
    op: fc.constant('categorise' as const),
    pick: fc.nat(),
    category: fc.integer({ min: 0, max: 4 }),
  }),
  fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('restore' as const), pick: fc.nat() }),
  fc.record({
    op: fc.constant('split' as const),
    pick: fc.nat(),
    share: fc.integer({ min: 1, max: 99 }),
  }),
  fc.record({ op: fc.constant('unsplit' as const), pick: fc.nat() }),
  fc.record({
    op: fc.constant('disallow' as const),
    pick: fc.nat(),
    bp: fc.integer({ min: 0, max: 10_000 }),
  }),
);

describe('daily totals summary', () => {
  it('stays exactly equal to the transactions through any sequence of edits', () => {
    fc.assert(
      fc.property(fc.array(arbitraryOp, { minLength: 1, maxLength: 40 }), (ops) => {
        const t = tempLedger();
        try {
          const { ledger } = t;
          const se = ledger.businesses.create({ kind: 'self-employment', name: 'Shop' }).id;
          const ids: number[] = [];
          const date = (day: number) => `2026-05-${String(day + 1).padStart(2, '0')}`;
          for (const step of ops) {
            const id = ids.length ? ids[('pick' in step ? step.pick : 0) % ids.length]! : null;
            try {
              if (step.op === 'add') {
                ids.push(
                  ledger.transactions.add({
                    date: date(step.day),
                    description: 'x',
                    amountPence: step.amount,
                    businessId: step.category === 4 ? null : se,
                    categoryId: CATEGORIES[step.category]!,
                  }).id,
                );
              } else if (id === null) continue;
              else if (step.op === 'edit')
                ledger.transactions.update(id, { amountPence: step.amount, date: date(step.day) });
              else if (step.op === 'categorise')
                ledger.transactions.categorise([id], {
                  businessId: se,
                  categoryId: CATEGORIES[step.category]!,
                });
              else if (step.op === 'remove') ledger.transactions.remove([id]);
              else if (step.op === 'restore') ledger.transactions.restore([id]);
              else if (step.op === 'disallow')
                ledger.transactions.setDisallowable(id, { basisPoints: step.bp });
              else if (step.op === 'unsplit') ledger.transactions.unsplit(id);
              else {
                const whole = ledger.transactions.get(id).amountPence;
                const part = Math.trunc((whole * step.share) / 100);
                ledger.transactions.split(id, [
                  { amountPence: part, businessId: se, categoryId: 'se.costOfGoods' },
                  { amountPence: whole - part, businessId: se, categoryId: 'se.adminCosts' },
                ]);
              }
            } catch (error) {
              // Refused edits (split of a part, disallowable on income…) must change nothing.
              if (!(error instanceof Error) || !('code' in error)) throw error;
            }
          }
          expect(dailyTotalsDrift(ledger.database)).toBe(0);
          const before = ledger.totals.yearToDate(se, '2026-27');
          rebuildDailyTotals(ledger.database);
          const after = ledger.totals.yearToDate(se, '2026-27');
          expect(after.fields).toEqual(before.fields);
          expect(after.uncategorised).toEqual(before.uncategorised);
        } finally {
          t.dispose();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('detects drift when the summary is tampered with', () => {
    const t = tempLedger();
    try {
      const se = t.ledger.businesses.create({ kind: 'self-employment', name: 'Shop' }).id;
      t.ledger.transactions.add({
        date: '2026-05-01',
        description: 'x',
        amountPence: 100,
        businessId: se,
        categoryId: 'se.turnover',
      });
      t.ledger.database.prepare('UPDATE daily_totals SET money_in = money_in + 1').run();
      expect(dailyTotalsDrift(t.ledger.database)).toBe(1);
      rebuildDailyTotals(t.ledger.database);
      expect(dailyTotalsDrift(t.ledger.database)).toBe(0);
    } finally {
      t.dispose();
    }
  });
});
