import { useId, useState, type FormEvent, type JSX } from 'react';
import { useMutation } from '@tanstack/react-query';
import { formatNino, NINO_EXAMPLE } from '@shared/domain/nino';
import { useProfiles } from '@renderer/app/use-active-profile';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { NinoField, TextField } from '@renderer/ui/TextField';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { usePracticeSuggestions } from '../profiles/use-practice-suggestions';

export interface SelfDetailsValues {
  name: string;
  nino: string;
}

/**
 * Step 2 for a sole trader or landlord: name and NINO, checked by the main process by HMRC's
 * format and prefix rules (and for duplicates) before anything else happens.
 */
export function SelfDetails({
  initial,
  onDone,
  onBack,
}: {
  initial?: SelfDetailsValues;
  onDone: (values: SelfDetailsValues) => void;
  onBack: () => void;
}): JSX.Element {
  const id = useId();
  const profiles = useProfiles();
  const suggestions = usePracticeSuggestions(profiles.data);
  const [name, setName] = useState(initial?.name ?? '');
  const [nino, setNino] = useState(initial?.nino ? formatNino(initial.nino) : '');
  const check = useMutation({
    mutationFn: () => unwrap(api.profiles.validateNew({ name, nino })),
    onSuccess: (values) => onDone(values),
  });
  const error = check.error ? toIpcError(check.error) : undefined;
  const nameError = error?.fields?.find((f) => f.path === 'name')?.message;
  const ninoError = error?.fields?.find((f) => f.path === 'nino')?.message;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    check.mutate();
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <h2>About you</h2>
      {suggestions.length > 0 ? (
        <div className="notice notice-ok onboarding-suggest">
          <p className="notice-title">Trying Ledgerlink with Practice HMRC?</p>
          <p>Use one of its test people, then sign in as them in the next step.</p>
          <ul className="plain-list">
            {suggestions.slice(0, 2).map((s) => (
              <li key={s.nino}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    setName(s.name);
                    setNino(formatNino(s.nino));
                    // The earlier answer's errors were about other values.
                    check.reset();
                  }}
                >
                  Use {s.name} ({formatNino(s.nino)})
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <TextField
        id={`${id}-name`}
        label="Your full name"
        value={name}
        onChange={(v) => {
          setName(v);
          if (nameError) check.reset();
        }}
        error={nameError}
        autoComplete="name"
        maxLength={200}
      />
      <NinoField
        id={`${id}-nino`}
        label="Your National Insurance number"
        hint={`It’s on your payslip, P60 or letters from HMRC. For example, ${NINO_EXAMPLE}.`}
        value={nino}
        onChange={(v) => {
          setNino(v);
          if (ninoError) check.reset();
        }}
        error={ninoError}
      />
      {error && !nameError && !ninoError ? <ErrorNotice error={error} /> : null}
      <div className="actions">
        <button type="submit" className="button primary" disabled={check.isPending}>
          Continue
        </button>
        <button type="button" className="button" onClick={onBack}>
          Back
        </button>
      </div>
    </form>
  );
}
