import type { JSX } from 'react';
import { api, unwrap } from '@renderer/bridge';
import { ChainCheckPanel } from './ChainCheckPanel';

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
  return (
    <ChainCheckPanel
      id="declaration-receipts"
      title="Final declaration receipts"
      intro="Each final declaration (and confirmed amendment) HMRC received is kept as a receipt, chained to the one before by a SHA-256 hash and tied to the submission log, so a changed or removed receipt can be detected."
      button="Check the declaration receipts"
      none="There are no profiles yet, so no receipts to check."
      caption="Declaration receipts and the result of the check"
      check={() => unwrap(api.yearEnd.verifyReceipts({}))}
      entries={(p) =>
        p.entries === 0 ? (
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
        )
      }
      problems={(p) => (
        <ul>
          {p.problems.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      )}
    />
  );
}
