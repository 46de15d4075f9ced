import { describe, expect, it } from 'vitest';
import {
  RunningBalanceCheck,
  checkRunningBalance,
  type BalanceRow,
} from '../../../src/main/ledger/import/analyse/running-balance';

/** Rows with their balances worked out from an opening balance, oldest first. */
function statement(opening: number, amounts: number[], firstLine = 2): BalanceRow[] {
  let balance = opening;
  return amounts.map((amountPence, i) => {
    balance += amountPence;
    return { line: firstLine + i, amountPence, balancePence: balance };
  });
}

const renumber = (rows: BalanceRow[]) => rows.map((r, i) => ({ ...r, line: i + 2 }));

describe('running balance check', () => {
  const amounts = [-4520, 85_000, -340, -340, -11_250, -3800, 125_000, -5840];

  it('finds nothing wrong in a statement whose balance follows every row', () => {
    expect(checkRunningBalance(statement(250_000, amounts))).toEqual({
      order: 'oldest-first',
      pairsChecked: 7,
      breakCount: 0,
      breaks: [],
    });
  });

  it('says where a row is missing, and its amount', () => {
    const rows = statement(250_000, amounts);
    const withoutOne = renumber(rows.filter((_, i) => i !== 4)); // the £112.50 payment is gone
    expect(checkRunningBalance(withoutOne)).toMatchObject({
      breakCount: 1,
      breaks: [
        { afterLine: 5, line: 6, kind: 'missing-row', gapPence: -11_250, duplicateLine: null },
      ],
    });
  });

  it('says which row is listed twice when the balance did not move for it', () => {
    const rows = statement(250_000, amounts);
    const twice = renumber([...rows.slice(0, 2), rows[1]!, ...rows.slice(2)]);
    expect(checkRunningBalance(twice)).toMatchObject({
      breakCount: 1,
      breaks: [{ afterLine: 3, line: 4, kind: 'duplicated-row', duplicateLine: 4 }],
    });
  });

  it('reads a newest-first statement, and a card whose balance owed rises with spending', () => {
    const rows = statement(250_000, amounts);
    const newestFirst = renumber([...rows].reverse().filter((_, i) => i !== 3));
    expect(checkRunningBalance(newestFirst)).toMatchObject({
      order: 'newest-first',
      breakCount: 1,
      breaks: [{ afterLine: 4, line: 5, kind: 'missing-row', gapPence: -11_250 }],
    });
    const card = statement(0, amounts).map((r) => ({ ...r, balancePence: -r.balancePence! }));
    expect(checkRunningBalance(card)).toMatchObject({ order: 'oldest-first', breakCount: 0 });
  });

  it('skips rows without a balance, and gives up on a column that is not a balance', () => {
    const rows = statement(250_000, amounts);
    rows[3] = { ...rows[3]!, balancePence: null };
    expect(checkRunningBalance(rows)).toMatchObject({ breakCount: 0, pairsChecked: 5 });
    const noise = rows.map((r, i) => ({ ...r, balancePence: (i * 7919) % 1000 }));
    expect(checkRunningBalance(noise)).toBeNull();
    expect(checkRunningBalance(rows.slice(0, 2))).toBeNull();
  });

  it('counts every break but lists only the first few', () => {
    const check = new RunningBalanceCheck(2);
    const rows = statement(
      0,
      Array.from({ length: 40 }, () => -100),
    );
    rows.forEach((r, i) =>
      check.add(i % 20 === 5 ? { ...r, balancePence: r.balancePence! - 1 } : r),
    );
    // Each altered balance breaks twice (into it and out of it): 4 breaks among 39 pairs.
    expect(check.result()).toMatchObject({ breakCount: 4, pairsChecked: 39 });
    expect(check.result()!.breaks).toHaveLength(2);
  });
});
