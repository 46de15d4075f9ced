import type { JSX } from 'react';
import { useQuery } from '@tanstack/react-query';
import { isAnnualKind } from '@shared/domain/annual-fields';
import type { ProfileView } from '@shared/ipc/channels/profiles';
import { profileKey } from '@renderer/app/use-active-profile';
import { api, unwrap } from '@renderer/bridge';
import { defaultYearEndTaxYear } from '../year-end/year-end-route';
import { signOffHref } from './SignOffPackView';
import { useAgentsState } from './use-agents';

/**
 * On a client's profile: the role as HMRC confirms it (with the invitation action next to an
 * unauthorised client) and the sign-off packs the agent can show the client.
 */
export function ClientAgentPanel({ profile }: { profile: ProfileView }): JSX.Element {
  const agents = useAgentsState();
  const review = useQuery({
    queryKey: profileKey(profile.id, 'sign-off-updates'),
    queryFn: () => unwrap(api.review.list({ profileId: profile.id })),
  });
  // The same query as the annual figures screen's, so the two share HMRC's businesses.
  const snapshot = useQuery({
    queryKey: profileKey(profile.id, 'hmrc-snapshot'),
    queryFn: () => unwrap(api.profiles.snapshot({ profileId: profile.id })),
  });
  const annualBusinesses = (snapshot.data?.businesses ?? []).filter(
    (b) => b.ledgerBusinessId !== undefined && isAnnualKind(b.typeOfBusiness),
  );
  const rel = agents.data?.clients.find((c) => c.profileId === profile.id);
  const lastYear = defaultYearEndTaxYear();
  const base = `#/profiles/sign-off/${profile.id}`;
  return (
    <section className="agents-client-panel" aria-labelledby="agent-panel-heading">
      <h2 id="agent-panel-heading">Authority and sign-off</h2>
      <p>
        {rel ? rel.message : 'Ledgerlink has not asked HMRC about your role for this client.'}{' '}
        {rel?.status === 'not-authorised' && !rel.pendingInvitationId ? (
          <a className="button primary" href="#/profiles/authority">
            Ask {profile.name} for authority
          </a>
        ) : (
          <a href="#/profiles/authority">Client authority</a>
        )}
      </p>
      <h3>Sign-off packs to show {profile.name}</h3>
      <ul>
        {(review.data?.updates ?? []).map((u) => (
          <li key={`${u.businessId}-${u.periodEnd}`}>
            <a href={`${base}/quarterly/${u.businessId}/${u.taxYear}/${u.periodEnd}`}>
              Quarterly update: {u.businessName}, {u.periodLabel}
            </a>
          </li>
        ))}
        {annualBusinesses.map((b) => (
          <li key={b.hmrcBusinessId}>
            <a
              href={signOffHref(profile.id, {
                kind: 'annual',
                businessId: b.ledgerBusinessId ?? 0,
                taxYear: lastYear,
              })}
            >
              Annual figures for {lastYear}: {b.name}
            </a>
          </li>
        ))}
        <li>
          <a href={`${base}/year-end/${lastYear}`}>Year-end calculation for {lastYear}</a>
        </li>
      </ul>
    </section>
  );
}
