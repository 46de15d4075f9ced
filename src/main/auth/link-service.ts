import { randomUUID } from 'node:crypto';
import * as oauth from 'oauth4webapi';
import type {
  AccountKind,
  FlowView,
  LinkOptions,
  LinkStepId,
  TransportId,
} from '../../shared/ipc/channels/auth';
import type { Environment } from '../../shared/ipc/channels/settings';
import type { Clock } from '../clock/clock';
import type { EnvironmentRuntime } from '../environments/environment-runtime';
import { ENVIRONMENT_LABELS } from '../environments/hmrc-environments';
import { AppError, isAppError } from '../ipc/app-error';
import type { Logger } from '../logging/logger';
import type { ExternalOpener } from '../shell/external-opener';
import { KeychainUnavailableError } from '../vault/master-key';
import type { TokenRecord } from '../vault/token-cipher';
import type { TokenVault } from '../vault/token-vault';
import { describeAccount, grantEndFrom } from './account-view';
import { DROP_LOG, dropNotice, refusedAnswer, TOO_LATE, type DropReason } from './callback-refusal';
import type { HmrcAccount, HmrcAccountStore } from './hmrc-accounts';
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
import {
  AuthorizationDeclined,
  CallbackRefused,
  HMRC_SCOPES,
  OAuthFailure,
  type OAuthClient,
  type OAuthTarget,
} from './oauth-client';
import type { LoopbackVerdict, StartLoopbackListener } from './transports/loopback-listener';
import { planTransports, type RedirectRoute } from './transports/redirect-plan';

export interface StartLinkRequest {
  accountKind: AccountKind;
  environment?: Environment;
  transport?: TransportId;
  sessionOnly?: boolean;
  relinkAccountId?: string;
}

/** The linking journey in the main process (issue 4 items 1–4, 7). */
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
   * anything else is dropped with a warning and changes nothing (issue 4 item 3).
   */
  receiveCallback(params: URLSearchParams, via: TransportId): LoopbackVerdict;
  /** Resolves when the current flow has stopped moving (tests and the e2e helper use it). */
  settled(): Promise<FlowView | null>;
  dispose(): Promise<void>;
}

