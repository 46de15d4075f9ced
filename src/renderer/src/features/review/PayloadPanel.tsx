import { useRef, useState, type JSX } from 'react';
import { copyText } from '@renderer/ui/copy-text';

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
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const preRef = useRef<HTMLPreElement>(null);
  const pretty = JSON.stringify(JSON.parse(json), null, 2);
  const copy = async () => {
    const ok = await copyText(json);
    setCopied(ok ? 'copied' : 'failed');
    if (!ok && preRef.current) window.getSelection()?.selectAllChildren(preRef.current);
  };
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
        <button type="button" className="button" onClick={() => void copy()}>
          Copy the JSON
        </button>
        <span role="status" className={copied === 'copied' ? 'saved' : undefined}>
          {copied === 'copied'
            ? 'Copied'
            : copied === 'failed'
              ? 'Could not copy: the text is selected, press Ctrl+C (⌘C on a Mac).'
              : ''}
        </span>
      </div>
    </details>
  );
}
