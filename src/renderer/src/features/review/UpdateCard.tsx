import { useId, useState, type JSX } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { deadlineText } from '@shared/domain/deadlines';
import type { UpdateView } from '@shared/ipc/channels/review';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { KIND_TEXT, STATE_BADGE, STATE_TEXT, money, ukDate } from '../sync/format';
import { syncKeys } from '../sync/use-sync';
import { ChecksList } from './ChecksList';
import { DatesRule } from './DatesRule';
import { foldedDates } from './dates-summary';
import { FiguresTable } from './FiguresTable';
import { PayloadPanel } from './PayloadPanel';
import type { ReviewDisplay } from './use-review-display';
import { useAcknowledgements } from './use-acknowledgements';

function ComparisonNote({ view }: { view: UpdateView }): JSX.Element {
  const c = view.comparison;
  return (
    <div className="comparison">
      <p>
        <strong>Compared with: </strong>
        {c.description}
        {c.source !== 'none'
          ? ` ${c.changedLines === 0 ? 'Nothing changes.' : `${c.changedLines} ${c.changedLines === 1 ? 'line changes' : 'lines change'}, marked “Changed”.`}`
          : ''}
      </p>
      {c.hmrcUnavailable ? (
        <p className="hint">
          {c.hmrcUnavailable} The last update accepted from this computer is shown instead.
        </p>
      ) : null}
      {c.differsFromLog ? (
        <p className="hint">
          HMRC holds figures different from the last update sent from this computer: another program
          may have sent an update since.
        </p>
      ) : null}
    </div>
  );
}

/**
 * One business's cumulative update: its figures in plain words against what HMRC holds, the
 * checks, the exact JSON, and "Approve" (which works offline: the update waits in the outbox).
 */
