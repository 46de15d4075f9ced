import { useEffect, useRef, useState, type JSX } from 'react';
import { formatNino } from '@shared/domain/nino';
import type { ProfileView, SnapshotView } from '@shared/ipc/channels/profiles';
import { toIpcError } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { ClientAgentPanel } from '../agents/ClientAgentPanel';
import { checkedAtText, shortDate } from './format';
import { ItsaStatusPanel } from './ItsaStatusPanel';
import { AuthorisationBadge, RoleBadge } from './ProfileBadges';
import { QuarterlyPeriodChoice } from './QuarterlyPeriodChoice';
import { forProfile, useRefresh, useSnapshot } from './use-profile-data';
import { YearEndActions } from './YearEndActions';

const TYPE_NAMES: Record<SnapshotView['businesses'][number]['typeOfBusiness'], string> = {
  'self-employment': 'Self-employment',
  'uk-property': 'UK property',
  'foreign-property': 'Foreign property',
  'property-unspecified': 'Property',
};

function AuthorisationNotice({ profile }: { profile: ProfileView }): JSX.Element | null {
  const a = profile.authorisation;
  if (a.status === 'authorised' || !a.message) return null;
  return (
    <div
      className={`notice ${a.status === 'unknown' ? 'notice-warn' : 'notice-error'}`}
      role="alert"
    >
      <p className="notice-title">
        {a.status === 'not-authorised'
          ? 'Not authorised — ask the client to authorise you'
          : a.status === 'not-signed-up'
            ? 'HMRC cannot act for this National Insurance number'
            : 'Not checked with HMRC'}
      </p>
      <p>{a.message}</p>
      {a.correlationId ? (
        <p className="notice-meta">HMRC correlation id {a.correlationId}</p>
      ) : null}
    </div>
  );
}

