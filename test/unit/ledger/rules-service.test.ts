import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ledger } from '../../../src/main/ledger';
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

describe('rules', () => {
  it('refuses rules that would match everything or cannot work', () => {
    const action = { businessId: se, categoryId: 'se.costOfGoods', disallowableBasisPoints: 0 };
    expect(() => ledger.rules.create({ conditions: {}, action })).toThrow(
      expect.objectContaining({ code: 'RULE_INVALID' }),
    );
    expect(() =>
      ledger.rules.create({ conditions: { descriptionPattern: '***' }, action }),
    ).toThrow(expect.objectContaining({ code: 'RULE_INVALID' }));
    expect(() =>
      ledger.rules.create({ conditions: { amountMinPence: 500, amountMaxPence: 100 }, action }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() =>
      ledger.rules.create({
        conditions: { descriptionContains: 'x' },
        action: { ...action, categoryId: 'ukp.periodAmount' },
      }),
    ).toThrow(expect.objectContaining({ code: 'CATEGORY_WRONG_KIND' }));
    expect(() =>
      ledger.rules.create({
        conditions: { descriptionContains: 'x' },
        action: { ...action, categoryId: 'se.turnover', disallowableBasisPoints: 100 },
      }),
    ).toThrow(expect.objectContaining({ code: 'DISALLOWABLE_NOT_ALLOWED' }));
  });

  it('applies on demand to uncategorised rows only, recording which rule did it', () => {
    const fuel = ledger.transactions.add({
      date: '2026-05-01',
      description: 'SHELL BRENTFORD',
      amountPence: -5000,
    });
    const mine = ledger.transactions.add({
      date: '2026-05-02',
      description: 'SHELL BRENTFORD',
      amountPence: -6000,
      businessId: se,
      categoryId: 'se.otherExpenses',
    });
    const rule = ledger.rules.create({
      conditions: { descriptionContains: 'shell' },
      action: {
        businessId: se,
        categoryId: 'se.carVanTravelExpenses',
        disallowableBasisPoints: 2000,
      },
    });
    expect(rule.name).toBe('Description contains “shell” → Car, van and travel');
    expect(ledger.rules.apply({ dryRun: true })).toEqual({ matched: 1, updated: 1 });
    expect(ledger.transactions.get(fuel.id).categoryId).toBeNull();
    expect(ledger.rules.apply()).toEqual({ matched: 1, updated: 1 });
    expect(ledger.transactions.get(fuel.id)).toMatchObject({
      categoryId: 'se.carVanTravelExpenses',
      disallowablePence: 1000,
      ruleId: rule.id,
      businessId: se,
    });
    expect(ledger.transactions.get(mine.id)).toMatchObject({
      categoryId: 'se.otherExpenses',
      ruleId: null,
    }); // a person's choice stands
    expect(ledger.transactions.history(fuel.id)[0]).toMatchObject({
      action: 'apply-rule',
      after: { ruleId: rule.id },
    });
    // Changing it by hand makes it the person's choice.
    expect(
      ledger.transactions.update(fuel.id, { categoryId: 'se.otherExpenses' }).ruleId,
    ).toBeNull();
  });

  it('re-checks rule-set rows when asked, following a rule edit', () => {
    const tx = ledger.transactions.add({
      date: '2026-05-01',
      description: 'BT GROUP',
      amountPence: -3000,
    });
    const rule = ledger.rules.create({
      conditions: { descriptionContains: 'bt group' },
      action: { businessId: se, categoryId: 'se.otherExpenses', disallowableBasisPoints: 0 },
    });
    ledger.rules.apply();
    ledger.rules.update(rule.id, {
      action: { businessId: se, categoryId: 'se.adminCosts', disallowableBasisPoints: 5000 },
    });
    expect(ledger.rules.apply()).toEqual({ matched: 0, updated: 0 });
    expect(ledger.rules.apply({ scope: 'rule-set-too' })).toEqual({ matched: 1, updated: 1 });
    expect(ledger.transactions.get(tx.id)).toMatchObject({
      categoryId: 'se.adminCosts',
      disallowablePence: 1500,
    });
  });

  it('creates a rule from a categorisation ("always do this") that repeats it', () => {
    const tx = ledger.transactions.add({
      date: '2026-05-01',
      description: 'Vodafone DD',
      counterparty: 'Vodafone',
      amountPence: -4000,
      businessId: se,
      categoryId: 'se.adminCosts',
      disallowablePence: 1000,
    });
    const rule = ledger.rules.createFromTransaction(tx.id);
    expect(rule).toMatchObject({
      conditions: { counterpartyIs: 'Vodafone', direction: 'out' },
      action: { businessId: se, categoryId: 'se.adminCosts', disallowableBasisPoints: 2500 },
    });
    const next = ledger.transactions.add({
      date: '2026-06-01',
      description: 'Vodafone DD June',
      counterparty: 'VODAFONE',
      amountPence: -4400,
    });
    ledger.rules.apply({ ids: [next.id] });
    expect(ledger.transactions.get(next.id)).toMatchObject({
      categoryId: 'se.adminCosts',
      disallowablePence: 1100,
      ruleId: rule.id,
    });
    const uncategorised = ledger.transactions.add({
      date: '2026-06-01',
      description: 'x',
      amountPence: -1,
    });
    expect(() => ledger.rules.createFromTransaction(uncategorised.id)).toThrow(
      expect.objectContaining({ code: 'RULE_INVALID' }),
    );
  });

  it('keeps an order that people can change, and previews matches', () => {
    const a = ledger.rules.create({
      conditions: { descriptionContains: 'costa' },
      action: {
        businessId: se,
        categoryId: 'se.businessEntertainmentCosts',
        disallowableBasisPoints: 10_000,
      },
    });
    const b = ledger.rules.create({
      conditions: { descriptionPattern: '*coffee*' },
      action: { businessId: null, categoryId: 'excluded.personal', disallowableBasisPoints: 0 },
    });
    expect(ledger.rules.list().map((r) => r.id)).toEqual([a.id, b.id]);
    expect(ledger.rules.reorder([b.id]).map((r) => r.id)).toEqual([b.id, a.id]);
    ledger.transactions.add({ date: '2026-05-01', description: 'COSTA COFFEE', amountPence: -320 });
    ledger.transactions.add({ date: '2026-05-02', description: 'Pret coffee', amountPence: -300 });
    expect(ledger.rules.preview({ descriptionPattern: '*coffee*' }).count).toBe(2);
    ledger.rules.apply();
    expect(ledger.records.list({ categoryId: 'excluded.personal' }).rows).toHaveLength(2);
    ledger.rules.remove(b.id);
    expect(ledger.rules.list().map((r) => r.id)).toEqual([a.id]);
  });

  it('puts a saved rule to work on the uncategorised records it matches, and only those', () => {
    const waiting = ledger.transactions.add({
      date: '2026-05-01',
      description: 'SCREWFIX 4411',
      amountPence: -2599,
    });
    const other = ledger.transactions.add({
      date: '2026-05-01',
      description: 'TESCO STORES',
      amountPence: -1200,
    });
    const chosen = ledger.transactions.add({
      date: '2026-05-03',
      description: 'SCREWFIX 4411',
      amountPence: -800,
      businessId: se,
      categoryId: 'se.otherExpenses',
    });
    // A higher rule that also matches still wins, as it would at import.
    const first = ledger.rules.create({
      conditions: { descriptionContains: 'screwfix', amountMinPence: 2000 },
      action: { businessId: se, categoryId: 'se.costOfGoods', disallowableBasisPoints: 0 },
    });
    const rule = ledger.rules.create({
      conditions: { descriptionContains: 'screwfix' },
      action: { businessId: se, categoryId: 'se.maintenanceCosts', disallowableBasisPoints: 0 },
    });
    expect(ledger.transactions.get(waiting.id).categoryId).toBeNull(); // create alone changes nothing
    expect(ledger.rules.applySaved(rule.id)).toBe(1);
    expect(ledger.transactions.get(waiting.id)).toMatchObject({
      categoryId: 'se.costOfGoods',
      ruleId: first.id,
    });
    expect(ledger.transactions.get(other.id).categoryId).toBeNull();
    expect(ledger.transactions.get(chosen.id)).toMatchObject({
      categoryId: 'se.otherExpenses',
      ruleId: null,
    });
    expect(ledger.rules.applySaved(rule.id)).toBe(0);
    const off = ledger.rules.create({
      conditions: { descriptionContains: 'tesco' },
      action: { businessId: null, categoryId: 'excluded.personal', disallowableBasisPoints: 0 },
      enabled: false,
    });
    expect(ledger.rules.applySaved(off.id)).toBe(0);
    expect(ledger.transactions.get(other.id).categoryId).toBeNull();
  });
});
