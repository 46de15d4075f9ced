import type { JSX } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BusinessFactsView } from '@shared/ipc/channels/year-end-business-facts';
import { profileKey } from '@renderer/app/use-active-profile';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { ScreenHeader } from '@renderer/ui/ScreenHeader';
import { yearEndHref } from '../year-end-route';
import { AccountingTypeCard } from './AccountingTypeCard';
import { LateAccountingDateRuleCard } from './LateAccountingDateRuleCard';
import { PeriodsOfAccountCard } from './PeriodsOfAccountCard';

export const businessFactsKey = (profileId: string, taxYear: string, businessId?: number) =>
  profileKey(profileId, 'year-end', 'business-facts', taxYear, businessId ?? 'any');

/**
 * The facts of each business for the year as HMRC holds them (Business Details): its accounting
 * type, its periods of account and the late accounting date rule, each with what a change
 * means and why an action is not offered when it is not. Changes go to HMRC straight away.
 */
export function BusinessFactsScreen({
  profileId,
  taxYear,
  businessId,
}: {
  profileId: string;
  taxYear: string;
  businessId: number | undefined;
}): JSX.Element {
  const key = businessFactsKey(profileId, taxYear, businessId);
  const client = useQueryClient();
  const view = useQuery({
    queryKey: key,
    queryFn: () =>
      unwrap(
        api.yearEnd.businessFacts({
          profileId,
          taxYear,
          ...(businessId === undefined ? {} : { businessId }),
        }),
      ),
    staleTime: 0,
  });
  const change = useMutation({
    mutationFn: (run: () => Promise<BusinessFactsView>) => run(),
    onSuccess: (next) => client.setQueryData(key, next),
  });
  const data = view.data;
  const facts = data?.facts;
  return (
    <>
      <ScreenHeader title={`Business facts for ${taxYear}`}>
        How each business keeps its accounts for the year, as HMRC holds it. A change here is sent
        to HMRC straight away.
      </ScreenHeader>
      <p>
        <a href={yearEndHref('checklist', profileId, taxYear)}>Back to the year-end checklist</a>
      </p>
      {view.isPending ? <Loading label="Asking HMRC for the business facts…" /> : null}
      {view.error ? <ErrorNotice error={toIpcError(view.error)} /> : null}
      {data && data.businesses.length > 1 ? (
        <nav className="subnav" aria-label="Businesses">
          {data.businesses.map((b) => (
            <a
              key={b.id}
              href={yearEndHref('business-facts', profileId, taxYear, b.id)}
              aria-current={b.id === facts?.businessId ? 'page' : undefined}
            >
              {b.name}
            </a>
          ))}
        </nav>
      ) : null}
      {data && data.businesses.length === 0 ? (
        <p className="empty-state">
          This profile has no businesses yet. <a href="#/records/businesses">Add one</a>.
        </p>
      ) : null}
      {data && !facts && data.businesses.length > 0 ? (
        <p className="hint">Choose a business above.</p>
      ) : null}
      {change.data?.done ? (
        <div className="notice notice-ok" role="status">
          <p>{change.data.done}</p>
        </div>
      ) : null}
      {change.error ? <ErrorNotice error={toIpcError(change.error)} /> : null}
      {data && facts ? (
        <div className="business-facts" aria-busy={change.isPending}>
          <h2>{facts.name}</h2>
          <p className="hint">Read from HMRC at {new Date(facts.readAt).toLocaleTimeString()}.</p>
          <AccountingTypeCard
            facts={facts}
            taxYear={taxYear}
            busy={change.isPending}
            onChange={(accountingType) =>
              change.mutate(() =>
                unwrap(
                  api.yearEnd.setAccountingType({
                    profileId,
                    taxYear,
                    businessId: facts.businessId,
                    accountingType,
                  }),
                ),
              )
            }
          />
          <PeriodsOfAccountCard facts={facts} taxYear={taxYear} />
          <LateAccountingDateRuleCard
            facts={facts}
            taxYear={taxYear}
            busy={change.isPending}
            onDisapply={() =>
              change.mutate(() =>
                unwrap(
                  api.yearEnd.disapplyLateAccountingDateRule({
                    profileId,
                    taxYear,
                    businessId: facts.businessId,
                  }),
                ),
              )
            }
            onWithdraw={() =>
              change.mutate(() =>
                unwrap(
                  api.yearEnd.withdrawLateAccountingDateRule({
                    profileId,
                    taxYear,
                    businessId: facts.businessId,
                  }),
                ),
              )
            }
          />
        </div>
      ) : null}
    </>
  );
}
