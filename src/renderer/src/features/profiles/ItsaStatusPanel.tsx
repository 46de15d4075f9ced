import type { JSX } from 'react';
import type { ItsaStatusView, SnapshotView } from '@shared/ipc/channels/profiles';
import { checkedAtText } from './format';

function StatusLine({ view, heading }: { view: ItsaStatusView; heading: string }): JSX.Element {
  return (
    <div className="facts-row" data-itsa-year={view.taxYear} data-itsa-status={view.status ?? ''}>
      <dt>{heading}</dt>
      <dd>
        <span className={`badge ${view.quarterlyUpdatesDue ? 'badge-neutral' : 'badge-ok'}`}>
          {view.label}
        </span>
        <span className="profiles-block">{view.text}</span>
        {view.status ? (
          <span className="detail profiles-block">
            HMRC’s status: “{view.status}”
            {view.statusReason ? ` (reason: ${view.statusReason})` : ''}
          </span>
        ) : null}
      </dd>
    </div>
  );
}

/**
 * The person's Making Tax Digital status for this tax year and last (HMRC's Retrieve ITSA
 * Status, fetched with the businesses and kept for offline use): whether quarterly updates are
 * due at all, what carries penalties, and when HMRC was last asked.
 */
export function ItsaStatusPanel({ snapshot }: { snapshot: SnapshotView }): JSX.Element {
  const now = snapshot.itsaStatus;
  return (
    <section aria-labelledby="profile-itsa-heading" className="profiles-itsa">
      <h2 id="profile-itsa-heading">Making Tax Digital status</h2>
      <dl className="facts profiles-facts">
        <StatusLine view={now} heading={`This tax year (${now.taxYear})`} />
        <StatusLine
          view={snapshot.itsaStatusLastYear}
          heading={`Last tax year (${snapshot.itsaStatusLastYear.taxYear})`}
        />
      </dl>
      <p className="detail">
        {now.checkedAt
          ? `Status last checked with HMRC ${checkedAtText(now.checkedAt)}.`
          : 'Status not checked with HMRC yet: “Check HMRC now” asks for it with the businesses.'}
      </p>
    </section>
  );
}
