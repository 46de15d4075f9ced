import { type PracticeStateData, type TaxpayerRecord } from './model';
import { createInvitation } from './invitations';
import { at, cumulative, setItsaStatus } from './seed-helpers';
import { createIndividual } from './test-users';

/**
 * Seeded practice users for the rest of the return: other income and reliefs, and a loss brought
 * forward. Fixed IDs and passwords like the others (practice credentials; they protect nothing).
 */
export const RETURN_SEEDED = {
  /** Sole trader with savings, dividends, a pension contribution and Gift Aid: ready to declare 2025-26. */
  savingsAndDividends: {
    userId: '100000000016',
    password: 'priya-practice',
    nino: 'AX100016D',
    businessId: 'XAIS89000000001',
    savingsAccountId: 'SAVPRIYA0000001',
    postcode: 'LS1 4AP',
  },
  /** Sole trader with a loss brought forward from 2024-25, part used in 2025-26, the rest carried to 2026-27. */
  lossBroughtForward: {
    userId: '100000000017',
    password: 'quinn-practice',
    nino: 'AY100017A',
    businessId: 'XAIS89000000002',
    lossId: 'AAZA00000000001',
    postcode: 'BS1 5TR',
  },
  /** Sole trader whose 2025-26 ended in a £3,000 loss, with a 2026-27 profit for it to go against. */
  lossMade: {
    userId: '100000000018',
    password: 'rhys-practice',
    nino: 'AZ100018B',
    businessId: 'XAIS89000000003',
    postcode: 'CF24 3AA',
  },
} as const;

const R = RETURN_SEEDED;
const YEAR_2025 = (received: [string, string, string, string]): [string, string][] => [
  ['2025-07-05', received[0]],
  ['2025-10-05', received[1]],
  ['2026-01-05', received[2]],
  ['2026-04-05', received[3]],
];

function taxpayerOf(data: PracticeStateData, nino: string): TaxpayerRecord {
  return data.taxpayers[nino] as TaxpayerRecord;
}

function savingsAndDividends(data: PracticeStateData): void {
  const u = R.savingsAndDividends;
  createIndividual(data, {
    userId: u.userId,
    password: u.password,
    name: 'Priya Patel',
    nino: u.nino,
    dateOfBirth: '1979-09-14',
    mtdStartTaxYear: '2025-26',
    description:
      'Sole trader (Patel Prints) with 2025-26 savings interest (Harbour Saver account), UK ' +
      'dividends, relief at source pension contributions and Gift Aid, every 2025-26 update ' +
      'sent: ready to declare 2025-26. Her Gift Aid and pension widen her basic rate band.',
    businesses: [
      {
        typeOfBusiness: 'self-employment',
        businessId: u.businessId,
        tradingName: 'Patel Prints',
        commencementDate: '2016-02-01',
      },
    ],
  });
  const t = taxpayerOf(data, u.nino);
  t.postcode = u.postcode;
  setItsaStatus(
    t,
    '2025-26',
    'MTD Voluntary',
    'Sign up - return available',
    '2025-04-10T09:00:00.000Z',
  );
  setItsaStatus(t, '2026-27', 'MTD Mandated', 'ITSA final declaration', '2026-03-31T09:00:00.000Z');
  const prints = t.businesses[0];
  if (prints) {
    prints.cumulative['2025-26'] = cumulative(
      '2025-04-06',
      YEAR_2025([
        '2025-07-20T10:00:00.000Z',
        '2025-10-20T10:00:00.000Z',
        '2026-01-20T10:00:00.000Z',
        '2026-04-20T10:00:00.000Z',
      ]),
      {
        periodIncome: { turnover: 6_200_000, other: 0 },
        periodExpenses: {
          costOfGoods: 900_000,
          adminCosts: 120_000,
          premisesRunningCosts: 380_000,
        },
      },
    );
  }
  // [SI savings_uk_accounts_add.yaml, savings_uk_accounts_create_amend.yaml]
  t.savingsAccounts = [
    {
      savingsAccountId: u.savingsAccountId,
      accountName: 'Harbour Saver',
      addedAt: at('2026-05-02T10:00:00.000Z'),
      annual: {
        '2025-26': {
          body: { untaxedUkInterest: 185_000 },
          submittedAt: at('2026-05-02T10:05:00.000Z'),
        },
      },
    },
  ];
  // [DI uk_dividends_create_amend.yaml; RL reliefs_pensions_amend.yaml, charitable_giving_relief_amend.yaml]
  t.otherIncome = {
    '2025-26': {
      ukDividends: { body: { ukDividends: 320_000 }, submittedAt: at('2026-05-02T10:10:00.000Z') },
      pensionReliefs: {
        body: { pensionReliefs: { regularPensionContributions: 240_000 } },
        submittedAt: at('2026-05-02T10:15:00.000Z'),
      },
      charitableGiving: {
        body: { giftAidPayments: { totalAmount: 80_000, oneOffAmount: 20_000 } },
        submittedAt: at('2026-05-02T10:20:00.000Z'),
      },
    },
  };
}

