import { type BusinessRecord, type CalculationType, type TaxpayerRecord } from '../state/model';
import { type IsoDate, isoTimestamp } from '../tax/dates';
import { businessFigures } from '../tax/business-figures';
import { type Estimate, estimate } from '../tax/estimate';
import { penceToPounds } from '../tax/money';
import { ratesFor } from '../tax/rates';
import { type TaxYear, taxYearEnd, taxYearStart } from '../tax/tax-year';

/** Shown in every practice calculation, so no one mistakes it for HMRC's figures. */
export const PRACTICE_FIGURES_NOTICE =
  'Practice HMRC: these are practice figures from a simplified estimate (UK rates, no losses, ' +
  'allowances or other income). They are not an HMRC tax calculation.';

export interface CalculationInput {
  taxpayer: TaxpayerRecord;
  taxYear: TaxYear;
  calculationId: string;
  calculationType: CalculationType;
  requestedAt: number;
  calculatedAt: number;
}

export interface BuiltCalculation {
  document: Record<string, unknown>;
  liabilityPence: number;
  periodTo: IsoDate;
}

/** Businesses with a cumulative summary for the year. */
export function submittedBusinesses(taxpayer: TaxpayerRecord, taxYear: TaxYear): BusinessRecord[] {
  return taxpayer.businesses.filter((b) => b.cumulative[taxYear.label] !== undefined);
}

const pounds = penceToPounds;

function calculationSection(e: Estimate): Record<string, unknown> {
  const calc: Record<string, unknown> = {
    allowancesAndDeductions: {
      personalAllowance: e.personalAllowance,
      ...(e.personalAllowance < e.rates.personalAllowance
        ? { reducedPersonalAllowance: e.personalAllowance }
        : {}),
    },
    businessProfitAndLoss: e.businesses.map((b) => ({
      incomeSourceId: b.businessId,
      incomeSourceType: b.type,
      ...(b.name ? { incomeSourceName: b.name } : {}),
      totalIncome: pounds(b.income),
      totalExpenses: pounds(b.expenses),
      netProfit: pounds(b.netProfit),
      netLoss: pounds(b.netLoss),
      totalAdditions: pounds(b.disallowable),
      taxableProfit: b.taxableProfit,
      adjustedProfit: pounds(b.adjustedProfit),
      ...(b.adjustedLoss > 0 ? { adjustedLoss: pounds(b.adjustedLoss) } : {}),
    })),
    incomeSummaryTotals: {
      totalSelfEmploymentProfit: e.totalSelfEmploymentProfit,
      totalPropertyProfit: e.totalPropertyProfit,
      totalUKOtherPropertyProfit: e.totalPropertyProfit,
    },
  };
  if (e.financeCostRelief) {
    const r = e.financeCostRelief;
    const claimed = e.businesses.reduce((t, b) => t + b.financeCosts, 0);
    calc.reliefs = {
      residentialFinanceCosts: {
        adjustedTotalIncome: r.adjustedTotalIncome,
        totalAllowableAmount: pounds(claimed),
        relievableAmount: pounds(r.relievable),
        rate: e.rates.financeCostReliefRate,
        totalResidentialFinanceCostsRelief: pounds(r.relief),
        ukProperty: {
          amountClaimed: Math.floor(claimed / 100),
          allowableAmount: pounds(claimed),
          carryForwardAmount: pounds(claimed - r.relievable),
        },
      },
    };
  }
  const seDeducted = e.businesses
    .filter((b) => b.type === 'self-employment')
    .reduce((t, b) => t + b.taxDeducted, 0);
  const propertyDeducted = e.businesses
    .filter((b) => b.type === 'uk-property')
    .reduce((t, b) => t + b.taxDeducted, 0);
  if (seDeducted > 0 || propertyDeducted > 0) {
    calc.taxDeductedAtSource = {
      ...(seDeducted > 0 ? { taxTakenOffTradingIncome: pounds(seDeducted) } : {}),
      ...(propertyDeducted > 0 ? { ukLandAndProperty: pounds(propertyDeducted) } : {}),
    };
  }
  const nic = e.class4?.total ?? 0;
  calc.taxCalculation = {
    incomeTax: {
      totalIncomeReceivedFromAllSources: e.totalIncome,
      totalAllowancesAndDeductions: Math.min(e.personalAllowance, e.totalIncome),
      totalTaxableIncome: e.taxableIncome,
      payPensionsProfit: {
        incomeReceived: e.totalIncome,
        allowancesAllocated: Math.min(e.personalAllowance, e.totalIncome),
        taxableIncome: e.taxableIncome,
        incomeTaxAmount: pounds(e.incomeTaxCharged),
        taxBands: e.bands.map((b) => ({
          name: b.name,
          rate: b.rate,
          bandLimit: b.bandLimit,
          apportionedBandLimit: b.bandLimit,
          income: b.income,
          taxAmount: pounds(b.tax),
        })),
      },
      incomeTaxCharged: pounds(e.incomeTaxCharged),
      totalReliefs: pounds(e.financeCostRelief?.relief ?? 0),
      incomeTaxDueAfterReliefs: pounds(e.incomeTaxDue),
      incomeTaxDueAfterGiftAid: pounds(e.incomeTaxDue),
      totalIncomeTaxDue: pounds(e.incomeTaxDue),
    },
    ...(e.class4
      ? {
          nics: {
            class4Nics: {
              totalIncomeLiableToClass4Charge: e.class4.liable,
              totalIncomeChargeableToClass4: e.class4.chargeable,
              totalAmount: pounds(e.class4.total),
              nic4Bands: e.class4.bands.map((b) => ({
                name: b.name,
                rate: b.rate,
                threshold: b.threshold,
                apportionedThreshold: b.threshold,
                income: b.income,
                amount: pounds(b.amount),
              })),
            },
            totalNic: pounds(nic),
          },
        }
      : {}),
    totalIncomeTaxNicsCharged: pounds(e.incomeTaxDue + nic),
    totalTaxDeducted: pounds(e.taxDeducted),
    totalIncomeTaxAndNicsDue: pounds(e.totalDue),
  };
  return calc;
}

