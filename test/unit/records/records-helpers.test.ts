import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  initialChoices,
  rowsToImport,
  toDecisions,
  unresolvedBadRows,
} from '@renderer/features/records/import/check-choices';
import { defaultMapping, withAmountKind } from '@renderer/features/records/import/mapping-edit';
import { dateRangeText, statementLine } from '@renderer/features/records/import/statement-text';
import {
  EMPTY_FILTER,
  filterKey,
  isFiltered,
  toRequestFilter,
} from '@renderer/features/records/filter-state';
import { nextActiveIndex, pagesFor } from '@renderer/features/records/list-navigation';
import { readAmount, readShare, shareText, signed } from '@renderer/features/records/money-entry';
import { conditionsText, moved } from '@renderer/features/records/rules/rule-text';
import { planSplit, type DraftPart } from '@renderer/features/records/split-plan';
import type { ImportAnalysisView } from '@shared/ipc/channels/records';

/** The records screens' pure logic, tested in Node (no DOM). */

describe('amounts and shares typed by a person', () => {
  it('reads sizes in pounds as pence, refusing signs, zero and nonsense with a reason', () => {
    expect(readAmount('45.20')).toEqual({ ok: true, pence: 4520 });
    expect(readAmount('£1,234.5')).toEqual({ ok: true, pence: 123450 });
    expect(readAmount('-3')).toMatchObject({ ok: false, message: expect.stringMatching(/minus/) });
    expect(readAmount('0')).toMatchObject({ ok: false });
    expect(readAmount('0', { allowZero: true })).toEqual({ ok: true, pence: 0 });
    expect(readAmount('')).toMatchObject({ ok: false, message: expect.stringMatching(/Enter/) });
    expect(readAmount('12.345')).toMatchObject({ ok: false });
    expect(signed(4520, 'out')).toBe(-4520);
    expect(signed(4520, 'in')).toBe(4520);
  });

  it('reads percentages as basis points and writes them back the same', () => {
    expect(readShare('25')).toEqual({ ok: true, basisPoints: 2500 });
    expect(readShare('12.5 %')).toEqual({ ok: true, basisPoints: 1250 });
    expect(readShare('')).toEqual({ ok: true, basisPoints: 0 });
    expect(readShare('100.01')).toMatchObject({ ok: false });
    expect(readShare('1e2')).toMatchObject({ ok: false });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (bp) => {
        const read = readShare(shareText(bp));
        expect(read).toEqual({ ok: true, basisPoints: bp });
      }),
    );
  });
});

describe('the split dialog’s arithmetic', () => {
  const part = (amount: string): DraftPart => ({
    key: amount,
    amount,
    businessId: null,
    categoryId: null,
    disallowable: '',
  });

  it('shows what is left, what is too much, and is ready only when the parts match exactly', () => {
    expect(planSplit(-12_000, [part('80.00'), part('')])).toMatchObject({
      remainderPence: 4_000,
      ready: false,
    });
    expect(planSplit(-12_000, [part('80'), part('45')])).toMatchObject({
      remainderPence: -500,
      ready: false,
    });
    expect(planSplit(-12_000, [part('80'), part('40')])).toMatchObject({
      remainderPence: 0,
      ready: true,
    });
    expect(planSplit(12_000, [part('120')]).ready).toBe(false); // one part is not a split
    expect(planSplit(100, [part('abc'), part('1')]).problems.get(0)).toBeTruthy();
  });

  it('adds up in whole pence with no float drift', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 2, maxLength: 30 }),
        (sizes) => {
          const total = sizes.reduce((a, b) => a + b, 0);
          const parts = sizes.map((p) =>
            part(`${Math.floor(p / 100)}.${String(p % 100).padStart(2, '0')}`),
          );
          expect(planSplit(-total, parts)).toMatchObject({ remainderPence: 0, ready: true });
        },
      ),
    );
  });
});

