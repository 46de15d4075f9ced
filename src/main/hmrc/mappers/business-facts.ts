import type { AccountingType } from '@shared/domain/accounting-type';
import type {
  HmrcAccountingType,
  RetrieveLateAccountingDateRuleResponse,
  RetrievePeriodsOfAccountResponse,
  UpdateAccountingTypeRequest,
} from '../schemas/business-facts';

/**
 * Business Details 2.0 answers in the app's words and back: HMRC's `CASH` / `ACCRUAL` are the
 * cash basis and traditional accounting [BD schemas/updateAccountingType/request.json]; a
 * period of account is a pair of dates; the late accounting date rule is in force unless an
 * election disapplies it [BD schemas/retrieveLateAccountingDateRule/response.json].
 */

const FROM_HMRC: Record<HmrcAccountingType, AccountingType> = { CASH: 'cash', ACCRUAL: 'accruals' };
const TO_HMRC: Record<AccountingType, HmrcAccountingType> = { cash: 'CASH', accruals: 'ACCRUAL' };

export const accountingTypeFromHmrc = (t: HmrcAccountingType): AccountingType => FROM_HMRC[t];

export const accountingTypeRequest = (t: AccountingType): UpdateAccountingTypeRequest => ({
  accountingType: TO_HMRC[t],
});

export interface PeriodsOfAccount {
  /** false: HMRC was told the business has no periods of account other than the tax year. */
  declared: boolean;
  periods: { startDate: string; endDate: string }[];
  submittedOn: string;
}

export const periodsOfAccountFromHmrc = (
  r: RetrievePeriodsOfAccountResponse,
): PeriodsOfAccount => ({
  declared: r.periodsOfAccount,
  periods: (r.periodsOfAccountDates ?? []).map((p) => ({
    startDate: p.startDate,
    endDate: p.endDate,
  })),
  submittedOn: r.submittedOn,
});

export interface LateAccountingDateRule {
  /** Whether the business may disapply the rule (an accounting date 31 March to 4 April). */
  eligible: boolean;
  /** Whether an election disapplies the rule for this year. */
  disapplied: boolean;
  /** The election's first and last years, when one is in force. */
  election?: { from: string; until: string };
}

export function lateAccountingDateRuleFromHmrc(
  r: RetrieveLateAccountingDateRuleResponse,
): LateAccountingDateRule {
  return {
    eligible: r.eligible,
    disapplied: r.disapply,
    ...(r.disapply && r.taxYearOfElection
      ? {
          election: {
            from: r.taxYearOfElection,
            until: r.taxYearElectionExpires ?? r.taxYearOfElection,
          },
        }
      : {}),
  };
}
