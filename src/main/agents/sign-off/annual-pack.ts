import {
  ANNUAL_DEFINITIONS,
  type AnnualKind,
  type AnnualSection,
} from '@shared/domain/annual-fields';
import { formatPence } from '@shared/domain/money';
import type { SignOffPack, SignOffSubject } from '@shared/ipc/channels/agents';
import type { AnnualLine, AnnualView } from '@shared/ipc/channels/year-end-annual';
import type { PackContext } from './sign-off-pack';

/**
 * The client sign-off pack for one business's annual figures: the adjustments, allowances and
 * other facts exactly as HMRC will receive them (read back from the body by the annual review),
 * each against what HMRC holds or last accepted, in pounds and in words. Pure.
 */
export interface AnnualPackInput {
  view: Pick<AnnualView, 'businessName' | 'kind' | 'taxYear' | 'figuresNote'>;
  review: { lines: AnnualLine[]; comparedWith: string; payloadHash: string };
}

const HEADINGS: Record<AnnualSection, string> = {
  adjustments: 'Adjustments to the profit',
  allowances: 'Allowances claimed',
  nonFinancials: 'Other facts about the business',
};

/** The change from the figure before, in words ("up £200.00 on before"), never by colour. */
function annualChange(line: AnnualLine, firstTime: boolean): string {
  if (firstTime) return 'first annual figures';
  if (line.now === undefined) return `taken out (was ${line.before ?? ''})`;
  if (line.before === undefined) return 'new';
  if (!line.changed) return 'no change';
  if (line.nowPence !== undefined && line.beforePence !== undefined) {
    const diff = line.nowPence - line.beforePence;
    return `${diff > 0 ? 'up' : 'down'} ${formatPence(Math.abs(diff))} (was ${line.before})`;
  }
  return `changed (was ${line.before})`;
}

export function annualPack(
  ctx: PackContext,
  subject: Extract<SignOffSubject, { kind: 'annual' }>,
  input: AnnualPackInput,
): Omit<SignOffPack, 'approval'> {
  const { view, review } = input;
  const kind: AnnualKind = view.kind;
  const sectionOf = new Map(ANNUAL_DEFINITIONS[kind].fields.map((f) => [f.key, f.section]));
  // Nothing to compare with: every figure is new, said once rather than on every line.
  const firstTime = review.lines.every((l) => l.before === undefined);
  const sections = (Object.keys(HEADINGS) as AnnualSection[])
    .map((section) => ({
      heading: HEADINGS[section],
      lines: review.lines
        .filter((l) => sectionOf.get(l.key) === section)
        .map((l) => ({
          label: l.label,
          amount: l.now ?? 'Not included',
          ...(l.nowPence !== undefined ? { pence: l.nowPence } : {}),
          change: annualChange(l, firstTime),
        })),
    }))
    .filter((s) => s.lines.length > 0);
  if (sections.length === 0)
    sections.push({
      heading: 'Annual figures',
      lines: [{ label: 'Nothing entered for this year', amount: formatPence(0), change: '' }],
    });
  const changed = review.lines.filter((l) => l.changed).length;
  return {
    profileId: ctx.profileId,
    subject,
    title: `Annual figures for ${view.businessName}: tax year ${view.taxYear}`,
    clientName: ctx.clientName,
    clientNino: ctx.clientNino,
    agentName: ctx.agentName,
    preparedOn: ctx.preparedOn,
    summary:
      `${ctx.agentName} has prepared the annual figures for ${view.businessName} for the tax year ` +
      `${view.taxYear}: the adjustments, allowances and other facts HMRC asks for once a year, ` +
      `which change the profit your tax is worked out on. ${view.figuresNote} ` +
      (firstTime
        ? 'These are the first annual figures for this business and year.'
        : changed === 0
          ? 'Nothing has changed from the figures they are compared with.'
          : `${changed} figure${changed === 1 ? ' has' : 's have'} changed from the figures they are compared with.`),
    sections,
    comparedWith: `Compared with: ${review.comparedWith}`,
    confirmations: [
      `The annual figures above for ${view.businessName} are complete and correct to the best of my knowledge.`,
      `I agree that ${ctx.agentName} sends these annual figures to HMRC for me for ${view.taxYear}.`,
    ],
    reference: `annual:${subject.businessId}:${view.taxYear}:${review.payloadHash.slice(0, 16)}`,
  };
}