describe('keyboard movement in the records list', () => {
  it('moves by one, by a page, and to the ends, never outside the list', () => {
    expect(nextActiveIndex('ArrowDown', -1, 10, 5)).toBe(0);
    expect(nextActiveIndex('ArrowDown', 9, 10, 5)).toBe(9);
    expect(nextActiveIndex('ArrowUp', 0, 10, 5)).toBe(0);
    expect(nextActiveIndex('PageDown', 2, 10, 5)).toBe(7);
    expect(nextActiveIndex('PageDown', 8, 10, 5)).toBe(9);
    expect(nextActiveIndex('PageUp', 3, 10, 5)).toBe(0);
    expect(nextActiveIndex('Home', 6, 10, 5)).toBe(0);
    expect(nextActiveIndex('End', 0, 100_000, 5)).toBe(99_999);
    expect(nextActiveIndex('x', 0, 10, 5)).toBeNull();
    expect(nextActiveIndex('ArrowDown', 0, 0, 5)).toBeNull();
  });

  it('asks only for the pages the visible rows need', () => {
    expect(pagesFor(0, 30, 100)).toEqual([0]);
    expect(pagesFor(95, 130, 100)).toEqual([0, 1]);
    expect(pagesFor(99_950, 99_999, 100)).toEqual([999]);
    expect(pagesFor(0, -1, 100)).toEqual([]);
  });
});

describe('the list filter', () => {
  it('sends only the conditions that are set, and a quarter only with its year', () => {
    expect(toRequestFilter(EMPTY_FILTER)).toEqual({});
    expect(isFiltered(EMPTY_FILTER)).toBe(false);
    expect(toRequestFilter({ ...EMPTY_FILTER, quarter: 2 })).toEqual({});
    expect(
      toRequestFilter({
        ...EMPTY_FILTER,
        taxYear: '2025-26',
        quarter: 2,
        business: 'none',
        categoryId: 'se.turnover',
        uncategorised: true,
        text: '  shell ',
      }),
    ).toEqual({
      taxYear: '2025-26',
      quarter: 2,
      businessId: null,
      uncategorised: true,
      text: 'shell',
    });
    expect(toRequestFilter({ ...EMPTY_FILTER, business: 3, categoryId: 'se.turnover' })).toEqual({
      businessId: 3,
      categoryId: 'se.turnover',
    });
  });

  it('gives the same key for the same conditions in any order', () => {
    expect(filterKey({ taxYear: '2025-26', businessId: 1 }, 'date-desc')).toBe(
      filterKey({ businessId: 1, taxYear: '2025-26' }, 'date-desc'),
    );
    expect(filterKey({ businessId: 1 })).not.toBe(filterKey({ businessId: 2 }));
  });
});

describe('the import check step', () => {
  const analysis = (over: Partial<ImportAnalysisView> = {}): ImportAnalysisView => ({
    profileId: '6f1c1b8e-2f7e-4c1e-9a43-0a6f3c1f7d11',
    importId: '6f1c1b8e-2f7e-4c1e-9a43-0a6f3c1f7d12',
    fileName: 'a.csv',
    rowsRead: 21,
    rowsToImport: 16,
    badRows: {
      count: 2,
      items: [
        { line: 14, code: 'DATE_UNREADABLE', message: 'x', cells: [] },
        { line: 17, code: 'AMOUNT_UNREADABLE', message: 'y', cells: [] },
      ],
    },
    duplicates: {
      inLedger: 3,
      repeatedInFile: 1,
      items: [
        ...[2, 3, 4].map((line) => ({
          line,
          kind: 'in-ledger' as const,
          date: '2025-04-07',
          amountPence: -100,
          description: 'd',
          existingTransactionId: 1,
          existingDeleted: false,
        })),
        {
          line: 8,
          kind: 'repeated-in-file' as const,
          date: '2025-04-12',
          amountPence: -340,
          description: 'coffee',
          existingTransactionId: null,
          existingDeleted: false,
        },
      ],
    },
    totals: { inPence: 0, outPence: 0, netPence: 0, firstDate: null, lastDate: null },
    rowsByTaxYear: [],
    balanceCheck: null,
    ruleMatches: 0,
    itemLimit: 500,
    durationMs: 1,
    ...over,
  });

  it('counts the rows each choice imports, and blocks on unreadable rows not fixed or skipped', () => {
    const a = analysis();
    const start = initialChoices();
    expect(rowsToImport(a, start)).toBe(16);
    expect(unresolvedBadRows(a, start)).toBe(2);
    const fix = { date: '2025-05-31', description: 'TRAINLINE', amountPence: -2410 };
    const fixed = { ...start, fixes: new Map([[14, fix]]) };
    expect(rowsToImport(a, fixed)).toBe(17);
    expect(unresolvedBadRows(a, fixed)).toBe(1);
    expect(unresolvedBadRows(a, { ...fixed, skipUnfixed: true })).toBe(0);
    expect(rowsToImport(a, { ...start, keepLines: new Set([3]) })).toBe(17);
    expect(rowsToImport(a, { ...start, inLedgerDuplicates: 'keep' })).toBe(19);
    expect(rowsToImport(a, { ...start, repeatedInFile: 'skip' })).toBe(15);
    expect(rowsToImport(a, { ...start, skipLines: new Set([8]) })).toBe(15);
  });

  it('turns the choices into the ledger’s decisions', () => {
    const fix = { date: '2025-05-31', description: 'TRAINLINE', amountPence: -2410 };
    expect(
      toDecisions({
        ...initialChoices(),
        fixes: new Map([[14, fix]]),
        skipUnfixed: true,
        businessId: 4,
      }),
    ).toEqual({
      inLedgerDuplicates: 'skip',
      repeatedInFile: 'keep',
      fixes: [{ line: 14, ...fix }],
      badRows: 'skip',
      businessId: 4,
      applyRules: true,
      rememberMapping: true,
    });
    expect(toDecisions(initialChoices()).badRows).toBe('refuse');
  });
});

