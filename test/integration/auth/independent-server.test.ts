import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMainServices, type MainServices } from '../../../src/main/create-main-services';
import type { EnvironmentDefinition } from '../../../src/main/environments/environment-definition';
import { memorySink } from '../../../src/main/logging/logger';
import { createMemoryStore } from '../../../src/main/storage/key-value-store';
import type { FlowView } from '@shared/ipc/channels/auth';
import { dispatchAs, TEST_SENDER } from '../../support/dispatch-as';
import { fakeDisplay, fakeMachineFacts } from '../../support/fakes/fake-machine-facts';
import { createMemoryKeychain } from '../../support/fakes/memory-keychain';

/**
 * The real linking code against a small HMRC-shaped authorization server written here, with
 * nothing of Practice HMRC in it: it authorizes on one origin and issues tokens and answers
 * API calls from another, and it may advertise RFC 9207's `iss` as the token origin. The app
 * reaches it only through an environment definition (here, "sandbox" on loopback).
 */

const CLIENT = { clientId: 'independent-client', clientSecret: 'independent-secret' };
const REDIRECT = 'app.ledgerlink.desktop:/oauth/callback';
const NINO = 'AA123456A';

interface ServerOptions {
  /** What to put in `iss` on the redirect; undefined sends none. */
  iss?: (origins: { authorize: string; api: string }) => string | undefined;
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const body = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });

async function startIndependentServer(options: ServerOptions) {
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const accessTokens = new Set<string>();
  const tokenRequests: URLSearchParams[] = [];
  const apiRequests: { path: string; authorization: string | undefined }[] = [];
  const token = () => randomBytes(16).toString('hex');
  let origins = { authorize: '', api: '' };

  // The browser side: RFC 6749 §4.1.1 request in, §4.1.2 redirect out (plus RFC 9207 iss).
  const authorize = await listen((req, res) => {
    const url = new URL(req.url ?? '/', origins.authorize);
    const q = url.searchParams;
    if (
      url.pathname !== '/oauth/authorize' ||
      q.get('response_type') !== 'code' ||
      q.get('client_id') !== CLIENT.clientId ||
      q.get('redirect_uri') !== REDIRECT ||
      q.get('code_challenge_method') !== 'S256' ||
      !q.get('code_challenge') ||
      q.has('client_secret')
    ) {
      res.writeHead(400).end('invalid_request');
      return;
    }
    const code = token();
    codes.set(code, { challenge: q.get('code_challenge')!, redirectUri: REDIRECT });
    const back = new URLSearchParams({ code, state: q.get('state') ?? '' });
    const iss = options.iss?.(origins);
    if (iss !== undefined) back.set('iss', iss);
    res.writeHead(302, { location: `${REDIRECT}?${back}` }).end();
  });

  // The API side: the token endpoint (client_secret_post, PKCE) and one HMRC-shaped API.
  const api = await listen((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origins.api);
      const json = (status: number, value: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      if (req.method === 'POST' && url.pathname === '/oauth/token') {
        const form = new URLSearchParams(await body(req));
        tokenRequests.push(form);
        if (
          form.get('client_id') !== CLIENT.clientId ||
          form.get('client_secret') !== CLIENT.clientSecret
        )
          return json(401, { error: 'invalid_client' });
        const issued = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        if (
          form.get('grant_type') !== 'authorization_code' ||
          !issued ||
          issued.redirectUri !== form.get('redirect_uri') ||
          createHash('sha256').update(verifier).digest('base64url') !== issued.challenge
        )
          return json(400, { error: 'invalid_grant' });
        const access = token();
        accessTokens.add(access);
        return json(200, {
          access_token: access,
          token_type: 'bearer',
          expires_in: 14_400,
          refresh_token: token(),
          scope: 'read:self-assessment write:self-assessment',
        });
      }
      apiRequests.push({ path: url.pathname, authorization: req.headers.authorization });
      const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!bearer || !accessTokens.has(bearer))
        return json(401, {
          code: 'INVALID_CREDENTIALS',
          message: 'Invalid Authentication information provided',
        });
      if (url.pathname === `/individuals/business/details/${NINO}/list`)
        return json(200, { listOfBusinesses: [] });
      return json(404, { code: 'MATCHING_RESOURCE_NOT_FOUND', message: 'Not found' });
    })();
  });

  origins = { authorize: authorize.origin, api: api.origin };
  return {
    origins,
    tokenRequests,
    apiRequests,
    async close() {
      const close = (s: Server) =>
        new Promise<void>((resolve) => {
          s.close(() => resolve());
          s.closeAllConnections();
        });
      await Promise.all([close(authorize.server), close(api.server)]);
    },
  };
}

type IndependentServer = Awaited<ReturnType<typeof startIndependentServer>>;

