import { useEffect, useRef, useState, type JSX } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FlowView, LinkStepId, StepStatus, TransportId } from '@shared/ipc/channels/auth';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { STEP_TEXT, kindLabel } from './link-steps';
import { ManualCodeForm } from './ManualCodeForm';
import { flowQueryKey } from './use-link';

const BROWSER_STEPS: LinkStepId[] = ['start-page', 'sign-in', 'two-step', 'identity', 'grant'];

const STATUS_TEXT: Record<StepStatus, string> = {
  waiting: 'Not started',
  current: 'In progress',
  'in-browser': 'In your browser',
  done: 'Done',
  failed: 'Stopped here',
};

const STATUS_MARK: Record<StepStatus, string> = {
  waiting: '',
  current: '…',
  'in-browser': '↗',
  done: '✓',
  failed: '!',
};

/** What a screen reader hears after each change: the step that matters now. */
function summary(flow: FlowView): string {
  const total = flow.steps.length;
  if (flow.phase === 'linked') return `Linked. All ${total} steps are done.`;
  if (flow.phase === 'cancelled') return 'Linking cancelled.';
  const index = flow.steps.findIndex((s) => s.status === 'failed' || s.status === 'current');
  if (index >= 0) {
    const s = flow.steps[index]!;
    return `Step ${index + 1} of ${total}: ${STEP_TEXT[s.id].title}. ${
      s.status === 'failed' ? (flow.error?.message ?? 'It did not work.') : (s.detail ?? '')
    }`;
  }
  if (flow.steps.some((s) => s.status === 'in-browser'))
    return `Steps 3 to 7 happen in your browser, on HMRC’s pages. Ledgerlink is waiting for HMRC’s answer.`;
  return '';
}

