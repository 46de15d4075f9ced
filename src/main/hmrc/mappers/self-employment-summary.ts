import { hmrcAmountToPence, penceToHmrcAmount, type Pence } from '@shared/domain/money';
import type { IsoDate } from '@shared/domain/tax-year';
import {
  SE_EXPENSE_FIELDS,
  type SeExpenseField,
  type SelfEmploymentCumulativeBody,
  type SelfEmploymentCumulativeResponse,
} from '../schemas/self-employment';

/**
 * A self-employment business's year-to-date totals in integer pence: what the ledger
 * produces and the Review screen shows. Keys are HMRC's field names (reference §5.4), so the
 * mapping to HMRC's JSON is mechanical and can be shown exactly.
 */
export interface SelfEmploymentCumulativeTotals {
  /** Left out for customers who report annually or whose income source is latent. */
  period?: { start: IsoDate; end: IsoDate } | undefined;
  income: { turnover: Pence; other: Pence; taxTakenOffTradingIncome: Pence };
  expenses:
    | {
        kind: 'itemised';
        /** Missing fields are sent as 0. */
        amounts: Partial<Record<SeExpenseField, Pence>>;
        /** The part of each expense that cannot be claimed; only non-zero ones are sent. */
        disallowable: Partial<Record<SeExpenseField, Pence>>;
      }
    | { kind: 'consolidated'; total: Pence };
}

/**
 * Totals in pence → the exact JSON body of the cumulative PUT [SE
 * schemas/createAmendCumulativePeriodSummary/request.json]. HMRC asks for income and expense
 * values even when they are zero, so every income field and, for itemised expenses, every
 * expense field is sent; disallowable amounts are sent only where there are some.
 */
export function selfEmploymentCumulativeBody(
  totals: SelfEmploymentCumulativeTotals,
): SelfEmploymentCumulativeBody {
  const body: SelfEmploymentCumulativeBody = {};
  if (totals.period) {
    body.periodDates = { periodStartDate: totals.period.start, periodEndDate: totals.period.end };
  }
  body.periodIncome = {
    turnover: penceToHmrcAmount(totals.income.turnover),
    other: penceToHmrcAmount(totals.income.other),
    taxTakenOffTradingIncome: penceToHmrcAmount(totals.income.taxTakenOffTradingIncome),
  };
  const { expenses } = totals;
  if (expenses.kind === 'consolidated') {
    body.periodExpenses = { consolidatedExpenses: penceToHmrcAmount(expenses.total) };
    return body;
  }
  body.periodExpenses = Object.fromEntries(
    SE_EXPENSE_FIELDS.map((f) => [f, penceToHmrcAmount(expenses.amounts[f] ?? 0)]),
  );
  const disallowable = SE_EXPENSE_FIELDS.filter((f) => (expenses.disallowable[f] ?? 0) !== 0);
  if (disallowable.length > 0) {
    body.periodDisallowableExpenses = Object.fromEntries(
      disallowable.map((f) => [`${f}Disallowable`, penceToHmrcAmount(expenses.disallowable[f]!)]),
    );
  }
  return body;
}

/** HMRC's stored summary (GET) or a body → totals in pence, to compare with the ledger. */
export function selfEmploymentTotalsFromHmrc(
  summary: SelfEmploymentCumulativeBody | SelfEmploymentCumulativeResponse,
): SelfEmploymentCumulativeTotals {
  const pence = (n: number | undefined) => (n === undefined ? 0 : hmrcAmountToPence(n));
  const dates = summary.periodDates;
  const expenses = summary.periodExpenses ?? {};
  const disallowable = summary.periodDisallowableExpenses ?? {};
  return {
    ...(dates ? { period: { start: dates.periodStartDate, end: dates.periodEndDate } } : {}),
    income: {
      turnover: pence(summary.periodIncome?.turnover),
      other: pence(summary.periodIncome?.other),
      taxTakenOffTradingIncome: pence(summary.periodIncome?.taxTakenOffTradingIncome),
    },
    expenses:
      expenses.consolidatedExpenses !== undefined
        ? { kind: 'consolidated', total: pence(expenses.consolidatedExpenses) }
        : {
            kind: 'itemised',
            amounts: Object.fromEntries(
              SE_EXPENSE_FIELDS.filter((f) => expenses[f] !== undefined).map((f) => [
                f,
                pence(expenses[f]),
              ]),
            ),
            disallowable: Object.fromEntries(
              SE_EXPENSE_FIELDS.filter((f) => disallowable[`${f}Disallowable`] !== undefined).map(
                (f) => [f, pence(disallowable[`${f}Disallowable`])],
              ),
            ),
          },
  };
}
