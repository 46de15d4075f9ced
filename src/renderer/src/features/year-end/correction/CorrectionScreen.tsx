import type { JSX } from 'react';
import { useQuery } from '@tanstack/react-query';
import { taxYearEnd } from '@shared/domain/tax-year';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { UpdateCard } from '@renderer/features/review/UpdateCard';
import { syncKeys, useNetwork } from '@renderer/features/sync/use-sync';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { ScreenHeader } from '@renderer/ui/ScreenHeader';
import { profileKey } from '@renderer/app/use-active-profile';
import { yearEndHref } from '../year-end-route';

/**
 * Correcting a closed year before the final declaration: the year's last cumulative update,
 * prepared from the records as they are now, on the same review card as any quarterly update
 * (the difference from what HMRC holds, the checks, the exact JSON, approve into the outbox).
 */
export function CorrectionScreen({
  profileId,
  taxYear,
  businessId,
}: {
  profileId: string;
  taxYear: string;
  businessId: number | undefined;
}): JSX.Element {
  const network = useNetwork();
  const online = network.data?.online ?? true;
  // Today by main's clock, as the checklist this screen opens from has it (one source of dates).
  const checklist = useQuery({
    queryKey: profileKey(profileId, 'year-end', 'checklist', taxYear),
    queryFn: () => unwrap(api.yearEnd.checklist({ profileId, taxYear })),
  });
  const update = useQuery({
    queryKey: [...syncKeys.review(profileId), 'correction', businessId, taxYear, online],
    queryFn: async () => {
      const periodEnd = await lastPeriodEnd(profileId, taxYear, businessId!);
      return unwrap(
        api.review.prepare({
          profileId,
          businessId: businessId!,
          taxYear,
          periodEnd,
          compareWithHmrc: online,
        }),
      );
    },
    enabled: businessId !== undefined,
    staleTime: 0,
  });
  return (
    <>
      <ScreenHeader title={`Correct ${taxYear}`}>
        The year’s last cumulative update from your records as they are now, against what HMRC
        holds. Approve it only if something changed; it replaces HMRC’s figures for the whole year.
      </ScreenHeader>
      <p>
        <a href={yearEndHref('checklist', profileId, taxYear)}>Back to the year-end checklist</a>
      </p>
      {businessId === undefined ? <p className="hint">Open this from the checklist.</p> : null}
      {update.isPending && businessId !== undefined ? (
        <Loading label="Preparing the update from your records…" />
      ) : null}
      {update.error ? <ErrorNotice error={toIpcError(update.error)} /> : null}
      {update.data && checklist.data ? (
        <UpdateCard initial={update.data} online={online} today={checklist.data.today} />
      ) : null}
    </>
  );
}

/** The last period end the review offers for the year (standard or calendar quarters). */
async function lastPeriodEnd(profileId: string, taxYear: string, businessId: number) {
  const first = await unwrap(
    api.review.prepare({
      profileId,
      businessId,
      taxYear,
      periodEnd: taxYearEnd(taxYear),
      compareWithHmrc: false,
    }),
  ).catch(() => undefined);
  return first?.periodEnds[first.periodEnds.length - 1] ?? taxYearEnd(taxYear);
}
