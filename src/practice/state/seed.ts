import { type PracticeStateData, type UserRecord } from './model';
import { cumulative, setItsaStatus } from './seed-helpers';
import { COMPLETE_YEAR_SEEDED, seedCompleteYearUser } from './seed-complete-year';
import { RETURN_SEEDED, seedAgentKnownFacts, seedReturnUsers } from './seed-return';
import { YEAR_END_SEEDED, seedYearEndUsers } from './seed-year-end';
import { authoriseAgent, createAgent, createIndividual } from './test-users';

/**
 * The seeded practice users. Fixed IDs and passwords so the app's tests, the printed list and a
 * person practising all see the same people. (These are practice credentials for a local
 * stand-in; they protect nothing.)
 */
export const SEEDED = {
  individualA: {
    userId: '100000000001',
    password: 'alice-practice',
    nino: 'AA100001A',
    selfEmploymentId: 'XAIS10000000001',
    ukPropertyId: 'XPIS10000000002',
  },
  individualB: {
    userId: '100000000002',
    password: 'bilal-practice',
    nino: 'AB100002B',
    selfEmploymentIds: ['XAIS20000000001', 'XAIS20000000002'],
  },
  agent: { userId: '300000000001', password: 'agent-practice' },
  agentClients: {
    mainSelfEmployed: {
      userId: '100000000003',
      password: 'carys-practice',
      nino: 'AC100003C',
      businessId: 'XAIS30000000001',
    },
    mainLandlord: {
      userId: '100000000004',
      password: 'dev-practice',
      nino: 'AE100004D',
      businessId: 'XPIS40000000001',
    },
    supporting: {
      userId: '100000000005',
      password: 'ewan-practice',
      nino: 'AH100005A',
      businessId: 'XAIS50000000001',
    },
    notAuthorised: {
      userId: '100000000006',
      password: 'fiona-practice',
      nino: 'AJ100006B',
      businessId: 'XAIS60000000001',
    },
  },
  ...YEAR_END_SEEDED,
  ...RETURN_SEEDED,
  ...COMPLETE_YEAR_SEEDED,
} as const;

