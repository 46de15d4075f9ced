import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ledger, PeriodTotals } from '../../../src/main/ledger';
import { tempLedger } from './ledger-fixture';

let t: ReturnType<typeof tempLedger>;
let ledger: Ledger;
let se: number;

beforeEach(() => {
  t = tempLedger();
  ledger = t.ledger;
  se = ledger.businesses.create({ kind: 'self-employment', name: 'Taylor Plumbing' }).id;
});
afterEach(() => t.dispose());

const add = (
  date: string,
  amountPence: number,
  categoryId: string | null,
  extra: { disallowablePence?: number; businessId?: number | null } = {},
) =>
  ledger.transactions.add({
    date,
    description: `${categoryId ?? 'none'} ${amountPence}`,
    amountPence,
    businessId: se,
    categoryId,
    ...extra,
  });

const field = (totals: PeriodTotals, categoryId: string) =>
  totals.fields.find((f) => f.categoryId === categoryId)!;

describe('year-to-date totals per HMRC field (hand-computed)', () => {
  beforeEach(() => {
    add('2026-04-05', 99_999, 'se.turnover'); // 2025-26: outside
    add('2026-04-06', 100_000, 'se.turnover');
    add('2026-05-10', 25_050, 'se.turnover');
    add('2026-07-05', 9_999, 'se.turnover');
    add('2026-07-06', 77_777, 'se.turnover'); // after Q1
    add('2026-06-01', -5_000, 'se.turnover'); // a refund to a customer
    add('2026-04-20', -12_000, 'se.costOfGoods');
    add('2026-04-21', -3_025, 'se.costOfGoods');
    add('2026-04-22', 1_000, 'se.costOfGoods'); // supplier refund
    add('2026-05-01', -8_000, 'se.adminCosts', { disallowablePence: 2_000 });
    add('2026-05-02', -4_500, 'se.businessEntertainmentCosts', { disallowablePence: 4_500 });
    add('2026-05-03', -1_234, 'excluded.personal');
    add('2026-05-04', -999, null);
  });

  it('sums every field exactly, from 6 April to the period end', () => {
    const q1 = ledger.totals.yearToDate(se, '2026-27', '2026-07-05');
    expect([q1.from, q1.to]).toEqual(['2026-04-06', '2026-07-05']);
    // 1,000.00 + 250.50 + 99.99 − 50.00 refund
    expect(field(q1, 'se.turnover')).toMatchObject({
      valuePence: 130_049,
      transactionCount: 4,
      hmrcSection: 'periodIncome',
      hmrcField: 'turnover',
    });
    // 120.00 + 30.25 − 10.00 refund
    expect(field(q1, 'se.costOfGoods')).toMatchObject({
      valuePence: 14_025,
      disallowablePence: 0,
      allowablePence: 14_025,
    });
    expect(field(q1, 'se.adminCosts')).toMatchObject({
      valuePence: 8_000,
      disallowablePence: 2_000,
      allowablePence: 6_000,
      disallowableField: 'adminCostsDisallowable',
    });
    expect(field(q1, 'se.businessEntertainmentCosts')).toMatchObject({
      valuePence: 4_500,
      disallowablePence: 4_500,
      allowablePence: 0,
    });
    expect(field(q1, 'se.wagesAndStaffCosts')).toMatchObject({
      valuePence: 0,
      transactionCount: 0,
    }); // zeros are sent
    expect(q1.fields).toHaveLength(19);
    expect(q1).toMatchObject({
      incomePence: 130_049,
      expensesPence: 26_525,
      disallowablePence: 6_500,
      allowableExpensesPence: 20_025,
      uncategorised: { count: 1, netPence: -999 },
      excluded: { count: 1, netPence: -1_234 },
      signProblems: [],
    });
    expect(q1.consolidated).toMatchObject({
      chosen: false,
      allowed: true,
      thresholdIncomePence: 130_049,
      consolidatedPence: 20_025,
    });
  });

  it('covers the whole year when no period end is given', () => {
    expect(ledger.totals.yearToDate(se, '2026-27').incomePence).toBe(130_049 + 77_777);
    expect(ledger.totals.yearToDate(se, '2025-26').incomePence).toBe(99_999);
  });

  it('refuses a period end outside the tax year', () => {
    expect(() => ledger.totals.yearToDate(se, '2026-27', '2027-04-06')).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });

  it('sums income and expenses per quarter for the chart', () => {
    const quarters = ledger.totals.quarters(se, '2026-27');
    expect(quarters.map((q) => [q.label, q.incomePence, q.expensesPence])).toEqual([
      ['Q1 2026-27: 6 Apr \u2013 5 Jul 2026', 130_049, 26_525],
      ['Q2 2026-27: 6 Jul \u2013 5 Oct 2026', 77_777, 0],
      ['Q3 2026-27: 6 Oct 2026 \u2013 5 Jan 2027', 0, 0],
      ['Q4 2026-27: 6 Jan \u2013 5 Apr 2027', 0, 0],
    ]);
  });
});

