import { useState, type JSX } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AnnualFigureEntry, AnnualReview } from '@shared/ipc/channels/year-end-annual';
import { profileKey } from '@renderer/app/use-active-profile';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { ChecksList } from '@renderer/features/review/ChecksList';
import { PayloadPanel } from '@renderer/features/review/PayloadPanel';

/** The annual figures as HMRC will receive them, against what it holds, then approve. */
export function AnnualReviewPanel({
  refs,
  figures,
  review,
}: {
  refs: { profileId: string; businessId: number; taxYear: string };
  figures: AnnualFigureEntry[];
  review: AnnualReview;
}): JSX.Element {
  const [acknowledged, setAcknowledged] = useState<string[]>([]);
  const queryClient = useQueryClient();
  const approve = useMutation({
    mutationFn: () =>
      unwrap(
        api.yearEnd.annualApprove({
          ...refs,
          figures,
          payloadHash: review.payloadHash,
          acknowledgedWarnings: acknowledged,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profileKey(refs.profileId) }),
  });
  const blocked =
    review.errors.length > 0 || review.warnings.some((w) => !acknowledged.includes(w.code));
  return (
    <section className="annual-review" aria-labelledby="annual-review-heading">
      <h3 id="annual-review-heading">Review before approving</h3>
      <table className="table figures-table">
        <caption>{review.comparedWith}</caption>
        <thead>
          <tr>
            <th scope="col">What HMRC receives</th>
            <th scope="col" className="num">
              Before
            </th>
            <th scope="col" className="num">
              Now
            </th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {review.lines.map((l) => (
            <tr key={l.key} className={l.changed ? 'figures-changed' : undefined}>
              <th scope="row">
                {l.label}
                <span className="figures-path mono">{l.hmrcField}</span>
              </th>
              <td className="num">{l.before ?? '—'}</td>
              <td className="num">{l.now ?? '—'}</td>
              <td className="figures-change">{l.changed ? 'Changed' : 'Same'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ChecksList
        idPrefix="annual-check"
        errors={review.errors}
        warnings={review.warnings}
        acknowledged={acknowledged}
        onAcknowledge={(code, checked) =>
          setAcknowledged((a) => (checked ? [...a, code] : a.filter((c) => c !== code)))
        }
      />
      {review.errors.length === 0 ? (
        <PayloadPanel json={review.payloadJson} hash={review.payloadHash} />
      ) : null}
      {approve.isSuccess ? (
        <p className="notice notice-ok" role="status">
          Approved. The annual figures wait in the outbox and are sent at the next sync.{' '}
          <a href="#/review/sync">Open the outbox and sync</a>.
        </p>
      ) : (
        <div className="actions">
          <button
            type="button"
            className="button primary"
            disabled={blocked || approve.isPending}
            onClick={() => approve.mutate()}
          >
            Approve for sending
          </button>
        </div>
      )}
      {approve.error ? <ErrorNotice error={toIpcError(approve.error)} /> : null}
    </section>
  );
}
