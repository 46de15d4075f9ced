import {
  type CalculationMessage,
  type CalculationMessages,
  severityFor,
  validationFindings,
} from '../rules/calculation-messages';
import { type BusinessRecord, type CalculationType, type TaxpayerRecord } from '../state/model';
import { type IsoDate, isoTimestamp } from '../tax/dates';
import { figuresForYear } from '../tax/bsas-summary';
import { type Estimate, estimate } from '../tax/estimate';
import { bandsFor } from '../tax/income-tax-bands';
import { lossesFor } from '../tax/losses';
import { otherIncomeFigures } from '../tax/other-income';
import { ratesFor } from '../tax/rates';
import { savingsDividendRatesFor } from '../tax/savings-dividend-rates';
import { type TaxYear, taxYearEnd, taxYearStart } from '../tax/tax-year';
import { calculationSection } from './calculation-sections';

/** Shown in every practice calculation, so no one mistakes it for HMRC's figures. */
export const PRACTICE_FIGURES_NOTICE =
  'Practice HMRC: these are practice figures from a simplified calculation (UK or Scottish rates, ' +
  'annual adjustments and allowances, finance cost and foreign tax credit relief, losses brought ' +
  'forward and claimed sideways, UK savings interest and UK dividends, pension contributions and ' +
  'Gift Aid). They are not an HMRC tax calculation.';

/**
 * What Practice HMRC's calculation leaves out, listed on every calculation so nothing is silently
 * wrong. [reference §5.8: software must handle or divert what it does not cover]
 */
export const PRACTICE_NOT_MODELLED =
  'Not modelled by Practice HMRC: employment and pensions income, State Pension, other savings ' +
  'and dividends (securities, foreign interest, foreign dividends, stock dividends), capital ' +
  'gains, carry-back loss claims, transition profits, payments on account, student loans, the ' +
  'High Income Child Benefit Charge and Scottish-specific relief at source rules.';

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
  /** Business validation errors: no results, and no declaration until fixed and retriggered. */
  hasErrors: boolean;
}

/** Businesses with a cumulative summary for the year. */
export function submittedBusinesses(taxpayer: TaxpayerRecord, taxYear: TaxYear): BusinessRecord[] {
  return taxpayer.businesses.filter((b) => b.cumulative[taxYear.label] !== undefined);
}

/**
 * The Retrieve a Self Assessment Tax Calculation body, in HMRC's shape for the tax year
 * (def3 for 2025-26, def4 from 2026-27; Practice HMRC fills only fields both share).
 * [IC retrieve.yaml; schemas/retrieve/def3, def4]
 */
export function buildCalculation(input: CalculationInput): BuiltCalculation {
  const { taxpayer, taxYear } = input;
  const businesses = submittedBusinesses(taxpayer, taxYear);
  // With the accounting adjustments of each business's summary in force. [BSAS bsas_trigger.yaml]
  const figures = businesses.flatMap((b) => figuresForYear(taxpayer, b, taxYear));
  const rates = ratesFor(taxYear);
  const regime = taxpayer.taxRegime ?? 'uk';
  const bands = bandsFor(regime, taxYear, rates);
  const savingsRates = savingsDividendRatesFor(taxYear);
  const e = estimate(figures, rates, bands.bands, {
    other: otherIncomeFigures(taxpayer, taxYear),
    losses: lossesFor(taxpayer, taxYear),
    savingsRates,
  });
  const latestTo = businesses
    .map((b) => b.cumulative[taxYear.label]?.toDate ?? taxYearEnd(taxYear))
    .sort()
    .pop();
  const periodTo = latestTo ?? taxYearStart(taxYear);
  const messages = messagesFor(input, businesses, e, !bands.published || !savingsRates.published);
  const status = taxpayer.itsaStatus[taxYear.label] ?? 'MTD Voluntary';
  const def4 = taxYear.startYear >= 2026;
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
        taxRegime: regime,
        // "Non Digital" is gone from 2026-27, "Digitally Exempt" arrives. [IC def3|def4 inputs.json]
        ...((def4 ? status !== 'Non Digital' : status !== 'Digitally Exempt')
          ? { itsaStatus: status }
          : {}),
      },
      incomeSources: {
        businessIncomeSources: businesses.map((b) => incomeSource(b, taxYear, input.requestedAt)),
      },
    },
    // With errors HMRC gives no results, only the messages to fix. [IC retrieve.yaml; reference §3.4]
    ...(messages.errors.length > 0 ? {} : { calculation: calculationSection(e, def4) }),
    messages: Object.fromEntries(
      (Object.entries(messages) as [string, CalculationMessage[]][]).filter(
        ([, list]) => list.length > 0,
      ),
    ),
  };
  return {
    document,
    liabilityPence: e.totalDue,
    periodTo,
    hasErrors: messages.errors.length > 0,
  };
}

function incomeSource(b: BusinessRecord, taxYear: TaxYear, requestedAt: number) {
  const record = b.cumulative[taxYear.label];
  const received = isoTimestamp(record?.submittedAt ?? requestedAt);
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
}

/**
 * HMRC's messages for the calculation: Practice HMRC's notices as information, and its business
 * validation findings as warnings in year or errors when finalising or amending.
 */
function messagesFor(
  input: CalculationInput,
  businesses: BusinessRecord[],
  e: Estimate,
  ratesAssumed: boolean,
): CalculationMessages {
  const info: CalculationMessage[] = [
    { id: 'PRACTICE-ESTIMATE', text: PRACTICE_FIGURES_NOTICE },
    { id: 'PRACTICE-NOT-MODELLED', text: PRACTICE_NOT_MODELLED },
  ];
  if (!e.rates.published || ratesAssumed) {
    info.push({
      id: 'PRACTICE-RATES',
      text: `Practice HMRC has no published rates for ${input.taxYear.label}; 2026-27 rates were used.`,
    });
  }
  if (e.foreignTaxCredits.length > 0) {
    info.push({
      id: 'PRACTICE-FTCR',
      text:
        'Foreign tax credit relief is the lower of the foreign tax paid and the UK tax on that ' +
        'income (treated as the top slice of income). Double taxation agreement rates are not modelled.',
    });
  }
  const findings = validationFindings(input.taxYear, businesses);
  const severity = severityFor(input.calculationType);
  return {
    info,
    warnings: severity === 'warnings' ? findings : [],
    errors: severity === 'errors' ? findings : [],
  };
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
