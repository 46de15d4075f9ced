import { useState, type FormEvent, type JSX } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { settingsQueryKey, useSettings } from '@renderer/app/use-settings';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { ScreenHeader } from '@renderer/ui/ScreenHeader';

type Environment = 'practice' | 'sandbox' | 'production';

export function SettingsScreen(): JSX.Element {
  const settings = useSettings();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<Environment | null>(null);
  const save = useMutation({
    mutationFn: (environment: Environment) => unwrap(api.settings.setEnvironment({ environment })),
    onSuccess: (next) => {
      queryClient.setQueryData(settingsQueryKey, next);
      // Every cached answer belongs to the previous environment.
      void queryClient.invalidateQueries({
        predicate: (q) => q.queryKey[0] !== settingsQueryKey[0],
      });
    },
  });

  const selected = choice ?? settings.data?.environment ?? 'practice';
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(selected);
  };

  return (
    <section>
      <ScreenHeader title="Settings">Choose where Ledgerlink sends your updates.</ScreenHeader>
      {settings.isPending ? <Loading label="Reading settings…" /> : null}
      {settings.error ? <ErrorNotice error={toIpcError(settings.error)} /> : null}
      {settings.data ? (
        <form onSubmit={onSubmit} className="form">
          <fieldset>
            <legend>Environment</legend>
            {settings.data.environments.map((env) => (
              <div key={env.id} className="choice">
                <input
                  type="radio"
                  id={`env-${env.id}`}
                  name="environment"
                  value={env.id}
                  checked={selected === env.id}
                  disabled={!env.available}
                  onChange={() => setChoice(env.id)}
                  aria-describedby={`env-${env.id}-hint`}
                />
                <label htmlFor={`env-${env.id}`}>{env.label}</label>
                <p className="hint" id={`env-${env.id}-hint`}>
                  {env.description}
                  {env.available ? '' : ` Not available: ${env.unavailableReason ?? ''}`}
                </p>
              </div>
            ))}
          </fieldset>
          {save.error ? <ErrorNotice error={toIpcError(save.error)} /> : null}
          {save.isSuccess && !choice ? null : null}
          <div className="actions">
            <button
              type="submit"
              className="button primary"
              disabled={save.isPending || selected === settings.data.environment}
            >
              {save.isPending ? 'Switching…' : 'Use this environment'}
            </button>
            {save.isSuccess ? (
              <span role="status" className="saved">
                Now using{' '}
                {settings.data.environments.find((e) => e.id === settings.data.environment)?.label}.
              </span>
            ) : null}
          </div>
        </form>
      ) : null}
    </section>
  );
}