describe('the mapping step', () => {
  it('starts from the first columns and switches amount layouts keeping the chosen column', () => {
    const m = defaultMapping({ columnCount: 4, hasHeaderNames: true });
    expect(m).toMatchObject({ headerRowIndex: 0, dateColumn: 0, descriptionColumns: [1] });
    const split = withAmountKind(m, 'debit-credit');
    expect(split.amount).toEqual({ kind: 'debit-credit', debitColumn: 2, creditColumn: 3 });
    expect(withAmountKind(split, 'single').amount).toEqual({
      kind: 'single',
      column: 2,
      invert: false,
    });
    expect(defaultMapping({ columnCount: 1, hasHeaderNames: false }).amount).toMatchObject({
      column: 0,
    });
  });
});

describe('an OFX statement in one line', () => {
  const statement = {
    kind: 'bank' as const,
    account: '••••1234',
    accountType: 'CHECKING',
    currency: 'GBP',
    from: '2026-01-03',
    to: '2026-03-28',
    transactions: 42,
  };

  it('names the masked account, the dates and the count', () => {
    expect(statementLine(statement)).toBe(
      'OFX statement from account ••••1234, 3 Jan – 28 Mar 2026: 42 transactions',
    );
    expect(
      statementLine({ ...statement, kind: 'credit-card', account: null, transactions: 1 }),
    ).toBe(
      'OFX credit-card statement from an account it does not name, 3 Jan – 28 Mar 2026: 1 transaction',
    );
    expect(statementLine({ ...statement, from: null, to: null, transactions: 0 })).toBe(
      'OFX statement from account ••••1234: 0 transactions',
    );
  });

  it('writes the year once when both dates share it', () => {
    expect(dateRangeText('2025-12-20', '2026-01-19')).toBe('20 Dec 2025 – 19 Jan 2026');
    expect(dateRangeText('2026-01-05', '2026-01-05')).toBe('5 Jan 2026');
    expect(dateRangeText(null, '2026-01-05')).toBe('5 Jan 2026');
  });
});

describe('rules in words', () => {
  it('says every condition, and moves rules by one place', () => {
    expect(
      conditionsText({
        descriptionContains: 'SHELL',
        amountMinPence: 1000,
        amountMaxPence: 5000,
        direction: 'out',
      }),
    ).toBe(
      'the description contains “SHELL” and the amount is between £10.00 and £50.00 and it is money out',
    );
    expect(conditionsText({ counterpartyIs: 'BT' })).toBe('the payee or payer is “BT”');
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});
