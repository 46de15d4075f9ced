import { taxYearStartYear } from '@shared/domain/tax-year';
import type {
  DeclarationKind,
  DeclarationStateView,
} from '@shared/ipc/channels/year-end-declaration';
import type { Profile } from '../../profiles/profile-record';

/**
 * What must be true before a final declaration (or a confirmed amendment) is sent, checked
 * locally so nothing goes to HMRC that HMRC would refuse or that the person did not agree to
 * (reference §5.7): the tax year has ended, the calculation has no errors, the person agreed
 * to HMRC's wording for exactly this calculation id, and a main agent recorded the client's
 * approval first. HMRC refuses supporting agents the whole flow (reference §2.10).
 */
export type Actor = 'individual' | 'main-agent' | 'supporting-agent';

/** Who acts for a profile, as HMRC sees it: the person, or their main or supporting agent. */
export const actorOf = (p: Pick<Profile, 'kind' | 'agentRole'>): Actor =>
  p.kind !== 'client'
    ? 'individual'
    : p.agentRole === 'supporting'
      ? 'supporting-agent'
      : 'main-agent';

/** HMRC's window: 12 months from the 31 January filing date (reference §5.7). */
export function amendmentWindowEnd(taxYear: string): string {
  return `${taxYearStartYear(taxYear) + 3}-01-31`;
}

export interface GateInput {
  actor: Actor;
  purpose: 'final-declaration' | 'confirm-amendment';
  yearEnded: boolean;
  declared: boolean;
  withinAmendmentWindow: boolean;
  /** The newest calculation for the purpose (intent-to-finalise or intent-to-amend). */
  latest?: { calculationId: string; errors: number } | undefined;
  agreedCalculationId?: string | undefined;
  clientApprovedCalculationId?: string | undefined;
  /** The id the request names (absent when only asking what blocks). */
  requestedCalculationId?: string | undefined;
  /** The answers about income Ledgerlink does not cover (reference §5.8). */
  notCovered?: { unanswered: number; applies: string[]; confirmedElsewhere: boolean } | undefined;
}

/**
 * The return must be complete when it is declared: questions about what Ledgerlink does not
 * cover left unanswered, or income named there and not confirmed as reported another way,
 * block the declaration (reference §5.8: non-mandated income handled or diverted).
 */
function notCoveredBlockers(input: GateInput): Blocker[] {
  const nc = input.notCovered;
  if (!nc) return [];
  if (nc.unanswered > 0)
    return [
      {
        code: 'NOT_COVERED_UNANSWERED',
        message: `Answer the ${nc.unanswered === 1 ? 'question' : `${nc.unanswered} questions`} about income Ledgerlink does not cover, on the year-end checklist: HMRC’s declaration covers all your income.`,
        fixAt: 'year-end/checklist',
      },
    ];
  if (!nc.confirmedElsewhere)
    return [
      {
        code: 'NOT_COVERED_NOT_REPORTED',
        message: `Ledgerlink does not cover ${nc.applies.join(', ')}. Report ${nc.applies.length === 1 ? 'it' : 'them'} to HMRC another way, then confirm on the year-end checklist that you have, before you declare.`,
        fixAt: 'year-end/checklist',
      },
    ];
  return [];
}

export interface Blocker {
  code: string;
  message: string;
  /** The screen where the cause is fixed. */
  fixAt?: string;
}

export function declarationBlockers(input: GateInput): Blocker[] {
  if (input.actor === 'supporting-agent') {
    return [
      {
        code: 'SUPPORTING_AGENT',
        message:
          'HMRC does not let a supporting agent see the client’s calculations or make their final declaration. Ask the client, or their main agent, to do this.',
      },
    ];
  }
  const out: Blocker[] = [];
  if (!input.yearEnded)
    out.push({
      code: 'TAX_YEAR_NOT_ENDED',
      message: 'The tax year has not ended yet. HMRC accepts the final declaration from 6 April.',
    });
  if (input.purpose === 'final-declaration' && input.declared)
    out.push({
      code: 'ALREADY_DECLARED',
      message:
        'HMRC already has the final declaration for this year. To change anything, amend it instead.',
      fixAt: 'year-end/amendment',
    });
  if (input.purpose === 'confirm-amendment') {
    if (!input.declared)
      out.push({
        code: 'NOT_DECLARED',
        message: 'There is no final declaration to amend yet.',
        fixAt: 'year-end/declaration',
      });
    else if (!input.withinAmendmentWindow)
      out.push({
        code: 'OUTSIDE_AMENDMENT_WINDOW',
        message:
          'HMRC’s window for amending this year has closed (12 months after the 31 January filing date). Contact HMRC to correct the return.',
      });
  }
  if (out.length > 0) return out;
  const latest = input.latest;
  if (!latest) {
    return [
      {
        code: 'NO_CALCULATION',
        message: 'Ask HMRC for the final calculation first.',
        fixAt: 'year-end/calculation',
      },
      ...notCoveredBlockers(input),
    ];
  }
  out.push(...notCoveredBlockers(input));
  if (latest.errors > 0)
    out.push({
      code: 'CALCULATION_ERRORS',
      message:
        'HMRC’s calculation has errors. Correct the figures it names (the updates in Review & sync, or the annual figures), then ask HMRC for a new calculation.',
      fixAt: 'review',
    });
  if (
    input.requestedCalculationId !== undefined &&
    input.requestedCalculationId !== latest.calculationId
  )
    out.push({
      code: 'WRONG_CALCULATION',
      message:
        'This is not the newest calculation. Declare against the calculation you reviewed last, or ask HMRC for a new one.',
      fixAt: 'year-end/calculation',
    });
  if (input.actor === 'main-agent' && input.clientApprovedCalculationId !== latest.calculationId)
    out.push({
      code: 'NO_CLIENT_APPROVAL',
      message:
        'Record when and how your client approved this calculation before you declare for them.',
    });
  if (input.agreedCalculationId !== latest.calculationId)
    out.push({
      code: 'NO_AGREEMENT',
      message: 'Read HMRC’s statement and confirm you agree to it for this calculation.',
    });
  return out;
}

/** What blocks sending `calculationId` for `purpose`, from the year's declaration state. */
export function blockersFor(
  s: DeclarationStateView,
  purpose: DeclarationKind,
  calculationId: string,
): Blocker[] {
  return declarationBlockers({
    actor: s.actor,
    purpose,
    yearEnded: s.yearEnded,
    declared: s.declared !== undefined,
    withinAmendmentWindow: s.withinAmendmentWindow,
    latest: s.latest
      ? { calculationId: s.latest.calculationId, errors: s.latest.messages.errors.length }
      : undefined,
    agreedCalculationId:
      s.agreement?.declaration === purpose ? s.agreement.calculationId : undefined,
    clientApprovedCalculationId: s.clientApproval?.calculationId,
    requestedCalculationId: calculationId,
    notCovered: s.notCovered
      ? {
          unanswered: s.notCovered.unanswered,
          applies: s.notCovered.applies.map((a) => a.label),
          confirmedElsewhere: s.notCovered.confirmedElsewhere,
        }
      : undefined,
  });
}
