import { type PracticeStateData, type TaxpayerRecord } from './model';
import { cumulative, setItsaStatus } from './seed-helpers';
import { seedOtherStatuses } from './seed-statuses';
import { createIndividual } from './test-users';

/**
 * The seeded practice users for the year end and for every ITSA status and income source:
 * fixed IDs and passwords, like the others in `SEEDED`. (Practice credentials for a local
 * stand-in; they protect nothing.)
 */
export const YEAR_END_SEEDED = {
  /** Scottish taxpayer, sole trader, every 2025-26 update sent: ready to declare 2025-26. */
  scottishTaxpayer: {
    userId: '100000000007',
    password: 'gwen-practice',
    nino: 'AK100007C',
    businessId: 'XAIS70000000001',
  },
  /** ITSA status Annual: cumulative updates come without dates; no quarterly obligations. */
  annualStatus: {
    userId: '100000000008',
    password: 'harri-practice',
    nino: 'AL100008D',
    businessId: 'XAIS80000000001',
  },
  /** Landlord with UK and foreign property (France and Spain). */
  ukAndForeignLandlord: {
    userId: '100000000009',
    password: 'isla-practice',
    nino: 'AM100009A',
    ukPropertyId: 'XPIS85000000001',
    foreignPropertyId: 'XFIS85000000002',
    /** Property ids recorded for 2026-27 (Create Foreign Property Details). */
    propertyIds: {
      france: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
      spain: '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d',
    },
  },
  /** Quarterly customer with a new business whose first years report annually (latent). */
  latentSource: {
    userId: '100000000010',
    password: 'jude-practice',
    nino: 'AN100010B',
    establishedBusinessId: 'XAIS86000000001',
    newBusinessId: 'XAIS86000000002',
  },
  /** The intent-to-finalise calculation has an error until the expenses are removed. */
  allowanceError: {
    userId: '100000000015',
    password: 'owen-practice',
    nino: 'AW100015C',
    businessId: 'XAIS87000000001',
  },
  /** One user for each remaining ITSA status. */
  itsaStatuses: {
    noStatus: {
      userId: '100000000011',
      password: 'kit-practice',
      nino: 'AP100011C',
      businessId: 'XAIS88000000001',
    },
    digitallyExempt: {
      userId: '100000000012',
      password: 'lena-practice',
      nino: 'AR100012D',
      businessId: 'XPIS88000000002',
    },
    dormant: {
      userId: '100000000013',
      password: 'milo-practice',
      nino: 'AS100013A',
      businessId: 'XAIS88000000003',
    },
    mtdExempt: {
      userId: '100000000014',
      password: 'nadia-practice',
      nino: 'AT100014B',
      businessId: 'XAIS88000000004',
    },
  },
} as const;

const Y = YEAR_END_SEEDED;

/** 2025-26's four standard-quarter updates, received on the dates given. */
const quarters2025 = (received: [string, string, string, string]): [string, string][] => [
  ['2025-07-05', received[0]],
  ['2025-10-05', received[1]],
  ['2026-01-05', received[2]],
  ['2026-04-05', received[3]],
];

function taxpayerOf(data: PracticeStateData, nino: string): TaxpayerRecord {
  return data.taxpayers[nino] as TaxpayerRecord;
}

function scottishTaxpayer(data: PracticeStateData): void {
  const u = Y.scottishTaxpayer;
  createIndividual(data, {
    userId: u.userId,
    password: u.password,
    name: 'Gwen Galbraith',
    nino: u.nino,
    dateOfBirth: '1982-05-19',
    mtdStartTaxYear: '2025-26',
    description:
      'Scottish taxpayer (Scottish rates and bands): sole trader (Galbraith Glass, accounts to ' +
      '31 March, so the late accounting date rule can be disapplied). MTD Mandated. Every ' +
      '2025-26 update sent: ready to declare 2025-26. The practice agent is her main agent.',
    businesses: [
      {
        typeOfBusiness: 'self-employment',
        businessId: u.businessId,
        tradingName: 'Galbraith Glass',
        commencementDate: '2014-06-01',
      },
    ],
  });
  const t = taxpayerOf(data, u.nino);
  t.taxRegime = 'scotland';
  setItsaStatus(t, '2025-26', 'MTD Mandated', 'CESA SA return', '2025-03-31T09:00:00.000Z');
  setItsaStatus(t, '2026-27', 'MTD Mandated', 'ITSA final declaration', '2026-03-31T09:00:00.000Z');
  const glass = t.businesses[0];
  if (glass) {
    glass.accountingDate = '03-31';
    glass.cumulative['2025-26'] = cumulative(
      '2025-04-06',
      quarters2025([
        '2025-07-21T10:00:00.000Z',
        '2025-10-22T10:00:00.000Z',
        '2026-01-23T10:00:00.000Z',
        '2026-04-24T10:00:00.000Z',
      ]),
      {
        periodIncome: { turnover: 5_840_000, other: 35_000 },
        periodExpenses: {
          costOfGoods: 610_000,
          premisesRunningCosts: 240_000,
          adminCosts: 41_500,
          professionalFees: 65_000,
        },
      },
    );
  }
}