/** A fresh state holding the seeded users and their businesses. */
export function seedState(): PracticeStateData {
  const data: PracticeStateData = {
    version: 1,
    users: [],
    taxpayers: {},
    grants: [],
    sequences: { business: 90_000_000_000, nino: 0, user: 100 },
  };
  const s = SEEDED;

  const alice = createIndividual(data, {
    userId: s.individualA.userId,
    password: s.individualA.password,
    name: 'Alice Ashworth',
    nino: s.individualA.nino,
    dateOfBirth: '1985-03-14',
    mtdStartTaxYear: '2025-26',
    description:
      'Individual A: sole trader (Ashworth Joinery) and UK landlord, standard quarters. 2025-26 ' +
      'updates all sent (final declaration still to make); 2026-27 Q1 sent for the joinery business.',
    businesses: [
      {
        typeOfBusiness: 'self-employment',
        businessId: s.individualA.selfEmploymentId,
        tradingName: 'Ashworth Joinery',
        commencementDate: '2016-09-01',
      },
      {
        typeOfBusiness: 'uk-property',
        businessId: s.individualA.ukPropertyId,
        commencementDate: '2019-06-01',
      },
    ],
  });
  const aliceRecord = data.taxpayers[alice.nino as string];
  const [joinery, lettings] = aliceRecord?.businesses ?? [];
  if (joinery) {
    joinery.cumulative['2025-26'] = cumulative(
      '2025-04-06',
      [
        ['2025-07-05', '2025-07-28T09:12:00.000Z'],
        ['2025-10-05', '2025-10-30T17:40:00.000Z'],
        ['2026-01-05', '2026-01-29T11:03:00.000Z'],
        ['2026-04-05', '2026-04-20T08:55:00.000Z'],
      ],
      {
        periodIncome: { turnover: 4_236_000, other: 12_500 },
        periodExpenses: {
          costOfGoods: 812_000,
          carVanTravelExpenses: 265_040,
          adminCosts: 48_099,
          advertisingCosts: 35_000,
          professionalFees: 90_000,
          otherExpenses: 21_010,
        },
        periodDisallowableExpenses: { carVanTravelExpensesDisallowable: 53_008 },
      },
    );
    joinery.cumulative['2026-27'] = cumulative(
      '2026-04-06',
      [['2026-07-05', '2026-07-30T10:15:00.000Z']],
      {
        periodIncome: { turnover: 1_140_050, other: 0 },
        periodExpenses: { costOfGoods: 231_000, carVanTravelExpenses: 70_020, adminCosts: 12_000 },
        periodDisallowableExpenses: { carVanTravelExpensesDisallowable: 14_004 },
      },
    );
  }
  if (lettings) {
    lettings.cumulative['2025-26'] = cumulative(
      '2025-04-06',
      [
        ['2025-07-05', '2025-07-31T19:20:00.000Z'],
        ['2025-10-05', '2025-11-02T08:01:00.000Z'],
        ['2026-01-05', '2026-02-03T21:45:00.000Z'],
        ['2026-04-05', '2026-04-28T13:30:00.000Z'],
      ],
      {
        ukProperty: {
          income: { periodAmount: 960_000, otherIncome: 0 },
          expenses: {
            premisesRunningCosts: 90_000,
            repairsAndMaintenance: 65_050,
            residentialFinancialCost: 180_000,
          },
        },
      },
    );
  }

  createIndividual(data, {
    userId: s.individualB.userId,
    password: s.individualB.password,
    name: 'Bilal Bhatt',
    nino: s.individualB.nino,
    dateOfBirth: '1991-11-02',
    mtdStartTaxYear: '2026-27',
    description:
      'Individual B: two self-employment businesses on calendar quarters from 2026-27 (their first ' +
      'calendar year, so Q1 runs 6 April to 30 June). Nothing sent yet.',
    businesses: s.individualB.selfEmploymentIds.map((businessId, i) => ({
      typeOfBusiness: 'self-employment' as const,
      businessId,
      tradingName: i === 0 ? 'Bhatt Bikes' : 'Bhatt Photography',
      commencementDate: i === 0 ? '2018-04-01' : '2022-04-01',
      quarterlyPeriodType: 'calendar' as const,
      periodTypeFromTaxYear: '2026-27',
    })),
  });

  // Every seeded person has an ITSA status for each year from their MTD start: the quarterly
  // ones here, the others with the year-end users. [SAID ITSA_Status_retrieve.yaml]
  const aliceTaxpayer = data.taxpayers[s.individualA.nino];
  if (aliceTaxpayer) {
    setItsaStatus(
      aliceTaxpayer,
      '2025-26',
      'MTD Voluntary',
      'MTD ITSA Opt-In',
      '2025-04-08T09:00:00.000Z',
    );
    setItsaStatus(
      aliceTaxpayer,
      '2026-27',
      'MTD Mandated',
      'ITSA Q4 declaration',
      '2026-03-31T09:00:00.000Z',
    );
  }
  const bilalTaxpayer = data.taxpayers[s.individualB.nino];
  if (bilalTaxpayer)
    setItsaStatus(
      bilalTaxpayer,
      '2026-27',
      'MTD Voluntary',
      'MTD ITSA Opt-In',
      '2026-04-02T09:00:00.000Z',
    );

  const c = s.agentClients;
  const clients: UserRecord[] = [
    createIndividual(data, {
      userId: c.mainSelfEmployed.userId,
      password: c.mainSelfEmployed.password,
      name: 'Carys Clarke',
      nino: c.mainSelfEmployed.nino,
      dateOfBirth: '1979-07-21',
      mtdStartTaxYear: '2026-27',
      description: 'Agent client (main agent): sole trader, standard quarters.',
      businesses: [
        {
          typeOfBusiness: 'self-employment',
          businessId: c.mainSelfEmployed.businessId,
          tradingName: 'Clarke Catering',
          commencementDate: '2015-05-01',
        },
      ],
    }),
    createIndividual(data, {
      userId: c.mainLandlord.userId,
      password: c.mainLandlord.password,
      name: 'Dev Desai',
      nino: c.mainLandlord.nino,
      dateOfBirth: '1968-01-30',
      mtdStartTaxYear: '2026-27',
      description: 'Agent client (main agent): UK landlord, standard quarters.',
      businesses: [
        {
          typeOfBusiness: 'uk-property',
          businessId: c.mainLandlord.businessId,
          commencementDate: '2012-10-01',
        },
      ],
    }),
    createIndividual(data, {
      userId: c.supporting.userId,
      password: c.supporting.password,
      name: 'Ewan Ellis',
      nino: c.supporting.nino,
      dateOfBirth: '1994-09-09',
      mtdStartTaxYear: '2026-27',
      description: 'Agent client (supporting agent only): sole trader, standard quarters.',
      businesses: [
        {
          typeOfBusiness: 'self-employment',
          businessId: c.supporting.businessId,
          tradingName: 'Ellis Electrical',
          commencementDate: '2020-02-01',
        },
      ],
    }),
    createIndividual(data, {
      userId: c.notAuthorised.userId,
      password: c.notAuthorised.password,
      name: 'Fiona Fox',
      nino: c.notAuthorised.nino,
      dateOfBirth: '1988-12-24',
      mtdStartTaxYear: '2026-27',
      description:
        'Has NOT authorised the practice agent: the agent gets 403 CLIENT_OR_AGENT_NOT_AUTHORISED.',
      businesses: [
        {
          typeOfBusiness: 'self-employment',
          businessId: c.notAuthorised.businessId,
          tradingName: 'Fox Florists',
          commencementDate: '2017-03-01',
        },
      ],
    }),
  ];

  for (const [client, status] of [
    [c.mainSelfEmployed, 'MTD Mandated'],
    [c.mainLandlord, 'MTD Mandated'],
    [c.supporting, 'MTD Voluntary'],
    [c.notAuthorised, 'MTD Voluntary'],
  ] as const) {
    const t = data.taxpayers[client.nino];
    if (t) setItsaStatus(t, '2026-27', status, 'CESA SA return', '2026-03-31T09:00:00.000Z');
  }
  seedYearEndUsers(data);
  seedReturnUsers(data);
  seedCompleteYearUser(data);
  seedAgentKnownFacts(data);

  const agent = createAgent(data, {
    userId: s.agent.userId,
    password: s.agent.password,
    name: 'Grace Green (Green & Co Accountants)',
    description:
      'Agent services account: main agent for Carys Clarke, Dev Desai and Gwen Galbraith ' +
      '(ready to declare 2025-26), supporting agent for Ewan Ellis; Fiona Fox has not ' +
      'authorised this agent.',
  });
  authoriseAgent(data, agent.userId, clients[0]?.nino as string, 'main');
  authoriseAgent(data, agent.userId, clients[1]?.nino as string, 'main');
  authoriseAgent(data, agent.userId, clients[2]?.nino as string, 'supporting');
  authoriseAgent(data, agent.userId, s.scottishTaxpayer.nino, 'main');
  return data;
}
