import { actionPermission, type AgentRole } from '@shared/domain/agent-permissions';
import { formatUkDate } from '@shared/domain/tax-year';
import type { BusinessFacts } from '@shared/ipc/channels/year-end-business-facts';
import type { LateAccountingDateRule } from '../../hmrc/mappers/business-facts';

/**
 * The local rules for a business's facts for a year, decided before anything is sent so the
 * screen can say why an action is not offered (reference §5.5, §5.6; Business Details 2.0):
 * - a supporting agent may neither read nor change the accounting type (HMRC's Business Details
 *   configuration refuses them Retrieve and Update Accounting Type; reference §2.10);
 * - nothing about a year changes after HMRC's amendment window closes
 *   (RULE_OUTSIDE_AMENDMENT_WINDOW on every Business Details change);
 * - the late accounting date rule can be disapplied only after the tax year has ended
 *   (RULE_TAX_YEAR_NOT_ENDED), only by a business whose accounting date falls between
 *   31 March and 4 April (RULE_NO_ACCOUNTING_DATE_FOUND), and an election can be withdrawn only
 *   for the year it was made: one made earlier lasts until it expires
 *   (RULE_ELECTION_PERIOD_NOT_EXPIRED). [BD disapply_late_accounting_date_rule.yaml,
 *   withdraw_late_accounting_date_rule.yaml, schemas/retrieveLateAccountingDateRule/response.json]
 */

export interface YearFacts {
  taxYear: string;
  yearEnded: boolean;
  /** The last day HMRC accepts a change for the year (12 months after the filing date). */
  windowEnd: string;
  withinWindow: boolean;
  /** The agent's role for a client profile; undefined when the taxpayer acts. */
  role: AgentRole | undefined;
}

export function accountingTypeRefusal(year: YearFacts): string | undefined {
  const permission = actionPermission(year.role, 'accounting-type');
  return permission.allowed ? undefined : permission.reason;
}

export function windowClosed(year: YearFacts): string | undefined {
  return year.withinWindow
    ? undefined
    : `HMRC’s window for changing ${year.taxYear} closed on ${formatUkDate(year.windowEnd)}, so its business facts can no longer be changed.`;
}

type LadrFact = Extract<BusinessFacts['lateAccountingDateRule'], { status: 'found' }>;

export function lateAccountingDateRuleFact(
  rule: LateAccountingDateRule,
  year: YearFacts,
  firstDayAfter: string,
): LadrFact {
  const base = {
    status: 'found' as const,
    eligible: rule.eligible,
    disapplied: rule.disapplied,
    ...(rule.election ? { election: rule.election } : {}),
  };
  const closed = windowClosed(year);
  const madeThisYear = rule.disapplied && rule.election?.from === year.taxYear;
  const why = closed
    ? closed
    : !year.yearEnded
      ? `You can choose this once the tax year has ended, from ${formatUkDate(firstDayAfter)}.`
      : rule.disapplied && !madeThisYear && rule.election
        ? `The election made for ${rule.election.from} disapplies the rule until ${rule.election.until}. HMRC only lets it be withdrawn for the year it was made.`
        : !rule.disapplied && !rule.eligible
          ? 'This business’s accounting date is not between 31 March and 4 April, so the rule does not apply to it and there is nothing to choose.'
          : undefined;
  return {
    ...base,
    canDisapply: why === undefined && !rule.disapplied && rule.eligible,
    canWithdraw: why === undefined && madeThisYear,
    ...(why ? { why } : {}),
  };
}