describe('period types and start dates (reference §5.2, §5.3)', () => {
  it('starts calendar years on 1 April, except the first calendar year', () => {
    ledger.businesses.setYearSettings(se, '2026-27', { periodType: 'calendar' });
    add('2026-04-03', 100, 'se.turnover'); // before 6 April in the first calendar year: 2025-26
    add('2027-04-03', 200, 'se.turnover'); // 1–5 April of an established calendar year: 2027-28
    add('2027-03-31', 400, 'se.turnover');
    const first = ledger.totals.yearToDate(se, '2026-27');
    expect([first.from, first.to, first.incomePence]).toEqual(['2026-04-06', '2027-03-31', 400]);
    expect(first.basis).toEqual({ type: 'calendar', firstCalendarYear: true });
    const next = ledger.totals.yearToDate(se, '2027-28');
    expect([next.from, next.incomePence]).toEqual(['2027-04-01', 200]);
    expect(ledger.totals.quarters(se, '2027-28')[0]).toMatchObject({
      start: '2027-04-01',
      end: '2027-06-30',
      incomePence: 200,
    });
  });

  it('starts at the commencement date for a business that started during the year', () => {
    const started = ledger.businesses.create({
      kind: 'self-employment',
      name: 'New',
      commencementDate: '2026-06-15',
    }).id;
    ledger.transactions.add({
      date: '2026-06-14',
      description: 'set-up',
      amountPence: -100,
      businessId: started,
      categoryId: 'se.otherExpenses',
    });
    ledger.transactions.add({
      date: '2026-06-15',
      description: 'first sale',
      amountPence: 500,
      businessId: started,
      categoryId: 'se.turnover',
    });
    const totals = ledger.totals.yearToDate(started, '2026-27');
    expect([totals.from, totals.incomePence, totals.expensesPence]).toEqual(['2026-06-15', 500, 0]);
  });
});

describe('UK property totals (reference §5.5)', () => {
  it('keeps finance costs and rent-a-room beside consolidated expenses', () => {
    const home = ledger.businesses.create({ kind: 'uk-property', name: 'Flat 2' }).id;
    ledger.businesses.setYearSettings(home, '2026-27', { consolidatedExpenses: true });
    const rent = (amountPence: number, categoryId: string) =>
      ledger.transactions.add({
        date: '2026-05-01',
        description: categoryId,
        amountPence,
        businessId: home,
        categoryId,
      });
    rent(95_000, 'ukp.periodAmount');
    rent(20_000, 'ukp.rentARoom.rentsReceived');
    rent(-15_000, 'ukp.repairsAndMaintenance');
    rent(-5_000, 'ukp.professionalFees');
    rent(-30_000, 'ukp.residentialFinancialCost');
    const totals = ledger.totals.yearToDate(home, '2026-27');
    expect(field(totals, 'ukp.rentARoom.rentsReceived')).toMatchObject({
      hmrcSection: 'ukProperty.income',
      hmrcField: 'rentARoom.rentsReceived',
      valuePence: 20_000,
    });
    expect(totals.consolidated).toMatchObject({
      chosen: true,
      allowed: true,
      thresholdIncomePence: 115_000,
      consolidatedPence: 20_000,
      separate: {
        'ukp.residentialFinancialCost': 30_000,
        'ukp.residentialFinancialCostsCarriedForward': 0,
        'ukp.rentARoom.amountClaimed': 0,
      },
    });
  });

  it('says when consolidated expenses are not allowed (£90,000 or more) and when income went negative', () => {
    add('2026-05-01', 9_000_000, 'se.turnover');
    expect(ledger.totals.yearToDate(se, '2026-27').consolidated.allowed).toBe(false);
    add('2026-05-02', -9_000_100, 'se.turnover');
    expect(ledger.totals.yearToDate(se, '2026-27').signProblems).toEqual([
      { categoryId: 'se.turnover', name: 'Sales and takings', valuePence: -100 },
    ]);
  });
});

describe('the records behind the totals (for approving updates, issue 8)', () => {
  it('changes its fingerprint on any edit that could move a figure, and only then', () => {
    const a = add('2026-05-01', -1_000, 'se.costOfGoods');
    const b = add('2026-05-02', 5_000, 'se.turnover');
    add('2027-01-10', 5_000, 'se.turnover'); // after the period: never part of it
    const fingerprint = () => ledger.totals.yearToDate(se, '2026-27', '2026-07-05').records;
    const first = fingerprint();
    expect(first.count).toBe(2);
    expect(ledger.totals.contributingIds(se, '2026-04-06', '2026-07-05')).toEqual([a.id, b.id]);

    ledger.transactions.update(a.id, { notes: 'a note changes nothing HMRC sees' });
    ledger.transactions.update(a.id, { description: 'Renamed' });
    expect(fingerprint()).toEqual(first);
    ledger.transactions.add({
      date: '2027-02-01',
      description: 'later',
      amountPence: 1,
      businessId: se,
      categoryId: 'se.turnover',
    });
    expect(fingerprint()).toEqual(first);

    const seen = new Set([first.fingerprint]);
    const changed = (what: string) => {
      const now = fingerprint().fingerprint;
      expect(seen.has(now), what).toBe(false);
      seen.add(now);
    };
    ledger.transactions.update(a.id, { amountPence: -1_001 });
    changed('amount');
    ledger.transactions.update(a.id, { categoryId: 'se.adminCosts' });
    changed('category');
    ledger.transactions.setDisallowable(a.id, { pence: 1 });
    changed('disallowable');
    ledger.transactions.update(b.id, { date: '2026-05-03' });
    changed('date');
    ledger.transactions.remove([b.id]);
    changed('delete');
    ledger.transactions.restore([b.id]);
    changed('restore (same values, but the records were touched)');
    add('2026-06-01', 1, 'se.turnover');
    changed('new row');
  });
});
