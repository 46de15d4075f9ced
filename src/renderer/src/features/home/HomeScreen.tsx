import type { JSX, ReactNode } from 'react';
import { deadlineText, summariseDeadlines } from '@shared/domain/deadlines';
import { formatUkDate } from '@shared/domain/tax-year';
import type { ObligationView, ProfileView } from '@shared/ipc/channels/profiles';
import { useActiveProfile } from '@renderer/app/use-active-profile';
import { toIpcError } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { ScreenHeader } from '@renderer/ui/ScreenHeader';
import { forProfile, useRefresh, useSnapshot } from '../profiles/use-profile-data';
import { when } from '../sync/format';
import { useSyncStatus } from '../sync/use-sync';
import { ClientsHome } from './ClientsHome';

/** One thing to know and one thing to do about it. */
function Tile({
  title,
  tone,
  children,
  action,
}: {
  title: string;
  tone: 'ok' | 'warn' | 'bad' | 'neutral';
  children: ReactNode;
  action: ReactNode;
}): JSX.Element {
  return (
    <section className={`card home-tile home-${tone}`} aria-label={title}>
      <h2>{title}</h2>
      <div className="home-tile-body">{children}</div>
      <div className="home-tile-action">{action}</div>
    </section>
  );
}

const what = (o: ObligationView): string =>
  o.kind === 'final-declaration'
    ? `Final declaration for ${o.periodStart.slice(0, 4)}-${o.periodEnd.slice(2, 4)}`
    : `Update to ${formatUkDate(o.periodEnd, { short: true })}${o.businessName ? ` for ${o.businessName}` : ''}`;

function ProfileHome({ profile }: { profile: ProfileView }): JSX.Element {
  const snapshot = useSnapshot(profile.id);
  const status = useSyncStatus(profile.id);
  const refresh = useRefresh(profile.id);
  const snap = forProfile(snapshot.data, profile);
  if (snapshot.error) return <ErrorNotice error={toIpcError(snapshot.error)} />;
  if (!snap) return <Loading label="Reading what HMRC said last time…" />;
  const { overdue, next, finalDeclarations } = summariseDeadlines(snap.obligations, snap.today);
  const s = status.data?.profileId === profile.id ? status.data : undefined;
  const waiting = s ? s.counts.queued + s.counts.failed + s.counts.needsRelink + s.counts.stale : 0;
  const openFinal = finalDeclarations.find((o) => o.status === 'open');
  return (
    <div className="home-grid">
      <Tile title="Next deadline" tone="neutral" action={<a href="#/review">Review the update</a>}>
        {next ? (
          <p>
            <strong>{what(next)}</strong>: {deadlineText(next.dueDate, snap.today)}.
          </p>
        ) : (
          <p>
            {snap.checkedAt
              ? 'Nothing else is open at HMRC.'
              : 'HMRC’s deadlines have not been read yet.'}
          </p>
        )}
      </Tile>
      <Tile
        title="Overdue"
        tone={overdue.length ? 'bad' : 'ok'}
        action={
          overdue.length ? (
            <a href="#/review">Review and send it</a>
          ) : (
            <a href="#/records">Keep your records</a>
          )
        }
      >
        {overdue.length ? (
          <ul className="plain-list">
            {overdue.map((o) => (
              <li key={`${o.kind}-${o.businessId ?? ''}-${o.periodEnd}`}>
                <strong>{what(o)}</strong>: {deadlineText(o.dueDate, snap.today)}.
              </li>
            ))}
          </ul>
        ) : (
          <p>Nothing is overdue.</p>
        )}
      </Tile>
      <Tile
        title="Outbox"
        tone={waiting ? 'warn' : 'ok'}
        action={<a href="#/review/sync">{waiting ? 'Send them now' : 'Open the outbox'}</a>}
      >
        <p>
          {!s
            ? 'Reading the outbox…'
            : waiting
              ? `${waiting} ${waiting === 1 ? 'update is' : 'updates are'} waiting to be sent to HMRC.`
              : 'Nothing is waiting to be sent.'}
        </p>
      </Tile>
      <Tile
        title="Year end"
        tone={openFinal && overdue.includes(openFinal) ? 'bad' : 'neutral'}
        action={<a href="#/year-end/checklist">See the year end</a>}
      >
        <p>
          {openFinal ? (
            <>
              <strong>{what(openFinal)}</strong>: {deadlineText(openFinal.dueDate, snap.today)}.
            </>
          ) : finalDeclarations.length ? (
            'HMRC shows the final declaration as made.'
          ) : (
            'No final declaration is open at HMRC.'
          )}
        </p>
      </Tile>
      <Tile
        title="Last synced"
        tone="neutral"
        action={
          <button
            type="button"
            className="button"
            disabled={refresh.isPending}
            onClick={() => refresh.mutate()}
          >
            {refresh.isPending ? 'Asking HMRC…' : 'Check with HMRC now'}
          </button>
        }
      >
        <p>
          {s?.lastSyncedAt ? `Last synced at ${when(s.lastSyncedAt)}.` : 'Not synced yet.'}{' '}
          {snap.checkedAt
            ? `HMRC’s deadlines read at ${when(snap.checkedAt)}.`
            : 'HMRC’s deadlines not read yet.'}
        </p>
        {refresh.error ? <ErrorNotice error={toIpcError(refresh.error)} /> : null}
      </Tile>
    </div>
  );
}

/**
 * #/home, the first screen after set-up: for the active profile, what is due next (with days
 * left), what is overdue, what waits in the outbox, the year end and when HMRC was last asked,
 * one action each; an agent also sees every client's line. Read from what is kept on this
 * computer, so it works offline.
 */
export function HomeScreen(): JSX.Element {
  const { profiles, active } = useActiveProfile();
  if (profiles.isPending) return <Loading label="Reading profiles…" />;
  if (profiles.error) return <ErrorNotice error={toIpcError(profiles.error)} />;
  const hasClients = profiles.data.profiles.some((p) => p.kind === 'client' && !p.archivedAt);
  return (
    <section aria-labelledby="home-heading" className="home-screen">
      <div id="home-heading">
        <ScreenHeader title={active ? `Home: ${active.name}` : 'Home'}>
          What is due, what is waiting, and what to do next.
        </ScreenHeader>
      </div>
      {active ? (
        <ProfileHome key={active.id} profile={active} />
      ) : (
        <p className="empty-state">
          <a href="#/profiles/add">Add a profile</a> to see what is due.
        </p>
      )}
      {hasClients ? <ClientsHome /> : null}
    </section>
  );
}
