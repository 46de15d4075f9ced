import { AGENT_ROLE_LABELS } from '@shared/domain/agent-permissions';
import { formatUkDate } from '@shared/domain/tax-year';
import type { ObligationRef, ProfileView } from '@shared/ipc/channels/profiles';

// Built once: a DateTimeFormat costs far more to make than to use, and the overview formats
// two of these per client row.
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** `7 Nov 2026` for an HMRC date (no time zone: it is a UK calendar date). */
export const shortDate = (isoDate: string): string => formatUkDate(isoDate, { short: true });

/** "today at 14:05", "yesterday at 09:12", "3 Nov 2026 at 17:40", in local time. */
export function checkedAtText(iso: string, now = new Date()): string {
  const at = new Date(iso);
  const day = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((day(now) - day(at)) / 86_400_000);
  const time = timeFormat.format(at);
  if (days === 0) return `today at ${time}`;
  if (days === 1) return `yesterday at ${time}`;
  return `${dayFormat.format(at)} at ${time}`;
}

/** "Your own" for a taxpayer, else the agent role. */
export function roleText(profile: Pick<ProfileView, 'kind' | 'agentRole'>): string {
  if (profile.kind === 'self') return 'Your own';
  return profile.agentRole ? AGENT_ROLE_LABELS[profile.agentRole] : 'Client';
}

/** "Quarterly update to 5 Oct 2026 — Clarke Catering" or "Final declaration 2025-26". */
export function obligationText(o: ObligationRef): string {
  if (o.kind === 'final-declaration') {
    return `Final declaration for ${o.periodStart.slice(0, 4)}-${o.periodEnd.slice(2, 4)}`;
  }
  return `Quarterly update to ${shortDate(o.periodEnd)}${o.businessName ? `, ${o.businessName}` : ''}`;
}
