import type { JSX } from 'react';
import { useQuery } from '@tanstack/react-query';
import { isAnnualKind } from '@shared/domain/annual-fields';
import { profileKey, useProfiles } from '@renderer/app/use-active-profile';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { ScreenHeader } from '@renderer/ui/ScreenHeader';
import { signOffHref } from '@renderer/features/agents/SignOffPackView';
import { useNetwork } from '@renderer/features/sync/use-sync';
import { yearEndHref } from '../year-end-route';
import { AnnualForm } from './AnnualForm';

export const annualKey = (profileId: string, taxYear: string, businessId: number) =>
  profileKey(profileId, 'year-end', 'annual', taxYear, businessId);

/**
 * Annual figures for one business and year: adjustments, allowances and other facts HMRC asks
 * once a year, reviewed, approved into the outbox and sent by sync like a quarterly update.
 */
export function AnnualScreen({
  profileId,
  taxYear,
  businessId,
}: {
  profileId: string;
  taxYear: string;
  businessId: number | undefined;
}): JSX.Element {
  const snapshot = useQuery({
    queryKey: profileKey(profileId, 'hmrc-snapshot'),
    queryFn: () => unwrap(api.profiles.snapshot({ profileId })),
  });
  const businesses = (snapshot.data?.businesses ?? []).filter(
    (b) => b.ledgerBusinessId !== undefined && isAnnualKind(b.typeOfBusiness),
  );
  const chosen =
    businessId ?? (businesses.length === 1 ? businesses[0]?.ledgerBusinessId : undefined);
  // An agent's client: the client approves the figures on a printed sign-off pack.
  const client = useProfiles().data?.profiles.find(
    (p) => p.id === profileId && p.kind === 'client',
  );
  return (
    <>
      <ScreenHeader title={`Annual figures for ${taxYear}`}>
        Adjustments, allowances and the other facts HMRC asks once a year for each business. Nothing
        is sent until you approve it and sync.
      </ScreenHeader>
      <p>
        <a href={yearEndHref('checklist', profileId, taxYear)}>Back to the year-end checklist</a>
      </p>
      {client && chosen !== undefined ? (
        <p>
          <a href={signOffHref(profileId, { kind: 'annual', businessId: chosen, taxYear })}>
            Sign-off pack for {client.name}: these annual figures
          </a>
        </p>
      ) : null}
      {snapshot.isPending ? <Loading label="Reading the businesses…" /> : null}
      {snapshot.error ? <ErrorNotice error={toIpcError(snapshot.error)} /> : null}
      {businesses.length > 1 ? (
        <nav className="subnav" aria-label="Businesses">
          {businesses.map((b) => (
            <a
              key={b.hmrcBusinessId}
              href={yearEndHref('annual', profileId, taxYear, b.ledgerBusinessId)}
              aria-current={b.ledgerBusinessId === chosen ? 'page' : undefined}
            >
              {b.name}
            </a>
          ))}
        </nav>
      ) : null}
      {chosen !== undefined ? (
        <AnnualBusiness key={chosen} profileId={profileId} taxYear={taxYear} businessId={chosen} />
      ) : snapshot.data ? (
        <p className="hint">Choose a business above.</p>
      ) : null}
    </>
  );
}

function AnnualBusiness({
  profileId,
  taxYear,
  businessId,
}: {
  profileId: string;
  taxYear: string;
  businessId: number;
}): JSX.Element {
  const network = useNetwork();
  const online = network.data?.online ?? true;
  const view = useQuery({
    queryKey: [...annualKey(profileId, taxYear, businessId), online],
    queryFn: () =>
      unwrap(api.yearEnd.annualView({ profileId, taxYear, businessId, compareWithHmrc: online })),
    staleTime: 0,
  });
  if (view.isPending) return <Loading label="Reading the annual figures…" />;
  if (view.error) return <ErrorNotice error={toIpcError(view.error)} />;
  return <AnnualForm view={view.data} />;
}