function Businesses({
  profile,
  snapshot,
}: {
  profile: ProfileView;
  snapshot: SnapshotView;
}): JSX.Element {
  const [choosing, setChoosing] = useState<string | null>(null);
  const triggers = useRef(new Map<string, HTMLButtonElement>());
  if (snapshot.businesses.length === 0) {
    return (
      <p className="empty-state">
        {snapshot.checkedAt
          ? 'HMRC lists no businesses for this National Insurance number.'
          : 'Ledgerlink has not asked HMRC about this profile’s businesses yet.'}
      </p>
    );
  }
  return (
    <>
      <table className="table" aria-labelledby="profile-businesses-heading">
        <thead>
          <tr>
            <th scope="col">Business</th>
            <th scope="col">Type</th>
            <th scope="col">HMRC business ID</th>
            <th scope="col">Quarters in {snapshot.taxYear}</th>
          </tr>
        </thead>
        <tbody>
          {snapshot.businesses.map((b) => (
            <tr key={b.hmrcBusinessId} data-business={b.hmrcBusinessId}>
              <th scope="row">{b.name}</th>
              <td>{TYPE_NAMES[b.typeOfBusiness]}</td>
              <td className="mono profiles-nowrap">{b.hmrcBusinessId}</td>
              <td>
                {b.election.currentType === 'calendar' ? 'Calendar' : 'Standard'}
                {b.election.offered ? (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="link-button"
                      ref={(el) => {
                        if (el) triggers.current.set(b.hmrcBusinessId, el);
                      }}
                      aria-expanded={choosing === b.hmrcBusinessId}
                      onClick={() => setChoosing(b.hmrcBusinessId)}
                    >
                      {b.election.changeTo === 'calendar'
                        ? 'Use calendar quarters…'
                        : 'Go back to standard…'}
                      <span className="visually-hidden"> for {b.name}</span>
                    </button>
                    <span className="detail profiles-block">{b.election.lockIn}</span>
                  </>
                ) : (
                  <span className="detail profiles-block">{b.election.reason}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {choosing
        ? (() => {
            const business = snapshot.businesses.find((b) => b.hmrcBusinessId === choosing);
            return business ? (
              <QuarterlyPeriodChoice
                profileId={profile.id}
                business={business}
                onClose={() => {
                  setChoosing(null);
                  triggers.current.get(business.hmrcBusinessId)?.focus();
                }}
              />
            ) : null;
          })()
        : null}
    </>
  );
}

function Obligations({ snapshot }: { snapshot: SnapshotView }): JSX.Element {
  const open = snapshot.obligations.filter((o) => o.status === 'open');
  if (open.length === 0) {
    return (
      <p className="empty-state">
        {snapshot.checkedAt
          ? 'Nothing is open at HMRC: every update HMRC expects so far has been received.'
          : 'Not checked yet.'}
      </p>
    );
  }
  return (
    <table className="table" aria-labelledby="profile-obligations-heading">
      <thead>
        <tr>
          <th scope="col">What</th>
          <th scope="col">Period</th>
          <th scope="col">Due (HMRC’s date)</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {open.map((o) => (
          <tr key={`${o.kind}-${o.businessId ?? ''}-${o.periodStart}-${o.periodEnd}`}>
            <th scope="row">
              {o.kind === 'final-declaration' ? 'Final declaration' : 'Quarterly update'}
              {o.businessName ? (
                <span className="detail profiles-block">{o.businessName}</span>
              ) : null}
            </th>
            <td>
              {shortDate(o.periodStart)} – {shortDate(o.periodEnd)}
            </td>
            <td>{shortDate(o.dueDate)}</td>
            <td>
              {o.overdue ? (
                <span className="badge badge-bad">Overdue</span>
              ) : (
                <span className="badge badge-neutral">Open</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The active profile: who it is, whether HMRC lets the account act for them, their businesses
 * and open obligations as HMRC last reported them (offline), and what a supporting agent may not
 * do. Every value shown comes from data keyed by this profile's id.
 */
export function ProfileOverview({ profile }: { profile: ProfileView }): JSX.Element {
  const query = useSnapshot(profile.id);
  const refresh = useRefresh(profile.id);
  const snapshot = forProfile(query.data, profile);
  const asked = useRef(new Set<string>());

  // First visit to a profile HMRC was never asked about: ask once, by itself.
  useEffect(() => {
    if (!snapshot || snapshot.checkedAt !== null || asked.current.has(profile.id)) return;
    if (!profile.account || profile.authorisation.status === 'not-authorised') return;
    asked.current.add(profile.id);
    refresh.mutate();
  }, [snapshot, profile, refresh]);

  return (
    <div className="profiles-overview" data-profile={profile.id}>
      <dl className="facts profiles-facts">
        <div className="facts-row">
          <dt>National Insurance number</dt>
          <dd className="mono">{formatNino(profile.nino)}</dd>
        </div>
        <div className="facts-row">
          <dt>Role</dt>
          <dd>
            <RoleBadge profile={profile} />
          </dd>
        </div>
        <div className="facts-row">
          <dt>HMRC account</dt>
          <dd>
            {profile.account ? (
              profile.account.label
            ) : (
              <>
                None linked. <a href="#/link">Link to HMRC</a>, then choose the account on{' '}
                <a href={`#/profiles/edit/${profile.id}`}>Edit profile</a>.
              </>
            )}
          </dd>
        </div>
        <div className="facts-row">
          <dt>HMRC authorisation</dt>
          <dd>
            <AuthorisationBadge authorisation={profile.authorisation} />
          </dd>
        </div>
      </dl>
      <AuthorisationNotice profile={profile} />
      {profile.kind === 'client' ? <ClientAgentPanel profile={profile} /> : null}

      <div className="profiles-checked">
        <p role="status" aria-live="polite">
          {refresh.isPending
            ? null
            : snapshot?.checkedAt
              ? `HMRC last checked ${checkedAtText(snapshot.checkedAt)}.`
              : snapshot
                ? 'Not checked with HMRC yet.'
                : null}
        </p>
        {profile.account ? (
          <button
            type="button"
            className="button"
            onClick={() => refresh.mutate()}
            disabled={refresh.isPending}
          >
            Check HMRC now
          </button>
        ) : null}
      </div>
      {refresh.isPending ? <Loading label="Asking HMRC for businesses and obligations…" /> : null}
      {refresh.error ? (
        <ErrorNotice
          error={toIpcError(refresh.error)}
          title={
            snapshot?.checkedAt
              ? `Ledgerlink could not check HMRC just now. Below is what HMRC said ${checkedAtText(snapshot.checkedAt)}.`
              : 'Ledgerlink could not check HMRC just now.'
          }
        />
      ) : null}
      {query.error ? <ErrorNotice error={toIpcError(query.error)} /> : null}
      {!snapshot && !query.error ? <Loading label={`Reading ${profile.name}’s details…`} /> : null}

      {snapshot ? (
        <>
          <ItsaStatusPanel snapshot={snapshot} />
          <h2 id="profile-businesses-heading">Businesses</h2>
          <Businesses profile={profile} snapshot={snapshot} />
          <h2 id="profile-obligations-heading">Open obligations</h2>
          <Obligations snapshot={snapshot} />
        </>
      ) : null}
      <YearEndActions profile={profile} />
    </div>
  );
}
