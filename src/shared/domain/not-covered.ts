/**
 * What Ledgerlink does not cover. HMRC's final declaration covers ALL of a person's income for
 * the year; software that does not handle some of it must divert the person clearly
 * (reference §5.8: "non-mandated income (or divert)"). Each topic is asked about on the
 * year-end checklist; where one applies it is named before the declaration with where to
 * report it, and the declaration waits until the person confirms it has been reported
 * another way. Pure: no Node, no DOM.
 */

export const NOT_COVERED_TOPICS = [
  'employment',
  'pensions',
  'state-pension',
  'capital-gains',
  'foreign-income',
  'other-savings',
  'student-loan',
  'child-benefit-charge',
  'other',
] as const;
export type NotCoveredTopic = (typeof NOT_COVERED_TOPICS)[number];

export interface NotCoveredRule {
  topic: NotCoveredTopic;
  /** The question on the checklist, answered yes or no. */
  question: string;
  /** Its short name, as listed before the declaration. */
  label: string;
  /** Where to report it instead, in plain words. */
  whereToReport: string;
}

const ELSEWHERE =
  'with software that covers it, or through your HMRC online account, before you ask HMRC for the final calculation';

export const NOT_COVERED_RULES: Record<NotCoveredTopic, NotCoveredRule> = {
  employment: {
    topic: 'employment',
    question: 'Did you have a job, or were you a company director, in this tax year?',
    label: 'Pay from employment (PAYE)',
    whereToReport: `Your employer reports your pay and tax to HMRC through PAYE, but the return must still include it, with any taxable benefits and expenses. Add it ${ELSEWHERE}.`,
  },
  pensions: {
    topic: 'pensions',
    question: 'Did you receive a private, workplace or other pension paid through PAYE?',
    label: 'Pensions received (PAYE)',
    whereToReport: `Add the pension and the tax taken off it ${ELSEWHERE}.`,
  },
  'state-pension': {
    topic: 'state-pension',
    question: 'Did you receive the State Pension?',
    label: 'State Pension',
    whereToReport: `HMRC needs the year’s State Pension on the return. Add it ${ELSEWHERE}.`,
  },
  'capital-gains': {
    topic: 'capital-gains',
    question:
      'Did you sell or give away shares, property (other than your home), crypto-assets or other things that went up in value?',
    label: 'Capital gains',
    whereToReport: `A gain on UK residential property has its own report within 60 days of the sale (HMRC’s “report and pay Capital Gains Tax on UK property” service). Report other gains ${ELSEWHERE}.`,
  },
  'foreign-income': {
    topic: 'foreign-income',
    question:
      'Did you have income from abroad other than rent from foreign property (for example foreign interest, dividends, pensions or pay)?',
    label: 'Foreign income other than property',
    whereToReport: `Report it, with any foreign tax paid, ${ELSEWHERE}.`,
  },
  'other-savings': {
    topic: 'other-savings',
    question:
      'Did you have savings income other than UK bank or building society interest (for example gilts, bonds or life insurance gains)?',
    label: 'Other savings income (securities, gains on life policies)',
    whereToReport: `Report it ${ELSEWHERE}.`,
  },
  'student-loan': {
    topic: 'student-loan',
    question: 'Do you have a student or postgraduate loan to repay?',
    label: 'Student or postgraduate loan repayments',
    whereToReport: `HMRC works out repayments on self-employed and other income from the return: tell HMRC your loan plan ${ELSEWHERE}.`,
  },
  'child-benefit-charge': {
    topic: 'child-benefit-charge',
    question:
      'Did you or your partner get Child Benefit while your income was over £60,000 (the High Income Child Benefit Charge)?',
    label: 'High Income Child Benefit Charge',
    whereToReport: `Report the Child Benefit received ${ELSEWHERE}, unless you already pay the charge through your tax code.`,
  },
  other: {
    topic: 'other',
    question:
      'Anything else: partnership income, trusts or estates, tips, taxable benefits, other reliefs or tax already paid that is not listed above?',
    label: 'Other income, reliefs or charges',
    whereToReport: `Report it ${ELSEWHERE}.`,
  },
};

export interface NotCoveredStatus {
  /** Topics not answered yet. */
  unanswered: NotCoveredTopic[];
  /** Topics answered yes. */
  applies: NotCoveredTopic[];
  /** Whether the person confirmed that every topic that applies was reported another way. */
  confirmedElsewhere: boolean;
}

/** The status from the answers given and the topics last confirmed as reported elsewhere. */
export function notCoveredStatus(
  answers: Partial<Record<NotCoveredTopic, boolean>>,
  confirmedTopics: readonly NotCoveredTopic[] | undefined,
): NotCoveredStatus {
  const unanswered = NOT_COVERED_TOPICS.filter((t) => answers[t] === undefined);
  const applies = NOT_COVERED_TOPICS.filter((t) => answers[t] === true);
  // A confirmation covers exactly the topics it named: a new "yes" needs a new confirmation.
  const confirmedElsewhere =
    applies.length === 0 ||
    (confirmedTopics !== undefined && applies.every((t) => confirmedTopics.includes(t)));
  return { unanswered, applies, confirmedElsewhere };
}
