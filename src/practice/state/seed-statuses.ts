import { type PracticeStateData, type TaxpayerRecord } from './model';
import { setItsaStatus } from './seed-helpers';
import { createIndividual } from './test-users';

interface StatusUser {
  userId: string;
  password: string;
  nino: string;
  businessId: string;
}

/** The seeded users for the ITSA statuses that carry no quarterly obligations. */
export interface StatusUsers {
  noStatus: StatusUser;
  digitallyExempt: StatusUser;
  dormant: StatusUser;
  mtdExempt: StatusUser;
}

/** The users with no quarterly obligations because of their ITSA status. */
export function seedOtherStatuses(data: PracticeStateData, users: StatusUsers): void {
  const people = [
    {
      u: users.noStatus,
      name: 'Kit Kowalski',
      status: 'No Status' as const,
      reason: 'Sign up - no return available',
      type: 'self-employment' as const,
      trading: 'Kowalski Keys',
    },
    {
      u: users.digitallyExempt,
      name: 'Lena Lindqvist',
      status: 'Digitally Exempt' as const,
      reason: 'Digitally Exempt',
      type: 'uk-property' as const,
    },
    {
      u: users.dormant,
      name: 'Milo Mensah',
      status: 'Dormant' as const,
      reason: 'Ceased income source',
      type: 'self-employment' as const,
      trading: 'Mensah Music',
    },
    {
      u: users.mtdExempt,
      name: 'Nadia Nowak',
      status: 'MTD Exempt' as const,
      reason: 'Complex',
      type: 'self-employment' as const,
      trading: 'Nowak Nursing',
    },
  ];
  for (const p of people) {
    createIndividual(data, {
      userId: p.u.userId,
      password: p.u.password,
      name: p.name,
      nino: p.u.nino,
      mtdStartTaxYear: '2025-26',
      description:
        `ITSA status "${p.status}" (2025-26 and 2026-27): no quarterly updates are due; any ` +
        'cumulative update comes without dates. The final declaration is still due.',
      businesses: [
        {
          typeOfBusiness: p.type,
          businessId: p.u.businessId,
          ...('trading' in p ? { tradingName: p.trading } : {}),
          commencementDate: '2015-04-06',
        },
      ],
    });
    const t = data.taxpayers[p.u.nino] as TaxpayerRecord;
    setItsaStatus(t, '2025-26', p.status, p.reason, '2025-03-31T09:00:00.000Z');
    setItsaStatus(t, '2026-27', p.status, p.reason, '2026-03-31T09:00:00.000Z');
  }
}