/** The linking steps as a live stepper, driven by main's `auth.progress` events. */
export function LinkProgress({ flow }: { flow: FlowView }): JSX.Element {
  const queryClient = useQueryClient();
  const setFlow = (view: FlowView | null) =>
    queryClient.setQueryData<FlowView | null>(flowQueryKey, view);
  const [choosing, setChoosing] = useState(false);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const terminal =
    flow.phase === 'linked' || flow.phase === 'failed' || flow.phase === 'storage-choice';

  // Move keyboard focus to the outcome so the next action is one Tab away.
  useEffect(() => {
    if (terminal) (failureRef.current ?? outcomeRef.current)?.focus();
  }, [terminal, flow.flowId]);

  const restart = useMutation({
    mutationFn: (transport: TransportId) =>
      unwrap(
        api.auth.startLink({
          accountKind: flow.accountKind,
          environment: flow.environment,
          transport,
          ...(flow.sessionOnly ? { sessionOnly: true } : {}),
          ...(flow.relinkAccountId ? { relinkAccountId: flow.relinkAccountId } : {}),
        }),
      ),
    onSuccess: (view) => {
      setChoosing(false);
      setFlow(view);
    },
  });
  const reopen = useMutation({
    mutationFn: () => unwrap(api.auth.reopenBrowser({ flowId: flow.flowId })),
  });
  const cancel = useMutation({
    mutationFn: () => unwrap(api.auth.cancelLink({ flowId: flow.flowId })),
    onSuccess: (view) => setFlow(view),
  });
  const dismiss = useMutation({
    mutationFn: () => unwrap(api.auth.cancelLink({ flowId: flow.flowId })),
    onSuccess: () => setFlow(null),
  });
  const keep = useMutation({
    mutationFn: () => unwrap(api.auth.keepForSession({ flowId: flow.flowId })),
    onSuccess: (view) => setFlow(view),
  });
  const actionError = [restart, reopen, cancel, dismiss, keep].find((m) => m.error)?.error;

  const done = flow.steps.filter((s) => s.status === 'done').length;
  const waiting = flow.phase === 'waiting';
  const working = flow.phase === 'exchanging' || flow.phase === 'storing';
  const alternatives = flow.alternatives.filter((a) => a.available);

  return (
    <section className="link-progress" aria-labelledby="link-progress-heading">
      <h2 id="link-progress-heading">
        Linking {kindLabel(flow.accountKind)} to {flow.environmentLabel}
      </h2>
      <div className="link-meter">
        <label htmlFor="link-meter">
          {done} of {flow.steps.length} steps done
        </label>
        <progress id="link-meter" className="progress" max={flow.steps.length} value={done} />
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {summary(flow)}
      </p>

      <div className="link-transport">
        <p>
          <span className="hint">Way back to Ledgerlink: </span>
          <strong data-testid="link-transport">{flow.transport.label}</strong>
          {flow.sessionOnly ? <span className="badge badge-warn">This session only</span> : null}
        </p>
        {waiting && alternatives.length > 0 ? (
          choosing ? (
            <div className="link-alternatives" role="group" aria-label="Other ways back">
              <p className="hint">
                Choosing another way starts again: Ledgerlink opens HMRC’s pages once more.
              </p>
              {alternatives.map((a) => (
                <button
                  key={a.id}
                  type="button"
                  className="button"
                  disabled={restart.isPending}
                  onClick={() => restart.mutate(a.id)}
                >
                  {a.label}
                </button>
              ))}
              <button type="button" className="link-button" onClick={() => setChoosing(false)}>
                Keep {flow.transport.label.toLowerCase()}
              </button>
            </div>
          ) : (
            <button type="button" className="link-button" onClick={() => setChoosing(true)}>
              Use another way
            </button>
          )
        ) : null}
      </div>

      {waiting && flow.refusal ? (
        <div className="notice notice-warn" role="status" data-testid="link-refusal">
          <p className="notice-title">{flow.refusal.message}</p>
          <p>{flow.refusal.action}</p>
          <p className="notice-meta">Reference: {flow.refusal.code}</p>
        </div>
      ) : null}

      <ol className="stepper">
        {flow.steps.map((step, index) => {
          const text = STEP_TEXT[step.id];
          const inBrowser = BROWSER_STEPS.includes(step.id);
          const failedHere = step.status === 'failed' && flow.error?.step === step.id;
          return (
            <li
              key={step.id}
              className={`step step-${step.status}${inBrowser ? ' step-browser' : ''}`}
              aria-current={step.status === 'current' ? 'step' : undefined}
              data-step={step.id}
              data-status={step.status}
            >
              <span className="step-mark" aria-hidden="true">
                {STATUS_MARK[step.status] || index + 1}
              </span>
              <div className="step-body">
                <p className="step-title">
                  <span className="visually-hidden">Step {index + 1}: </span>
                  {text.title}
                  <span className="step-status">{STATUS_TEXT[step.status]}</span>
                </p>
                {text.guidance && (step.status === 'in-browser' || step.status === 'waiting') ? (
                  <p className="hint">{text.guidance(flow.accountKind)}</p>
                ) : null}
                {step.detail ? <p className="hint">{step.detail}</p> : null}
                {step.id === 'browser-opened' && waiting ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => reopen.mutate()}
                    disabled={reopen.isPending}
                  >
                    Open it again
                  </button>
                ) : null}
                {failedHere && flow.error ? (
                  <div
                    ref={failureRef}
                    tabIndex={-1}
                    className="step-failure notice notice-error"
                    role="alert"
                  >
                    <p className="notice-title">{flow.error.message}</p>
                    <p>{flow.error.action}</p>
                    <p className="notice-meta">Reference: {flow.error.code}</p>
                    <div className="actions">
                      {flow.phase === 'storage-choice' ? (
                        <button
                          type="button"
                          className="button primary"
                          onClick={() => keep.mutate()}
                        >
                          Keep me signed in for this session only
                        </button>
                      ) : null}
                      <button
                        type="button"
                        className={flow.phase === 'storage-choice' ? 'button' : 'button primary'}
                        onClick={() => restart.mutate(flow.transport.id)}
                        disabled={restart.isPending}
                      >
                        Retry
                      </button>
                      <button type="button" className="button" onClick={() => dismiss.mutate()}>
                        Cancel
                      </button>
                    </div>
                  </div>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>

      {waiting && flow.transport.id === 'manual' ? <ManualCodeForm flowId={flow.flowId} /> : null}
      {working ? <Loading label="Finishing the link with HMRC…" /> : null}
      {actionError ? <ErrorNotice error={toIpcError(actionError)} /> : null}

      <div ref={outcomeRef} tabIndex={-1} className="link-outcome">
        {flow.phase === 'linked' && flow.account ? (
          <div className="notice notice-ok" role="status">
            <p className="notice-title">Ledgerlink is linked to {flow.environmentLabel}</p>
            <p>
              {flow.account.label} is ready. Ledgerlink renews its access by itself; you will need
              to link again in about 18 months.
            </p>
            <div className="actions">
              <a className="button primary" href="#/link/status">
                See linked accounts
              </a>
              <button type="button" className="button" onClick={() => dismiss.mutate()}>
                Link another account
              </button>
            </div>
          </div>
        ) : null}
      </div>

      {waiting || working ? (
        <div className="actions">
          <button type="button" className="button" onClick={() => cancel.mutate()}>
            Cancel linking
          </button>
        </div>
      ) : null}
    </section>
  );
}
