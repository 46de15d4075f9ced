import { useState, type JSX } from 'react';
import { copyText } from './copy-text';

/**
 * A button that copies text, and says beside it whether that worked. When the clipboard refuses,
 * `onFailed` selects the text on screen, so the person can copy it with the keyboard.
 */
export function CopyButton({
  label,
  text,
  onFailed,
}: {
  label: string;
  text: () => string;
  onFailed: () => void;
}): JSX.Element {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    const ok = await copyText(text());
    setCopied(ok ? 'copied' : 'failed');
    if (!ok) onFailed();
  };
  return (
    <>
      <button type="button" className="button" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className={copied === 'copied' ? 'saved' : undefined}>
        {copied === 'copied'
          ? 'Copied'
          : copied === 'failed'
            ? 'Could not copy: the text is selected, press Ctrl+C (⌘C on a Mac).'
            : ''}
      </span>
    </>
  );
}
