import { useEffect, useId, useRef, useState, type FormEvent, type JSX } from 'react';
import { useMutation } from '@tanstack/react-query';
import { AGENT_ROLE_LABELS, type AgentRole } from '@shared/domain/agent-permissions';
import { formatNino, NINO_EXAMPLE } from '@shared/domain/nino';
import type { ProfileKind } from '@shared/ipc/channels/profiles';
import type { IpcError } from '@shared/ipc/result';
import type { Environment } from '@shared/ipc/channels/settings';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { NinoField, TextField } from '@renderer/ui/TextField';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { useHmrcAccounts } from './use-hmrc-accounts';

export interface Suggestion {
  name: string;
  nino: string;
  description: string;
}

const fieldError = (error: IpcError | undefined, field: string) =>
  error?.fields?.find((f) => f.path === field)?.message;

/** The typed values of the form, checked by the main process by HMRC's rules. */
export interface ProfileFormValues {
  kind: ProfileKind;
  name: string;
  nino: string;
  accountId: string | null;
  agentRole: AgentRole | null;
}

/**
 * Add or edit a profile: name, NINO (HMRC's format and prefix rules, checked in main with a
 * clear message), the HMRC account acting for them and, for a client, the agent role.
 */
export function ProfileForm({
  environment,
  initial,
  fixedKind,
  submitLabel,
  busyLabel,
  suggestions = [],
  onSubmit,
  onCancel,
}: {
  environment: Environment;
  initial?: Partial<ProfileFormValues>;
  /** When set, the form does not ask whose profile it is. */
  fixedKind?: ProfileKind;
  submitLabel: string;
  busyLabel: string;
  suggestions?: Suggestion[];
  onSubmit: (values: ProfileFormValues) => Promise<unknown>;
  onCancel?: () => void;
}): JSX.Element {
  const id = useId();
  const [kind, setKind] = useState<ProfileKind>(fixedKind ?? initial?.kind ?? 'client');
  const [name, setName] = useState(initial?.name ?? '');
  const [nino, setNino] = useState(initial?.nino ? formatNino(initial.nino) : '');
  const [role, setRole] = useState<AgentRole | null>(initial?.agentRole ?? null);
  // undefined: not chosen yet (the only linked account of the right kind is assumed).
  const [accountChoice, setAccountId] = useState<string | null | undefined>(initial?.accountId);
  const accounts = useHmrcAccounts(environment, kind === 'client' ? 'agent' : 'individual');
  const save = useMutation({ mutationFn: onSubmit });
  const error = save.error ? toIpcError(save.error) : undefined;
  const errorRef = useRef<HTMLDivElement>(null);

  // One account of the right kind: choose it (the usual case); none chosen yet otherwise.
  const only = accounts.accounts.length === 1 ? accounts.accounts[0]!.id : null;
  const accountId = accountChoice === undefined ? only : accountChoice;
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ kind, name, nino, accountId, agentRole: kind === 'client' ? role : null });
  };

  const nameError = fieldError(error, 'name');
  const ninoError = fieldError(error, 'nino');
  const roleError = fieldError(error, 'agentRole');
  const accountError = fieldError(error, 'accountId');

  return (
    <form className="form profiles-form" onSubmit={submit} noValidate>
      {fixedKind ? null : (
        <fieldset>
          <legend>Whose profile is this?</legend>
          <div className="choice">
            <input
              type="radio"
              id={`${id}-self`}
              name={`${id}-kind`}
              checked={kind === 'self'}
              onChange={() => {
                setKind('self');
                setAccountId(undefined);
              }}
            />
            <label htmlFor={`${id}-self`}>My own (I am self-employed or a landlord)</label>
          </div>
          <div className="choice">
            <input
              type="radio"
              id={`${id}-client`}
              name={`${id}-kind`}
              checked={kind === 'client'}
              onChange={() => {
                setKind('client');
                setAccountId(undefined);
              }}
            />
            <label htmlFor={`${id}-client`}>A client I act for as their agent</label>
          </div>
        </fieldset>
      )}

      {suggestions.length > 0 ? (
        <details className="profiles-suggestions">
          <summary>Practice test people you can use</summary>
          <ul className="plain-list">
            {suggestions.map((s) => (
              <li key={s.nino}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    setName(s.name);
                    setNino(formatNino(s.nino));
                    // The earlier answer's errors were about other values.
                    save.reset();
                  }}
                >
                  Use {s.name} ({formatNino(s.nino)})
                </button>
                <span className="hint profiles-block">{s.description}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      <TextField
        id={`${id}-name`}
        label="Full name"
        value={name}
        onChange={setName}
        error={nameError}
        autoComplete="off"
        maxLength={200}
      />

      <NinoField
        id={`${id}-nino`}
        label="National Insurance number"
        hint={`It’s on a payslip, P60 or letter from HMRC. For example, ${NINO_EXAMPLE}.`}
        value={nino}
        onChange={setNino}
        error={ninoError}
      />

      {kind === 'client' ? (
        <fieldset aria-describedby={roleError ? `${id}-role-error` : undefined}>
          <legend>You are their…</legend>
          {(['main', 'supporting'] as const).map((r) => (
            <div className="choice" key={r}>
              <input
                type="radio"
                id={`${id}-role-${r}`}
                name={`${id}-role`}
                checked={role === r}
                onChange={() => setRole(r)}
                aria-describedby={`${id}-role-${r}-hint`}
              />
              <label htmlFor={`${id}-role-${r}`}>{AGENT_ROLE_LABELS[r]}</label>
              <p className="hint" id={`${id}-role-${r}-hint`}>
                {r === 'main'
                  ? 'Full access: quarterly updates, calculations and the final declaration. A client has one main agent.'
                  : 'Quarterly updates only: no calculations, final declaration or accounting type.'}
              </p>
            </div>
          ))}
          {roleError ? (
            <p className="field-error" id={`${id}-role-error`}>
              {roleError}
            </p>
          ) : null}
        </fieldset>
      ) : null}

      <div className="field">
        <label htmlFor={`${id}-account`}>
          {kind === 'client' ? 'Your agent services account' : 'Your HMRC sign-in'}
        </label>
        {accounts.isPending ? (
          <Loading label="Reading linked accounts…" />
        ) : (
          <select
            id={`${id}-account`}
            value={accountId ?? ''}
            onChange={(e) => setAccountId(e.target.value || null)}
            aria-invalid={accountError ? true : undefined}
            aria-describedby={`${id}-account-hint${accountError ? ` ${id}-account-error` : ''}`}
          >
            <option value="">None yet</option>
            {accounts.accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        )}
        <p className="hint" id={`${id}-account-hint`}>
          {accounts.accounts.length === 0
            ? `No ${kind === 'client' ? 'agent services account' : 'individual sign-in'} is linked yet. `
            : 'Ledgerlink asks HMRC with this account whether it may act for this person. '}
          <a href="#/link">Link an account</a>
        </p>
        {accountError ? (
          <p className="field-error" id={`${id}-account-error`}>
            {accountError}
          </p>
        ) : null}
      </div>

      {save.isPending ? <Loading label={busyLabel} /> : null}
      <div ref={errorRef} tabIndex={-1}>
        {/* Field problems are shown at their fields; the summary keeps the headline and action. */}
        {error ? <ErrorNotice error={{ ...error, fields: [] }} /> : null}
      </div>
      <div className="actions">
        <button type="submit" className="button primary" disabled={save.isPending}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** Creates a profile from the form's values (the main process checks everything again). */
export const createProfile = (values: ProfileFormValues, options: { activate?: boolean } = {}) =>
  unwrap(
    api.profiles.create({
      kind: values.kind,
      name: values.name,
      nino: values.nino,
      accountId: values.accountId,
      ...(values.kind === 'client' && values.agentRole ? { agentRole: values.agentRole } : {}),
      ...(options.activate ? { activate: true } : {}),
    }),
  );
