import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ledger, Transaction } from '../../../src/main/ledger';
import { tempLedger } from './ledger-fixture';

let t: ReturnType<typeof tempLedger>;
let ledger: Ledger;
let se: number;
let property: number;
const all: Transaction[] = [];

beforeEach(() => {
  t = tempLedger();
  ledger = t.ledger;
  se = ledger.businesses.create({ kind: 'self-employment', name: 'Plumbing' }).id;
  property = ledger.businesses.create({ kind: 'uk-property', name: 'Flat' }).id;
  all.length = 0;
  // 60 transactions over two tax years, three per week-ish, mixed businesses and categories.
  for (let i = 0; i < 60; i++) {
    const day = new Date(Date.UTC(2026, 2, 1) + i * 5 * 86_400_000).toISOString().slice(0, 10);
    const kind = i % 3;
    all.push(
      ledger.transactions.add({
        date: day,
        description:
          kind === 0
            ? `Invoice ${i} 100%_done`
            : kind === 1
              ? `Screwfix order ${i}`
              : `Rent flat ${i}`,
        amountPence: kind === 0 ? 10_000 + i : kind === 1 ? -(500 + i) : 70_000,
        businessId: kind === 2 ? property : kind === 0 ? se : null,
        categoryId: kind === 0 ? 'se.turnover' : kind === 2 ? 'ukp.periodAmount' : null,
      }),
    );
  }
});
afterEach(() => t.dispose());

const ids = (rows: Transaction[]) => rows.map((r) => r.id);
const expected = (
  keep: (x: Transaction) => boolean,
  order: 'date-desc' | 'amount-asc' = 'date-desc',
) =>
  ids(
    all
      .filter(keep)
      .sort((a, b) =>
        order === 'date-desc'
          ? b.date.localeCompare(a.date) || b.id - a.id
          : a.amountPence - b.amountPence || a.id - b.id,
      ),
  );

describe('the records list', () => {
  it('pages through everything with keyset cursors, newest first, no row twice', () => {
    const seen: number[] = [];
    let after: string | null = null;
    do {
      const page = ledger.records.list({}, { limit: 7, after });
      seen.push(...ids(page.rows));
      after = page.nextCursor;
    } while (after);
    expect(seen).toEqual(expected(() => true));
  });

  it('jumps to any offset for a virtualised list', () => {
    expect(ids(ledger.records.list({}, { limit: 5, offset: 20 }).rows)).toEqual(
      expected(() => true).slice(20, 25),
    );
  });

  it('filters by tax year, quarter, business, category and uncategorised', () => {
    const in2026 = (x: Transaction) => x.date >= '2026-04-06' && x.date <= '2027-04-05';
    expect(ids(ledger.records.list({ taxYear: '2026-27' }, { limit: 500 }).rows)).toEqual(
      expected(in2026),
    );
    const q2 = (x: Transaction) => x.date >= '2026-07-06' && x.date <= '2026-10-05';
    expect(
      ids(
        ledger.records.list({ taxYear: '2026-27', quarter: 2, businessId: se }, { limit: 500 })
          .rows,
      ),
    ).toEqual(expected((x) => q2(x) && x.businessId === se));
    expect(
      ids(ledger.records.list({ categoryId: 'ukp.periodAmount' }, { limit: 500 }).rows),
    ).toEqual(expected((x) => x.categoryId === 'ukp.periodAmount'));
    expect(ids(ledger.records.list({ uncategorised: true }, { limit: 500 }).rows)).toEqual(
      expected((x) => x.categoryId === null),
    );
    expect(ids(ledger.records.list({ businessId: null }, { limit: 500 }).rows)).toEqual(
      expected((x) => x.businessId === null),
    );
  });

  it('searches text literally: all words, any case, % and _ are not wildcards', () => {
    expect(ids(ledger.records.list({ text: 'SCREWFIX 1' }, { limit: 500 }).rows)).toEqual(
      expected((x) => /screwfix/i.test(x.description) && x.description.includes('1')),
    );
    expect(ledger.records.list({ text: '100%_done' }, { limit: 500 }).rows).toHaveLength(20);
    expect(ledger.records.list({ text: '10_%' }, { limit: 500 }).rows).toHaveLength(0);
  });

  it('sorts by amount and pages on in that order', () => {
    const first = ledger.records.list({}, { sort: 'amount-asc', limit: 10 });
    const second = ledger.records.list(
      {},
      { sort: 'amount-asc', limit: 10, after: first.nextCursor },
    );
    expect([...ids(first.rows), ...ids(second.rows)]).toEqual(
      expected(() => true, 'amount-asc').slice(0, 20),
    );
    expect(() => ledger.records.list({}, { sort: 'date-desc', after: first.nextCursor })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});

describe('running totals of the filtered set', () => {
  it('matches the sum of the rows the filter lists, by either route', () => {
    for (const filter of [
      {},
      { taxYear: '2026-27' },
      { businessId: se, taxYear: '2026-27', quarter: 1 as const },
      { text: 'screwfix' },
      { direction: 'in' as const },
    ]) {
      const rows = ledger.records.list(filter, { limit: 500 }).rows;
      const summary = ledger.records.summarise(filter);
      expect(summary, JSON.stringify(filter)).toEqual({
        count: rows.length,
        inPence: rows.filter((r) => r.amountPence > 0).reduce((s, r) => s + r.amountPence, 0),
        outPence: -rows.filter((r) => r.amountPence < 0).reduce((s, r) => s + r.amountPence, 0),
        netPence: rows.reduce((s, r) => s + r.amountPence, 0),
        uncategorisedCount: rows.filter((r) => r.categoryId === null).length,
      });
    }
  });

  it('counts what is left to categorise', () => {
    expect(ledger.records.uncategorisedCount()).toBe(20);
    expect(ledger.records.uncategorisedCount({ taxYear: '2025-26' })).toBe(
      all.filter((x) => x.categoryId === null && x.date < '2026-04-06').length,
    );
    ledger.transactions.categorise([all[1]!.id], { businessId: se, categoryId: 'se.costOfGoods' });
    expect(ledger.records.uncategorisedCount()).toBe(19);
  });
});
