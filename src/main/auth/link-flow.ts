import { createHash, timingSafeEqual } from 'node:crypto';
import type {
  AccountKind,
  AccountView,
  FlowPhase,
  FlowView,
  LinkStepId,
  StepStatus,
  TransportOption,
} from '@shared/ipc/channels/auth';
import { linkStepIdSchema } from '@shared/ipc/channels/auth';
import type { Environment } from '@shared/ipc/channels/settings';
import type { TokenRecord } from '../vault/token-cipher';
import type { LoopbackListener } from './transports/loopback-listener';
import type { RedirectRoute } from './transports/redirect-plan';

/** A callback is accepted only within 10 minutes: the life of HMRC's code (reference §2.3). */
export const FLOW_LIFETIME_MS = 10 * 60 * 1000;

/** The nine steps of "Link software to HMRC" (seed-sign-up.md), in order. */
// Declared once, in the IPC contract the renderer's stepper also follows.
export const LINK_STEPS: readonly LinkStepId[] = linkStepIdSchema.options;

/** Steps 3–7 happen in HMRC's pages: the app can only guide, not observe them. */
export const BROWSER_STEPS: readonly LinkStepId[] = [
  'start-page',
  'sign-in',
  'two-step',
  'identity',
  'grant',
];

/**
 * One linking attempt. `state`, `codeVerifier` and `authorizeUrl` (which carries the state)
 * stay in the main process; `view()` copies out only what the renderer may see.
 */
export interface LinkFlow {
  id: string;
  environment: Environment;
  environmentLabel: string;
  accountKind: AccountKind;
  relinkAccountId?: string;
  sessionOnly: boolean;
  transport: TransportOption;
  alternatives: TransportOption[];
  route: RedirectRoute;
  state: string;
  codeVerifier: string;
  authorizeUrl: string;
  startedAt: number;
  expiresAt: number;
  /** Set the moment a callback is accepted: a second one is a replay. */
  used: boolean;
  phase: FlowPhase;
  steps: Map<LinkStepId, { status: StepStatus; detail?: string }>;
  error?: { step: LinkStepId; code: string; message: string; action: string } | undefined;
  /** The last answer Ledgerlink refused while this flow kept waiting, and why. */
  refusal?: { code: string; message: string; action: string } | undefined;
  /** Tokens waiting for the person's "this session only" choice when the keychain failed. */
  held?: { accountId: string; record: TokenRecord } | undefined;
  account?: AccountView | undefined;
  loopback?: LoopbackListener | undefined;
  timer?: NodeJS.Timeout | undefined;
}

/**
 * Constant-time state comparison (RFC 6749 §10.12 CSRF; timing-safe so a forged callback
 * learns nothing from how long the check took). Hashing first gives equal-length inputs to
 * timingSafeEqual whatever was sent.
 */
export function stateMatches(expected: string, candidate: string): boolean {
  const a = createHash('sha256').update(expected, 'utf8').digest();
  const b = createHash('sha256').update(candidate, 'utf8').digest();
  return timingSafeEqual(a, b);
}

export function initialSteps(kind: AccountKind): LinkFlow['steps'] {
  const steps: LinkFlow['steps'] = new Map();
  for (const id of LINK_STEPS) steps.set(id, { status: 'waiting' });
  steps.set('requested', { status: 'done' });
  steps.set('browser-opened', { status: 'current', detail: 'Opening your browser…' });
  if (kind === 'agent') {
    steps.set('identity', { status: 'waiting', detail: 'Agents usually skip this step.' });
  }
  return steps;
}

export function setStep(flow: LinkFlow, id: LinkStepId, status: StepStatus, detail?: string): void {
  const text = detail ?? flow.steps.get(id)?.detail;
  flow.steps.set(id, { status, ...(text ? { detail: text } : {}) });
}

export const isActive = (phase: FlowPhase) =>
  phase === 'waiting' ||
  phase === 'exchanging' ||
  phase === 'storing' ||
  phase === 'storage-choice';

export function viewOf(flow: LinkFlow): FlowView {
  return {
    flowId: flow.id,
    environment: flow.environment,
    environmentLabel: flow.environmentLabel,
    accountKind: flow.accountKind,
    ...(flow.relinkAccountId ? { relinkAccountId: flow.relinkAccountId } : {}),
    transport: { ...flow.transport },
    alternatives: flow.alternatives.map((a) => ({ ...a })),
    phase: flow.phase,
    steps: LINK_STEPS.map((id) => {
      const s = flow.steps.get(id) ?? { status: 'waiting' as const };
      return { id, status: s.status, ...(s.detail ? { detail: s.detail } : {}) };
    }),
    ...(flow.error ? { error: { ...flow.error } } : {}),
    ...(flow.refusal && (flow.phase === 'waiting' || flow.phase === 'cancelled')
      ? { refusal: { ...flow.refusal } }
      : {}),
    sessionOnly: flow.sessionOnly,
    startedAt: new Date(flow.startedAt).toISOString(),
    expiresAt: new Date(flow.expiresAt).toISOString(),
    ...(flow.account ? { account: flow.account } : {}),
  };
}
