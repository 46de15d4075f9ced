import type { JSX } from 'react';
import { useMutation } from '@tanstack/react-query';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';

const DECLARATION_NAMES = {
  'final-declaration': 'Final declaration',
  'confirm-amendment': 'Amendment confirmed',
} as const;

/**
 * Diagnostics, beside the submission log: the final declaration receipts of every profile, in
 * their own hash chain, each checked against its hash, the receipt before it and the
 * submission log entry it names.
 */
export function DeclarationReceiptsPanel(): JSX.Element {
  const check = useMutation({ mutationFn: () => unwrap(api.yearEnd.verifyReceipts({})) });
  return (
    <section aria-labelledby="declaration-receipts-title">
      <h2 id="declaration-receipts-title">Final declaration receipts</h2>
      <p>
        Each final declaration (and confirmed amendment) HMRC received is kept as a receipt, chained
        to the one before by a SHA-256 hash and tied to the submission log, so a changed or removed
        receipt can be detected.
      </p>
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => check.mutate()}
          disabled={check.isPending}
        >
          Check the declaration receipts
        </button>
      </div>
      {check.error ? <ErrorNotice error={toIpcError(check.error)} /> : null}
      {check.data ? (
        check.data.length === 0 ? (
          <p role="status">There are no profiles yet, so no receipts to check.</p>
        ) : (
          <table className="table log-integrity">
            <caption>Declaration receipts and the result of the check</caption>
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
                  <td>
                    {p.entries === 0 ? (
                      'None yet.'
                    ) : (
                      <ul className="plain-list">
                        {p.receipts.map((r) => (
                          <li key={r.seq}>
                            {r.taxYear}: {DECLARATION_NAMES[r.declaration]},{' '}
                            {new Date(r.recordedAt).toLocaleString()}
                            {r.how === 'confirmed' ? ' (confirmed with HMRC after a restart)' : ''}
                            <br />
                            <span className="mono">HMRC reference {r.correlationId}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    <span className={p.ok ? 'badge badge-ok' : 'badge badge-bad'}>
                      {p.ok ? 'Intact' : 'Changed'}
                    </span>{' '}
                    {p.ok ? (
                      p.entries > 0 ? (
                        'Every receipt matches its hash and follows on from the one before.'
                      ) : null
                    ) : (
                      <ul>
                        {p.problems.map((x) => (
                          <li key={x}>{x}</li>
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