function annualStatus(data: PracticeStateData): void {
  const u = Y.annualStatus;
  createIndividual(data, {
    userId: u.userId,
    password: u.password,
    name: 'Harri Hughes',
    nino: u.nino,
    dateOfBirth: '1975-02-11',
    mtdStartTaxYear: '2025-26',
    description:
      'ITSA status Annual (2025-26 and 2026-27): no quarterly obligations; cumulative updates ' +
      'must come WITHOUT dates (with dates: RULE_START_AND_END_DATE_NOT_ALLOWED). Sole trader ' +
      '(Hughes Hedging); his 2025-26 figures were sent once, without dates.',
    businesses: [
      {
        typeOfBusiness: 'self-employment',
        businessId: u.businessId,
        tradingName: 'Hughes Hedging',
        commencementDate: '2011-03-01',
      },
    ],
  });
  const t = taxpayerOf(data, u.nino);
  setItsaStatus(t, '2025-26', 'Annual', 'CESA SA return', '2025-03-31T09:00:00.000Z');
  setItsaStatus(t, '2026-27', 'Annual', 'CESA SA return', '2026-03-31T09:00:00.000Z');
  const hedging = t.businesses[0];
  if (hedging) {
    hedging.cumulative['2025-26'] = {
      amounts: {
        periodIncome: { turnover: 2_400_000, other: 0 },
        periodExpenses: { consolidatedExpenses: 310_000 },
      },
      submittedAt: Date.parse('2026-05-02T15:30:00.000Z'),
      history: [],
    };
  }
}

function ukAndForeignLandlord(data: PracticeStateData): void {
  const u = Y.ukAndForeignLandlord;
  createIndividual(data, {
    userId: u.userId,
    password: u.password,
    name: 'Isla Iqbal',
    nino: u.nino,
    dateOfBirth: '1970-10-08',
    mtdStartTaxYear: '2025-26',
    description:
      'Landlord with UK property and foreign property (a villa in France, a flat in Spain). MTD ' +
      'Voluntary. 2025-26 updates all sent (foreign figures by country; French tax paid, with ' +
      'foreign tax credit relief claimed); 2026-27: both properties recorded by property id, ' +
      'Q1 sent for both businesses.',
    businesses: [
      { typeOfBusiness: 'uk-property', businessId: u.ukPropertyId, commencementDate: '2008-09-01' },
      {
        typeOfBusiness: 'foreign-property',
        businessId: u.foreignPropertyId,
        commencementDate: '2019-04-01',
      },
    ],
  });
  const t = taxpayerOf(data, u.nino);
  setItsaStatus(t, '2025-26', 'MTD Voluntary', 'MTD ITSA Opt-In', '2025-04-10T09:00:00.000Z');
  setItsaStatus(t, '2026-27', 'MTD Voluntary', 'Rollover', '2026-04-06T09:00:00.000Z');
  const [uk, foreign] = t.businesses;
  const received: [string, string, string, string] = [
    '2025-07-30T18:00:00.000Z',
    '2025-10-30T18:00:00.000Z',
    '2026-01-30T18:00:00.000Z',
    '2026-04-30T18:00:00.000Z',
  ];
  if (uk) {
    uk.cumulative['2025-26'] = cumulative('2025-04-06', quarters2025(received), {
      ukProperty: {
        income: { periodAmount: 1_440_000, otherIncome: 0 },
        expenses: {
          premisesRunningCosts: 120_000,
          repairsAndMaintenance: 90_000,
          residentialFinancialCost: 360_000,
        },
      },
    });
    uk.cumulative['2026-27'] = cumulative(
      '2026-04-06',
      [['2026-07-05', '2026-08-01T18:00:00.000Z']],
      {
        ukProperty: {
          income: { periodAmount: 372_000 },
          expenses: { premisesRunningCosts: 31_000, residentialFinancialCost: 90_000 },
        },
      },
    );
  }
  if (foreign) {
    foreign.cumulative['2025-26'] = cumulative('2025-04-06', quarters2025(received), {
      foreignProperty: [
        {
          countryCode: 'FRA',
          income: {
            rentIncome: { rentAmount: 960_000 },
            foreignTaxCreditRelief: true,
            foreignTaxPaidOrDeducted: 144_000,
          },
          expenses: { premisesRunningCosts: 110_000, repairsAndMaintenance: 70_000 },
        },
        {
          countryCode: 'ESP',
          income: {
            rentIncome: { rentAmount: 600_000 },
            foreignTaxCreditRelief: false,
            foreignTaxPaidOrDeducted: 48_000,
          },
          expenses: { consolidatedExpenses: 95_000 },
        },
      ],
    });
    foreign.foreignProperties = [
      {
        propertyId: u.propertyIds.france,
        propertyName: 'Villa des Pins, Antibes',
        countryCode: 'FRA',
        taxYear: '2026-27',
        submittedAt: Date.parse('2026-04-20T10:00:00.000Z'),
      },
      {
        propertyId: u.propertyIds.spain,
        propertyName: 'Piso Azul, Valencia',
        countryCode: 'ESP',
        taxYear: '2026-27',
        submittedAt: Date.parse('2026-04-20T10:05:00.000Z'),
      },
    ];
    foreign.cumulative['2026-27'] = cumulative(
      '2026-04-06',
      [['2026-07-05', '2026-08-01T18:10:00.000Z']],
      {
        foreignProperty: [
          {
            propertyId: u.propertyIds.france,
            income: { rentIncome: { rentAmount: 250_000 }, foreignTaxCreditRelief: true },
            expenses: { premisesRunningCosts: 28_000 },
          },
          {
            propertyId: u.propertyIds.spain,
            income: { rentIncome: { rentAmount: 150_000 }, foreignTaxCreditRelief: false },
            expenses: { consolidatedExpenses: 24_000 },
          },
        ],
      },
    );
  }
}

