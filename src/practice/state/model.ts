import { type IsoDate } from '../tax/dates';
import { type QuarterlyPeriodType } from '../tax/periods';
import { type InvitationRecord } from './invitation-model';
import { type AgentRelationship, type AnnualRecord, type PenceTree } from './stored-values';

export type { AgentRelationship, AnnualRecord, PenceTree, StoredValue } from './stored-values';
import {
  type BsasRecord,
  type LossRecords,
  type OtherIncomeYear,
  type SavingsAccountRecord,
} from './return-model';

/**
 * Practice HMRC's persisted state. Plain JSON (no classes, no Maps) so it can be written to and
 * read from the data file as is. Money is integer pence; dates are `YYYY-MM-DD`; instants are
 * epoch milliseconds from the practice clock.
 */
export interface PracticeStateData {
  version: 1;
  users: UserRecord[];
  taxpayers: Record<string, TaxpayerRecord>;
  grants: GrantRecord[];
  sequences: { business: number; nino: number; user: number };
  /** Agent authorisation requests (Agent Authorisation API), oldest first. */
  invitations?: InvitationRecord[];
}

export type UserKind = 'individual' | 'agent';

export interface UserRecord {
  userId: string;
  password: string;
  kind: UserKind;
  name: string;
  description: string;
  /** Individuals only: their own NINO (a record in `taxpayers`). */
  nino?: string;
  /** Agents only: agent reference number. */
  arn?: string;
  /** Agents only: clients who have authorised this agent, and as which kind of agent. */
  clients?: { nino: string; relationship: AgentRelationship }[];
}

export type ItsaStatus =
  | 'No Status'
  | 'MTD Mandated'
  | 'MTD Voluntary'
  | 'Annual'
  | 'Digitally Exempt'
  | 'Dormant'
  | 'MTD Exempt';

export interface TaxpayerRecord {
  nino: string;
  name: string;
  dateOfBirth: IsoDate;
  /** First tax year (label, e.g. 2025-26) the customer is signed up to MTD for Income Tax. */
  mtdStartTaxYear: string;
  /** ITSA status by tax year; a missing year means quarterly (MTD Voluntary). */
  itsaStatus: Record<string, ItsaStatus | 'Non Digital'>;
  businesses: BusinessRecord[];
  calculations: CalculationRecord[];
  /** Final declarations by tax year label. */
  finalDeclarations: Record<string, { calculationId: string; receivedAt: number }>;
  /**
   * Where the person pays Income Tax on earnings and profits: Scottish taxpayers have their own
   * bands and rates. Absent means the rest of the UK. [IC schemas/retrieve/def3/inputs.json
   * personalInformation.taxRegime]
   */
  taxRegime?: 'uk' | 'scotland' | 'wales';
  /**
   * Every ITSA status decision by tax year, oldest first, as Retrieve ITSA Status lists them
   * with history=true; the last one is in force (and mirrored in `itsaStatus`).
   * [SAID schemas/retrieveItsaStatus/def1/response.json]
   */
  itsaStatusDetails?: Record<string, ItsaStatusDetail[]>;
  /**
   * The postcode HMRC holds for the person: the known fact an agent gives with an authorisation
   * request. [agent-authorisation-api application.yaml KnownFactPostcode]
   */
  postcode?: string;
  /** UK savings accounts and their annual summaries. */
  savingsAccounts?: SavingsAccountRecord[];
  /** UK dividends, pension contributions and charitable giving, by tax year label. */
  otherIncome?: Record<string, OtherIncomeYear>;
  /** Brought forward losses, loss claims and losses and claims. */
  losses?: LossRecords;
  /** Business source adjustable summaries, oldest first. */
  bsas?: BsasRecord[];
}

export interface ItsaStatusDetail {
  submittedOn: number;
  status: ItsaStatus | 'Non Digital';
  statusReason: string;
  /** Pence. */
  businessIncome2YearsPrior?: number;
}

export type TypeOfBusiness =
  'self-employment' | 'uk-property' | 'foreign-property' | 'property-unspecified';

