import type { JSX } from 'react';
import { api, unwrap } from '@renderer/bridge';
import { ChainCheckPanel } from '../diagnostics/ChainCheckPanel';

/**
 * Diagnostics: "Submission log integrity". Recomputes every receipt's hash chain (each entry's
 * SHA-256 covers the one before it) for every profile and compares the newest entry with the
 * copy kept outside the records, so an edited, removed or reordered receipt is found.
 */
export function LogIntegrityPanel(): JSX.Element {
  return (
    <ChainCheckPanel
      id="log-integrity"
      title="Submission log integrity"
      intro="Every receipt from HMRC is chained to the one before it by a SHA-256 hash, so any change to a past receipt can be detected."
      button="Check the submission logs"
      none="There are no profiles yet, so no logs to check."
      caption="Result of the check"
      check={() => unwrap(api.sync.verifyLog({}))}
      entries={(p) => p.entries}
      emptyChain="No receipts yet."
      problems={(p) => (
        <ul>
          {p.problems.map((x) => (
            <li key={`${x.seq}-${x.problem}`}>
              Receipt {x.seq}: {x.problem}
            </li>
          ))}
        </ul>
      )}
    />
  );
}