function latentSource(data: PracticeStateData): void {
  const u = Y.latentSource;
  createIndividual(data, {
    userId: u.userId,
    password: u.password,
    name: 'Jude Jenkins',
    nino: u.nino,
    dateOfBirth: '1990-06-30',
    mtdStartTaxYear: '2026-27',
    description:
      'MTD Voluntary, two sole-trade businesses: Jenkins Joinery reports quarterly (with dates); ' +
      'Jenkins Cycles started on 1 May 2026 and is latent, reporting annually in its first two ' +
      'tax years (2026-27, 2027-28): its cumulative update comes without dates.',
    businesses: [
      {
        typeOfBusiness: 'self-employment',
        businessId: u.establishedBusinessId,
        tradingName: 'Jenkins Joinery',
        commencementDate: '2017-09-01',
      },
      {
        typeOfBusiness: 'self-employment',
        businessId: u.newBusinessId,
        tradingName: 'Jenkins Cycles',
        commencementDate: '2026-05-01',
      },
    ],
  });
  const t = taxpayerOf(data, u.nino);
  setItsaStatus(t, '2026-27', 'MTD Voluntary', 'MTD ITSA Opt-In', '2026-04-12T09:00:00.000Z');
  const cycles = t.businesses[1];
  if (cycles) {
    cycles.latencyDetails = {
      latencyEndDate: '2028-04-05',
      taxYear1: '2026-27',
      latencyIndicator1: 'A',
      taxYear2: '2027-28',
      latencyIndicator2: 'A',
    };
    cycles.firstAccountingPeriodStartDate = '2026-05-01';
    cycles.firstAccountingPeriodEndDate = '2027-04-05';
  }
}

function allowanceError(data: PracticeStateData): void {
  const u = Y.allowanceError;
  createIndividual(data, {
    userId: u.userId,
    password: u.password,
    name: 'Owen Osei',
    nino: u.nino,
    dateOfBirth: '1996-01-17',
    mtdStartTaxYear: '2025-26',
    description:
      'Sole trader (Osei Odd Jobs), every 2025-26 update sent with expenses, and a 2025-26 annual ' +
      'submission claiming the £1,000 trading income allowance: his intent-to-finalise ' +
      'calculation has an error (PRACTICE-TRADING-ALLOWANCE) until a final cumulative update ' +
      'without expenses is sent (or the allowance withdrawn) and a new calculation triggered.',
    businesses: [
      {
        typeOfBusiness: 'self-employment',
        businessId: u.businessId,
        tradingName: 'Osei Odd Jobs',
        commencementDate: '2021-08-01',
      },
    ],
  });
  const t = taxpayerOf(data, u.nino);
  setItsaStatus(t, '2025-26', 'MTD Voluntary', 'MTD ITSA Opt-In', '2025-04-15T09:00:00.000Z');
  const jobs = t.businesses[0];
  if (jobs) {
    jobs.cumulative['2025-26'] = cumulative(
      '2025-04-06',
      quarters2025([
        '2025-07-25T08:00:00.000Z',
        '2025-10-25T08:00:00.000Z',
        '2026-01-25T08:00:00.000Z',
        '2026-04-25T08:00:00.000Z',
      ]),
      {
        periodIncome: { turnover: 1_850_000, other: 0 },
        periodExpenses: { carVanTravelExpenses: 80_000, adminCosts: 45_000 },
      },
    );
    jobs.annual = {
      '2025-26': {
        body: {
          allowances: { tradingIncomeAllowance: 100_000 },
          nonFinancials: { businessDetailsChangedRecently: false },
        },
        submittedAt: Date.parse('2026-05-10T12:00:00.000Z'),
      },
    };
  }
}

/** Adds the year-end users to a fresh state. */
export function seedYearEndUsers(data: PracticeStateData): void {
  scottishTaxpayer(data);
  annualStatus(data);
  ukAndForeignLandlord(data);
  latentSource(data);
  seedOtherStatuses(data, Y.itsaStatuses);
  allowanceError(data);
}
