import { useEffect, useRef, useState, type JSX } from 'react';
import { CopyButton } from '@renderer/ui/CopyButton';
import { diagnosticsText } from './diagnostics-text';

/**
 * What the window shows when a screen failed (RootErrorBoundary): what happened, that nothing
 * is lost, and what to do next: reload the window, or copy the diagnostics for a report.
 */
export function RecoveryScreen({
  error,
  componentStack,
}: {
  error: unknown;
  componentStack: string | null;
}): JSX.Element {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [at] = useState(() => new Date());
  const text = diagnosticsText(error, componentStack, {
    at,
    screen: window.location.hash.replace(/^#\/?/, ''),
    userAgent: navigator.userAgent,
  });

  // Keyboard and screen-reader users land on what happened, not on a control.
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <main className="fatal recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title" ref={headingRef} tabIndex={-1}>
        Something went wrong in this window
      </h1>
      <p>
        Ledgerlink ran into a problem it did not expect and could not show this screen. Your
        records, approvals and HMRC sign-ins are safe: nothing is lost when this happens.
      </p>
      <p>
        Reload the window to carry on. If it happens again, copy the diagnostics below and include
        them when you report the problem.
      </p>
      <div className="actions">
        <button type="button" className="button primary" onClick={() => window.location.reload()}>
          Reload Ledgerlink
        </button>
        <CopyButton
          label="Copy diagnostics"
          text={() => text}
          onFailed={() => textRef.current?.select()}
        />
      </div>
      <div className="field">
        <label htmlFor="recovery-diagnostics">Diagnostics</label>
        <p className="hint" id="recovery-diagnostics-hint">
          What failed and where, for a report. It holds none of your records or sign-ins.
        </p>
        <textarea
          id="recovery-diagnostics"
          ref={textRef}
          className="recovery-diagnostics"
          aria-describedby="recovery-diagnostics-hint"
          readOnly
          rows={8}
          value={text}
        />
      </div>
    </main>
  );
}
