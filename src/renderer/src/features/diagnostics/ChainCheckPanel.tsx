import type { JSX, ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { toIpcError } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';

/** What every hash-chain check reports per profile (the submission log, the declaration receipts). */
export interface ChainCheckResult {
  profileId: string;
  profileName: string;
  entries: number;
  ok: boolean;
}

/**
 * Diagnostics: one "check a hash chain" panel. The chains differ only in what they hold, so
 * each caller says how to show its entries and its problems; the check, the verdict badge and
 * the table are the same, and read the same, for both.
 */
export function ChainCheckPanel<R extends ChainCheckResult>(props: {
  id: string;
  title: string;
  intro: ReactNode;
  button: string;
  /** Shown when there are no profiles at all. */
  none: string;
  caption: string;
  check: () => Promise<R[]>;
  entries: (result: R) => ReactNode;
  /** The sentence beside "Intact" when the chain has no entries yet (none when the entries say so). */
  emptyChain?: string;
  problems: (result: R) => ReactNode;
}): JSX.Element {
  const check = useMutation({ mutationFn: props.check });
  const titleId = `${props.id}-title`;
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>{props.title}</h2>
      <p>{props.intro}</p>
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => check.mutate()}
          disabled={check.isPending}
        >
          {props.button}
        </button>
      </div>
      {check.error ? <ErrorNotice error={toIpcError(check.error)} /> : null}
      {check.data ? (
        check.data.length === 0 ? (
          <p role="status">{props.none}</p>
        ) : (
          <table className="table log-integrity">
            <caption>{props.caption}</caption>
            <thead>
              <tr>
                <th scope="col">Profile</th>
                <th scope="col">Receipts</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {check.data.map((p) => (
                <tr key={p.profileId} data-profile={p.profileName}>
                  <th scope="row">{p.profileName}</th>
                  <td>{props.entries(p)}</td>
                  <td>
                    <span className={p.ok ? 'badge badge-ok' : 'badge badge-bad'}>
                      {p.ok ? 'Intact' : 'Changed'}
                    </span>{' '}
                    {p.ok
                      ? p.entries > 0
                        ? 'Every receipt matches its hash and follows on from the one before.'
                        : (props.emptyChain ?? null)
                      : props.problems(p)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
    </section>
  );
}
