import { useRef, type JSX } from 'react';
import { CopyButton } from '@renderer/ui/CopyButton';

/**
 * The exact JSON body of the PUT (reference §3.5). Shown with line breaks to read; "Copy"
 * copies the exact text Ledgerlink sends, byte for byte, whose SHA-256 is shown too.
 */
export function PayloadPanel({
  json,
  hash,
  open,
}: {
  json: string;
  hash: string;
  open?: boolean;
}): JSX.Element {
  const preRef = useRef<HTMLPreElement>(null);
  const pretty = JSON.stringify(JSON.parse(json), null, 2);
  return (
    <details className="payload" open={open}>
      <summary>The exact JSON HMRC will receive</summary>
      <p className="hint">
        Ledgerlink sends these fields and values exactly, on one line. Its SHA-256 fingerprint is{' '}
        <span className="mono">{hash}</span>: your receipt will show the same.
      </p>
      <pre
        ref={preRef}
        className="payload-json"
        tabIndex={0}
        aria-label="The JSON that will be sent"
      >
        {pretty}
      </pre>
      <div className="actions">
        <CopyButton
          label="Copy the JSON"
          text={() => json}
          onFailed={() => {
            if (preRef.current) window.getSelection()?.selectAllChildren(preRef.current);
          }}
        />
      </div>
    </details>
  );
}
