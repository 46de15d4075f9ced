import { randomBytes } from 'node:crypto';
import { type IsoDate } from '../tax/dates';
import { type QuarterlyPeriodType } from '../tax/periods';
import {
  type AgentRelationship,
  type BusinessRecord,
  type PracticeStateData,
  type TaxpayerRecord,
  type TypeOfBusiness,
  type UserRecord,
} from './model';

/** A business to create for a practice individual. */
export interface NewBusiness {
  typeOfBusiness: TypeOfBusiness;
  /** Self-employment only. */
  tradingName?: string;
  /** Must match HMRC's format `^X[A-Z0-9]{1}IS[0-9]{11}$`; generated when absent. */
  businessId?: string;
  commencementDate?: IsoDate;
  /** Quarterly period type; with `calendar`, chosen from `periodTypeFromTaxYear`. */
  quarterlyPeriodType?: QuarterlyPeriodType;
  /** Tax year (e.g. 2026-27) the period type was chosen for; defaults to the MTD start year. */
  periodTypeFromTaxYear?: string;
  accountingType?: 'CASH' | 'ACCRUALS';
}

/** An individual (sole trader or landlord) signed up to MTD for Income Tax. */
export interface NewIndividual {
  name?: string;
  userId?: string;
  password?: string;
  nino?: string;
  dateOfBirth?: IsoDate;
  /** First MTD tax year, e.g. 2025-26 (default 2025-26). */
  mtdStartTaxYear?: string;
  businesses?: NewBusiness[];
  description?: string;
}

/** An agent services account. */
export interface NewAgent {
  name?: string;
  userId?: string;
  password?: string;
  clients?: { nino: string; relationship: AgentRelationship }[];
  description?: string;
}

/** HMRC's NINO shape (2 letters, 6 digits, A-D) with the prefixes HMRC never issues excluded. */
export const NINO_PATTERN =
  /^((?!(BG|GB|KN|NK|NT|TN|ZZ)|(D|F|I|Q|U|V)[A-Z]|[A-Z](D|F|I|O|Q|U|V))[A-Z]{2})[0-9]{6}[A-D]$/;
/** [BD/SE common/pathParameters.yaml] */
export const BUSINESS_ID_PATTERN = /^X[A-Z0-9]{1}IS[0-9]{11}$/;

function randomPassword(): string {
  return randomBytes(9).toString('base64url');
}

function nextUserId(data: PracticeStateData, kind: 'individual' | 'agent'): string {
  for (;;) {
    data.sequences.user += 1;
    const id = `${kind === 'agent' ? '3' : '1'}${String(data.sequences.user).padStart(11, '0')}`;
    if (!data.users.some((u) => u.userId === id)) return id;
  }
}

function nextNino(data: PracticeStateData): string {
  for (;;) {
    data.sequences.nino += 1;
    const n = data.sequences.nino;
    const nino = `PR${String(n % 1_000_000).padStart(6, '0')}${'ABCD'[Math.floor(n / 1_000_000) % 4]}`;
    if (!data.taxpayers[nino]) return nino;
  }
}

const BUSINESS_LETTER: Record<TypeOfBusiness, string> = {
  'self-employment': 'A',
  'uk-property': 'P',
  'foreign-property': 'F',
  'property-unspecified': 'U',
};

export function nextBusinessId(data: PracticeStateData, type: TypeOfBusiness): string {
  const all = new Set(
    Object.values(data.taxpayers).flatMap((t) => t.businesses.map((b) => b.businessId)),
  );
  for (;;) {
    data.sequences.business += 1;
    const id = `X${BUSINESS_LETTER[type]}IS${String(data.sequences.business).padStart(11, '0')}`;
    if (!all.has(id)) return id;
  }
}