export function UpdateCard({
  initial,
  online,
  today,
  display = { compact: false, hmrcNames: false },
}: {
  initial: UpdateView;
  online: boolean;
  /** Compact, and HMRC's field names shown or not (the person's choice on the review screen). */
  display?: ReviewDisplay;
  /** The UK date on main's clock (deadlines say "overdue" by it, as everywhere else). */
  today: string;
}): JSX.Element {
  const queryClient = useQueryClient();
  const headingId = useId();
  const [periodEnd, setPeriodEnd] = useState(initial.periodEnd);
  const acks = useAcknowledgements(initial.profileId, initial.businessId, initial.taxYear);
  const other = useQuery({
    queryKey: [
      ...syncKeys.review(initial.profileId),
      'prepare',
      initial.businessId,
      initial.taxYear,
      periodEnd,
    ],
    queryFn: () =>
      unwrap(
        api.review.prepare({
          profileId: initial.profileId,
          businessId: initial.businessId,
          taxYear: initial.taxYear,
          periodEnd,
          compareWithHmrc: online,
        }),
      ),
    enabled: periodEnd !== initial.periodEnd,
  });
  const view = periodEnd === initial.periodEnd ? initial : other.data;
  const acknowledged = view ? acks.acknowledgedCodes(view.warnings) : [];
  const folded = view ? foldedDates(view, display.compact) : undefined;

  const approve = useMutation({
    mutationFn: (v: UpdateView) =>
      unwrap(
        api.review.approve({
          profileId: v.profileId,
          businessId: v.businessId,
          taxYear: v.taxYear,
          periodEnd: v.periodEnd,
          payloadHash: v.payloadHash,
          recordsFingerprint: v.records.fingerprint,
          acknowledgedWarnings: acknowledged.filter((c) => v.warnings.some((w) => w.code === c)),
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: syncKeys.review(initial.profileId) });
      void queryClient.invalidateQueries({ queryKey: syncKeys.status(initial.profileId) });
    },
  });

  const outbox = view?.outbox;
  const alreadyQueued =
    outbox?.sameAsThis &&
    (outbox.state === 'approved' || outbox.state === 'sending' || outbox.state === 'accepted');
  const unacknowledged = view
    ? view.warnings.filter((w) => !acknowledged.includes(w.code)).length
    : 0;
  const blocked =
    !view || view.errors.length > 0 || unacknowledged > 0 || alreadyQueued || approve.isPending;

  return (
    <article
      className={`card update-card${display.compact ? ' update-card-compact' : ''}`}
      aria-labelledby={headingId}
      data-business={initial.businessName}
    >
      <header className="update-head">
        <div>
          <h2 id={headingId}>
            {initial.businessName} <span className="update-kind">{KIND_TEXT[initial.kind]}</span>
          </h2>
          <p className="update-period">
            {view?.periodLabel ?? ''} · tax year {initial.taxYear}
            {view?.obligation
              ? view.obligation.status === 'fulfilled'
                ? ` · HMRC’s deadline ${ukDate(view.obligation.dueDate)} (already met)`
                : ` · ${deadlineText(view.obligation.dueDate, today)}`
              : ''}
          </p>
        </div>
        {outbox ? (
          <p className="update-state">
            <span className={STATE_BADGE[outbox.state]}>{STATE_TEXT[outbox.state]}</span>
            {!outbox.sameAsThis && outbox.state !== 'superseded' ? (
              <span className="hint">
                {' '}
                (an update to {ukDate(outbox.periodEnd)} with other figures)
              </span>
            ) : null}
          </p>
        ) : null}
      </header>

      {/* Compact: the period choice and the dates share a line, and the hint that each update
          replaces the one before is said once, above the cards. */}
      <div className={display.compact ? 'update-bar' : undefined}>
        <div className="field update-period-choice">
          <label htmlFor={`${headingId}-end`}>Update the year to</label>
          <select
            id={`${headingId}-end`}
            value={periodEnd}
            onChange={(e) => setPeriodEnd(e.target.value)}
          >
            {initial.periodEnds.map((end) => (
              <option key={end} value={end}>
                {ukDate(end, false)}
              </option>
            ))}
          </select>
          {display.compact ? null : (
            <p className="hint">
              Each update covers the tax year so far and replaces the one before it at HMRC.
            </p>
          )}
        </div>
        {view && folded ? <DatesRule view={view} dates={folded} /> : null}
      </div>

      {!view ? (
        other.error ? (
          <ErrorNotice error={toIpcError(other.error)} />
        ) : (
          <Loading label="Preparing the update…" />
        )
      ) : (
        <>
          {folded ? null : <DatesRule view={view} />}
          <dl className="update-summary">
            <div>
              <dt>Income so far</dt>
              <dd>{money(view.incomePence)}</dd>
            </div>
            <div>
              <dt>Expenses so far{view.expenses === 'consolidated' ? ' (one total)' : ''}</dt>
              <dd>{money(view.expensesPence)}</dd>
            </div>
            <div>
              <dt>Records behind these figures</dt>
              <dd>{view.records.count}</dd>
            </div>
          </dl>
          <ComparisonNote view={view} />
          <FiguresTable
            lines={view.lines}
            comparison={view.comparison}
            caption={`${view.businessName}: ${ukDate(view.periodStart)} to ${ukDate(view.periodEnd)}`}
            hmrcNames={display.hmrcNames}
            foldDates={folded !== undefined}
          />
          {alreadyQueued ? (
            // Done with: a box to tick or "check this before approving" would ask for something
            // that no longer has any effect.
            <p className="checks-ok">
              <span aria-hidden="true">✓ </span>
              {outbox?.state === 'accepted'
                ? 'HMRC accepted this update. Nothing here needs checking unless the records for these dates change.'
                : 'Approved and waiting in the outbox. It was checked when you approved it.'}
            </p>
          ) : (
            <ChecksList
              idPrefix={headingId}
              compact={display.compact}
              errors={view.errors}
              warnings={view.warnings}
              acknowledged={acknowledged}
              onAcknowledge={(code, checked) => {
                const warning = view.warnings.find((w) => w.code === code);
                if (warning) acks.setAcknowledged(warning, checked);
              }}
            />
          )}
          <PayloadPanel json={view.payloadJson} hash={view.payloadHash} />
          <div className="actions update-actions">
            <button
              type="button"
              className="button primary"
              disabled={blocked}
              onClick={() => approve.mutate(view)}
            >
              {approve.isPending ? 'Approving…' : 'Approve this update'}
            </button>
            <span role="status" className="hint">
              {approve.isSuccess
                ? `Approved. It is in the outbox${online ? ': select Sync now on “Outbox and sync” to send it.' : ' and will be sent when you are back online and sync.'}`
                : alreadyQueued
                  ? outbox?.state === 'accepted'
                    ? 'HMRC has already accepted exactly this update.'
                    : 'Exactly this update is already approved and waiting in the outbox.'
                  : view.errors.length > 0
                    ? 'Approval is blocked until the problems above are put right.'
                    : unacknowledged > 0
                      ? `Tick ${unacknowledged === 1 ? 'the box' : `the ${unacknowledged} boxes`} above to approve.`
                      : online
                        ? 'Approving puts it in the outbox; nothing is sent until you sync.'
                        : 'You are offline: you can still approve, and sync later.'}
            </span>
          </div>
          {approve.error ? <ErrorNotice error={toIpcError(approve.error)} /> : null}
        </>
      )}
    </article>
  );
}
