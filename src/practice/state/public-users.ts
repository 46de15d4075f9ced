import { reportingTypeFor } from '../rules/cumulative-rules';
import { itsaStatusDetails } from '../rules/itsa-status';
import { ukDate } from '../tax/dates';
import { type QuarterlyPeriodType } from '../tax/periods';
import { nextTaxYear, taxYearFromLabel, taxYearOf } from '../tax/tax-year';
import { type TaxpayerRecord } from './model';
import { type AgentRelationship, type TypeOfBusiness, type UserRecord } from './model';
import { type PracticeStore } from './store';

/** A practice business as shown to tests and people. */
export interface PracticeBusiness {
  businessId: string;
  typeOfBusiness: TypeOfBusiness;
  tradingName?: string;
  /** Quarterly period type in the current tax year. */
  quarterlyPeriodType: QuarterlyPeriodType;
}

/** A practice sign-in account: what Practice HMRC prints and what tests use. */
export interface PracticeTestUser {
  userId: string;
  password: string;
  kind: 'individual' | 'agent';
  name: string;
  /** Individuals: their NINO. */
  nino?: string;
  /** Individuals: date of birth (the identity check asks for it). */
  dateOfBirth?: string;
  businesses?: PracticeBusiness[];
  /** Agents: agent reference number. */
  arn?: string;
  /** Agents: clients who have authorised this agent. */
  clients?: {
    nino: string;
    name: string;
    relationship: AgentRelationship;
    businesses: PracticeBusiness[];
  }[];
  /** Individuals: ITSA status per tax year, from the MTD start year to the current one. */
  itsaStatuses?: Record<string, string>;
  /** Individuals: 'scotland' for a Scottish taxpayer; absent for the rest of the UK. */
  taxRegime?: 'scotland' | 'wales';
  /** What this user is for. */
  description: string;
}

export function describeUser(
  store: PracticeStore,
  user: UserRecord,
  now: number,
): PracticeTestUser {
  const currentYear = taxYearOf(ukDate(now));
  const businessesOf = (nino: string): PracticeBusiness[] =>
    (store.taxpayer(nino)?.businesses ?? []).map((b) => ({
      businessId: b.businessId,
      typeOfBusiness: b.typeOfBusiness,
      ...(b.tradingName ? { tradingName: b.tradingName } : {}),
      quarterlyPeriodType: reportingTypeFor(b, currentYear).type,
    }));
  if (user.kind === 'individual') {
    const taxpayer = user.nino ? store.taxpayer(user.nino) : undefined;
    const regime = taxpayer?.taxRegime;
    return {
      userId: user.userId,
      password: user.password,
      kind: 'individual',
      name: user.name,
      ...(user.nino ? { nino: user.nino, businesses: businessesOf(user.nino) } : {}),
      ...(taxpayer
        ? { dateOfBirth: taxpayer.dateOfBirth, itsaStatuses: statusesOf(taxpayer, now) }
        : {}),
      ...(regime && regime !== 'uk' ? { taxRegime: regime } : {}),
      description: user.description,
    };
  }
  return {
    userId: user.userId,
    password: user.password,
    kind: 'agent',
    name: user.name,
    ...(user.arn ? { arn: user.arn } : {}),
    clients: (user.clients ?? []).map((c) => ({
      nino: c.nino,
      name: store.taxpayer(c.nino)?.name ?? c.nino,
      relationship: c.relationship,
      businesses: businessesOf(c.nino),
    })),
    description: user.description,
  };
}

/** The status in force for each tax year from the MTD start year to the current one. */
function statusesOf(taxpayer: TaxpayerRecord, now: number): Record<string, string> {
  const today = ukDate(now);
  const out: Record<string, string> = {};
  const current = taxYearOf(today);
  for (
    let ty = taxYearFromLabel(taxpayer.mtdStartTaxYear);
    ty.startYear <= current.startYear;
    ty = nextTaxYear(ty)
  ) {
    const details = itsaStatusDetails(taxpayer, ty, today);
    const latest = details[details.length - 1];
    if (latest) out[ty.label] = latest.status;
  }
  return out;
}
