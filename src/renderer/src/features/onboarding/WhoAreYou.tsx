import { useState, type FormEvent, type JSX } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Environment } from '@shared/ipc/channels/settings';
import { settingsQueryKey, useSettings } from '@renderer/app/use-settings';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';

export type Who = 'self' | 'agent';

/** Step 1: who is using Ledgerlink, and where (Practice HMRC unless the person chooses otherwise). */
export function WhoAreYou({ onChosen }: { onChosen: (who: Who) => void }): JSX.Element {
  const settings = useSettings();
  const queryClient = useQueryClient();
  const [who, setWho] = useState<Who | null>(null);
  const [environment, setEnvironment] = useState<Environment | null>(null);
  const [missing, setMissing] = useState(false);
  const save = useMutation({
    mutationFn: (env: Environment) => unwrap(api.settings.setEnvironment({ environment: env })),
    onSuccess: (next) => queryClient.setQueryData(settingsQueryKey, next),
  });

  if (settings.isPending) return <Loading label="Getting ready…" />;
  if (settings.error) return <ErrorNotice error={toIpcError(settings.error)} />;
  const chosenEnv = environment ?? settings.data.environment;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!who) {
      setMissing(true);
      return;
    }
    if (chosenEnv !== settings.data.environment) await save.mutateAsync(chosenEnv);
    onChosen(who);
  };

  return (
    <form className="form onboarding-who" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset aria-describedby={missing ? 'onboarding-who-error' : undefined}>
        <legend>Who are you?</legend>
        {missing ? (
          <p className="field-error" id="onboarding-who-error">
            Choose one to carry on.
          </p>
        ) : null}
        <div className="choice">
          <input
            type="radio"
            id="onboarding-who-self"
            name="onboarding-who"
            checked={who === 'self'}
            onChange={() => {
              setWho('self');
              setMissing(false);
            }}
            aria-describedby="onboarding-who-self-hint"
          />
          <label htmlFor="onboarding-who-self">I’m self-employed or a landlord</label>
          <p className="hint" id="onboarding-who-self-hint">
            You keep your own records and send your own updates. Next: your name and National
            Insurance number, then you link Ledgerlink to your HMRC sign-in.
          </p>
        </div>
        <div className="choice">
          <input
            type="radio"
            id="onboarding-who-agent"
            name="onboarding-who"
            checked={who === 'agent'}
            onChange={() => {
              setWho('agent');
              setMissing(false);
            }}
            aria-describedby="onboarding-who-agent-hint"
          />
          <label htmlFor="onboarding-who-agent">I’m an agent</label>
          <p className="hint" id="onboarding-who-agent-hint">
            You act for clients. Next: link your agent services account, then add your clients one
            by one or from a CSV file.
          </p>
        </div>
      </fieldset>

      <fieldset>
        <legend>Where to</legend>
        {settings.data.environments.map((env) => (
          <div key={env.id} className="choice">
            <input
              type="radio"
              id={`onboarding-env-${env.id}`}
              name="onboarding-env"
              checked={chosenEnv === env.id}
              disabled={!env.available}
              onChange={() => setEnvironment(env.id)}
              aria-describedby={`onboarding-env-${env.id}-hint`}
            />
            <label htmlFor={`onboarding-env-${env.id}`}>
              {env.label}
              {env.id === 'practice' ? ' (recommended to start)' : ''}
            </label>
            <p className="hint" id={`onboarding-env-${env.id}-hint`}>
              {env.description}
              {env.available ? '' : ` Not available: ${env.unavailableReason ?? ''}`}
            </p>
          </div>
        ))}
      </fieldset>
      {save.error ? <ErrorNotice error={toIpcError(save.error)} /> : null}
      <div className="actions">
        <button type="submit" className="button primary" disabled={save.isPending}>
          Continue
        </button>
      </div>
    </form>
  );
}
