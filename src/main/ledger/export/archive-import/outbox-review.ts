/**
 * An approval in the outbox is the person's word that exactly these figures may go to HMRC from
 * this computer. One that arrives in an archive was given somewhere else, about records that
 * may since have changed, and its state is whatever the file says: an item stored as `sending`
 * would be sent at the next sync without anyone looking at it. So every item that could still
 * be sent (approved, sending, failed, needs-relink) arrives `stale`, the outbox's own "review
 * again" state, which sync never sends and the person clears only by reviewing and approving
 * afresh (sync/staleness.ts). History stays history: an item HMRC accepted keeps its state only
 * with its receipt in the submission log; a superseded item was never going to be sent.
 */
export interface OutboxRow extends Record<string, unknown> {
  id: number;
  state: string;
}

export const FROM_ARCHIVE_CODE = 'FROM_ARCHIVE';

/** The row as it is imported, or null when it comes in unchanged. */
export function reviewAgain(
  row: OutboxRow,
  accepted: ReadonlySet<number>,
  now: string,
): OutboxRow | null {
  if (row.state === 'superseded') return null;
  if (row.state === 'accepted' && accepted.has(row.id)) return null;
  return {
    ...row,
    state: 'stale',
    next_retry_at: null,
    sending_since: null,
    accepted_at: null,
    error_code: FROM_ARCHIVE_CODE,
    error_message:
      'This approval came in with a profile archive, so Ledgerlink will not send it as it is.',
    error_action: 'Review the update and approve it again to send it.',
    error_fields: null,
    correlation_id: null,
    updated_at: now,
  };
}
