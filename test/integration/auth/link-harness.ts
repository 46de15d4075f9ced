import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOffsetClock as createAppClock } from '../../../src/main/clock/clock';
import { createMainServices, type MainServices } from '../../../src/main/create-main-services';
import { createLogger, memorySink, type LogRecord } from '../../../src/main/logging/logger';
import type { Keychain } from '../../../src/main/vault/keychain';
import { keytarKeychain } from '../../../src/main/vault/keytar-keychain';
import { createTokenVault } from '../../../src/main/vault/token-vault';
import type { TokenRecord } from '../../../src/main/vault/token-cipher';
import {
  createOffsetClock as createPracticeClock,
  startPracticeHmrc,
  type PracticeHmrc,
} from '../../../src/practice/server';
import type { EventName } from '@shared/ipc/contract';
import { createConfStore } from '../../../src/main/web/conf-store';
import { dispatchAs, type Dispatcher } from '../../support/dispatch-as';
import {
  integrationAdapters,
  practiceEndpointOf,
} from '../../support/integration-app/integration-adapters';

export interface LinkHarness extends Dispatcher {
  practice: PracticeHmrc;
  services: MainServices;
  dataDir: string;
  logs: LogRecord[];
  /** Every IPC result and event the renderer would have received. */
  ipcTraffic: unknown[];
  opened: string[];
  /** Token endpoint requests the app made, by grant_type. */
  tokenRequests: { grantType: string }[];
  /** Moves the app's clock and Practice HMRC's clock together. */
  advance(ms: number): void;
  /** The authorize URL the app opened most recently. */
  lastOpened(): string;
  /** The vault's record for an account, read the way the app reads it. */
  storedTokens(accountId: string): Promise<TokenRecord | undefined>;
  close(): Promise<void>;
}

/**
 * The real main-process services against a real Practice HMRC over HTTP, the real OS keychain
 * (run inside a keyring session: see the README) and conf files in a fresh data folder.
 */
export async function startLinkHarness(
  options: { keychain?: Keychain; practiceOptions?: Parameters<typeof startPracticeHmrc>[0] } = {},
): Promise<LinkHarness> {
  const practiceClock = createPracticeClock();
  const appClock = createAppClock();
  const practice = await startPracticeHmrc({
    clock: practiceClock,
    rateLimitPerSecond: 0,
    ...options.practiceOptions,
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'ledgerlink-auth-it-'));
  const sink = memorySink();
  const opened: string[] = [];
  const tokenRequests: { grantType: string }[] = [];
  const ipcTraffic: unknown[] = [];
  const keychain = options.keychain ?? keytarKeychain();

  const services = await createMainServices(
    integrationAdapters({
      dataDir,
      practice: practiceEndpointOf(practice),
      logSink: sink,
      opened,
      clock: appClock,
      keychain,
      oauthFetch: async (input, init) => {
        const body = init?.body;
        tokenRequests.push({
          grantType: new URLSearchParams(
            typeof body === 'string' || body instanceof URLSearchParams ? body : '',
          ).get('grant_type')!,
        });
        return fetch(input, init);
      },
    }),
  );
  services.ipc.onEmit((event: EventName, payload) => ipcTraffic.push({ event, payload }));
  const ipc = dispatchAs(services.ipc, undefined, {
    onResult: (result) => ipcTraffic.push(result),
  });

  return {
    practice,
    services,
    dataDir,
    logs: sink.records,
    ipcTraffic,
    opened,
    tokenRequests,
    advance(ms) {
      appClock.advance(ms);
      practiceClock.advance(ms);
    },
    ...ipc,
    lastOpened() {
      const url = opened.at(-1);
      if (!url) throw new Error('The app opened nothing in the browser');
      return url;
    },
    async storedTokens(accountId) {
      const vault = createTokenVault({
        keychain,
        store: createConfStore(dataDir, 'token-vault'),
        logger: createLogger(() => undefined),
      });
      const loaded = await vault.load(accountId);
      return loaded.kind === 'found' ? loaded.record : undefined;
    },
    async close() {
      await services.dispose();
      await practice.stop();
    },
  };
}

/** Every file under a folder, with its bytes as text (binary files included). */
export function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? filesUnder(path)
      : [{ path, text: readFileSync(path).toString('latin1') }];
  });
}

/** A fingerprint of every file under a folder except those named. */
export function fingerprint(dir: string, except: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of filesUnder(dir)) {
    if (except.some((e) => f.path.endsWith(e))) continue;
    out[f.path] = createHash('sha256').update(f.text).digest('hex');
  }
  return out;
}

/**
 * Finds a PKCE verifier anywhere in a text: any base64url run of 43–128 characters whose S256
 * hash is the challenge the app sent (RFC 7636 §4.2). So the test needs no access to the secret.
 */
export function containsVerifierFor(challenge: string, text: string): boolean {
  for (const m of text.matchAll(/[A-Za-z0-9\-._~]{43,128}/g)) {
    if (createHash('sha256').update(m[0]).digest('base64url') === challenge) return true;
  }
  return false;
}
