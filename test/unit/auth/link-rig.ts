import { createHash } from 'node:crypto';
import { createOffsetClock } from '../../../src/main/clock/clock';
import { createHmrcAccountStore } from '../../../src/main/auth/hmrc-accounts';
import { createLinkService } from '../../../src/main/auth/link-service';
import { createOAuthClient } from '../../../src/main/auth/oauth-client';
import { resolveTarget } from '../../../src/main/auth/oauth-target';
import { createTokenService } from '../../../src/main/auth/token-provider';
import type {
  LoopbackListener,
  LoopbackOptions,
} from '../../../src/main/auth/transports/loopback-listener';
import type { EnvironmentDefinition } from '../../../src/main/environments/environment-definition';
import { createEnvironmentRuntime } from '../../../src/main/environments/environment-runtime';
import type { PracticeEndpoint } from '../../../src/main/environments/practice-endpoint';
import { createLogger, memorySink } from '../../../src/main/logging/logger';
import { createSettingsService } from '../../../src/main/settings/settings-service';
import { createExternalOpener } from '../../../src/main/shell/external-opener';
import { ALLOWED_HTTPS_HOSTS } from '../../../src/main/shell/external-url-policy';
import { createMemoryStore } from '../../../src/main/storage/key-value-store';
import { createTokenVault } from '../../../src/main/vault/token-vault';
import type { FlowView } from '@shared/ipc/channels/auth';
import { createMemoryKeychain } from '../../support/fakes/memory-keychain';

export const PRACTICE_BASE = 'http://127.0.0.1:45678';

export const practiceEndpoint = (redirectUris?: string[]): PracticeEndpoint => ({
  baseUrl: PRACTICE_BASE,
  clientId: 'ledgerlink-practice',
  clientSecret: 'practice-secret-for-unit-tests',
  redirectUris: redirectUris ?? [
    'app.ledgerlink.desktop:/oauth/callback',
    'http://localhost:53682/oauth/callback',
    'http://localhost:53683/oauth/callback',
    'urn:ietf:wg:oauth:2.0:oob',
  ],
  testUsers: [
    {
      userId: '100000000001',
      password: 'alice-practice',
      kind: 'individual',
      name: 'Alice',
      nino: 'AA100001A',
      description: 'Individual',
    },
  ],
  stop: async () => undefined,
});

interface IssuedCode {
  challenge: string;
  redirectUri: string;
  used: boolean;
}

/**
 * A token endpoint at the HTTP boundary (what oauth4webapi's fetch reaches): it issues codes
 * for authorize URLs, checks PKCE S256, the client secret and the redirect URI, rotates refresh
 * tokens, and records every request.
 */
export function fakeTokenEndpoint() {
  const codes = new Map<string, IssuedCode>();
  const requests: URLSearchParams[] = [];
  let n = 0;
  let next: { status: number; body: unknown } | 'network-error' | undefined;
  const refreshTokens = new Set<string>();

  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url !== `${PRACTICE_BASE}/oauth/token`) throw new TypeError(`unexpected fetch ${url}`);
    const body = init?.body;
    const form = new URLSearchParams(
      typeof body === 'string' || body instanceof URLSearchParams ? body : '',
    );
    requests.push(form);
    const reply = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    if (next) {
      const canned = next;
      next = undefined;
      if (canned === 'network-error') throw new TypeError('fetch failed');
      return reply(canned.status, canned.body);
    }
    if (form.get('client_secret') !== 'practice-secret-for-unit-tests') {
      return reply(401, {
        error: 'invalid_client',
        error_description: 'invalid client id or secret',
      });
    }
    const issue = () => {
      n += 1;
      const refresh = `refresh-${n}-abcdef0123456789`;
      refreshTokens.add(refresh);
      return {
        access_token: `access-${n}-0123456789abcdef`,
        token_type: 'bearer',
        expires_in: 14_400,
        refresh_token: refresh,
        scope: 'read:self-assessment write:self-assessment',
      };
    };
    if (form.get('grant_type') === 'authorization_code') {
      const code = codes.get(form.get('code') ?? '');
      if (!code || code.used)
        return reply(400, { error: 'invalid_request', error_description: 'code is invalid' });
      if (code.redirectUri !== form.get('redirect_uri')) {
        return reply(400, {
          error: 'invalid_request',
          error_description: 'redirect_uri is invalid',
        });
      }
      const verifier = form.get('code_verifier') ?? '';
      if (createHash('sha256').update(verifier).digest('base64url') !== code.challenge) {
        return reply(400, {
          error: 'invalid_grant',
          error_description: 'code_verifier does not match',
        });
      }
      code.used = true;
      return reply(200, issue());
    }
    if (form.get('grant_type') === 'refresh_token') {
      const token = form.get('refresh_token') ?? '';
      if (!refreshTokens.delete(token)) {
        return reply(400, {
          error: 'invalid_grant',
          error_description: 'refresh_token is invalid',
        });
      }
      const { scope: _scope, ...rest } = issue();
      return reply(200, rest);
    }
    return reply(400, { error: 'unsupported_grant_type' });
  }) as typeof fetch;

  return {
    fetch: fetchImpl,
    requests,
    /** What HMRC's pages would do at the end of the journey: a code bound to that authorize URL. */
    codeFor(authorizeUrl: string): string {
      const p = new URL(authorizeUrl).searchParams;
      const code = `code-${codes.size + 1}-0123456789abcdef`;
      codes.set(code, {
        challenge: p.get('code_challenge')!,
        redirectUri: p.get('redirect_uri')!,
        used: false,
      });
      return code;
    },
    respondOnce(reply: { status: number; body: unknown } | 'network-error') {
      next = reply;
    },
  };
}