const CALLBACK_PARAMS = new Set([
  'code',
  'state',
  'error',
  'error_description',
  'error_code',
  'iss',
]);

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
  let flow: LinkFlow | undefined;
  let working: Promise<void> = Promise.resolve();

  const now = () => clock.now().getTime();
  const publish = (f: LinkFlow) => {
    if (f === flow) deps.emit(viewOf(f));
  };

  const stopListening = async (f: LinkFlow): Promise<void> => {
    if (f.timer) clearTimeout(f.timer);
    f.timer = undefined;
    const listener = f.loopback;
    f.loopback = undefined;
    await listener?.close();
  };

  const fail = (f: LinkFlow, step: LinkStepId, code: string, message: string, action: string) => {
    void stopListening(f);
    f.held = undefined;
    f.phase = 'failed';
    f.error = { step, code, message, action };
    setStep(f, step, 'failed');
    publish(f);
  };

  const expire = (f: LinkFlow, answerCameTooLate = false) => {
    if (f.phase !== 'waiting' && f.phase !== 'storage-choice') return;
    if (answerCameTooLate)
      return fail(f, 'grant', TOO_LATE.code, TOO_LATE.message, TOO_LATE.action);
    fail(
      f,
      f.phase === 'waiting' ? 'grant' : 'token-stored',
      'LINK_TIMED_OUT',
      'Linking took longer than 10 minutes, so Ledgerlink stopped waiting for HMRC’s answer. Nothing was saved.',
      'Select Retry to start again.',
    );
  };

  /** Ledgerlink refused an answer but keeps waiting: say so on the waiting flow. */
  const tellRefused = (f: LinkFlow | undefined, reason: DropReason) => {
    const notice = dropNotice(reason);
    if (!notice || !f || f !== flow || f.phase !== 'waiting') return;
    f.refusal = notice;
    publish(f);
  };

  const requireFlow = (flowId: string): LinkFlow => {
    if (!flow || flow.id !== flowId) {
      throw new AppError(
        'NO_SUCH_FLOW',
        'That linking attempt has ended.',
        'Start linking again from the “Link to HMRC” screen.',
      );
    }
    return flow;
  };

  const labelFor = (environment: Environment, kind: AccountKind): string => {
    const base = kind === 'agent' ? 'Agent services account' : 'Individual sign-in';
    const same = accounts.list().filter((a) => a.environment === environment && a.kind === kind);
    return same.length === 0 ? base : `${base} ${same.length + 1}`;
  };

  /** Open the listener on the first registered loopback port that is free. */
  const listenOnLoopback = async (routes: RedirectRoute[], target: () => LinkFlow | undefined) => {
    let lastError: unknown;
    for (const route of routes) {
      if (route.transport !== 'loopback') continue;
      try {
        const listener = await deps.startLoopbackListener({
          port: route.port,
          path: route.path,
          logger: logger.child('loopback'),
          timeoutMs: FLOW_LIFETIME_MS,
          onCallback: (params) => (target() ? receiveCallback(params, 'loopback') : 'refused'),
        });
        return { route, listener };
      } catch (error) {
        lastError = error;
        logger.warn('Loopback port unavailable, trying the next registered one', {
          port: route.port,
          code: (error as NodeJS.ErrnoException).code,
        });
      }
    }
    logger.warn('No registered loopback port is free', {
      code: (lastError as NodeJS.ErrnoException | undefined)?.code,
    });
    throw new AppError(
      'LOOPBACK_UNAVAILABLE',
      'Another program is using every port Ledgerlink may listen on for HMRC’s answer.',
      'Choose another way back to Ledgerlink, or close the other program and try again.',
    );
  };

  const finish = (f: LinkFlow, accountId: string, record: TokenRecord, sessionOnly: boolean) => {
    const linkedAt = clock.now();
    const existing = f.relinkAccountId ? accounts.get(f.relinkAccountId) : undefined;
    const account: HmrcAccount = {
      id: accountId,
      environment: f.environment,
      kind: f.accountKind,
      label: existing?.label ?? labelFor(f.environment, f.accountKind),
      linkedAt: linkedAt.toISOString(),
      grantExpiresAt: grantEndFrom(linkedAt),
      scopes: record.scopes,
      status: sessionOnly ? 'session-only' : 'linked',
    };
    accounts.save(account);
    f.held = undefined;
    f.phase = 'linked';
    f.account = describeAccount(account, record.expiresAt, linkedAt);
    setStep(
      f,
      'token-stored',
      'done',
      sessionOnly
        ? 'Kept in memory for this session only. You will need to link again after Ledgerlink closes.'
        : 'Stored encrypted. Its key is in your computer’s keychain.',
    );
    logger.info('HMRC account linked', {
      accountId,
      environment: f.environment,
      kind: f.accountKind,
      transport: f.transport.id,
      sessionOnly,
    });
    publish(f);
  };

  const store = async (f: LinkFlow, accountId: string, record: TokenRecord) => {
    if (f.sessionOnly) {
      vault.keepForSession(accountId, record);
      return finish(f, accountId, record, true);
    }
    try {
      await vault.save(accountId, record);
    } catch (error) {
      if (f !== flow || f.phase !== 'storing') return;
      const reason = error instanceof KeychainUnavailableError ? error.reason : 'write failed';
      logger.warn('Tokens could not be stored; asking the person what to do', { reason });
      // The code is spent, so keep the tokens in memory (main only) while the person chooses.
      f.held = { accountId, record };
      f.phase = 'storage-choice';
      f.error = {
        step: 'token-stored',
        code: 'KEYCHAIN_UNAVAILABLE',
        message:
          'Ledgerlink could not use your computer’s keychain, so it cannot save your HMRC sign-in securely. It never saves it without encryption.',
        action:
          'Choose “Keep me signed in for this session only”, or unlock your keychain and select Retry.',
      };
      setStep(f, 'token-stored', 'failed');
      f.timer = setTimeout(() => expire(f), FLOW_LIFETIME_MS);
      f.timer.unref?.();
      return publish(f);
    }
    // Once the tokens are stored the account is linked, even if Cancel came a moment too late.
    finish(f, accountId, record, false);
  };

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
      if (f !== flow || f.phase !== 'exchanging') return;
      if (error instanceof CallbackRefused) {
        logger.warn('OAuth callback refused before its code was used', { reason: error.reason });
        const r = refusedAnswer(error.reason, f.environmentLabel);
        return fail(f, 'token-issued', r.code, r.message, r.action);
      }
      if (error instanceof AuthorizationDeclined) {
        if (error.error === 'access_denied') {
          logger.info('The person declined to grant authority at HMRC');
          return fail(
            f,
            'grant',
            'DECLINED',
            'You chose not to give Ledgerlink authority at HMRC, so nothing was linked.',
            'Select Retry if you want to link after all.',
          );
        }
        logger.warn('HMRC returned an error instead of a code', { error: error.error });
        return fail(
          f,
          'grant',
          'HMRC_REFUSED_LINK',
          `HMRC did not finish the link (it said “${error.error}”).`,
          'Select Retry. If it happens again, choose another way back to Ledgerlink.',
        );
      }
      const failure = error instanceof OAuthFailure ? error : undefined;
      logger.warn('Code exchange failed', {
        kind: failure?.kind ?? 'unexpected',
        detail: failure?.detail ?? (isAppError(error) ? error.code : String(error)),
      });
      if (isAppError(error))
        return fail(f, 'token-issued', error.code, error.message, error.action);
      if (failure?.kind === 'unreachable') {
        return fail(
          f,
          'token-issued',
          'HMRC_UNREACHABLE',
          'Ledgerlink could not reach HMRC to finish linking. Nothing was saved.',
          'Check your internet connection, then select Retry.',
        );
      }
      if (failure?.kind === 'invalid_client') {
        return fail(
          f,
          'token-issued',
          'APP_NOT_RECOGNISED',
          'HMRC did not recognise this copy of Ledgerlink.',
          'Update Ledgerlink, or report it from the Diagnostics page.',
        );
      }
      return fail(
        f,
        'token-issued',
        'CODE_REFUSED',
        'HMRC did not accept the code it gave for this sign-in (it may have been used already, have expired, or belong to another attempt). Nothing was saved.',
        'Select Retry to start again.',
      );
    }
    if (f !== flow || f.phase !== 'exchanging') return;
    logger.addSecret(issued.access);
    logger.addSecret(issued.refresh);
    const issuedAt = clock.now();
    const record: TokenRecord = {
      access: issued.access,
      refresh: issued.refresh,
      expiresAt: new Date(issuedAt.getTime() + issued.expiresInSeconds * 1000).toISOString(),
      scopes: issued.scopes ?? [...HMRC_SCOPES],
      grantedAt: issuedAt.toISOString(),
    };
    setStep(f, 'token-issued', 'done', 'HMRC issued a token for Ledgerlink.');
    setStep(f, 'token-stored', 'current', 'Storing it securely…');
    f.phase = 'storing';
    publish(f);
    await store(f, f.relinkAccountId ?? randomUUID(), record);
  };

  function receiveCallback(params: URLSearchParams, via: TransportId): LoopbackVerdict {
    const f = flow;
    const drop = (reason: DropReason): LoopbackVerdict => {
      // Never the URL or its values: only why it was dropped.
      logger.warn(`OAuth callback dropped: ${DROP_LOG[reason]}`, { via });
      tellRefused(f, reason);
      return 'refused';
    };
    if (!f) return drop('no-flow');
    const states = params.getAll('state');
    if (states.length !== 1 || !stateMatches(f.state, states[0]!)) {
      return drop(f.phase === 'waiting' ? 'state-mismatch' : 'not-waiting');
    }
    if (f.used) return drop('replay');
    if (f.phase !== 'waiting') return drop('ended');
    if (via !== f.route.transport) return drop('wrong-transport');
    if (now() > f.expiresAt) {
      expire(f, true);
      return drop('too-late');
    }
    const names = [...params.keys()].filter((n) => CALLBACK_PARAMS.has(n));
    if (new Set(names).size !== names.length) return drop('repeated-parameter');
    if (!params.get('code') && !params.get('error')) return drop('no-code-or-error');
    f.used = true;
    f.refusal = undefined;
    working = complete(f, params).catch((error: unknown) => {
      logger.error('Linking failed unexpectedly', {
        error: error instanceof Error ? error.message : String(error),
      });
      if (f === flow && isActive(f.phase)) {
        fail(
          f,
          f.phase === 'exchanging' ? 'token-issued' : 'token-stored',
          'INTERNAL',
          'Something went wrong inside Ledgerlink while linking. Nothing was saved.',
          'Select Retry. If it keeps happening, restart Ledgerlink.',
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
      fail(
        f,
        'browser-opened',
        'BROWSER_NOT_OPENED',
        'Ledgerlink could not open your web browser.',
        'Check that a default browser is set up on this computer, then select Retry.',
      );
      return false;
    }
    return true;
  };

  return {
    async options(environment) {
      const env = environment ?? deps.environments.current();
      const { credentials } = await deps.environments.definition(env);
      const plan = planTransports(credentials.redirectUris, {
        deepLinksAvailable: deps.deepLinksAvailable,
      });
      const keychain = await vault.keychainStatus();
      const practice = env === 'practice' ? await deps.environments.ensurePractice() : undefined;
      return {
        environment: env,
        environmentLabel: ENVIRONMENT_LABELS[env].label,
        transports: plan.options,
        defaultTransport: plan.defaultTransport,
        keychain: keychain.available
          ? { available: true }
          : {
              available: false,
              message:
                'Ledgerlink cannot use your computer’s keychain, so it cannot keep your HMRC sign-in safely between sessions.',
            },
        practiceUsers: (practice?.testUsers ?? []).map((u) => ({
          userId: u.userId,
          password: u.password,
          kind: u.kind,
          name: u.name,
          ...(u.nino ? { nino: u.nino } : {}),
          description: u.description,
        })),
      };
    },

    async start(request) {
      const relinking = request.relinkAccountId ? accounts.get(request.relinkAccountId) : undefined;
      if (request.relinkAccountId && !relinking) {
        throw new AppError(
          'ACCOUNT_NOT_FOUND',
          'That HMRC account is no longer in Ledgerlink.',
          'Link it again as a new account.',
        );
      }
      const environment =
        relinking?.environment ?? request.environment ?? deps.environments.current();
      const accountKind = relinking?.kind ?? request.accountKind;
      const target = await deps.target(environment);
      const plan = planTransports(target.definition.credentials.redirectUris, {
        deepLinksAvailable: deps.deepLinksAvailable,
      });
      const transportId = request.transport ?? plan.defaultTransport;
      const transport = plan.options.find((o) => o.id === transportId);
      if (!transport || !transport.available) {
        throw new AppError(
          'TRANSPORT_UNAVAILABLE',
          transport?.unavailableReason ??
            'That way back to Ledgerlink is not registered for this environment.',
          'Choose another way back to Ledgerlink.',
        );
      }
      const sessionOnly = request.sessionOnly === true;
      if (!sessionOnly) {
        const keychain = await vault.keychainStatus();
        if (!keychain.available) {
          throw new AppError(
            'KEYCHAIN_UNAVAILABLE',
            'Ledgerlink cannot use your computer’s keychain, so it cannot keep your HMRC sign-in safely between sessions. It never saves a sign-in without encryption.',
            'Unlock your keychain and try again, or choose “Keep me signed in for this session only”.',
          );
        }
      }

      // A new attempt replaces any earlier one: its state stops being accepted at once.
      const previous = flow;
      if (previous && isActive(previous.phase)) {
        previous.phase = 'cancelled';
        previous.held = undefined;
        await stopListening(previous);
        publish(previous);
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
        const { route, listener } = await listenOnLoopback(plan.routes('loopback'), () =>
          flow === f ? f : undefined,
        );
        f.route = route;
        f.loopback = listener;
      }
      f.authorizeUrl = deps.oauth.authorizeUrl({
        target,
        redirectUri: f.route.redirectUri,
        state,
        codeChallenge,
      });
      flow = f;
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

    current: () => (flow ? viewOf(flow) : null),

    async reopenBrowser(flowId) {
      const f = requireFlow(flowId);
      if (f.phase !== 'waiting') {
        throw new AppError(
          'FLOW_NOT_WAITING',
          'Ledgerlink is no longer waiting for HMRC’s pages.',
          'Start linking again if you need to.',
        );
      }
      if (await open(f)) logger.info('Browser opened again for the linking in progress');
      return viewOf(f);
    },

    async submitCode(flowId, input) {
      const f = requireFlow(flowId);
      if (f.route.transport !== 'manual') {
        throw new AppError(
          'NOT_MANUAL',
          'This linking does not use a pasted code.',
          'Finish in your browser, or choose “Copy and paste a code” as the way back.',
        );
      }
      // People paste the code, or the whole page title HMRC shows ("Success code=…&state=…").
      const text = input.trim().replace(/^success\s+/i, '');
      const fromTitle = text.includes('=') ? new URLSearchParams(text) : undefined;
      const code = fromTitle ? fromTitle.get('code') : text;
      const pastedState = fromTitle?.get('state');
      if (!code || !/^[A-Za-z0-9._~+/-]{8,512}$/.test(code)) {
        throw new AppError(
          'CODE_INVALID',
          'That does not look like the code HMRC showed.',
          'Copy the whole code from HMRC’s page and paste it again.',
          { fields: [{ path: 'code', message: 'Paste the code HMRC showed you' }] },
        );
      }
      logger.addSecret(code);
      if (pastedState && !stateMatches(f.state, pastedState)) {
        logger.warn('Pasted code dropped: it belongs to another linking attempt');
        throw new AppError(
          'CODE_NOT_FOR_THIS_LINK',
          'That code belongs to another linking attempt.',
          'Use the code from the browser tab Ledgerlink opened most recently, or select Retry.',
        );
      }
      // The person, not a browser, brings the code here, so the flow supplies its own state.
      const verdict = receiveCallback(new URLSearchParams({ code, state: f.state }), 'manual');
      if (verdict === 'refused') {
        throw new AppError(
          'FLOW_NOT_WAITING',
          'Ledgerlink is no longer waiting for a code for this linking.',
          'Select Retry to start again.',
        );
      }
      return viewOf(f);
    },

    cancel(flowId) {
      const f = requireFlow(flowId);
      if (isActive(f.phase)) {
        void stopListening(f);
        f.held = undefined;
        f.phase = 'cancelled';
        logger.info('Linking cancelled', { flowId: f.id });
        publish(f);
      } else {
        flow = undefined;
      }
      return viewOf(f);
    },

    keepForSession(flowId) {
      const f = requireFlow(flowId);
      if (f.phase !== 'storage-choice' || !f.held) {
        throw new AppError(
          'FLOW_NOT_WAITING',
          'There is no sign-in waiting to be kept.',
          'Start linking again if you need to.',
        );
      }
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
        const before = working;
        await before;
        if (before === working) return flow ? viewOf(flow) : null;
      }
    },

    async dispose() {
      if (flow) await stopListening(flow);
      await working.catch(() => undefined);
    },
  };
}
