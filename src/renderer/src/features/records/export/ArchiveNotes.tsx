import type { JSX } from 'react';

/** What an imported archive held that Ledgerlink left out or changed, in plain sentences. */
export function ArchiveNotes({ notes }: { notes: readonly string[] }): JSX.Element | null {
  if (notes.length === 0) return null;
  return (
    <div className="notice notice-warn">
      <p className="notice-title">Some of the archive was not brought in</p>
      <ul>
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </div>
  );
}
