import { useEffect, useId, useRef, useState, type FormEvent, type JSX } from 'react';
import type { BusinessView } from '@shared/ipc/channels/profiles';
import { toIpcError } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { useSetPeriodType } from './use-profile-data';

const TYPE_NAME = { standard: 'standard quarters', calendar: 'calendar quarters' } as const;

/**
 * Changing a business to calendar (or back to standard) quarters, where HMRC allows it
 * (reference §5.2): the lock-in said in plain words, and nothing sent until the person confirms.
 */
export function QuarterlyPeriodChoice({
  profileId,
  business,
  onClose,
}: {
  profileId: string;
  business: BusinessView;
  onClose: () => void;
}): JSX.Element {
  const change = useSetPeriodType(profileId);
  const [lockIn, setLockIn] = useState(false);
  const [yearEnd, setYearEnd] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const id = useId();
  const to = business.election.changeTo ?? 'calendar';
  const needsYearEnd = to === 'calendar';

  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (change.isSuccess) onClose();
  }, [change.isSuccess, onClose]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate({
      hmrcBusinessId: business.hmrcBusinessId,
      quarterlyPeriodType: to,
      ...(needsYearEnd ? { confirmAccountingPeriod: yearEnd } : {}),
    });
  };

  return (
    <form className="card profiles-election" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} ref={headingRef} tabIndex={-1}>
        Use {TYPE_NAME[to]} for {business.name} from {business.election.taxYear}?
      </h3>
      <p>{business.election.reason}</p>
      {needsYearEnd ? (
        <div className="choice">
          <input
            type="checkbox"
            id={`${id}-year-end`}
            checked={yearEnd}
            onChange={(e) => setYearEnd(e.target.checked)}
          />
          <label htmlFor={`${id}-year-end`}>
            This business’s accounts run from 1 April to 31 March
          </label>
        </div>
      ) : null}
      <div className="choice">
        <input
          type="checkbox"
          id={`${id}-lock-in`}
          checked={lockIn}
          onChange={(e) => setLockIn(e.target.checked)}
        />
        <label htmlFor={`${id}-lock-in`}>
          I understand that once the first update of {business.election.taxYear} is sent, this
          cannot be changed until next tax year
        </label>
      </div>
      {change.isPending ? <Loading label="Telling HMRC…" /> : null}
      {change.error ? <ErrorNotice error={toIpcError(change.error)} /> : null}
      <div className="actions">
        <button
          type="submit"
          className="button primary"
          disabled={!lockIn || (needsYearEnd && !yearEnd) || change.isPending}
        >
          Change to {TYPE_NAME[to]}
        </button>
        <button type="button" className="button" onClick={onClose}>
          Keep {TYPE_NAME[business.election.currentType]}
        </button>
      </div>
    </form>
  );
}