export interface BusinessRecord {
  businessId: string;
  typeOfBusiness: TypeOfBusiness;
  tradingName?: string;
  commencementDate?: IsoDate;
  cessationDate?: IsoDate;
  accountingType: 'CASH' | 'ACCRUALS';
  firstAccountingPeriodStartDate?: IsoDate;
  firstAccountingPeriodEndDate?: IsoDate;
  address?: {
    line1: string;
    line2?: string;
    line3?: string;
    line4?: string;
    postcode?: string;
    countryCode: string;
  };
  /** A new income source reports annually ('A') or quarterly ('Q') in its first two tax years. */
  latencyDetails?: {
    latencyEndDate: IsoDate;
    taxYear1: string;
    latencyIndicator1: 'A' | 'Q';
    taxYear2: string;
    latencyIndicator2: 'A' | 'Q';
  };
  /** Elections of quarterly period type; each applies from its tax year until changed. */
  periodTypeChoices: { taxYear: string; type: QuarterlyPeriodType }[];
  /** Cumulative summaries by tax year label. */
  cumulative: Record<string, CumulativeRecord>;
  /** Annual submissions (adjustments, allowances, non-financials) by tax year label. */
  annual?: Record<string, AnnualRecord>;
  /** Cash or accruals basis chosen per tax year; absent years use `accountingType`. [BD accounting_type.yaml] */
  accountingTypes?: Record<string, 'CASH' | 'ACCRUAL'>;
  /** Self-employment only: periods of account declared per tax year. [BD periods_of_account.yaml] */
  periodsOfAccount?: Record<string, PeriodsOfAccountRecord>;
  /**
   * Self-employment only: the month and day the business's accounts are usually made up to
   * (e.g. 03-31). Decides eligibility to disapply the late accounting date rule when no periods
   * of account were declared for the year. [BD schemas/retrieveLateAccountingDateRule/response.json eligible]
   */
  accountingDate?: string;
  /** Self-employment only: elections to disapply the late accounting date rule. [BD disapply_late_accounting_date_rule.yaml] */
  ladrElections?: LadrElection[];
  /** Foreign property only: the properties recorded for it from 2026-27. [PB foreign_property_details_create.yaml] */
  foreignProperties?: ForeignPropertyRecord[];
}

export interface PeriodsOfAccountRecord {
  periodsOfAccount: boolean;
  dates?: { startDate: IsoDate; endDate: IsoDate }[];
  submittedAt: number;
}

export interface LadrElection {
  /** The first tax year the rule is disapplied for. */
  taxYearOfElection: string;
  /** The last tax year it stays disapplied: an election lasts five years. */
  taxYearElectionExpires: string;
  madeAt: number;
}

export interface ForeignPropertyRecord {
  propertyId: string;
  propertyName: string;
  countryCode: string;
  /** The tax year the property was first recorded for. */
  taxYear: string;
  endDate?: IsoDate;
  endReason?: 'no-longer-renting-property-out' | 'disposal' | 'added-in-error';
  submittedAt: number;
}

/**
 * A stored cumulative period summary. `amounts` is the submitted body with every number
 * converted to integer pence (same field names and nesting as HMRC's JSON, dates removed).
 */
export interface CumulativeRecord {
  fromDate?: IsoDate;
  toDate?: IsoDate;
  amounts: PenceTree;
  submittedAt: number;
  /** Every accepted submission (end date and time), for obligations' receivedDate. */
  history: { toDate: IsoDate; receivedAt: number }[];
}

export type CalculationType = 'in-year' | 'intent-to-finalise' | 'intent-to-amend';

export interface CalculationRecord {
  calculationId: string;
  taxYear: string;
  calculationType: CalculationType;
  requestedAt: number;
  /** When the calculation is ready to retrieve (HMRC: asynchronous, wait at least 5 s). */
  readyAt: number;
  /** The retrieve response document, computed when triggered. */
  document: Record<string, unknown>;
  /** Liability for the list endpoint, in pence. */
  liabilityPence?: number;
  periodTo?: IsoDate;
  hasErrors: boolean;
  /** Business ids the calculation was based on (to notice income sources changing). */
  incomeSourceIds: string[];
  /** Final declaration or confirmed amendment made against this calculation. */
  declaredAt?: number;
  declaredAs?: 'final-declaration' | 'confirm-amendment';
}

export interface GrantRecord {
  grantId: string;
  clientId: string;
  /** Absent for application (client_credentials) tokens. */
  userId?: string;
  scopes: string[];
  createdAt: number;
  /** After this the grant cannot be refreshed: 18 months (547 days). [reference §2.5] */
  expiresAt: number;
  /**
   * SHA-256 of the current access token. Like any authorisation server, Practice HMRC keeps
   * only hashes, so its persisted state (which lives in the app's data folder) holds no token.
   */
  accessTokenHash: string;
  accessTokenExpiresAt: number;
  /** SHA-256 of the current refresh token. */
  refreshTokenHash?: string;
  /** Hashes of refresh tokens that have been used: presenting one again gives invalid_grant. */
  usedRefreshTokenHashes: string[];
}