export function addBusiness(
  data: PracticeStateData,
  taxpayer: TaxpayerRecord,
  input: NewBusiness,
): BusinessRecord {
  const businessId = input.businessId ?? nextBusinessId(data, input.typeOfBusiness);
  if (!BUSINESS_ID_PATTERN.test(businessId))
    throw new Error(`Business ID ${businessId} is not in HMRC's format`);
  const business: BusinessRecord = {
    businessId,
    typeOfBusiness: input.typeOfBusiness,
    accountingType: input.accountingType ?? 'CASH',
    periodTypeChoices: [],
    cumulative: {},
  };
  if (input.typeOfBusiness === 'self-employment') {
    business.tradingName = input.tradingName ?? 'Practice trading';
    business.address = {
      line1: '1 Practice Street',
      line2: 'Testington',
      postcode: 'TE1 1ST',
      countryCode: 'GB',
    };
  }
  if (input.commencementDate) business.commencementDate = input.commencementDate;
  if (input.quarterlyPeriodType === 'calendar') {
    business.periodTypeChoices.push({
      taxYear: input.periodTypeFromTaxYear ?? taxpayer.mtdStartTaxYear,
      type: 'calendar',
    });
  }
  taxpayer.businesses.push(business);
  return business;
}

export function createIndividual(data: PracticeStateData, input: NewIndividual = {}): UserRecord {
  const nino = input.nino ?? nextNino(data);
  if (!NINO_PATTERN.test(nino)) throw new Error(`NINO ${nino} is not in HMRC's format`);
  if (data.taxpayers[nino]) throw new Error(`NINO ${nino} already exists`);
  const userId = input.userId ?? nextUserId(data, 'individual');
  if (data.users.some((u) => u.userId === userId))
    throw new Error(`User ID ${userId} already exists`);
  const name = input.name ?? `Practice Individual ${nino}`;
  const taxpayer: TaxpayerRecord = {
    nino,
    name,
    dateOfBirth: input.dateOfBirth ?? '1980-01-01',
    mtdStartTaxYear: input.mtdStartTaxYear ?? '2025-26',
    itsaStatus: {},
    businesses: [],
    calculations: [],
    finalDeclarations: {},
  };
  data.taxpayers[nino] = taxpayer;
  for (const b of input.businesses ?? []) addBusiness(data, taxpayer, b);
  const user: UserRecord = {
    userId,
    password: input.password ?? randomPassword(),
    kind: 'individual',
    name,
    nino,
    description: input.description ?? 'Individual created for practice',
  };
  data.users.push(user);
  return user;
}

export function createAgent(data: PracticeStateData, input: NewAgent = {}): UserRecord {
  const userId = input.userId ?? nextUserId(data, 'agent');
  if (data.users.some((u) => u.userId === userId))
    throw new Error(`User ID ${userId} already exists`);
  const user: UserRecord = {
    userId,
    password: input.password ?? randomPassword(),
    kind: 'agent',
    name: input.name ?? 'Practice Agent',
    arn: `XARN${userId.slice(-7)}`,
    clients: [],
    description: input.description ?? 'Agent services account created for practice',
  };
  data.users.push(user);
  for (const c of input.clients ?? []) authoriseAgent(data, userId, c.nino, c.relationship);
  return user;
}

/**
 * Records that a client has authorised an agent. One main agent per client; an agent cannot be
 * both main and supporting for the same client. [reference §2.10; E2E "Multiple agents"]
 */
export function authoriseAgent(
  data: PracticeStateData,
  agentUserId: string,
  nino: string,
  relationship: AgentRelationship,
): void {
  const agent = data.users.find((u) => u.userId === agentUserId && u.kind === 'agent');
  if (!agent) throw new Error(`No agent with user ID ${agentUserId}`);
  if (!data.taxpayers[nino]) throw new Error(`No practice individual with NINO ${nino}`);
  if (relationship === 'main') {
    for (const other of data.users) {
      if (other.kind === 'agent' && other.userId !== agentUserId) {
        other.clients = (other.clients ?? []).filter(
          (c) => !(c.nino === nino && c.relationship === 'main'),
        );
      }
    }
  }
  agent.clients = (agent.clients ?? []).filter((c) => c.nino !== nino);
  agent.clients.push({ nino, relationship });
}
