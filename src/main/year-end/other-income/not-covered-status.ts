import { notCoveredStatus, type NotCoveredTopic } from '@shared/domain/not-covered';
import type { SqliteDatabase } from '../../ledger';
import { createNotCoveredStore } from './not-covered-store';

/** The year's answers about what Ledgerlink does not cover, for the declaration's gate. */
export function notCoveredOf(
  db: SqliteDatabase,
  taxYear: string,
): { unanswered: number; applies: NotCoveredTopic[]; confirmedElsewhere: boolean } {
  const store = createNotCoveredStore(db);
  const status = notCoveredStatus(store.answers(taxYear), store.lastConfirmation(taxYear)?.topics);
  return {
    unanswered: status.unanswered.length,
    applies: status.applies,
    confirmedElsewhere: status.confirmedElsewhere,
  };
}
