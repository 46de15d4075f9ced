import type { JSX } from 'react';
import type { IpcError } from '@shared/ipc/result';

/** What happened, what to do next, and the reference support will ask for. */
export function ErrorNotice({ error, title }: { error: IpcError; title?: string }): JSX.Element {
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{title ?? error.message}</p>
      {title ? <p>{error.message}</p> : null}
      {error.action ? <p>{error.action}</p> : null}
      {error.fields?.length ? (
        <ul>
          {error.fields.map((f) => (
            <li key={`${f.path}:${f.message}`}>{f.message}</li>
          ))}
        </ul>
      ) : null}
      <p className="notice-meta">
        Reference: {error.code}
        {error.correlationId ? ` · HMRC correlation id ${error.correlationId}` : ''}
      </p>
    </div>
  );
}
