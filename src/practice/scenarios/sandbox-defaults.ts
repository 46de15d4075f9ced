import { randomUUID } from 'node:crypto';
import { buildCalculation } from '../apis/calculation-document';
import { type TaxpayerRecord } from '../state/model';
import { type IsoDate, isoTimestamp } from '../tax/dates';
import { penceToPounds } from '../tax/money';
import { finalDeclarationDueDate, quarterlyPeriods } from '../tax/periods';
import {
  type TaxYear,
  taxYearEnd,
  taxYearOf,
  taxYearStart,
  taxYearStarting,
} from '../tax/tax-year';

/**
 * Practice HMRC's own canned answers for the "N/A - DEFAULT" rows of the endpoints' Test data
 * tables ("Simulates success response"), used when it answers as HMRC's sandbox does without a
 * Gov-Test-Scenario header. HMRC's example data is not copied; the business ids are the ones
 * HMRC's tables name for these scenarios. Nothing here reads or changes Practice HMRC's state.
 * [BD list.yaml, retrieve.yaml; OB retrieve_income_tax_income_expenditure.yaml,
 * retrieve_income_tax_crystallisation.yaml; IC trigger.yaml, list.yaml, retrieve.yaml]
 */
export const CANNED_SELF_EMPLOYMENT_ID = 'XBIS12345678901';

/** Income and expenditure obligations: the current tax year's standard quarters, all open. */
export function cannedIncomeObligations(today: IsoDate): Record<string, unknown> {
  const ty = taxYearOf(today);
  return {
    obligations: [
      {
        typeOfBusiness: 'self-employment',
        businessId: CANNED_SELF_EMPLOYMENT_ID,
        obligationDetails: quarterlyPeriods(ty, 'standard').map((q) => ({
          periodStartDate: ty.startYear >= 2025 ? taxYearStart(ty) : q.quarterStart,
          periodEndDate: q.periodEndDate,
          dueDate: q.dueDate,
          status: 'open',
        })),
      },
    ],
  };
}

/** "Simulates a success response with an open obligation": last tax year's final declaration. */
export function cannedFinalObligations(today: IsoDate): Record<string, unknown> {
  const last = taxYearStarting(taxYearOf(today).startYear - 1);
  return {
    obligations: [
      {
        periodStartDate: taxYearStart(last),
        periodEndDate: taxYearEnd(last),
        dueDate: finalDeclarationDueDate(last),
        status: 'open',
      },
    ],
  };
}

/** A made-up sole trader with one year-to-date update, for the canned calculation. */
function cannedTaxpayer(ty: TaxYear, at: number): TaxpayerRecord {
  return {
    nino: 'AA000000A',
    name: 'Sandbox default',
    dateOfBirth: '1980-01-01',
    mtdStartTaxYear: ty.label,
    itsaStatus: {},
    businesses: [
      {
        businessId: CANNED_SELF_EMPLOYMENT_ID,
        typeOfBusiness: 'self-employment',
        accountingType: 'CASH',
        periodTypeChoices: [],
        cumulative: {
          [ty.label]: {
            fromDate: taxYearStart(ty),
            toDate: quarterlyPeriods(ty, 'standard')[1]?.periodEndDate as string,
            amounts: {
              periodIncome: { turnover: 2_400_000 },
              periodExpenses: { consolidatedExpenses: 450_000 },
            },
            submittedAt: at,
            history: [],
          },
        },
      },
    ],
    calculations: [],
    finalDeclarations: {},
  };
}

export function cannedCalculation(ty: TaxYear, calculationId: string, now: number) {
  return buildCalculation({
    taxpayer: cannedTaxpayer(ty, now),
    taxYear: ty,
    calculationId,
    calculationType: 'in-year',
    requestedAt: now,
    calculatedAt: now,
  });
}

/** One in-year calculation for the year. */
export function cannedCalculationList(ty: TaxYear, now: number): Record<string, unknown> {
  const built = cannedCalculation(ty, randomUUID(), now);
  return {
    calculations: [
      {
        calculationId: randomUUID(),
        calculationTimestamp: isoTimestamp(now),
        calculationType: 'in-year',
        calculationTrigger: 'attended',
        calculationOutcome: 'PROCESSED',
        liabilityAmount: penceToPounds(built.liabilityPence),
        fromDate: taxYearStart(ty),
        toDate: built.periodTo,
      },
    ],
  };
}
