import type { JSX } from 'react';
import { useMutation } from '@tanstack/react-query';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';

/**
 * Diagnostics: "Submission log integrity". Recomputes every receipt's hash chain (each entry's
 * SHA-256 covers the one before it) for every profile and compares the newest entry with the
 * copy kept outside the records, so an edited, removed or reordered receipt is found.
 */
export function LogIntegrityPanel(): JSX.Element {
  const check = useMutation({ mutationFn: () => unwrap(api.sync.verifyLog({})) });
  return (
    <section aria-labelledby="log-integrity-title">
      <h2 id="log-integrity-title">Submission log integrity</h2>
      <p>
        Every receipt from HMRC is chained to the one before it by a SHA-256 hash, so any change to
        a past receipt can be detected.
      </p>
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => check.mutate()}
          disabled={check.isPending}
        >
          Check the submission logs
        </button>
      </div>
      {check.error ? <ErrorNotice error={toIpcError(check.error)} /> : null}
      {check.data ? (
        check.data.length === 0 ? (
          <p role="status">There are no profiles yet, so no logs to check.</p>
        ) : (
          <table className="table log-integrity">
            <caption>Result of the check</caption>
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
                  <td>{p.entries}</td>
                  <td>
                    <span className={p.ok ? 'badge badge-ok' : 'badge badge-bad'}>
                      {p.ok ? 'Intact' : 'Changed'}
                    </span>{' '}
                    {p.ok ? (
                      p.entries > 0 ? (
                        'Every receipt matches its hash and follows on from the one before.'
                      ) : (
                        'No receipts yet.'
                      )
                    ) : (
                      <ul>
                        {p.problems.map((x) => (
                          <li key={`${x.seq}-${x.problem}`}>
                            Receipt {x.seq}: {x.problem}
                          </li>
                        ))}
                      </ul>
                    )}
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
