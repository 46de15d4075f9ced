import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ledger } from '../../../src/main/ledger';
import { AppError } from '../../../src/main/ipc/app-error';
import { tempLedger } from './ledger-fixture';

let t: ReturnType<typeof tempLedger>;
let ledger: Ledger;
let se: number;
let property: number;

beforeEach(() => {
  t = tempLedger('Sam Taylor');
  ledger = t.ledger;
  se = ledger.businesses.create({ kind: 'self-employment', name: 'Taylor Plumbing' }).id;
  property = ledger.businesses.create({ kind: 'uk-property', name: '12 High St' }).id;
});
afterEach(() => t.dispose());

const codeOf = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
};

describe('entering transactions', () => {
  it('adds a manual transaction and records it in the change log with who and when', () => {
    const tx = ledger.transactions.add({
      date: '2026-05-03',
      description: ' Copper pipe ',
      amountPence: -4599,
      businessId: se,
      categoryId: 'se.costOfGoods',
    });
    expect(tx).toMatchObject({
      description: 'Copper pipe',
      amountPence: -4599,
      categoryId: 'se.costOfGoods',
      ruleId: null,
    });
    const [entry] = ledger.transactions.history(tx.id);
    expect(entry).toMatchObject({
      actor: 'Sam Taylor',
      action: 'create',
      before: null,
      after: { id: tx.id, amountPence: -4599 },
    });
    expect(entry!.at).toMatch(/^2026-05-01T09:00:/);
  });

  it('refuses bad input with a typed error naming the field', () => {
    const error = (() => {
      try {
        ledger.transactions.add({ date: '2026-02-30', description: 'x', amountPence: 1 });
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error?.toJSON()).toMatchObject({ code: 'INVALID_INPUT', fields: [{ path: 'date' }] });
    expect(
      codeOf(() =>
        ledger.transactions.add({ date: '2026-05-01', description: '  ', amountPence: 1 }),
      ),
    ).toBe('INVALID_INPUT');
    expect(
      codeOf(() =>
        ledger.transactions.add({ date: '2026-05-01', description: 'x', amountPence: 1.5 }),
      ),
    ).toBe('INVALID_INPUT');
    expect(
      codeOf(() =>
        ledger.transactions.add({
          date: '2026-05-01',
          description: 'x',
          amountPence: 1,
          categoryId: 'se.nonsense',
          businessId: se,
        }),
      ),
    ).toBe('CATEGORY_UNKNOWN');
    expect(
      codeOf(() =>
        ledger.transactions.add({
          date: '2026-05-01',
          description: 'x',
          amountPence: 1,
          categoryId: 'se.turnover',
        }),
      ),
    ).toBe('BUSINESS_REQUIRED');
    expect(
      codeOf(() =>
        ledger.transactions.add({
          date: '2026-05-01',
          description: 'x',
          amountPence: 1,
          categoryId: 'se.turnover',
          businessId: property,
        }),
      ),
    ).toBe('CATEGORY_WRONG_KIND');
    expect(ledger.records.summarise().count).toBe(0); // nothing half-written
  });

  it('lets personal and transfer categories stand without a business', () => {
    expect(
      ledger.transactions.add({
        date: '2026-05-01',
        description: 'Groceries',
        amountPence: -2000,
        categoryId: 'excluded.personal',
      }).categoryId,
    ).toBe('excluded.personal');
  });

  it('edits values, keeping a before/after record of each change', () => {
    const tx = ledger.transactions.add({
      date: '2026-05-03',
      description: 'Van fuel',
      amountPence: -6000,
      businessId: se,
      categoryId: 'se.carVanTravelExpenses',
    });
    const edited = ledger.transactions.update(tx.id, {
      amountPence: -6500,
      notes: 'receipt in glovebox',
    });
    expect(edited).toMatchObject({ amountPence: -6500, notes: 'receipt in glovebox' });
    const history = ledger.transactions.history(tx.id);
    expect(history.map((h) => h.action)).toEqual(['update', 'create']);
    expect(history[0]).toMatchObject({
      before: { amountPence: -6000 },
      after: { amountPence: -6500 },
    });
  });
});

describe('disallowable parts (reference §5.4)', () => {
  it('marks part of a self-employment expense as not allowable, by amount or share', () => {
    const tx = ledger.transactions.add({
      date: '2026-05-03',
      description: 'Phone bill',
      amountPence: -8000,
      businessId: se,
      categoryId: 'se.adminCosts',
    });
    expect(
      ledger.transactions.setDisallowable(tx.id, { basisPoints: 2500 }).disallowablePence,
    ).toBe(2000);
    expect(ledger.transactions.setDisallowable(tx.id, { pence: 8000 }).disallowablePence).toBe(
      8000,
    );
    expect(codeOf(() => ledger.transactions.setDisallowable(tx.id, { pence: 8001 }))).toBe(
      'DISALLOWABLE_TOO_LARGE',
    );
    expect(codeOf(() => ledger.transactions.setDisallowable(tx.id, { pence: -1 }))).toBe(
      'DISALLOWABLE_TOO_LARGE',
    );
  });

  it('follows a refund: the disallowable part of a negative expense is negative', () => {
    const refund = ledger.transactions.add({
      date: '2026-05-03',
      description: 'Phone refund',
      amountPence: 1000,
      businessId: se,
      categoryId: 'se.adminCosts',
    });
    expect(
      ledger.transactions.setDisallowable(refund.id, { basisPoints: 5000 }).disallowablePence,
    ).toBe(-500);
  });

  it('refuses a disallowable part where HMRC has none: income, property, uncategorised', () => {
    const income = ledger.transactions.add({
      date: '2026-05-03',
      description: 'Job',
      amountPence: 10000,
      businessId: se,
      categoryId: 'se.turnover',
    });
    const rent = ledger.transactions.add({
      date: '2026-05-03',
      description: 'Repairs',
      amountPence: -10000,
      businessId: property,
      categoryId: 'ukp.repairsAndMaintenance',
    });
    const loose = ledger.transactions.add({
      date: '2026-05-03',
      description: '?',
      amountPence: -100,
    });
    for (const id of [income.id, rent.id, loose.id]) {
      expect(codeOf(() => ledger.transactions.setDisallowable(id, { basisPoints: 1000 }))).toBe(
        'DISALLOWABLE_NOT_ALLOWED',
      );
    }
  });

  it('drops a disallowable part that no longer fits after recategorising', () => {
    const tx = ledger.transactions.add({
      date: '2026-05-03',
      description: 'Lunch',
      amountPence: -3000,
      businessId: se,
      categoryId: 'se.businessEntertainmentCosts',
      disallowablePence: 3000,
    });
    expect(
      ledger.transactions.update(tx.id, { categoryId: 'excluded.personal' }).disallowablePence,
    ).toBe(0);
  });
});

describe('bulk categorising', () => {
  it('categorises a selection in one go, all or nothing', () => {
    const ids = [1, 2, 3].map(
      (i) =>
        ledger.transactions.add({
          date: `2026-05-0${i}`,
          description: `Fuel ${i}`,
          amountPence: -1000 * i,
        }).id,
    );
    expect(
      ledger.transactions.categorise(ids, {
        businessId: se,
        categoryId: 'se.carVanTravelExpenses',
        disallowableBasisPoints: 1000,
      }),
    ).toEqual({ updated: 3 });
    expect(ids.map((id) => ledger.transactions.get(id).disallowablePence)).toEqual([100, 200, 300]);
    const income = ledger.transactions.add({
      date: '2026-05-04',
      description: 'Job',
      amountPence: 500,
    }).id;
    // The property category does not fit the SE business: nothing in the selection changes.
    expect(
      codeOf(() =>
        ledger.transactions.categorise([income, ids[0]!], {
          businessId: se,
          categoryId: 'ukp.periodAmount',
        }),
      ),
    ).toBe('CATEGORY_WRONG_KIND');
    expect(ledger.transactions.get(income).categoryId).toBeNull();
    expect(ledger.transactions.get(ids[0]!).categoryId).toBe('se.carVanTravelExpenses');
  });
});

describe('deleting with undo', () => {
  it('soft-deletes, hides from lists and totals, and restores', () => {
    const tx = ledger.transactions.add({
      date: '2026-05-03',
      description: 'Oops',
      amountPence: -100,
      businessId: se,
      categoryId: 'se.otherExpenses',
    });
    expect(ledger.transactions.remove([tx.id])).toEqual({ removed: 1 });
    expect(ledger.records.summarise().count).toBe(0);
    expect(ledger.records.list({ deleted: true }).rows.map((r) => r.id)).toEqual([tx.id]);
    expect(codeOf(() => ledger.transactions.update(tx.id, { notes: 'x' }))).toBe(
      'TRANSACTION_DELETED',
    );
    expect(ledger.transactions.restore([tx.id])).toEqual({ restored: 1 });
    expect(ledger.records.summarise()).toMatchObject({ count: 1, outPence: 100 });
    expect(ledger.transactions.history(tx.id).map((h) => h.action)).toEqual([
      'restore',
      'delete',
      'create',
    ]);
  });
});

describe('splitting', () => {
  it('splits one bank line across categories and businesses; parts must add up', () => {
    const tx = ledger.transactions.add({
      date: '2026-05-03',
      description: 'B&Q',
      amountPence: -10000,
    });
    expect(
      codeOf(() =>
        ledger.transactions.split(tx.id, [{ amountPence: -6000 }, { amountPence: -3000 }]),
      ),
    ).toBe('SPLIT_TOTAL_MISMATCH');
    expect(codeOf(() => ledger.transactions.split(tx.id, [{ amountPence: -10000 }]))).toBe(
      'SPLIT_TOO_FEW_PARTS',
    );
    const split = ledger.transactions.split(tx.id, [
      { amountPence: -6000, businessId: se, categoryId: 'se.costOfGoods' },
      { amountPence: -3000, businessId: property, categoryId: 'ukp.repairsAndMaintenance' },
      { amountPence: -1000, categoryId: 'excluded.personal' },
    ]);
    expect(split.isSplit).toBe(true);
    expect(split.parts.map((p) => [p.amountPence, p.categoryId, p.date, p.description])).toEqual([
      [-6000, 'se.costOfGoods', '2026-05-03', 'B&Q'],
      [-3000, 'ukp.repairsAndMaintenance', '2026-05-03', 'B&Q'],
      [-1000, 'excluded.personal', '2026-05-03', 'B&Q'],
    ]);
    // Counted once: the parts, never the parent as well.
    expect(ledger.records.summarise()).toMatchObject({ count: 3, outPence: 10000 });
    expect(ledger.records.list({ businessId: se }).rows.map((r) => r.amountPence)).toEqual([-6000]);
    expect(ledger.totals.yearToDate(se, '2026-27').expensesPence).toBe(6000);
    expect(ledger.totals.yearToDate(property, '2026-27').expensesPence).toBe(3000);
  });

  it('keeps the parts in step with the bank line and guards their amounts', () => {
    const tx = ledger.transactions.add({
      date: '2026-05-03',
      description: 'Screwfix',
      amountPence: -5000,
    });
    const split = ledger.transactions.split(tx.id, [
      { amountPence: -4000, businessId: se, categoryId: 'se.costOfGoods' },
      { amountPence: -1000, businessId: se, categoryId: 'se.otherExpenses' },
    ]);
    ledger.transactions.update(tx.id, { date: '2026-05-04', description: 'SCREWFIX DIRECT' });
    expect(ledger.transactions.get(tx.id).parts.map((p) => [p.date, p.description])).toEqual([
      ['2026-05-04', 'SCREWFIX DIRECT'],
      ['2026-05-04', 'SCREWFIX DIRECT'],
    ]);
    expect(codeOf(() => ledger.transactions.update(tx.id, { amountPence: -6000 }))).toBe(
      'TRANSACTION_IS_SPLIT',
    );
    expect(codeOf(() => ledger.transactions.update(split.parts[0]!.id, { amountPence: -1 }))).toBe(
      'TRANSACTION_IS_SPLIT_PART',
    );
    expect(
      ledger.transactions.update(split.parts[1]!.id, { categoryId: 'se.adminCosts' }).categoryId,
    ).toBe('se.adminCosts');
    expect(codeOf(() => ledger.transactions.remove([split.parts[0]!.id]))).toBe(
      'TRANSACTION_IS_SPLIT_PART',
    );
  });

  it('deletes, restores and unsplits a split as a whole', () => {
    const tx = ledger.transactions.add({
      date: '2026-05-03',
      description: 'Mixed',
      amountPence: -300,
    });
    ledger.transactions.split(tx.id, [
      { amountPence: -100, businessId: se, categoryId: 'se.costOfGoods' },
      { amountPence: -200, businessId: se, categoryId: 'se.adminCosts' },
    ]);
    ledger.transactions.remove([tx.id]);
    expect(ledger.records.summarise().count).toBe(0);
    ledger.transactions.restore([tx.id]);
    expect(ledger.records.summarise().count).toBe(2);
    const whole = ledger.transactions.unsplit(tx.id);
    expect(whole).toMatchObject({
      isSplit: false,
      categoryId: null,
      businessId: se,
      amountPence: -300,
    });
    expect(ledger.records.summarise()).toMatchObject({
      count: 1,
      outPence: 300,
      uncategorisedCount: 1,
    });
  });
});
