import { type BusinessResult, type Estimate } from '../tax/estimate';
import { penceToPounds, wholePoundsDown } from '../tax/money';
import { otherIncomeSections, stackedIncome } from './calculation-other-income';

const pounds = penceToPounds;

/**
 * The `calculation` object of Retrieve a Self Assessment Tax Calculation, from Practice HMRC's
 * estimate, using only fields both schemas Practice HMRC answers with share unless `def4` (tax
 * years from 2026-27) allows more. [IC schemas/retrieve/def3|def4/calculation/*.json]
 */
export function calculationSection(e: Estimate, def4: boolean): Record<string, unknown> {
  const calc: Record<string, unknown> = {
    allowancesAndDeductions: {
      personalAllowance: e.personalAllowance,
      ...(e.personalAllowance < e.rates.personalAllowance
        ? { reducedPersonalAllowance: e.personalAllowance }
        : {}),
      ...otherIncomeSections(e).allowancesAndDeductions,
    },
  };
  const { allowancesAndDeductions: _a, reliefs: otherReliefs, ...others } = otherIncomeSections(e);
  Object.assign(calc, others);
  const reliefs = { ...reliefsSection(e), ...otherReliefs };
  if (Object.keys(reliefs).length > 0) calc.reliefs = reliefs;
  const deducted = taxDeducted(e);
  const bbsi = e.other.figures.savings.reduce((t, a) => t + a.taxDeducted, 0);
  if (bbsi > 0) calc.taxDeductedAtSource = { ...deducted, bbsi: pounds(bbsi) };
  else if (deducted) calc.taxDeductedAtSource = deducted;
  const foreign = e.businesses.filter((b) => b.type === 'foreign-property');
  if (foreign.length > 0) calc.foreignPropertyIncome = foreign.map((b) => foreignIncome(b, def4));
  const businesses = e.businesses.filter((b) => b.type !== 'foreign-property');
  if (businesses.length > 0)
    calc.businessProfitAndLoss = businesses.map((b) => profitAndLoss(b, def4));
  calc.incomeSummaryTotals = {
    totalSelfEmploymentProfit: e.totalSelfEmploymentProfit,
    totalPropertyProfit: e.totalPropertyProfit,
    totalUKOtherPropertyProfit: e.totalPropertyProfit,
    ...(foreign.length > 0 ? { totalForeignPropertyProfit: e.totalForeignPropertyProfit } : {}),
  };
  calc.taxCalculation = taxCalculation(e);
  return calc;
}

function profitAndLoss(b: BusinessResult, def4: boolean): Record<string, unknown> {
  const additions = b.disallowable + (b.additions ?? 0);
  return {
    incomeSourceId: b.businessId,
    incomeSourceType: b.type,
    ...(b.name ? { incomeSourceName: b.name } : {}),
    totalIncome: pounds(b.income),
    totalExpenses: pounds(b.expenses),
    netProfit: pounds(b.netProfit),
    netLoss: pounds(b.netLoss),
    totalAdditions: pounds(additions),
    ...(b.deductions ? { totalDeductions: pounds(b.deductions) } : {}),
    ...(b.accountingAdjustments ? { accountingAdjustments: pounds(b.accountingAdjustments) } : {}),
    taxableProfit: b.taxableProfit,
    ...(b.adjustedLoss > 0 ? { adjustedIncomeTaxLoss: wholePoundsDown(b.adjustedLoss) } : {}),
    ...broughtForward(b),
    adjustedProfit: pounds(b.adjustedProfit),
    // adjustedLoss exists from 2026-27 only. [IC def4/calculation/businessProfitAndLoss.json]
    ...(def4 && b.adjustedLoss > 0 ? { adjustedLoss: pounds(b.adjustedLoss) } : {}),
  };
}

/** Losses brought forward against the business's profit. [IC def3|def4/calculation/businessProfitAndLoss.json] */
function broughtForward(b: BusinessResult): Record<string, unknown> {
  if (b.lossesUsed === 0) return {};
  return {
    totalBroughtForwardIncomeTaxLosses: b.lossesUsed,
    broughtForwardIncomeTaxLossesUsed: b.lossesUsed,
    taxableProfitAfterIncomeTaxLossesDeduction: b.taxableProfitAfterLosses,
  };
}

function foreignIncome(b: BusinessResult, def4: boolean): Record<string, unknown> {
  return {
    incomeSourceId: b.businessId,
    incomeSourceType: 'foreign-property',
    countryCode: b.countryCode ?? 'ZZZ',
    totalIncome: pounds(b.income),
    totalExpenses: pounds(b.expenses),
    netProfit: pounds(b.netProfit),
    netLoss: pounds(b.netLoss),
    totalAdditions: pounds(Math.max(0, b.additions ?? 0)),
    totalDeductions: pounds(Math.max(0, b.deductions ?? 0)),
    taxableProfit: b.taxableProfit,
    ...(b.adjustedLoss > 0 ? { adjustedIncomeTaxLoss: pounds(b.adjustedLoss) } : {}),
    ...(def4
      ? {
          adjustedProfit: pounds(b.adjustedProfit),
          ...(b.adjustedLoss > 0 ? { adjustedLoss: pounds(b.adjustedLoss) } : {}),
          foreignTaxPaid: pounds(b.foreignTax?.paid ?? 0),
        }
      : {}),
  };
}

