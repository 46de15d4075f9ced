import { useCallback, useEffect, useRef, useState, type JSX } from 'react';
import { useSettings } from '@renderer/app/use-settings';
import { Loading } from '@renderer/ui/Loading';
import { ScreenHeader } from '@renderer/ui/ScreenHeader';
import { AgentClients } from './AgentClients';
import { LinkAccountStep } from './LinkAccountStep';
import { SelfDetails, type SelfDetailsValues } from './SelfDetails';
import { SelfFinish } from './SelfFinish';
import { WELCOME_HASH } from './use-first-run';
import { WhoAreYou } from './WhoAreYou';

type Step =
  | { id: 'who' }
  | { id: 'self-details'; details?: SelfDetailsValues }
  | { id: 'link'; who: 'self' | 'agent'; details?: SelfDetailsValues }
  | { id: 'self-finish'; details: SelfDetailsValues; accountId: string }
  | { id: 'clients'; accountId: string };

const STEPS: Record<'self' | 'agent', Step['id'][]> = {
  self: ['who', 'self-details', 'link', 'self-finish'],
  agent: ['who', 'link', 'clients'],
};

const TITLES: Record<Step['id'], string> = {
  who: 'Getting started',
  'self-details': 'About you',
  link: 'Link to HMRC',
  'self-finish': 'Your businesses',
  clients: 'Your clients',
};

/**
 * First run: "Who are you?" — a sole trader or landlord (name, NINO, then link their HMRC
 * sign-in) or an agent (link the agent services account, then add clients). Practice HMRC is
 * the environment unless the person picks another.
 */
export function Onboarding(): JSX.Element {
  const settings = useSettings();
  const [step, setStep] = useState<Step>({ id: 'who' });
  const [who, setWho] = useState<'self' | 'agent' | null>(null);
  const stepHeading = useRef<HTMLParagraphElement>(null);
  const first = useRef(true);

  // Each new step: focus its title so keyboard and screen-reader users start there.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    stepHeading.current?.focus();
  }, [step.id]);

  const onLinked = useCallback(
    (accountId: string) =>
      setStep((s) =>
        s.id !== 'link'
          ? s
          : s.who === 'agent'
            ? { id: 'clients', accountId }
            : s.details
              ? { id: 'self-finish', details: s.details, accountId }
              : { id: 'self-details' },
      ),
    [],
  );

  if (settings.isPending) return <Loading label="Getting ready…" />;
  const environment = settings.data?.environment ?? 'practice';
  const order = who ? STEPS[who] : null;
  const position = order ? order.indexOf(step.id) + 1 : 1;

  return (
    <section className="onboarding" aria-label="Welcome to Ledgerlink">
      <ScreenHeader title="Welcome to Ledgerlink">
        Ledgerlink keeps your digital records and sends your quarterly updates to HMRC for Making
        Tax Digital for Income Tax. Setting up takes a few minutes.
      </ScreenHeader>
      <p className="onboarding-step" id="onboarding-title" ref={stepHeading} tabIndex={-1}>
        {order ? `Step ${position} of ${order.length}: ` : 'Step 1: '}
        {TITLES[step.id]}
      </p>

      {step.id === 'who' ? (
        <WhoAreYou
          onChosen={(chosen) => {
            if (window.location.hash !== WELCOME_HASH) window.location.hash = WELCOME_HASH;
            setWho(chosen);
            setStep(chosen === 'self' ? { id: 'self-details' } : { id: 'link', who: 'agent' });
          }}
        />
      ) : null}
      {step.id === 'self-details' ? (
        <SelfDetails
          {...(step.details ? { initial: step.details } : {})}
          onBack={() => setStep({ id: 'who' })}
          onDone={(details) => setStep({ id: 'link', who: 'self', details })}
        />
      ) : null}
      {step.id === 'link' ? (
        <LinkAccountStep
          kind={step.who === 'agent' ? 'agent' : 'individual'}
          environment={environment}
          onLinked={onLinked}
          onBack={() =>
            setStep(
              step.who === 'self'
                ? { id: 'self-details', ...(step.details ? { details: step.details } : {}) }
                : { id: 'who' },
            )
          }
        />
      ) : null}
      {step.id === 'self-finish' ? (
        <SelfFinish details={step.details} accountId={step.accountId} />
      ) : null}
      {step.id === 'clients' ? (
        <AgentClients environment={environment} accountId={step.accountId} />
      ) : null}
    </section>
  );
}
