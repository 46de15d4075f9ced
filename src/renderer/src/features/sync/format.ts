import { formatPence } from '@shared/domain/money';
import { formatUkDate } from '@shared/domain/tax-year';
import type { OutboxState } from '@shared/ipc/channels/review';

export const money = (pence: number): string => formatPence(pence);
export const ukDate = (iso: string, short = true): string => formatUkDate(iso, { short });

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** "14:05 on 20 Nov 2026", in local time. */
export const when = (iso: string): string =>
  `${timeFormat.format(new Date(iso))} on ${dateFormat.format(new Date(iso))}`;

/** What an outbox state means, in words (never only a colour). */
export const STATE_TEXT: Record<OutboxState, string> = {
  approved: 'Approved, waiting to be sent',
  sending: 'Being sent',
  accepted: 'Accepted by HMRC',
  failed: 'Refused by HMRC: needs correcting',
  'needs-relink': 'Waiting for you to link to HMRC again',
  stale: 'Needs review again before it can be sent',
  superseded: 'Replaced by a newer approval',
};

export const STATE_BADGE: Record<OutboxState, string> = {
  approved: 'badge badge-neutral',
  sending: 'badge badge-neutral',
  accepted: 'badge badge-ok',
  failed: 'badge badge-bad',
  'needs-relink': 'badge badge-warn',
  stale: 'badge badge-warn',
  superseded: 'badge badge-neutral',
};

/** What an outbox item or receipt sends, in words (before its dates). */
export const SUBMISSION_TEXT: Record<'cumulative' | 'annual' | 'annual-delete', string> = {
  cumulative: 'quarterly update,',
  annual: 'annual figures,',
  'annual-delete': 'deleting the annual figures,',
};

export const KIND_TEXT = {
  'self-employment': 'Self-employment',
  'uk-property': 'UK property',
  'foreign-property': 'Foreign property',
} as const;
