import { type StackedIncome } from '../tax/income-stacking';
import { type Estimate } from '../tax/estimate';
import { penceToPounds, wholePoundsDown } from '../tax/money';

const pounds = penceToPounds;

/** A savings or dividends block of the income tax calculation. [IC def3|def4/calculation/taxCalculation.json incomeTax.savingsAndGains, dividends] */
export function stackedIncome(s: StackedIncome): Record<string, unknown> {
  return {
    incomeReceived: s.incomeReceived,
    allowancesAllocated: s.allowancesAllocated,
    taxableIncome: s.taxableIncome,
    incomeTaxAmount: pounds(s.tax),
    taxBands: s.bands.map((b) => ({
      name: b.name,
      rate: b.rate,
      bandLimit: b.bandLimit,
      apportionedBandLimit: b.bandLimit,
      income: b.income,
      taxAmount: pounds(b.tax),
    })),
  };
}

/**
 * The calculation's sections for savings, dividends, pension contributions, Gift Aid and the
 * deductions from income, each only when there is something in it. [IC def3|def4/calculation/
 * savingsAndGainsIncome.json, dividendsIncome.json, pensionContributionReliefs.json, giftAid.json,
 * allowancesAndDeductions.json, reliefs.json basicRateExtension]
 */
export function otherIncomeSections(e: Estimate): {
  allowancesAndDeductions: Record<string, unknown>;
  reliefs: Record<string, unknown>;
  [section: string]: Record<string, unknown>;
} {
  const o = e.other;
  const f = o.figures;
  const out: ReturnType<typeof otherIncomeSections> = { allowancesAndDeductions: {}, reliefs: {} };
  if (o.lossesAppliedToGeneralIncome > 0)
    out.allowancesAndDeductions.lossesAppliedToGeneralIncome = o.lossesAppliedToGeneralIncome;
  if (f.giftsToCharity > 0)
    out.allowancesAndDeductions.giftOfInvestmentsAndPropertyToCharity = wholePoundsDown(
      f.giftsToCharity,
    );
  if (f.pensionDeductions > 0)
    out.allowancesAndDeductions.pensionContributions = pounds(f.pensionDeductions);
  if (f.savings.length > 0) {
    const total = wholePoundsDown(f.savings.reduce((t, a) => t + a.gross, 0));
    out.savingsAndGainsIncome = {
      totalChargeableSavingsAndGains: total,
      totalUkSavingsAndGains: total,
      ukSavingsAndGainsIncome: f.savings.map((a) => ({
        incomeSourceId: a.savingsAccountId,
        incomeSourceType: 'uk-savings-and-gains',
        incomeSourceName: a.accountName,
        grossIncome: pounds(a.gross),
        netIncome: pounds(a.net),
        taxDeducted: pounds(a.taxDeducted),
      })),
    };
  }
  if (f.ukDividends + f.otherUkDividends > 0) {
    const total = wholePoundsDown(f.ukDividends + f.otherUkDividends);
    out.dividendsIncome = {
      totalChargeableDividends: total,
      totalUkDividends: total,
      ukDividends: {
        incomeSourceType: 'uk-dividends',
        dividends: wholePoundsDown(f.ukDividends),
        otherUkDividends: wholePoundsDown(f.otherUkDividends),
      },
    };
  }
  if (f.reliefAtSource.gross > 0) {
    out.pensionContributionReliefs = {
      totalPensionContributionReliefs: pounds(f.reliefAtSource.gross),
      pensionContributionDetail: {
        ...(f.reliefAtSource.regular > 0
          ? { regularPensionContributions: pounds(f.reliefAtSource.regular) }
          : {}),
        ...(f.reliefAtSource.oneOff > 0
          ? { oneOffPensionContributionsPaid: pounds(f.reliefAtSource.oneOff) }
          : {}),
      },
    };
  }
  if (o.giftAid) {
    out.giftAid = {
      grossGiftAidPayments: wholePoundsDown(o.giftAid.gross),
      rate: e.rates.basicRate,
      giftAidTax: pounds(o.giftAid.tax),
      ...(o.giftAid.charge > 0 ? { giftAidCharge: pounds(o.giftAid.charge) } : {}),
    };
  }
  if (o.basicRateExtension > 0) {
    out.reliefs.basicRateExtension = {
      totalBasicRateExtension: o.basicRateExtension,
      ...(f.giftAid.gross > 0 ? { giftAidRelief: wholePoundsDown(f.giftAid.gross) } : {}),
      ...(f.reliefAtSource.gross > 0
        ? { pensionContributionReliefs: pounds(f.reliefAtSource.gross) }
        : {}),
    };
  }
  return out;
}
