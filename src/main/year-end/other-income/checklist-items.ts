import { actionPermission, type AgentRole } from '@shared/domain/agent-permissions';
import { NOT_COVERED_RULES } from '@shared/domain/not-covered';
import type { ChecklistItem } from '@shared/ipc/channels/year-end-checklist';
import type { SqliteDatabase } from '../../ledger';
import { notCoveredOf } from './not-covered-status';
import { createOtherIncomeStore } from './other-income-store';

/**
 * The year-end checklist's lines for the rest of the return (reference §5.8): savings,
 * dividends, pension contributions and Gift Aid, and the questions about income Ledgerlink
 * does not cover, answered on the checklist itself.
 */
export function otherIncomeChecklistItems(input: {
  db: SqliteDatabase;
  taxYear: string;
  role: AgentRole | undefined;
  yearEnded: boolean;
}): ChecklistItem[] {
  const store = createOtherIncomeStore(input.db);
  const items = store.items(input.taxYear).filter((i) => i.taxYear === input.taxYear);
  const waiting = items.filter((i) => i.state === 'approved' || i.state === 'sending').length;
  const sent = items.filter((i) => i.state === 'accepted').length;
  const refused = (['savings', 'dividends', 'pension-relief', 'charitable-giving'] as const)
    .map((a) => actionPermission(input.role, a))
    .find((p) => !p.allowed);
  const out: ChecklistItem[] = [
    {
      id: 'other-income',
      group: 'other-income',
      title: 'Savings interest, dividends, pension contributions and Gift Aid',
      ...(refused && !refused.allowed
        ? { status: 'refused' as const, statusText: refused.reason }
        : waiting > 0
          ? {
              status: 'waiting' as const,
              statusText: `${waiting} approved and waiting in the outbox.`,
              action: { label: 'Sync now', screen: 'sync' as const },
            }
          : {
              status: sent > 0 ? ('done' as const) : ('optional' as const),
              statusText:
                sent > 0
                  ? `${sent} sent to HMRC for this year.`
                  : 'If you had any, enter them before the final calculation.',
              action: {
                label: sent > 0 ? 'See or change them' : 'Enter other income and reliefs',
                screen: 'other-income' as const,
              },
            }),
    },
  ];
  if (refused && !refused.allowed) return out;
  const nc = notCoveredOf(input.db, input.taxYear);
  out.push({
    id: 'not-covered',
    group: 'not-covered',
    title: 'Income Ledgerlink does not cover',
    status:
      nc.unanswered > 0 || !nc.confirmedElsewhere
        ? input.yearEnded
          ? 'to-do'
          : 'not-yet'
        : 'done',
    statusText:
      nc.unanswered > 0
        ? `Answer ${nc.unanswered === 1 ? 'the question' : `the ${nc.unanswered} questions`} below: HMRC’s declaration covers all your income.`
        : nc.applies.length === 0
          ? 'Nothing else to report: Ledgerlink covers all your income for this year.'
          : nc.confirmedElsewhere
            ? `You confirmed you reported ${nc.applies.map((t) => NOT_COVERED_RULES[t].label).join(', ')} another way.`
            : `Report ${nc.applies.map((t) => NOT_COVERED_RULES[t].label).join(', ')} another way, then confirm below.`,
  });
  return out;
}
