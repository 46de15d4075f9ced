import { useId, useState, type FormEvent, type JSX } from 'react';
import { useMutation } from '@tanstack/react-query';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';

/** The manual transport (urn:ietf:wg:oauth:2.0:oob): the person pastes the code HMRC shows. */
export function ManualCodeForm({ flowId }: { flowId: string }): JSX.Element {
  const id = useId();
  const [code, setCode] = useState('');
  const submit = useMutation({
    mutationFn: (value: string) => unwrap(api.auth.submitCode({ flowId, code: value })),
  });
  const error = submit.error ? toIpcError(submit.error) : undefined;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (code.trim()) submit.mutate(code.trim());
  };
  return (
    <form className="link-code card" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={`${id}-code`}>Code from HMRC</label>
        <p className="hint" id={`${id}-hint`}>
          After you grant authority, HMRC shows a code. Copy it and paste it here. It works once,
          for 10 minutes.
        </p>
        <input
          type="text"
          id={`${id}-code`}
          className="mono"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-hint`}
          aria-invalid={error ? true : undefined}
        />
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      <div className="actions">
        <button
          type="submit"
          className="button primary"
          disabled={submit.isPending || !code.trim()}
        >
          {submit.isPending ? 'Sending the code…' : 'Continue'}
        </button>
      </div>
    </form>
  );
}
