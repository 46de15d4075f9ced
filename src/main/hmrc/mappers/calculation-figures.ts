import { hmrcAmountToPence, type Pence } from '@shared/domain/money';
import type { RetrieveCalculationResponse } from '../schemas/calculations';

/**
 * The headline figures of an HMRC tax calculation, in integer pence, for the screens that
 * show an estimate or the calculation a person declares against (reference §5.3, §5.7).
 * HMRC gives some figures in whole pounds (income, allowances, taxable income) and the rest
 * in pounds and pence; both become pence here.
 */
export interface CalculationFigures {
  calculationId: string;
  taxYear: string;
  calculationType: string;
  calculationReason: string;
  periodFrom: string;
  periodTo: string;
  calculationTimestamp?: string | undefined;
  /** Absent when HMRC's messages include errors (then there are no results). */
  totals?:
    | {
        incomeReceived: Pence;
        allowancesAndDeductions: Pence;
        taxableIncome: Pence;
        /** Income Tax on the bands, before reliefs (HMRC's `incomeTaxCharged`). */
        incomeTaxCharged: Pence;
        /** Reliefs HMRC took off it (finance costs, foreign tax credit …). */
        totalReliefs?: Pence | undefined;
        /**
         * The Income Tax HMRC says is due, after reliefs: `totalIncomeTaxDue`, else
         * `incomeTaxDueAfterReliefs`, else the charge itself when HMRC gives neither.
         */
        incomeTaxDue: Pence;
        class2Nics?: Pence | undefined;
        class4Nics?: Pence | undefined;
        totalNics?: Pence | undefined;
        totalTaxDeducted?: Pence | undefined;
        totalIncomeTaxAndNicsCharged?: Pence | undefined;
        totalIncomeTaxAndNicsDue: Pence;
      }
    | undefined;
  businesses: {
    incomeSourceId: string;
    incomeSourceType: 'self-employment' | 'uk-property' | 'foreign-property';
    incomeSourceName?: string | undefined;
    totalIncome?: Pence | undefined;
    totalExpenses?: Pence | undefined;
    netProfit?: Pence | undefined;
    netLoss?: Pence | undefined;
    taxableProfit?: Pence | undefined;
  }[];
  messages: {
    info: { id: string; text: string }[];
    warnings: { id: string; text: string }[];
    errors: { id: string; text: string }[];
  };
}

const optional = (n: number | undefined): Pence | undefined =>
  n === undefined ? undefined : hmrcAmountToPence(n);

/** Drops undefined values so the result compares and serialises cleanly. */
const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export function calculationFigures(response: RetrieveCalculationResponse): CalculationFigures {
  const { metadata, calculation, messages } = response;
  const tax = calculation?.taxCalculation;
  const list = (items: { id: string; text: string }[] | undefined) =>
    (items ?? []).map((m) => ({ id: m.id, text: m.text }));
  return defined({
    calculationId: metadata.calculationId,
    taxYear: metadata.taxYear,
    calculationType: metadata.calculationType,
    calculationReason: metadata.calculationReason,
    periodFrom: metadata.periodFrom,
    periodTo: metadata.periodTo,
    calculationTimestamp: metadata.calculationTimestamp,
    totals: tax
      ? defined({
          incomeReceived: hmrcAmountToPence(tax.incomeTax.totalIncomeReceivedFromAllSources),
          allowancesAndDeductions: hmrcAmountToPence(tax.incomeTax.totalAllowancesAndDeductions),
          taxableIncome: hmrcAmountToPence(tax.incomeTax.totalTaxableIncome),
          incomeTaxCharged: hmrcAmountToPence(tax.incomeTax.incomeTaxCharged),
          totalReliefs: optional(tax.incomeTax.totalReliefs),
          incomeTaxDue: hmrcAmountToPence(
            tax.incomeTax.totalIncomeTaxDue ??
              tax.incomeTax.incomeTaxDueAfterReliefs ??
              tax.incomeTax.incomeTaxCharged,
          ),
          class2Nics: optional(tax.nics?.class2Nics?.amount),
          class4Nics: optional(tax.nics?.class4Nics?.totalAmount),
          totalNics: optional(tax.nics?.totalNic),
          totalTaxDeducted: optional(tax.totalTaxDeducted),
          totalIncomeTaxAndNicsCharged: optional(tax.totalIncomeTaxNicsCharged),
          totalIncomeTaxAndNicsDue: hmrcAmountToPence(tax.totalIncomeTaxAndNicsDue),
        })
      : undefined,
    businesses: (calculation?.businessProfitAndLoss ?? []).map((b) =>
      defined({
        incomeSourceId: b.incomeSourceId,
        incomeSourceType: b.incomeSourceType,
        incomeSourceName: b.incomeSourceName,
        totalIncome: optional(b.totalIncome),
        totalExpenses: optional(b.totalExpenses),
        netProfit: optional(b.netProfit),
        netLoss: optional(b.netLoss),
        taxableProfit: optional(b.taxableProfit),
      }),
    ),
    messages: {
      info: list(messages?.info),
      warnings: list(messages?.warnings),
      errors: list(messages?.errors),
    },
  });
}
