import { randomUUID } from 'node:crypto';
import * as oauth from 'oauth4webapi';
import type {
  AccountKind,
  FlowView,
  LinkOptions,
  LinkStepId,
  TransportId,
} from '@shared/ipc/channels/auth';
import type { Environment } from '@shared/ipc/channels/settings';
import type { Clock } from '../clock/clock';
import type { EnvironmentRuntime } from '../environments/environment-runtime';
import { ENVIRONMENT_LABELS } from '../environments/hmrc-environments';
import { isAppError } from '../ipc/app-error';
import type { Logger } from '../logging/logger';
import type { ExternalOpener } from '../shell/external-opener';
import type { TokenRecord } from '../vault/token-cipher';
import type { TokenVault } from '../vault/token-vault';
import {
  DROP_LOG,
  dropNotice,
  GRANTED_AFTER_CANCEL,
  TOO_LATE,
  type DropReason,
} from './callback-refusal';
import type { HmrcAccountStore } from './hmrc-accounts';
import {
  BROWSER_STEPS,
  FLOW_LIFETIME_MS,
  initialSteps,
  isActive,
  setStep,
  stateMatches,
  viewOf,
  type LinkFlow,
} from './link-flow';
import { scopesFor, type OAuthClient, type OAuthTarget } from './oauth-client';
import type { LoopbackVerdict, StartLoopbackListener } from './transports/loopback-listener';
import { planTransports } from './transports/redirect-plan';
import { callbackVerdict } from './callback-verdict';
import { linkOptions } from './link-options';
import { createLinkStorage } from './link-storage';
import { listenOnFirstFreePort } from './transports/loopback-ports';
import { exchangeFailure, linkFailure, linkRefusal, type LinkFailure } from './link-failures';
import { parsePastedCode } from './pasted-code';

export interface StartLinkRequest {
  accountKind: AccountKind;
  environment?: Environment | undefined;
  transport?: TransportId | undefined;
  sessionOnly?: boolean | undefined;
  relinkAccountId?: string | undefined;
}

/**
 * The linking journey in the main process: options, start (PKCE, state, the chosen way back),
 * the browser, the callback, the code exchange, storing the tokens.
 */
export interface LinkService {
  options(environment?: Environment): Promise<LinkOptions>;
  start(request: StartLinkRequest): Promise<FlowView>;
  current(): FlowView | null;
  reopenBrowser(flowId: string): Promise<FlowView>;
  submitCode(flowId: string, code: string): Promise<FlowView>;
  /** Cancel an active flow, or dismiss a finished one. */
  cancel(flowId: string): FlowView;
  keepForSession(flowId: string): FlowView;
  /**
   * A redirect from HMRC, by whichever transport brought it. Accepted only for the pending
   * flow, with its state (constant-time), unused, by the flow's transport, within 10 minutes;
   * anything else is dropped with a warning (callback-verdict.ts), and a flow still waiting is
   * told that Ledgerlink refused it and goes on waiting (callback-refusal.ts).
   */
  receiveCallback(params: URLSearchParams, via: TransportId): LoopbackVerdict;
  /** Resolves when the current flow has stopped moving (tests and the e2e helper use it). */
  settled(): Promise<FlowView | null>;
  dispose(): Promise<void>;
}

