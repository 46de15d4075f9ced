import type { DecimalStyle } from '@shared/domain/money';
import { checkPlausibility } from './amount-plausibility';
import { balanceFit, readBalance } from './balance-column';
import { detectDecimalStyle, KEYWORDS, type ColumnFacts } from './column-facts';
import type { AmountColumns } from './csv-mapping';
import { findInOutPair, inOutOrderFromBalance } from './in-out-pair';

/** Whether column `b` runs as the balance of the single amounts in column `a`. */
function isBalanceOf(data: string[][], a: number, b: number, decimal: DecimalStyle): boolean {
  return (
    balanceFit(
      data.map((r) => readBalance(r[a], decimal)),
      data.map((r) => readBalance(r[b], decimal)),
    ) !== null
  );
}

/**
 * The amount columns: a named money-out/money-in pair; else a named amount that looks like
 * money; else an unnamed pair of sparse columns; else the column that looks most like money.
 */
export function chooseAmount(
  facts: ColumnFacts[],
  data: string[][],
  dateIndex: number,
): { amount: AmountColumns | null; candidates: number[]; money: number[] } {
  const notBalance = (f: ColumnFacts) => !KEYWORDS.balance.test(f.name);
  const money = facts.filter((f) => f.index !== dateIndex && f.moneyShare >= 0.8);
  const moneyish = (f: ColumnFacts, share = 0.8) =>
    f.index !== dateIndex && notBalance(f) && f.moneyShare >= share;
  const decimal = detectDecimalStyle(money.flatMap((f) => f.values));
  const plausibility = (f: ColumnFacts) =>
    checkPlausibility(
      f.values.map((text, i) => ({ line: i, text })),
      decimal,
    );

  // Ranked single-amount candidates, balances (named, or running as one) left out. A value on
  // every row (a fixed rent, an account number) stays in: plausibility tells the two apart.
  let dense = money.filter((f) => notBalance(f) && f.filledShare >= 0.9);
  dense = dense.filter(
    (b) => !dense.some((a) => a !== b && isBalanceOf(data, a.index, b.index, decimal)),
  );
  const ranked = dense
    .map((f) => ({ f, p: plausibility(f) }))
    .sort(
      (x, y) =>
        Number(y.p.plausible) - Number(x.p.plausible) ||
        x.p.badness - y.p.badness ||
        x.f.index - y.f.index,
    );
  const candidates = ranked.map((r) => r.f.index);
  const result = (amount: AmountColumns | null) => ({
    amount,
    candidates,
    money: money.map((f) => f.index),
  });

  // A named side may be empty in this sample (no money in yet), but what it holds is money.
  const side = (f: ColumnFacts) =>
    !KEYWORDS.flag.test(f.name) &&
    f.index !== dateIndex &&
    notBalance(f) &&
    (f.filledShare === 0 || f.moneyShare >= 0.5);
  // Of several columns a name fits (Monzo's "Receipt" and "Money In"), one with values wins.
  const namedSide = (re: RegExp, test: (f: ColumnFacts) => boolean) =>
    facts
      .filter((f) => re.test(f.name) && test(f))
      .sort((a, b) => Number(b.filledShare > 0) - Number(a.filledShare > 0))[0];
  const debit = namedSide(KEYWORDS.debit, side);
  const credit = namedSide(KEYWORDS.credit, (f) => side(f) && f.index !== debit?.index);
  if (debit && credit && debit.moneyShare + credit.moneyShare > 0) {
    return result({ kind: 'debit-credit', debitColumn: debit.index, creditColumn: credit.index });
  }
  const namedAmount = ranked.find(
    (r) =>
      KEYWORDS.amount.test(r.f.name) && !KEYWORDS.notAccountAmount.test(r.f.name) && r.p.plausible,
  );
  if (namedAmount) return result({ kind: 'single', column: namedAmount.f.index, invert: false });

  const pair = findInOutPair(
    money.filter(notBalance).map((f) => ({
      index: f.index,
      filledShare: f.filledShare,
      moneyShare: f.moneyShare,
    })),
    data,
  );
  if (pair) {
    const order =
      inOutOrderFromBalance(
        data,
        pair,
        money.map((f) => f.index),
        decimal,
      ) ?? pair;
    return result({ kind: 'debit-credit', debitColumn: order[0], creditColumn: order[1] });
  }
  const single = ranked[0]?.f ?? facts.find((f) => moneyish(f, 0.5) && f.filledShare >= 0.5);
  return result(single ? { kind: 'single', column: single.index, invert: false } : null);
}
