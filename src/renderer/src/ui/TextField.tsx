import type { InputHTMLAttributes, JSX } from 'react';

type InputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'value' | 'onChange' | 'aria-invalid' | 'aria-describedby'
>;

/**
 * A labelled text input with an optional hint and error, wired for screen readers: the hint
 * and the error are read with the field, and the field says when it is invalid.
 */
export function TextField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  ...input
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | null | undefined;
  value: string;
  onChange: (value: string) => void;
} & InputProps): JSX.Element {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        type="text"
        {...input}
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** National Insurance number input: the same everywhere a NINO is asked for. */
export function NinoField(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string | null | undefined;
  value: string;
  onChange: (value: string) => void;
}): JSX.Element {
  return (
    <TextField
      {...props}
      className="profiles-nino-input"
      autoComplete="off"
      spellCheck={false}
      maxLength={20}
    />
  );
}
