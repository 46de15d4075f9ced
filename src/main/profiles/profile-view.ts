import { taxYearOf, type IsoDate } from '@shared/domain/tax-year';
import type {
  Overview,
  OverviewRow,
  ProfileView,
  RefreshProgress,
} from '@shared/ipc/channels/profiles';
import type { HmrcAccount } from '../auth/hmrc-accounts';
import { itsaStatusView } from './itsa-status';
import { needsAttention, type HmrcRoleAnswer } from './needs-attention';
import { DUE_SOON_DAYS, overviewStatus } from './obligation-summary';
import type { Profile } from './profile-record';

export type AccountSummary = Pick<HmrcAccount, 'id' | 'label' | 'kind' | 'status'>;

/** A profile as windows see it, with its HMRC account as it is now (null when unlinked). */
export function toProfileView(p: Profile, account: AccountSummary | null): ProfileView {
  return {
    id: p.id,
    name: p.name,
    nino: p.nino,
    kind: p.kind,
    environment: p.environment,
    accountId: p.accountId,
    account: account
      ? { id: account.id, label: account.label, kind: account.kind, status: account.status }
      : null,
    ...(p.agentRole ? { agentRole: p.agentRole } : {}),
    ...(p.archivedAt ? { archivedAt: p.archivedAt } : {}),
    createdAt: p.createdAt,
    ...(p.lastActiveAt ? { lastActiveAt: p.lastActiveAt } : {}),
    authorisation: p.authorisation,
    hmrc: {
      ...(p.hmrc.checkedAt ? { checkedAt: p.hmrc.checkedAt } : {}),
      ...(p.hmrc.nextDue ? { nextDue: p.hmrc.nextDue } : {}),
      ...(p.hmrc.openCount !== undefined ? { openCount: p.hmrc.openCount } : {}),
    },
  };
}

/**
 * The agent overview: every live client with the next update due and a status for today, from
 * the registry's summaries only (no ledger opened, no HMRC call), so it works offline.
 */
export function buildOverview(input: {
  clients: readonly Profile[];
  accountOf: (accountId: string | null) => AccountSummary | null;
  now: Date;
  today: IsoDate;
  progress: RefreshProgress;
  /** HMRC's last answer about each client's role (the agents' relationship check), if any. */
  hmrcRoleOf?: (profileId: string) => HmrcRoleAnswer | undefined;
}): Overview {
  const { today } = input;
  const checks = input.clients
    .map((p) => p.hmrc.checkedAt)
    .filter((c): c is string => !!c)
    .sort();
  const rows = input.clients.map((p): OverviewRow => {
    const account = input.accountOf(p.accountId);
    // A refused client was still checked: say when HMRC last answered at all.
    const checkedAt = p.hmrc.checkedAt ?? p.authorisation.checkedAt;
    const status = overviewStatus(p, today);
    const lastSyncedAt = p.hmrc.sync?.lastSyncedAt;
    return {
      profileId: p.id,
      name: p.name,
      nino: p.nino,
      ...(p.agentRole ? { agentRole: p.agentRole } : {}),
      ...(account ? { accountLabel: account.label } : {}),
      ...status,
      ...(p.hmrc.nextDue ? { nextDue: p.hmrc.nextDue } : {}),
      ...(p.hmrc.openCount !== undefined ? { openCount: p.hmrc.openCount } : {}),
      ...(checkedAt ? { checkedAt } : {}),
      itsaStatus: itsaStatusView(p.hmrc.itsaStatuses, taxYearOf(today), p.hmrc.itsaCheckedAt),
      ...(lastSyncedAt ? { lastSyncedAt } : {}),
      attention: needsAttention(p, account, status.status, input.hmrcRoleOf?.(p.id)),
    };
  });
  return {
    now: input.now.toISOString(),
    today,
    dueSoonDays: DUE_SOON_DAYS,
    rows,
    ...(checks.length ? { oldestCheck: checks[0], newestCheck: checks.at(-1) } : {}),
    progress: input.progress,
  };
}