/** The link service with real parts and fakes only at the ports. */
export function linkRig(
  options: {
    redirectUris?: string[];
    deepLinksAvailable?: boolean;
    keychain?: ReturnType<typeof createMemoryKeychain>;
    loopbackBusy?: number[];
    /** The system browser cannot be started. */
    openFails?: boolean;
    /** Changes to Practice's definition, e.g. an issuer it advertises. */
    definition?: Partial<EnvironmentDefinition>;
  } = {},
) {
  const clock = createOffsetClock();
  const sink = memorySink();
  const logger = createLogger(sink, { now: () => clock.now() });
  const keychain = options.keychain ?? createMemoryKeychain();
  const endpoint = fakeTokenEndpoint();
  const opened: string[] = [];
  const views: FlowView[] = [];
  const listeners: (LoopbackOptions & { closed: boolean })[] = [];

  const settings = createSettingsService(createMemoryStore('settings'));
  const environments = createEnvironmentRuntime({
    settings,
    launchPractice: async () => practiceEndpoint(options.redirectUris),
    definitions: {},
    logger,
  });
  const opener = createExternalOpener({
    openInSystemBrowser: async (url) => {
      if (options.openFails) throw new Error('xdg-open: no method available');
      opened.push(url);
    },
    logger,
    policy: () => ({ httpsHosts: ALLOWED_HTTPS_HOSTS, loopbackOrigins: [PRACTICE_BASE] }),
  });
  const accounts = createHmrcAccountStore(createMemoryStore('hmrc-accounts'));
  const tokenStore = createMemoryStore('token-vault');
  const realSet = tokenStore.set.bind(tokenStore);
  let failWrites = false;
  tokenStore.set = (key, value) => {
    if (failWrites && key.startsWith('records')) throw new Error('ENOSPC: no space left on device');
    realSet(key, value);
  };
  const vault = createTokenVault({ keychain, store: tokenStore, logger });
  const oauth = createOAuthClient({ fetch: endpoint.fetch });
  const target = async (env: Parameters<typeof resolveTarget>[1]) => {
    const resolved = await resolveTarget(environments, env, logger);
    return { ...resolved, definition: { ...resolved.definition, ...options.definition } };
  };
  const link = createLinkService({
    environments,
    opener,
    vault,
    accounts,
    oauth,
    target,
    clock,
    logger,
    deepLinksAvailable: options.deepLinksAvailable ?? true,
    startLoopbackListener: async (o): Promise<LoopbackListener> => {
      if (options.loopbackBusy?.includes(o.port)) {
        throw Object.assign(new Error('busy'), { code: 'EADDRINUSE' });
      }
      const entry = { ...o, closed: false };
      listeners.push(entry);
      return {
        port: o.port,
        closed: Promise.resolve(),
        close: async () => {
          entry.closed = true;
        },
      };
    },
    emit: (view) => views.push(view),
  });
  const tokens = createTokenService({ accounts, vault, oauth, target, clock, logger });

  return {
    clock,
    logs: sink.records,
    logger,
    keychain,
    endpoint,
    opened,
    views,
    listeners,
    accounts,
    vault,
    tokenStore,
    tokens,
    link,
    lastOpened: () => opened.at(-1)!,
    /** Make writes of token records fail (a full disk), to reach the storage choice. */
    failRecordWrites: (fail = true) => {
      failWrites = fail;
    },
    /** The redirect HMRC would send for the most recently opened authorize URL. */
    redirectFor(authorizeUrl: string, extra: Record<string, string> = {}): URLSearchParams {
      const state = new URL(authorizeUrl).searchParams.get('state')!;
      return new URLSearchParams({ code: endpoint.codeFor(authorizeUrl), state, ...extra });
    },
  };
}
