import { type PracticeStateData, type TaxpayerRecord } from './model';
import { at, cumulative, setItsaStatus } from './seed-helpers';
import { createIndividual } from './test-users';

/**
 * A seeded person whose year has every part of the return Ledgerlink covers: a trade, UK
 * property, foreign property, savings, dividends, a pension contribution, Gift Aid and a loss
 * from before she joined. Fixed IDs and passwords like the others (practice credentials; they
 * protect nothing).
 */
export const COMPLETE_YEAR_SEEDED = {
  /**
   * Sole trader, UK landlord and landlord in Spain. 2025-26: the property businesses' four
   * updates sent, the trade's first three (its final update still to send); a savings account at
   * HMRC with nothing reported for the year yet; an unused £4,000 trading loss from 2024-25 that
   * HMRC does not hold yet.
   */
  completeYear: {
    userId: '100000000019',
    password: 'sofia-practice',
    nino: 'BA100019C',
    selfEmploymentId: 'XAIS89000000004',
    ukPropertyId: 'XPIS89000000005',
    foreignPropertyId: 'XFIS89000000006',
    /** Her flat in Spain, as recorded with HMRC (Create Foreign Property Details). */
    spainPropertyId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
    savingsAccountId: 'SAVSOFIA0000001',
    postcode: 'TR1 2HE',
    /** The 2024-25 trading loss she brings forward (pence). */
    lossFrom2024: 400_000,
  },
} as const;

const S = COMPLETE_YEAR_SEEDED.completeYear;

/** Adds the complete-year person to a fresh state. */
export function seedCompleteYearUser(data: PracticeStateData): void {
  createIndividual(data, {
    userId: S.userId,
    password: S.password,
    name: 'Sofia Sandoval',
    nino: S.nino,
    dateOfBirth: '1984-08-23',
    mtdStartTaxYear: '2025-26',
    description:
      'Sole trader (Sandoval Surfboards), UK landlord and landlord in Spain, with a savings ' +
      'account at HMRC (Seaside Saver). 2025-26: both property businesses’ updates all sent, ' +
      'the trade’s final (fourth) update still to send; savings interest, dividends, pension ' +
      'contributions and Gift Aid not reported yet; an unused £4,000 trading loss from 2024-25, ' +
      'before she joined, not yet brought forward.',
    businesses: [
      {
        typeOfBusiness: 'self-employment',
        businessId: S.selfEmploymentId,
        tradingName: 'Sandoval Surfboards',
        commencementDate: '2019-03-01',
      },
      { typeOfBusiness: 'uk-property', businessId: S.ukPropertyId, commencementDate: '2015-10-01' },
      {
        typeOfBusiness: 'foreign-property',
        businessId: S.foreignPropertyId,
        commencementDate: '2020-05-01',
      },
    ],
  });
  const t = data.taxpayers[S.nino] as TaxpayerRecord;
  t.postcode = S.postcode;
  for (const ty of ['2025-26', '2026-27'])
    setItsaStatus(
      t,
      ty,
      'MTD Voluntary',
      'Sign up - return available',
      `${ty.slice(0, 4)}-04-10T09:00:00.000Z`,
    );
  const [trade, uk, foreign] = t.businesses;
  const quarters: [string, string][] = [
    ['2025-07-05', '2025-07-24T10:00:00.000Z'],
    ['2025-10-05', '2025-10-24T10:00:00.000Z'],
    ['2026-01-05', '2026-01-24T10:00:00.000Z'],
    ['2026-04-05', '2026-04-24T10:00:00.000Z'],
  ];
  // The trade's three updates so far; the fourth, the year's final cumulative update, is still
  // to send, so its obligation is open. [SE create_amend_cumulative_period_summary.yaml; OB retrieve_income_tax_income_expenditure.yaml]
  if (trade)
    trade.cumulative['2025-26'] = cumulative('2025-04-06', quarters.slice(0, 3), {
      periodIncome: { turnover: 2_700_000, other: 0 },
      periodExpenses: { costOfGoods: 500_000, adminCosts: 90_000 },
    });
  if (uk)
    uk.cumulative['2025-26'] = cumulative('2025-04-06', quarters, {
      ukProperty: {
        income: { periodAmount: 1_200_000, otherIncome: 0 },
        expenses: {
          premisesRunningCosts: 150_000,
          repairsAndMaintenance: 50_000,
          residentialFinancialCost: 300_000,
        },
      },
    });
  // Before 2026-27 a foreign property update is per country. [PB foreign_property_cumulative_summary.yaml]
  if (foreign)
    foreign.cumulative['2025-26'] = cumulative('2025-04-06', quarters, {
      foreignProperty: [
        {
          countryCode: 'ESP',
          income: {
            rentIncome: { rentAmount: 600_000 },
            foreignTaxCreditRelief: true,
            foreignTaxPaidOrDeducted: 60_000,
          },
          expenses: { consolidatedExpenses: 100_000 },
        },
      ],
    });
  // The property's details, recorded in 2026-27; Ledgerlink learns its country from them.
  // [PB foreign_property_details_create.yaml]
  if (foreign)
    foreign.foreignProperties = [
      {
        propertyId: S.spainPropertyId,
        propertyName: 'Casa Sol, Malaga',
        countryCode: 'ESP',
        taxYear: '2026-27',
        submittedAt: at('2026-04-20T10:00:00.000Z'),
      },
    ];
  // HMRC already knows the account; the year's interest is hers to report.
  // [SI savings_uk_accounts_add.yaml, savings_uk_accounts_list.yaml]
  t.savingsAccounts = [
    {
      savingsAccountId: S.savingsAccountId,
      accountName: 'Seaside Saver',
      addedAt: at('2024-04-20T10:00:00.000Z'),
      annual: {},
    },
  ];
}