export function createLinkService(deps: {
  environments: EnvironmentRuntime;
  opener: ExternalOpener;
  vault: TokenVault;
  accounts: HmrcAccountStore;
  oauth: OAuthClient;
  target: (environment: Environment) => Promise<OAuthTarget>;
  clock: Clock;
  logger: Logger;
  deepLinksAvailable: boolean;
  startLoopbackListener: StartLoopbackListener;
  emit: (view: FlowView) => void;
}): LinkService {
  const { clock, logger, accounts, vault } = deps;
  /**
   * The latest linking attempt, the only one whose callback can be accepted: starting another
   * replaces it at once. A finished attempt stays until dismissed, so the window can show how
   * it ended.
   */
  let latestFlow: LinkFlow | undefined;
  /** The code exchange and storing under way for the accepted callback (settled() awaits it). */
  let completing: Promise<void> = Promise.resolve();

  const now = () => clock.now().getTime();
  const publish = (f: LinkFlow) => {
    if (f === latestFlow) deps.emit(viewOf(f));
  };

  const stopListening = async (f: LinkFlow): Promise<void> => {
    if (f.timer) clearTimeout(f.timer);
    f.timer = undefined;
    const listener = f.loopback;
    f.loopback = undefined;
    await listener?.close();
  };

  const fail = (f: LinkFlow, step: LinkStepId, failure: LinkFailure) => {
    void stopListening(f);
    f.held = undefined;
    f.phase = 'failed';
    f.error = { step, ...failure };
    setStep(f, step, 'failed');
    publish(f);
  };

  const expire = (f: LinkFlow, answerCameTooLate = false) => {
    if (f.phase !== 'waiting' && f.phase !== 'storage-choice') return;
    if (answerCameTooLate) return fail(f, 'grant', TOO_LATE);
    fail(f, f.phase === 'waiting' ? 'grant' : 'token-stored', linkFailure('LINK_TIMED_OUT'));
  };

  /** Ledgerlink refused an answer but keeps waiting: say so on the waiting flow. */
  const tellRefused = (f: LinkFlow | undefined, reason: DropReason) => {
    if (reason === 'granted-after-cancel') {
      if (!f || f !== latestFlow || f.phase !== 'cancelled') return;
      f.refusal = GRANTED_AFTER_CANCEL;
      publish(f);
      return;
    }
    const notice = dropNotice(reason);
    if (!notice || !f || f !== latestFlow || f.phase !== 'waiting') return;
    f.refusal = notice;
    publish(f);
  };

  const requireFlow = (flowId: string): LinkFlow => {
    if (!latestFlow || latestFlow.id !== flowId) throw linkRefusal('flow-ended');
    return latestFlow;
  };

  const { store, finish } = createLinkStorage({
    accounts,
    vault,
    clock,
    logger,
    publish,
    isLatest: (f) => f === latestFlow,
    expire,
  });

  const complete = async (f: LinkFlow, params: URLSearchParams) => {
    // The loopback listener stops by itself once it has answered this callback; closing it
    // here would cut off the "You can return to Ledgerlink" page.
    if (f.timer) clearTimeout(f.timer);
    f.timer = undefined;
    f.loopback = undefined;
    const code = params.get('code');
    for (const id of BROWSER_STEPS) setStep(f, id, 'done');
    f.phase = 'exchanging';
    if (code) {
      logger.addSecret(code);
      setStep(f, 'token-issued', 'current', 'Code received from HMRC. Asking HMRC for a token…');
      publish(f);
    }

    let issued;
    try {
      issued = await deps.oauth.exchangeCode({
        target: await deps.target(f.environment),
        callback: params,
        expectedState: f.state,
        redirectUri: f.route.redirectUri,
        codeVerifier: f.codeVerifier,
      });
    } catch (error) {
      if (f !== latestFlow || f.phase !== 'exchanging') return;
      const { step, failure, log } = exchangeFailure(error, f.environmentLabel);
      if (log.level === 'info') logger.info(log.message, log.fields);
      else logger.warn(log.message, log.fields);
      return fail(f, step, failure);
    }
    if (f !== latestFlow || f.phase !== 'exchanging') return;
    logger.addSecret(issued.access);
    logger.addSecret(issued.refresh);
    const issuedAt = clock.now();
    const record: TokenRecord = {
      access: issued.access,
      refresh: issued.refresh,
      expiresAt: new Date(issuedAt.getTime() + issued.expiresInSeconds * 1000).toISOString(),
      scopes: issued.scopes ?? scopesFor(f.accountKind),
      grantedAt: issuedAt.toISOString(),
    };
    setStep(f, 'token-issued', 'done', 'HMRC issued a token for Ledgerlink.');
    setStep(f, 'token-stored', 'current', 'Storing it securely…');
    f.phase = 'storing';
    publish(f);
    await store(f, f.relinkAccountId ?? randomUUID(), record);
  };

  function receiveCallback(params: URLSearchParams, via: TransportId): LoopbackVerdict {
    const f = latestFlow;
    const drop = (reason: DropReason): LoopbackVerdict => {
      // Never the URL or its values: only why it was dropped.
      logger.warn(`OAuth callback dropped: ${DROP_LOG[reason]}`, { via });
      tellRefused(f, reason);
      return 'refused';
    };
    if (!f) return drop('no-flow');
    const verdict = callbackVerdict(f, params, via, now());
    if (!verdict.accept) {
      if (verdict.expired) expire(f, true);
      return drop(verdict.reason);
    }
    f.used = true;
    f.refusal = undefined;
    completing = complete(f, params).catch((error: unknown) => {
      logger.error('Linking failed unexpectedly', {
        error: error instanceof Error ? error.message : String(error),
      });
      if (f === latestFlow && isActive(f.phase)) {
        fail(
          f,
          f.phase === 'exchanging' ? 'token-issued' : 'token-stored',
          linkFailure('INTERNAL'),
        );
      }
    });
    return 'accepted';
  }

  const open = async (f: LinkFlow) => {
    try {
      await deps.opener.open(f.authorizeUrl);
    } catch (error) {
      logger.warn('The system browser could not be opened', {
        error: isAppError(error) ? error.code : error instanceof Error ? error.name : 'unknown',
      });
      fail(f, 'browser-opened', linkFailure('BROWSER_NOT_OPENED'));
      return false;
    }
    return true;
  };

  return {
    options: (environment) =>
      linkOptions(
        {
          environments: deps.environments,
          vault,
          deepLinksAvailable: deps.deepLinksAvailable,
        },
        environment,
      ),

    async start(request) {
      const relinking = request.relinkAccountId ? accounts.get(request.relinkAccountId) : undefined;
      if (request.relinkAccountId && !relinking) throw linkRefusal('account-gone');
      const environment =
        relinking?.environment ?? request.environment ?? deps.environments.current();
      const accountKind = relinking?.kind ?? request.accountKind;
      const target = await deps.target(environment);
      const plan = planTransports(target.definition.credentials.redirectUris, {
        deepLinksAvailable: deps.deepLinksAvailable,
      });
      const transportId = request.transport ?? plan.defaultTransport;
      const transport = plan.options.find((o) => o.id === transportId);
      if (!transport || !transport.available)
        throw linkRefusal('transport-unavailable', transport?.unavailableReason);
      const sessionOnly = request.sessionOnly === true;
      if (!sessionOnly) {
        const keychain = await vault.keychainStatus();
        if (!keychain.available) throw linkRefusal('keychain-unavailable');
      }

      // A new attempt replaces any earlier one: its state stops being accepted at once.
      const previous = latestFlow;
      if (previous && isActive(previous.phase)) {
        previous.phase = 'cancelled';
        previous.held = undefined;
        await stopListening(previous);
        publish(previous);
      } else if (previous) {
        // A cancelled attempt may still be listening for a late answer: the new one takes over.
        await stopListening(previous);
      }

      // RFC 7636 §4.1–4.2 (S256) and a 256-bit state (RFC 6749 §10.10, §10.12): oauth4webapi
      // draws 32 random bytes for each.
      const state = oauth.generateRandomState();
      const codeVerifier = oauth.generateRandomCodeVerifier();
      const codeChallenge = await oauth.calculatePKCECodeChallenge(codeVerifier);
      logger.addSecret(state);
      logger.addSecret(codeVerifier);

      const f: LinkFlow = {
        id: randomUUID(),
        environment,
        environmentLabel: ENVIRONMENT_LABELS[environment].label,
        accountKind,
        ...(relinking ? { relinkAccountId: relinking.id } : {}),
        sessionOnly,
        transport,
        alternatives: plan.options.filter((o) => o.id !== transport.id),
        route: plan.routes(transport.id)[0]!,
        state,
        codeVerifier,
        authorizeUrl: '',
        startedAt: now(),
        expiresAt: now() + FLOW_LIFETIME_MS,
        used: false,
        phase: 'waiting',
        steps: initialSteps(accountKind),
      };
      if (transport.id === 'loopback') {
        const { route, listener } = await listenOnFirstFreePort(plan.routes('loopback'), {
          startLoopbackListener: deps.startLoopbackListener,
          logger,
          timeoutMs: FLOW_LIFETIME_MS,
          onCallback: (params) =>
            latestFlow === f ? receiveCallback(params, 'loopback') : 'refused',
        });
        f.route = route;
        f.loopback = listener;
      }
      f.authorizeUrl = deps.oauth.authorizeUrl({
        target,
        redirectUri: f.route.redirectUri,
        state,
        codeChallenge,
        accountKind,
      });
      latestFlow = f;
      logger.info('Linking started', {
        flowId: f.id,
        environment,
        kind: accountKind,
        transport: transport.id,
        relink: Boolean(relinking),
      });
      publish(f);

      if (await open(f)) {
        setStep(f, 'browser-opened', 'done', 'Your browser opened HMRC’s pages.');
        for (const id of BROWSER_STEPS) setStep(f, id, 'in-browser');
        f.timer = setTimeout(() => expire(f), FLOW_LIFETIME_MS);
        f.timer.unref?.();
        publish(f);
      }
      return viewOf(f);
    },

    current: () => (latestFlow ? viewOf(latestFlow) : null),

    async reopenBrowser(flowId) {
      const f = requireFlow(flowId);
      if (f.phase !== 'waiting') throw linkRefusal('not-waiting-for-browser');
      if (await open(f)) logger.info('Browser opened again for the linking in progress');
      return viewOf(f);
    },

    async submitCode(flowId, input) {
      const f = requireFlow(flowId);
      if (f.route.transport !== 'manual') throw linkRefusal('not-manual');
      // People paste the code, or the whole page title HMRC shows ("Success code=…&state=…").
      const { code, state: pastedState } = parsePastedCode(input);
      logger.addSecret(code);
      if (pastedState && !stateMatches(f.state, pastedState)) {
        logger.warn('Pasted code dropped: it belongs to another linking attempt');
        throw linkRefusal('code-for-another-link');
      }
      // The person, not a browser, brings the code here, so the flow supplies its own state.
      const verdict = receiveCallback(new URLSearchParams({ code, state: f.state }), 'manual');
      if (verdict === 'refused') throw linkRefusal('not-waiting-for-code');
      return viewOf(f);
    },

    cancel(flowId) {
      const f = requireFlow(flowId);
      if (isActive(f.phase)) {
        // The loopback listener stays until the attempt's 10 minutes are up, so an answer that
        // still comes (the person went on at HMRC) can be told apart from nothing at all.
        if (f.phase !== 'waiting') void stopListening(f);
        f.held = undefined;
        f.refusal = undefined;
        f.phase = 'cancelled';
        logger.info('Linking cancelled', { flowId: f.id });
        publish(f);
      } else {
        void stopListening(f);
        latestFlow = undefined;
      }
      return viewOf(f);
    },

    keepForSession(flowId) {
      const f = requireFlow(flowId);
      if (f.phase !== 'storage-choice' || !f.held) throw linkRefusal('nothing-to-keep');
      void stopListening(f);
      const { accountId, record } = f.held;
      vault.keepForSession(accountId, record);
      f.sessionOnly = true;
      f.error = undefined;
      finish(f, accountId, record, true);
      return viewOf(f);
    },

    receiveCallback,

    async settled() {
      for (;;) {
        const before = completing;
        await before;
        if (before === completing) return latestFlow ? viewOf(latestFlow) : null;
      }
    },

    async dispose() {
      if (latestFlow) await stopListening(latestFlow);
      await completing.catch(() => undefined);
    },
  };
}