/**
 * The Retrieve a Self Assessment Tax Calculation body, in HMRC's shape for the tax year
 * (def3 for 2025-26, def4 from 2026-27; Practice HMRC fills only fields both share).
 * [IC retrieve.yaml; schemas/retrieve/def3, def4]
 */
export function buildCalculation(input: CalculationInput): BuiltCalculation {
  const { taxpayer, taxYear } = input;
  const businesses = submittedBusinesses(taxpayer, taxYear);
  const figures = businesses.flatMap((b) => {
    const record = b.cumulative[taxYear.label];
    const f = record ? businessFigures(b, record) : undefined;
    return f ? [f] : [];
  });
  const e = estimate(figures, ratesFor(taxYear));
  const latestTo = businesses
    .map((b) => b.cumulative[taxYear.label]?.toDate ?? taxYearEnd(taxYear))
    .sort()
    .pop();
  const periodTo = latestTo ?? taxYearStart(taxYear);
  const info = [{ id: 'PRACTICE-ESTIMATE', text: PRACTICE_FIGURES_NOTICE }];
  if (!e.rates.published) {
    info.push({
      id: 'PRACTICE-RATES',
      text: `Practice HMRC has no published rates for ${taxYear.label}; 2026-27 rates were used.`,
    });
  }
  const document: Record<string, unknown> = {
    metadata: {
      calculationId: input.calculationId,
      taxYear: taxYear.label,
      // HMRC returns "customer" even when an agent asked. [IC def4/metadata.json requestedBy]
      requestedBy: 'customer',
      requestedTimestamp: isoTimestamp(input.requestedAt),
      calculationReason: 'customer-request',
      calculationTimestamp: isoTimestamp(input.calculatedAt),
      calculationType: input.calculationType,
      periodFrom: taxYearStart(taxYear),
      periodTo,
    },
    inputs: {
      personalInformation: {
        identifier: taxpayer.nino,
        dateOfBirth: taxpayer.dateOfBirth,
        taxRegime: 'uk',
        itsaStatus: 'MTD Voluntary',
      },
      incomeSources: {
        businessIncomeSources: businesses.map((b) => {
          const record = b.cumulative[taxYear.label];
          const received = isoTimestamp(record?.submittedAt ?? input.requestedAt);
          const start = record?.fromDate ?? taxYearStart(taxYear);
          const end = record?.toDate ?? taxYearEnd(taxYear);
          return {
            incomeSourceId: b.businessId,
            incomeSourceType: b.typeOfBusiness,
            ...(b.tradingName ? { incomeSourceName: b.tradingName } : {}),
            accountingPeriodStartDate: taxYearStart(taxYear),
            accountingPeriodEndDate: taxYearEnd(taxYear),
            source: 'MTD-SA',
            ...(b.commencementDate ? { commencementDate: b.commencementDate } : {}),
            latestPeriodEndDate: end,
            latestReceivedDateTime: received,
            submissionPeriod: { startDate: start, endDate: end, receivedDateTime: received },
          };
        }),
      },
    },
    calculation: calculationSection(e),
    messages: { info },
  };
  return { document, liabilityPence: e.totalDue, periodTo };
}

/** The same calculation with HMRC-style errors and no results (ERROR_MESSAGES_EXIST). */
export function withErrorMessages(document: Record<string, unknown>): Record<string, unknown> {
  const { calculation: _calc, ...rest } = document;
  return {
    ...rest,
    messages: {
      errors: [
        {
          id: 'C55001',
          text: 'Practice HMRC error: the figures could not be calculated. Check the submitted data and trigger a new calculation.',
        },
      ],
    },
  };
}
