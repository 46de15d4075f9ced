import { useId, useState, type FormEvent, type JSX } from 'react';
import { NINO_EXAMPLE } from '@shared/domain/nino';
import { useActiveProfile } from '@renderer/app/use-active-profile';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { NinoField, TextField } from '@renderer/ui/TextField';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { plural } from '../format';
import { ProgressBar } from '@renderer/ui/ProgressBar';
import { ArchiveNotes } from './ArchiveNotes';
import { useOperationProgress } from '../use-records-data';
import { useMutation } from '@tanstack/react-query';

/**
 * An archive saved on another computer, added as a new profile. The archive holds the
 * records, not who they belong to, so the person names them and gives the NINO (checked as for
 * any new profile) before choosing the file.
 */
export function ArchiveImport(): JSX.Element {
  const id = useId();
  const { setActive } = useActiveProfile();
  const [name, setName] = useState('');
  const [nino, setNino] = useState('');
  const [kind, setKind] = useState<'self' | 'client'>('self');
  const [role, setRole] = useState<'main' | 'supporting'>('main');
  const [operationId, setOperationId] = useState<string | null>(null);
  const progress = useOperationProgress(operationId);
  const run = useMutation({
    mutationFn: (op: string) =>
      unwrap(
        api.records.importArchive({
          operationId: op,
          kind,
          name,
          nino,
          ...(kind === 'client' ? { agentRole: role } : {}),
        }),
      ),
  });
  const error = run.error ? toIpcError(run.error) : null;
  const fieldError = (path: string) => error?.fields?.find((f) => f.path === path)?.message;
  const nameError = fieldError('name');
  const ninoError = fieldError('nino');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const op = crypto.randomUUID();
    setOperationId(op);
    run.mutate(op);
  };

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Import an archive as a new profile</h2>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id={`${id}-name`}
          label="Whose records are they? (full name)"
          value={name}
          onChange={setName}
          error={nameError}
          autoComplete="off"
        />
        <NinoField
          id={`${id}-nino`}
          label="Their National Insurance number"
          hint={`Like ${NINO_EXAMPLE}.`}
          value={nino}
          onChange={setNino}
          error={ninoError}
        />
        <fieldset>
          <legend>They are</legend>
          <div className="choice">
            <input
              id={`${id}-self`}
              type="radio"
              name={`${id}-kind`}
              checked={kind === 'self'}
              onChange={() => setKind('self')}
            />
            <label htmlFor={`${id}-self`}>Me</label>
          </div>
          <div className="choice">
            <input
              id={`${id}-client`}
              type="radio"
              name={`${id}-kind`}
              checked={kind === 'client'}
              onChange={() => setKind('client')}
            />
            <label htmlFor={`${id}-client`}>A client I act for as an agent</label>
          </div>
          {kind === 'client' ? (
            <div className="field">
              <label htmlFor={`${id}-role`}>I am their</label>
              <select
                id={`${id}-role`}
                value={role}
                onChange={(e) => setRole(e.target.value as 'main' | 'supporting')}
              >
                <option value="main">Main agent</option>
                <option value="supporting">Supporting agent</option>
              </select>
            </div>
          ) : null}
        </fieldset>
        {error && !nameError && !ninoError ? <ErrorNotice error={error} /> : null}
        <div className="actions">
          <button type="submit" className="button" disabled={run.isPending}>
            Choose the archive and import it…
          </button>
        </div>
        {run.isPending && progress ? (
          <ProgressBar
            label="Checking and unpacking the archive…"
            progress={progress}
            unit="files"
          />
        ) : null}
      </form>
      {run.data && 'profileId' in run.data ? (
        <div className="notice notice-ok" role="status">
          <p className="notice-title">
            Added {run.data.name} with {plural(run.data.transactions, 'record', 'records')} and{' '}
            {plural(run.data.businesses, 'business', 'businesses')}.
          </p>
          <button
            type="button"
            className="button"
            onClick={() => {
              const target = (run.data as { profileId: string }).profileId;
              void setActive(target);
            }}
          >
            Switch to {run.data.name}
          </button>
        </div>
      ) : null}
      {run.data && 'profileId' in run.data ? <ArchiveNotes notes={run.data.notes} /> : null}
    </section>
  );
}