function reliefsSection(e: Estimate): Record<string, unknown> {
  const reliefs: Record<string, unknown> = {};
  const r = e.financeCostRelief;
  if (r) {
    const claimed = (type: BusinessResult['type']) =>
      e.businesses.filter((b) => b.type === type).reduce((t, b) => t + b.financeCosts, 0);
    const ukClaimed = claimed('uk-property');
    const foreign = e.businesses.filter((b) => b.type === 'foreign-property' && b.financeCosts > 0);
    reliefs.residentialFinanceCosts = {
      adjustedTotalIncome: r.adjustedTotalIncome,
      totalAllowableAmount: pounds(ukClaimed + claimed('foreign-property')),
      relievableAmount: pounds(r.relievable),
      rate: e.rates.financeCostReliefRate,
      totalResidentialFinanceCostsRelief: pounds(r.relief),
      ...(ukClaimed > 0
        ? {
            ukProperty: {
              amountClaimed: wholePoundsDown(ukClaimed),
              allowableAmount: pounds(ukClaimed),
              carryForwardAmount: pounds(ukClaimed - r.ukRelievable),
            },
          }
        : {}),
      ...(foreign.length > 0
        ? {
            foreignProperty: {
              totalForeignPropertyAllowableAmount: pounds(claimed('foreign-property')),
              foreignPropertyRfcDetail: foreign.map((b) => ({
                countryCode: b.countryCode ?? 'ZZZ',
                amountClaimed: wholePoundsDown(b.financeCosts),
                allowableAmount: pounds(b.financeCosts),
              })),
            },
          }
        : {}),
    };
  }
  if (e.foreignTaxCredits.length > 0) {
    const total = e.foreignTaxCredits.reduce((t, c) => t + c.credit, 0);
    reliefs.foreignTaxCreditRelief = {
      customerCalculatedRelief: false,
      totalForeignTaxCreditRelief: pounds(total),
      foreignTaxCreditReliefOnProperty: pounds(total),
      foreignTaxCreditReliefDetail: e.foreignTaxCredits.map((c) => ({
        incomeSourceType: 'foreign-property',
        incomeSourceId: c.businessId,
        countryCode: c.countryCode,
        foreignIncome: pounds(c.foreignIncome),
        foreignTax: pounds(c.foreignTax),
        ukLiabilityOnIncome: pounds(c.ukLiability),
        foreignTaxCredit: pounds(c.credit),
      })),
    };
  }
  return reliefs;
}

function taxDeducted(e: Estimate): Record<string, unknown> | undefined {
  const sum = (types: BusinessResult['type'][]) =>
    e.businesses.filter((b) => types.includes(b.type)).reduce((t, b) => t + b.taxDeducted, 0);
  const se = sum(['self-employment']);
  const property = sum(['uk-property', 'foreign-property']);
  if (se === 0 && property === 0) return undefined;
  return {
    ...(se > 0 ? { taxTakenOffTradingIncome: pounds(se) } : {}),
    ...(property > 0 ? { ukLandAndProperty: pounds(property) } : {}),
  };
}

function taxCalculation(e: Estimate): Record<string, unknown> {
  const nic = e.class4?.total ?? 0;
  const reliefs =
    (e.financeCostRelief?.relief ?? 0) + e.foreignTaxCredits.reduce((t, c) => t + c.credit, 0);
  const { savings, dividends } = e.other;
  return {
    incomeTax: {
      totalIncomeReceivedFromAllSources: e.totalIncome,
      totalAllowancesAndDeductions: e.allowancesAllocated,
      totalTaxableIncome: e.taxableIncome,
      payPensionsProfit: {
        incomeReceived: e.nonSavingsIncome,
        allowancesAllocated: e.nonSavingsAllowances,
        taxableIncome: e.nonSavingsTaxable,
        incomeTaxAmount: pounds(e.nonSavingsTax),
        taxBands: e.bands.map((b) => ({
          name: b.name,
          rate: b.rate,
          bandLimit: b.bandLimit,
          apportionedBandLimit: b.bandLimit,
          income: b.income,
          taxAmount: pounds(b.tax),
        })),
      },
      ...(savings ? { savingsAndGains: stackedIncome(savings) } : {}),
      ...(dividends ? { dividends: stackedIncome(dividends) } : {}),
      incomeTaxCharged: pounds(e.incomeTaxCharged),
      totalReliefs: pounds(reliefs),
      incomeTaxDueAfterReliefs: pounds(e.incomeTaxDueAfterReliefs),
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
}
