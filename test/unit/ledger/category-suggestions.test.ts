import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ledger } from '../../../src/main/ledger';
import { payeeKey } from '../../../src/main/ledger/records/category-suggestions';
import { tempLedger } from './ledger-fixture';

let t: ReturnType<typeof tempLedger>;
let ledger: Ledger;
let se: number;
beforeEach(() => {
  t = tempLedger();
  ledger = t.ledger;
  se = ledger.businesses.create({ kind: 'self-employment', name: 'Plumbing' }).id;
});
afterEach(() => t.dispose());

describe('category suggestions', () => {
  it('reads a payee without the numbers that change from one payment to the next', () => {
    expect(payeeKey('CARD PAYMENT TO SHELL BRENTFORD 1234 ON 03/05')).toBe(
      'card payment to shell brentford on',
    );
    expect(payeeKey('1234 5678')).toBe('');
    expect(payeeKey(null)).toBe('');
  });

  it('offers what the same payee was given before, most used first, same direction only', () => {
    const add = (description: string, amountPence: number, categoryId: string | null) =>
      ledger.transactions.add({
        date: '2026-05-01',
        description,
        amountPence,
        ...(categoryId ? { businessId: se, categoryId } : {}),
      });
    add('SHELL BRENTFORD 1111', -4000, 'se.carVanTravelExpenses');
    add('SHELL BRENTFORD 2222', -3000, 'se.carVanTravelExpenses');
    add('SHELL BRENTFORD 3333', -300, 'se.otherExpenses');
    add('SHELL BRENTFORD 4444', 500, 'se.other'); // a refund is not the purchase
    add('TESCO STORES 1', -1000, 'se.costOfGoods');
    const waiting = add('SHELL BRENTFORD 9999', -4500, null);
    expect(ledger.records.suggestCategories(waiting.id)).toEqual([
      { businessId: se, categoryId: 'se.carVanTravelExpenses', uses: 2 },
      { businessId: se, categoryId: 'se.otherExpenses', uses: 1 },
    ]);
    const stranger = add('NEW PAYEE LTD', -100, null);
    expect(ledger.records.suggestCategories(stranger.id)).toEqual([]);
  });

  it('matches on the counterparty when the descriptions differ', () => {
    ledger.transactions.add({
      date: '2026-05-01',
      description: 'FPS 88213',
      counterparty: 'A SMITH',
      amountPence: 90_000,
      businessId: se,
      categoryId: 'se.turnover',
    });
    const next = ledger.transactions.add({
      date: '2026-06-01',
      description: 'BGC REF JUNE',
      counterparty: 'A Smith',
      amountPence: 90_000,
    });
    expect(ledger.records.suggestCategories(next.id)).toEqual([
      { businessId: se, categoryId: 'se.turnover', uses: 1 },
    ]);
  });
});