function lossBroughtForward(data: PracticeStateData): void {
  const u = R.lossBroughtForward;
  createIndividual(data, {
    userId: u.userId,
    password: u.password,
    name: 'Quinn Quarshie',
    nino: u.nino,
    dateOfBirth: '1990-01-30',
    mtdStartTaxYear: '2025-26',
    description:
      'Sole trader (Quarshie Canoes) who made a £6,000 loss in 2024-25, before joining: a ' +
      'brought forward loss from 2024-25. 2025-26 (all sent, ready to declare) uses £4,200 of ' +
      'it; the £1,800 left reduces 2026-27 (Q1 sent).',
    businesses: [
      {
        typeOfBusiness: 'self-employment',
        businessId: u.businessId,
        tradingName: 'Quarshie Canoes',
        commencementDate: '2023-05-01',
      },
    ],
  });
  const t = taxpayerOf(data, u.nino);
  t.postcode = u.postcode;
  setItsaStatus(
    t,
    '2025-26',
    'MTD Voluntary',
    'Sign up - return available',
    '2025-04-10T09:00:00.000Z',
  );
  setItsaStatus(
    t,
    '2026-27',
    'MTD Voluntary',
    'Sign up - return available',
    '2026-04-10T09:00:00.000Z',
  );
  const canoes = t.businesses[0];
  if (canoes) {
    canoes.cumulative['2025-26'] = cumulative(
      '2025-04-06',
      YEAR_2025([
        '2025-07-25T10:00:00.000Z',
        '2025-10-25T10:00:00.000Z',
        '2026-01-25T10:00:00.000Z',
        '2026-04-25T10:00:00.000Z',
      ]),
      {
        periodIncome: { turnover: 1_520_000, other: 0 },
        periodExpenses: { costOfGoods: 1_100_000 },
      },
    );
    canoes.cumulative['2026-27'] = cumulative(
      '2026-04-06',
      [['2026-07-05', '2026-07-28T10:00:00.000Z']],
      { periodIncome: { turnover: 900_000, other: 0 }, periodExpenses: { costOfGoods: 250_000 } },
    );
  }
  // A loss made before joining MTD, brought forward. [IL6 brought_forward_losses_create.yaml]
  t.losses = {
    broughtForward: [
      {
        lossId: u.lossId,
        businessId: u.businessId,
        typeOfLoss: 'self-employment',
        lossAmount: 600_000,
        taxYearBroughtForwardFrom: '2024-25',
        lastModified: at('2025-05-10T09:00:00.000Z'),
      },
    ],
    claims: [],
    lossesAndClaims: {},
  };
}

function lossMade(data: PracticeStateData): void {
  const u = R.lossMade;
  createIndividual(data, {
    userId: u.userId,
    password: u.password,
    name: 'Rhys Rowlands',
    nino: u.nino,
    dateOfBirth: '1988-06-12',
    mtdStartTaxYear: '2025-26',
    description:
      'Sole trader (Rowlands Bikes) whose 2025-26 ended in a £3,000 loss (all updates sent; no ' +
      'claim made yet); 2026-27 Q1 sent with a £6,500 profit for a loss carried forward to reduce.',
    businesses: [
      {
        typeOfBusiness: 'self-employment',
        businessId: u.businessId,
        tradingName: 'Rowlands Bikes',
        commencementDate: '2024-09-01',
      },
    ],
  });
  const t = taxpayerOf(data, u.nino);
  t.postcode = u.postcode;
  for (const ty of ['2025-26', '2026-27'])
    setItsaStatus(
      t,
      ty,
      'MTD Voluntary',
      'Sign up - return available',
      `${ty.slice(0, 4)}-04-10T09:00:00.000Z`,
    );
  const bikes = t.businesses[0];
  if (bikes) {
    bikes.cumulative['2025-26'] = cumulative(
      '2025-04-06',
      YEAR_2025([
        '2025-07-25T10:00:00.000Z',
        '2025-10-25T10:00:00.000Z',
        '2026-01-25T10:00:00.000Z',
        '2026-04-25T10:00:00.000Z',
      ]),
      { periodIncome: { turnover: 800_000, other: 0 }, periodExpenses: { costOfGoods: 1_100_000 } },
    );
    bikes.cumulative['2026-27'] = cumulative(
      '2026-04-06',
      [['2026-07-05', '2026-07-28T10:00:00.000Z']],
      { periodIncome: { turnover: 900_000, other: 0 }, periodExpenses: { costOfGoods: 250_000 } },
    );
  }
}

/** Adds the rest-of-the-return users to a fresh state. */
export function seedReturnUsers(data: PracticeStateData): void {
  savingsAndDividends(data);
  lossBroughtForward(data);
  lossMade(data);
}

/**
 * The postcodes HMRC holds for the seeded agent's clients (the known fact an authorisation
 * request or relationship check gives), and a pending request from the agent to the client who
 * has not authorised them yet. [AA application.yaml KnownFactPostcode]
 */
export const AGENT_CLIENT_POSTCODES: Record<string, string> = {
  AC100003C: 'CF10 1AA',
  AE100004D: 'M1 1AE',
  AH100005A: 'EH1 1YZ',
  AJ100006B: 'NE1 4ST',
  AK100007C: 'G2 1DY',
};

/** The client the seeded agent has a pending main-agent request for: Fiona Fox. */
export const PENDING_INVITATION_NINO = 'AJ100006B';

export function seedAgentKnownFacts(data: PracticeStateData): void {
  for (const [nino, postcode] of Object.entries(AGENT_CLIENT_POSTCODES)) {
    const t = data.taxpayers[nino];
    if (t) t.postcode ??= postcode;
  }
}

/**
 * The seeded agent's pending request, made when a fresh Practice HMRC starts so it has its full
 * 21 days from then (a fixed date would already have expired for someone practising later).
 */
export function seedPendingInvitation(data: PracticeStateData, now: number): void {
  const agent = data.users.find((u) => u.kind === 'agent' && u.userId === '300000000001');
  if (!agent || !data.taxpayers[PENDING_INVITATION_NINO]) return;
  createInvitation(data, agent, PENDING_INVITATION_NINO, 'main', now);
}
