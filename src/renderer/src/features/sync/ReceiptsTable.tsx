import type { JSX } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { KIND_TEXT, SUBMISSION_TEXT, ukDate, when } from './format';
import { syncKeys, useSyncChanges } from './use-sync';

/**
 * Receipts: every update HMRC accepted for this profile, from the hash-chained submission log
 * (time, business, period, the payload's fingerprint and HMRC's reference).
 */
export function ReceiptsTable({ profileId }: { profileId: string }): JSX.Element {
  useSyncChanges(profileId);
  const receipts = useQuery({
    queryKey: syncKeys.receipts(profileId),
    queryFn: () => unwrap(api.sync.receipts({ profileId })),
  });
  if (receipts.isPending) return <Loading label="Reading the receipts…" />;
  if (receipts.error) return <ErrorNotice error={toIpcError(receipts.error)} />;
  if (receipts.data.length === 0) {
    return (
      <p className="empty-state">
        No receipts yet. When HMRC accepts an update, its receipt is kept here.
      </p>
    );
  }
  return (
    <table className="table receipts-table">
      <caption>Receipts from HMRC, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Receipt</th>
          <th scope="col">Accepted</th>
          <th scope="col">Business and period</th>
          <th scope="col">HMRC reference and fingerprint</th>
        </tr>
      </thead>
      <tbody>
        {receipts.data.map((r) => (
          <tr key={r.seq} data-receipt={r.seq}>
            <th scope="row">No. {r.seq}</th>
            <td>{when(r.recordedAt)}</td>
            <td>
              {r.businessName}
              <span className="hint sync-block">
                {KIND_TEXT[r.kind]} · {SUBMISSION_TEXT[r.submission ?? 'cumulative']}{' '}
                {ukDate(r.periodStart)} to {ukDate(r.periodEnd)} ·{' '}
                {r.environment === 'practice'
                  ? 'Practice HMRC'
                  : r.environment === 'sandbox'
                    ? 'HMRC sandbox'
                    : 'HMRC'}
              </span>
            </td>
            <td className="detail">
              <span className="sync-block">
                HMRC reference <span className="mono">{r.correlationId}</span>
              </span>
              <span className="sync-block">
                Payload SHA-256 <span className="mono">{r.payloadHash}</span>
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
