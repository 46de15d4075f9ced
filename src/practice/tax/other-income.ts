import { type TaxpayerRecord } from '../state/model';
import { type Pence } from './money';
import { amount, subtree } from './pence-tree';
import { type TaxYear } from './tax-year';

/** One UK savings account's interest for the year, grossed up where tax was taken off. */
export interface SavingsInterest {
  savingsAccountId: string;
  accountName: string;
  gross: Pence;
  net: Pence;
  taxDeducted: Pence;
}

/**
 * A year's income and reliefs beside the businesses, as Practice HMRC's calculation uses them:
 * savings interest per account, UK dividends, pension contributions and Gift Aid (both relieved
 * at source: the payments are net of basic-rate tax and are grossed up), and the deductions from
 * income (pension payments relieved by deduction, gifts of shares and land to charity).
 */
export interface OtherIncomeFigures {
  savings: SavingsInterest[];
  ukDividends: Pence;
  otherUkDividends: Pence;
  /** Relief at source pension contributions, net as paid and grossed up at the basic rate. */
  reliefAtSource: { regular: Pence; oneOff: Pence; paid: Pence; gross: Pence };
  /** Gift Aid payments counted in this year, net as paid and grossed up at the basic rate. */
  giftAid: { paid: Pence; gross: Pence };
  /** Pension payments deducted from income (retirement annuities, overseas schemes, employer schemes without relief). */
  pensionDeductions: Pence;
  /** Shares, securities, land and buildings given to charity: deducted from income. */
  giftsToCharity: Pence;
}

/**
 * Grossing up a payment made net of basic-rate (20%) tax: net × 100 / 80, to the penny below.
 * Taxed UK interest is "net taxed interest" [SI schemas/ukSavingsAccount/amend_request.json
 * taxedUkInterest]; relief at source contributions and Gift Aid are paid net of basic rate tax.
 * [GOV.UK "Tax on your private pension contributions" ("relief at source"), "Tax relief when
 * you donate to a charity" ("Gift Aid"); FA 2004 s.192; ITA 2007 s.414, s.415]
 */
export function grossUp(net: Pence): Pence {
  return Math.floor((net * 100) / 80);
}

export function otherIncomeFigures(taxpayer: TaxpayerRecord, ty: TaxYear): OtherIncomeFigures {
  const savings = (taxpayer.savingsAccounts ?? []).flatMap((account): SavingsInterest[] => {
    const body = account.annual[ty.label]?.body;
    if (!body) return [];
    const taxedNet = amount(body, 'taxedUkInterest');
    const untaxed = amount(body, 'untaxedUkInterest');
    const taxedGross = grossUp(taxedNet);
    return [
      {
        savingsAccountId: account.savingsAccountId,
        accountName: account.accountName,
        gross: untaxed + taxedGross,
        net: untaxed + taxedNet,
        taxDeducted: taxedGross - taxedNet,
      },
    ];
  });
  const year = taxpayer.otherIncome?.[ty.label];
  const dividends = year?.ukDividends?.body;
  // [DI schemas/uk_dividends_create_amend/request.json ukDividends, otherUkDividends]
  const pensions = subtree(year?.pensionReliefs?.body, 'pensionReliefs');
  // Regular and one-off contributions are relief at source; the rest are deducted from income.
  // [RL schemas/amend_relief_pensions_request.json; IC def3/calculation/pensionContributionReliefs.json,
  // allowancesAndDeductions.json pensionContributionsDetail]
  const regular = amount(pensions, 'regularPensionContributions');
  const oneOff = amount(pensions, 'oneOffPensionContributionsPaid');
  const rasPaid = regular + oneOff;
  const giving = year?.charitableGiving?.body;
  const giftAidPayments = subtree(giving, 'giftAidPayments');
  // Payments treated as made in the previous year leave this one; those brought back from the
  // next year join it. [RL schemas/amend_charitable_giving/def2/request.json giftAidPayments]
  const giftAidPaid = Math.max(
    0,
    amount(giftAidPayments, 'totalAmount') -
      amount(giftAidPayments, 'amountTreatedAsPreviousTaxYear') +
      amount(giftAidPayments, 'amountTreatedAsSpecifiedTaxYear'),
  );
  const gifts = subtree(giving, 'gifts');
  return {
    savings,
    ukDividends: amount(dividends, 'ukDividends'),
    otherUkDividends: amount(dividends, 'otherUkDividends'),
    reliefAtSource: { regular, oneOff, paid: rasPaid, gross: grossUp(rasPaid) },
    giftAid: { paid: giftAidPaid, gross: grossUp(giftAidPaid) },
    pensionDeductions:
      amount(pensions, 'retirementAnnuityPayments') +
      amount(pensions, 'paymentToEmployersSchemeNoTaxRelief') +
      amount(pensions, 'overseasPensionSchemeContributions'),
    giftsToCharity: amount(gifts, 'landAndBuildings') + amount(gifts, 'sharesOrSecurities'),
  };
}

export const NO_OTHER_INCOME: OtherIncomeFigures = {
  savings: [],
  ukDividends: 0,
  otherUkDividends: 0,
  reliefAtSource: { regular: 0, oneOff: 0, paid: 0, gross: 0 },
  giftAid: { paid: 0, gross: 0 },
  pensionDeductions: 0,
  giftsToCharity: 0,
};
