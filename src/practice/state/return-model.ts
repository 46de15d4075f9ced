import { type AnnualRecord, type PenceTree } from './stored-values';

/**
 * The rest of the return as Practice HMRC stores it: savings accounts, other income and
 * reliefs, losses and claims, and adjustable summaries. Plain JSON like the rest of the state;
 * money in integer pence; instants in epoch milliseconds from the practice clock.
 */

/** A UK savings account added with Savings Income 2.0. [SI savings_uk_accounts_add.yaml] */
export interface SavingsAccountRecord {
  /** 15 characters, `^[A-Za-z0-9]{15}$`. [SI schemas/ukSavingsAccount/add_response.json] */
  savingsAccountId: string;
  accountName: string;
  addedAt: number;
  /** Annual summaries by tax year label. [SI savings_uk_accounts_create_amend.yaml] */
  annual: Record<string, AnnualRecord>;
}

/**
 * Other income and reliefs for one tax year, each as sent (amounts in pence):
 * UK dividends [DI uk_dividends_create_amend.yaml], pension contributions
 * [RL reliefs_pensions_amend.yaml] and charitable giving [RL charitable_giving_relief_amend.yaml].
 */
export interface OtherIncomeYear {
  ukDividends?: AnnualRecord;
  pensionReliefs?: AnnualRecord;
  charitableGiving?: AnnualRecord;
}

export type OtherIncomeKind = keyof OtherIncomeYear;

/** Individual Losses 6.0 type of loss. [IL6 schemas/broughtForwardLosses/createBFLoss/create_request.json] */
export type TypeOfLoss =
  | 'self-employment'
  | 'self-employment-class4'
  | 'uk-property'
  | 'uk-property-fhl'
  | 'foreign-property'
  | 'foreign-property-fhl-eea';

/** A brought forward loss (Individual Losses 6.0): a loss from before the person joined MTD. */
export interface BroughtForwardLossRecord {
  lossId: string;
  businessId: string;
  typeOfLoss: TypeOfLoss;
  /** Pence. */
  lossAmount: number;
  /** The tax year the loss was made in (`taxYearBroughtForwardFrom`). */
  taxYearBroughtForwardFrom: string;
  lastModified: number;
}

/** Individual Losses 6.0 type of claim. [IL6 schemas/lossClaims/createLossClaim/def1/request.json] */
export type TypeOfClaim =
  'carry-forward' | 'carry-sideways' | 'carry-forward-to-carry-sideways' | 'carry-sideways-fhl';

/** A loss claim (Individual Losses 6.0): how a year's loss of a business is to be used. */
export interface LossClaimRecord {
  claimId: string;
  businessId: string;
  typeOfLoss: 'self-employment' | 'uk-property' | 'foreign-property';
  typeOfClaim: TypeOfClaim;
  taxYearClaimedFor: string;
  /** Order among carry-sideways claims of the year (Amend Loss Claims Order). */
  sequence?: number;
  lastModified: number;
}

/** Individual Losses: 6.0 resources up to 2025-26, and the 7.0 resource from 2026-27. */
export interface LossRecords {
  broughtForward: BroughtForwardLossRecord[];
  claims: LossClaimRecord[];
  /** Losses and Claims (7.0) by business id, then tax year label. [IL7 losses_and_claims.yaml] */
  lossesAndClaims: Record<string, Record<string, AnnualRecord>>;
}

export type BsasBusinessType = 'self-employment' | 'uk-property' | 'foreign-property';

/**
 * A Business Source Adjustable Summary (BSAS 7.0): the year's figures for one business as they
 * stood when it was triggered, and the accounting adjustments submitted against it.
 * [BSAS bsas_trigger.yaml, self_employment_adjustments_submit.yaml]
 */
export interface BsasRecord {
  calculationId: string;
  businessId: string;
  typeOfBusiness: BsasBusinessType;
  taxYear: string;
  accountingPeriodStartDate: string;
  accountingPeriodEndDate: string;
  requestedAt: number;
  /** The adjustments submitted (the body as sent, amounts in pence), once submitted. */
  adjustments?: PenceTree;
  adjustedAt?: number;
}
