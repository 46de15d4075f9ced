import { useEffect, useId, useRef, useState, type ChangeEvent, type JSX } from 'react';
import { useMutation } from '@tanstack/react-query';
import { AGENT_ROLE_LABELS } from '@shared/domain/agent-permissions';
import type { ImportPreview, ProfilesView } from '@shared/ipc/channels/profiles';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { useHmrcAccounts } from './use-hmrc-accounts';

/** 2 MB of CSV is thousands of clients; the main process refuses more. */
const MAX_BYTES = 2_000_000;

function PreviewTable({ preview }: { preview: ImportPreview }): JSX.Element {
  return (
    <table className="table profiles-import-table">
      <caption className="visually-hidden">Rows of the file</caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            Line
          </th>
          <th scope="col">Name</th>
          <th scope="col">NINO</th>
          <th scope="col">Role</th>
          <th scope="col">Check</th>
        </tr>
      </thead>
      <tbody>
        {preview.rows.map((r) => (
          <tr
            key={r.line}
            data-line={r.line}
            className={r.problems.length ? 'profiles-row-bad' : undefined}
          >
            <td className="num">{r.line}</td>
            <th scope="row">{r.name || <span className="detail">(no name)</span>}</th>
            <td className="mono profiles-nowrap">{r.nino}</td>
            <td>{r.role ? AGENT_ROLE_LABELS[r.role] : '—'}</td>
            <td>
              {r.problems.length === 0 ? (
                <span className="badge badge-ok">Ready</span>
              ) : (
                <ul className="plain-list field-error">
                  {r.problems.map((p) => (
                    <li key={`${p.field}-${p.message}`}>{p.message}</li>
                  ))}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * #/profiles/import: an agent's client list from a CSV file (name, NINO, role). The file is
 * read here and checked in the main process; the preview shows every row with its line number
 * and problems, and nothing is saved until the person confirms.
 */
export function ImportClients({ view }: { view: ProfilesView }): JSX.Element {
  const id = useId();
  const accounts = useHmrcAccounts(view.environment, 'agent');
  const [chosenAccount, setChosenAccount] = useState<string | null>(null);
  const accountId = chosenAccount ?? accounts.accounts[0]?.id ?? null;
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const preview = useMutation({
    mutationFn: (input: { accountId: string; csv: string }) =>
      unwrap(api.profiles.previewImport(input)),
  });
  const commit = useMutation({
    mutationFn: (input: { accountId: string; csv: string }) =>
      unwrap(api.profiles.importClients(input)),
  });

  useEffect(() => {
    if (preview.data || commit.data) summaryRef.current?.focus();
  }, [preview.data, commit.data]);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    setReadError(null);
    preview.reset();
    commit.reset();
    setFile(null);
    if (!chosen) return;
    if (chosen.size > MAX_BYTES) {
      setReadError('The file is larger than 2 MB. Split it into smaller files.');
      return;
    }
    const text = await chosen.text();
    setFile({ name: chosen.name, text });
    if (accountId) preview.mutate({ accountId, csv: text });
  };

  if (!accounts.isPending && accounts.accounts.length === 0) {
    return (
      <section aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`}>Import clients from a CSV file</h2>
        <p className="empty-state">
          Link your agent services account first: Ledgerlink checks each client with HMRC through
          it. <a href="#/link">Link to HMRC</a>
        </p>
      </section>
    );
  }

  const p = preview.data;
  return (
    <section aria-labelledby={`${id}-h`} className="profiles-import">
      <h2 id={`${id}-h`}>Import clients from a CSV file</h2>
      <p>
        The first line names the columns: <strong>name</strong>, <strong>NINO</strong> and{' '}
        <strong>role</strong> (<em>main</em> or <em>supporting</em>). Other columns are ignored. You
        will see every row before anything is imported.
      </p>
      <pre className="profiles-sample" aria-label="An example file">
        {'name,NINO,role\nCarys Clarke,AC100003C,main\nEwan Ellis,AH 10 00 05 A,supporting'}
      </pre>
      <div className="form">
        {accounts.accounts.length > 1 ? (
          <div className="field">
            <label htmlFor={`${id}-account`}>Agent services account</label>
            <select
              id={`${id}-account`}
              value={accountId ?? ''}
              onChange={(e) => setChosenAccount(e.target.value)}
            >
              {accounts.accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={`${id}-file`}>CSV file of clients</label>
          <input
            type="file"
            id={`${id}-file`}
            accept=".csv,text/csv"
            onChange={(e) => void onFile(e)}
          />
        </div>
      </div>
      {readError ? (
        <p className="notice notice-error" role="alert">
          {readError}
        </p>
      ) : null}
      {preview.isPending ? <Loading label="Checking every row…" /> : null}
      {preview.error ? <ErrorNotice error={toIpcError(preview.error)} /> : null}

      {p && !commit.data ? (
        <div ref={summaryRef} tabIndex={-1} className="profiles-import-summary">
          {p.fileProblems.length > 0 ? (
            <div className="notice notice-error" role="alert">
              <p className="notice-title">Ledgerlink cannot import {file?.name ?? 'this file'}</p>
              {p.fileProblems.map((m) => (
                <p key={m}>{m}</p>
              ))}
              <p>Nothing was imported. Correct the file and choose it again.</p>
            </div>
          ) : (
            <div className={`notice ${p.invalid ? 'notice-warn' : 'notice-ok'}`} role="status">
              <p className="notice-title">
                {p.valid} {p.valid === 1 ? 'client is' : 'clients are'} ready to import
                {p.invalid
                  ? `; ${p.invalid} ${p.invalid === 1 ? 'row has' : 'rows have'} problems`
                  : ''}
                .
              </p>
              <p>
                {p.invalid
                  ? 'Rows with problems will be skipped. Correct them in the file and import it again to add them later. '
                  : ''}
                Nothing has been imported yet.
              </p>
            </div>
          )}
          {p.rows.length > 0 ? <PreviewTable preview={p} /> : null}
          {p.valid > 0 && file && accountId ? (
            <div className="actions profiles-import-actions">
              <button
                type="button"
                className="button primary"
                disabled={commit.isPending}
                onClick={() => commit.mutate({ accountId, csv: file.text })}
              >
                Import {p.valid} {p.valid === 1 ? 'client' : 'clients'}
                {p.invalid ? ` and skip ${p.invalid} ${p.invalid === 1 ? 'row' : 'rows'}` : ''}
              </button>
            </div>
          ) : null}
          {commit.isPending ? <Loading label="Importing…" /> : null}
          {commit.error ? <ErrorNotice error={toIpcError(commit.error)} /> : null}
        </div>
      ) : null}

      {commit.data ? (
        <div ref={summaryRef} tabIndex={-1} className="notice notice-ok" role="status">
          <p className="notice-title">
            Imported {commit.data.imported} {commit.data.imported === 1 ? 'client' : 'clients'}
            {commit.data.skipped.length
              ? `; skipped ${commit.data.skipped.length} ${commit.data.skipped.length === 1 ? 'row' : 'rows'}`
              : ''}
            .
          </p>
          <p>
            Ledgerlink is now checking each new client with HMRC. The overview shows the answers as
            they arrive.
          </p>
          <div className="actions">
            <a className="button primary" href="#/profiles/overview">
              See the clients overview
            </a>
          </div>
        </div>
      ) : null}
    </section>
  );
}
