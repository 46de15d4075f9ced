import { formatPence } from '@shared/domain/money';
import type { SignOffPack, SignOffSubject } from '@shared/ipc/channels/agents';
import type { UpdateView } from '@shared/ipc/channels/review';
import type { CalculationView } from '@shared/ipc/channels/year-end-declaration';

/**
 * The client sign-off pack: what an agent shows a client before sending on their behalf, in
 * plain words (figures in pounds, what changed since the last update, HMRC's calculation where
 * there is one, what the client is asked to confirm, and who prepared it). Pure: built from the
 * review's prepared update or the year end's calculation, so it shows exactly what will be sent.
 */
export interface PackContext {
  profileId: string;
  clientName: string;
  clientNino: string;
  agentName: string;
  preparedOn: string;
}

const pounds = (p: number) => formatPence(p);

/** "up £200.00", "down £15.50", "no change", "new": the change in words, never by colour only. */
export function changeInWords(now: number, before: number | undefined): string {
  if (before === undefined) return 'new since the last update';
  const diff = now - before;
  if (diff === 0) return 'no change';
  return `${diff > 0 ? 'up' : 'down'} ${pounds(Math.abs(diff))} since the last update`;
}

export function quarterlyPack(
  ctx: PackContext,
  subject: Extract<SignOffSubject, { kind: 'quarterly' }>,
  update: UpdateView,
): Omit<SignOffPack, 'approval'> {
  const section = (heading: string, which: 'income' | 'expenses' | 'disallowable') => ({
    heading,
    lines: update.lines
      // A field with nothing in it, now or before, is left out: the client reads what matters.
      .filter(
        (l) =>
          l.section === which &&
          l.pence !== undefined &&
          (l.pence !== 0 || (l.previousPence ?? 0) !== 0),
      )
      .map((l) => ({
        label: l.label,
        amount: pounds(l.pence ?? 0),
        pence: l.pence ?? 0,
        change:
          update.comparison.source === 'none'
            ? 'first update this year'
            : changeInWords(l.pence ?? 0, l.previousPence),
      })),
  });
  const sections = [
    section('Income', 'income'),
    section('Expenses', 'expenses'),
    section('Expenses you cannot claim against tax', 'disallowable'),
  ].filter((s) => s.lines.length > 0);
  if (sections.length === 0)
    sections.push({
      heading: 'Income and expenses',
      lines: [
        { label: 'Nothing recorded for this period', amount: pounds(0), pence: 0, change: '' },
      ],
    });
  return {
    profileId: ctx.profileId,
    subject,
    title: `Quarterly update for ${update.businessName}: ${update.periodLabel}`,
    clientName: ctx.clientName,
    clientNino: ctx.clientNino,
    agentName: ctx.agentName,
    preparedOn: ctx.preparedOn,
    summary:
      `${ctx.agentName} has prepared the quarterly update for ${update.businessName}, covering ` +
      `${update.periodStart} to ${update.periodEnd} (tax year ${update.taxYear}). The figures are the ` +
      `running totals for the tax year so far: income ${pounds(update.incomePence)}, expenses ` +
      `${pounds(update.expensesPence)}, from ${update.records.count} record${update.records.count === 1 ? '' : 's'}.`,
    sections,
    comparedWith: update.comparison.description,
    confirmations: [
      'The income and expenses above are complete and correct to the best of my knowledge.',
      `I agree that ${ctx.agentName} sends this update to HMRC for me.`,
    ],
    reference: `quarterly:${update.businessId}:${update.taxYear}:${update.periodEnd}:${update.payloadHash.slice(0, 16)}`,
  };
}

/** What the pack reads of the year end's state: the year and HMRC's newest calculation. */
export interface YearEndInput {
  taxYear: string;
  latest?:
    | Pick<
        CalculationView,
        | 'calculationId'
        | 'sources'
        | 'incomeReceivedPence'
        | 'allowancesPence'
        | 'taxableIncomePence'
        | 'incomeTaxDuePence'
        | 'class4'
        | 'class2Pence'
        | 'taxDeductedPence'
        | 'totalLiabilityPence'
      >
    | undefined;
}

export function yearEndPack(
  ctx: PackContext,
  subject: Extract<SignOffSubject, { kind: 'year-end-calculation' }>,
  state: YearEndInput,
): Omit<SignOffPack, 'approval'> | undefined {
  const calc = state.latest;
  if (!calc) return undefined;
  const line = (label: string, p: number | undefined) =>
    p === undefined ? [] : [{ label, amount: pounds(p), pence: p }];
  const income = calc.sources.map((s) => ({
    heading: s.name ? `${s.kind}: ${s.name}` : s.kind,
    lines: s.figures.map((f) => ({ label: f.label, amount: pounds(f.pence), pence: f.pence })),
  }));
  return {
    profileId: ctx.profileId,
    subject,
    title: `Your tax for ${state.taxYear}: HMRC’s final calculation`,
    clientName: ctx.clientName,
    clientNino: ctx.clientNino,
    agentName: ctx.agentName,
    preparedOn: ctx.preparedOn,
    summary:
      `${ctx.agentName} has asked HMRC for the final calculation of your Income Tax for ` +
      `${state.taxYear} from the figures sent for you. Please read it. Once you approve it, ` +
      `${ctx.agentName} can make your final declaration for the year to HMRC.`,
    sections: income,
    comparedWith:
      'This is HMRC’s calculation for the whole year, from every update and the annual figures sent for you.',
    hmrcCalculation: {
      calculationId: calc.calculationId,
      lines: [
        ...line('Total income received', calc.incomeReceivedPence),
        ...line('Allowances and deductions', calc.allowancesPence),
        ...line('Taxable income', calc.taxableIncomePence),
        ...line('Income Tax due', calc.incomeTaxDuePence),
        ...line('Class 4 National Insurance', calc.class4?.totalPence),
        ...line('Class 2 National Insurance', calc.class2Pence),
        ...line('Tax already deducted', calc.taxDeductedPence),
        ...line('Total to pay for the year', calc.totalLiabilityPence),
      ],
    },
    confirmations: [
      'The information in this calculation is correct and complete to the best of my knowledge.',
      `I approve ${ctx.agentName} making my final declaration to HMRC for ${state.taxYear} on this calculation.`,
      'I understand that I may have to pay financial penalties and face prosecution if I give false information.',
    ],
    reference: `year-end:${state.taxYear}:${calc.calculationId}`,
  };
}