let server: IndependentServer | undefined;
let services: MainServices | undefined;
afterEach(async () => {
  await services?.dispose();
  await server?.close();
  services = undefined;
  server = undefined;
});

/** The app, with "sandbox" defined as the independent server, and no Practice HMRC at all. */
async function start(serverOptions: ServerOptions, issuer?: (s: IndependentServer) => string) {
  server = await startIndependentServer(serverOptions);
  const definition: EnvironmentDefinition = {
    id: 'sandbox',
    authorizeUrl: `${server.origins.authorize}/oauth/authorize`,
    tokenUrl: `${server.origins.api}/oauth/token`,
    apiBaseUrl: server.origins.api,
    ...(issuer ? { issuer: issuer(server) } : {}),
    credentials: { ...CLIENT, redirectUris: [REDIRECT] },
    allowPlainHttp: true,
  };
  const opened: string[] = [];
  const settings = createMemoryStore('settings');
  settings.set('environment', 'sandbox');
  services = await createMainServices({
    host: {
      kind: 'browser',
      platform: process.platform,
      appVersion: '0.0.0-it',
      versions: [],
      securityChecks: () => [],
    },
    paths: { userData: mkdtempSync(join(tmpdir(), 'ledgerlink-independent-')) },
    logSink: memorySink(),
    openInSystemBrowser: async (url) => void opened.push(url),
    keyValueStore: (name) => (name === 'settings' ? settings : createMemoryStore(name)),
    launchPractice: () => Promise.reject(new Error('Practice HMRC must not be started')),
    rendererOrigins: [TEST_SENDER.origin],
    keychain: createMemoryKeychain(),
    deepLinksAvailable: true,
    hmrcEnvironments: { sandbox: definition },
    machineFacts: fakeMachineFacts(),
    display: fakeDisplay(),
  });
  const s = services;
  const { ok } = dispatchAs(s.ipc);
  const srv = server;

  /** Link as the person would: the browser follows the authorize URL, the OS hands back the redirect. */
  const link = async (): Promise<FlowView | null> => {
    await ok('auth.startLink', {
      accountKind: 'individual',
      environment: 'sandbox',
      transport: 'custom-scheme',
    });
    const authorizeUrl = opened.at(-1)!;
    expect(new URL(authorizeUrl).origin).toBe(srv.origins.authorize);
    const answer = await fetch(authorizeUrl, { redirect: 'manual' });
    expect(answer.status).toBe(302);
    s.deepLinks.receive(answer.headers.get('location')!, 'open-url');
    return s.link.settled();
  };
  return { services: s, server: srv, link };
}

describe('linking with any HMRC-shaped server, through its environment definition', () => {
  it('accepts the issuer the definition names (the token host, not the authorize host) and uses the definition’s API base', async () => {
    const app = await start({ iss: (o) => o.api }, (s) => s.origins.api);
    const done = await app.link();
    expect(done).toMatchObject({ phase: 'linked', environment: 'sandbox' });
    expect(app.server.tokenRequests).toHaveLength(1);
    expect(app.services.environments.practice()).toBeUndefined();

    const { data } = await app.services.hmrc
      .forAccount(done!.account!.id)
      .businessDetails.list(NINO);
    expect(data.listOfBusinesses).toEqual([]);
    expect(app.server.apiRequests).toEqual([
      {
        path: `/individuals/business/details/${NINO}/list`,
        authorization: expect.stringMatching(/^Bearer /),
      },
    ]);
  });

  it('refuses an answer naming another issuer (a mix-up), says Ledgerlink refused it, and never uses the code', async () => {
    // The server's authorize origin is not its issuer: assuming it was is the old mistake.
    const app = await start({ iss: (o) => o.authorize }, (s) => s.origins.api);
    const done = await app.link();
    expect(done).toMatchObject({
      phase: 'failed',
      error: { step: 'token-issued', code: 'CALLBACK_REFUSED' },
    });
    expect(done!.error!.message).toMatch(/^Ledgerlink refused the answer/);
    expect(done!.error!.message).not.toMatch(/HMRC did not accept/);
    expect(app.server.tokenRequests).toEqual([]);
    expect(app.services.accounts.list()).toEqual([]);
  });

  it('refuses an answer without iss when the definition expects one', async () => {
    const app = await start({}, (s) => s.origins.api);
    const done = await app.link();
    expect(done).toMatchObject({ phase: 'failed', error: { code: 'CALLBACK_REFUSED' } });
    expect(done!.error!.message).toMatch(/did not say which sign-in service sent it/);
    expect(app.server.tokenRequests).toEqual([]);
  });

  it('does not check iss when the definition names no issuer (RFC 9207: nothing advertised)', async () => {
    const app = await start({ iss: () => 'https://whoever.example' });
    expect(await app.link()).toMatchObject({ phase: 'linked' });
  });
});
