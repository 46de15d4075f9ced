import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { RENDERER_CSP } from '../../../src/main/security/content-security-policy';
import { unavailableKeychain } from '../../../src/main/vault/keychain';
import { LOCK_FILE_NAME } from '../../../src/main/web/instance-lock';
import { startWebShell, type WebShell } from '../../../src/main/web/start-web-shell';

/**
 * The browser shell as a stranger on this computer meets it: real HTTP and WebSocket on
 * 127.0.0.1, the built renderer (`npm run build`), its own data folder.
 */
interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function get(
  shell: WebShell,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<Reply> {
  const { port } = new URL(shell.origin);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

/** Opens the WebSocket the page's bridge opens; resolves with the upgrade's outcome. */
async function socket(shell: WebShell, headers: Record<string, string>): Promise<number | 'open'> {
  const ws = new WebSocket(`${shell.origin.replace('http', 'ws')}/__shell/ipc`, { headers });
  const outcome = await Promise.race([
    once(ws, 'open').then(() => 'open' as const),
    once(ws, 'unexpected-response').then(([, res]) => (res as { statusCode: number }).statusCode),
  ]);
  ws.terminate();
  return outcome;
}

describe('the browser shell lets in only the browser that opened its link', () => {
  let shell: WebShell;
  let userData: string;
  let cookie: string;

  beforeAll(async () => {
    userData = mkdtempSync(join(tmpdir(), 'ledgerlink-web-'));
    const started = await startWebShell({
      userData,
      display: false,
      keychain: unavailableKeychain('no Secret Service in this test'),
    });
    if (started.kind !== 'started') throw new Error('expected a fresh shell');
    shell = started.shell;
    const launch = await get(shell, pathOf(shell.launchUrl()));
    cookie = String(launch.headers['set-cookie']?.[0]).split(';')[0]!;
  });
  afterAll(() => shell.close());

  it('exchanges the launch token once for an HttpOnly, SameSite=Strict cookie, then forgets it', async () => {
    const url = shell.launchUrl();
    expect(new URL(url).hostname).toBe('127.0.0.1');
    const first = await get(shell, pathOf(url));
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    expect(first.headers['set-cookie']?.[0]).toMatch(/; Path=\/; HttpOnly; SameSite=Strict$/);

    const replayed = await get(shell, pathOf(url));
    expect(replayed.status).toBe(403);
    expect(replayed.headers['set-cookie']).toBeUndefined();
    expect(replayed.body).toContain('Each link works once');
  });

  it('refuses a browser with no token, or a wrong one', async () => {
    expect((await get(shell, '/')).status).toBe(401);
    expect((await get(shell, '/assets/index.js')).status).toBe(401);
    const wrong = await get(shell, `/?token=${'A'.repeat(43)}`);
    expect(wrong.status).toBe(403);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('serves the built renderer to the session, with the desktop window’s CSP, and nothing else', async () => {
    const page = await get(shell, '/', { cookie });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(RENDERER_CSP);
    expect(page.body).toContain('<script src="/__shell/bridge.js"></script>');
    expect(page.body).not.toMatch(/token/i);
    expect((await get(shell, '/__shell/bridge.js', { cookie })).status).toBe(200);
    expect((await get(shell, '/../package.json', { cookie })).status).toBe(404);
    expect((await get(shell, '/%2e%2e/package.json', { cookie })).status).toBe(404);
    expect((await get(shell, '/', { cookie }, 'DELETE')).status).toBe(403);
  });

  it('refuses a foreign Host (DNS rebinding) even with the session cookie', async () => {
    const { port } = new URL(shell.origin);
    expect((await get(shell, '/', { cookie, host: `attacker.example:${port}` })).status).toBe(421);
    expect((await get(shell, pathOf(shell.launchUrl()), { host: 'attacker.example' })).status).toBe(
      421,
    );
    expect((await get(shell, '/', { cookie, host: `localhost:${port}` })).status).toBe(200);
  });

  it('refuses a foreign Origin on requests and on the WebSocket', async () => {
    const foreign = { cookie, origin: 'http://attacker.example' };
    expect((await get(shell, '/', foreign)).status).toBe(403);
    expect((await get(shell, '/__shell/files/abc', foreign, 'POST')).status).toBe(403);

    expect(await socket(shell, { cookie, origin: shell.origin })).toBe('open');
    expect(await socket(shell, foreign)).toBe(403);
    expect(await socket(shell, { origin: shell.origin })).toBe(403);
    expect(await socket(shell, { cookie })).toBe(403);
    const { port } = new URL(shell.origin);
    expect(
      await socket(shell, { cookie, origin: shell.origin, host: `attacker.example:${port}` }),
    ).toBe(403);
  });

  it('answers IPC over the session’s WebSocket through the same router as the desktop', async () => {
    const ws = new WebSocket(`${shell.origin.replace('http', 'ws')}/__shell/ipc`, {
      headers: { cookie, origin: shell.origin },
    });
    await once(ws, 'open');
    ws.send(JSON.stringify({ kind: 'invoke', id: 7, channel: 'app.info' }));
    const [data] = (await once(ws, 'message')) as [Buffer];
    const reply = JSON.parse(data.toString()) as { kind: string; id: number; result: unknown };
    expect(reply).toMatchObject({ kind: 'result', id: 7, result: { ok: true } });
    ws.send(JSON.stringify({ kind: 'invoke', id: 8, channel: 'no.such.channel' }));
    const [refused] = (await once(ws, 'message')) as [Buffer];
    expect(JSON.parse(refused.toString())).toMatchObject({ id: 8, result: { ok: false } });
    ws.terminate();
  });

  it('keeps its lock file readable by this user only', () => {
    const lock = join(userData, LOCK_FILE_NAME);
    expect(existsSync(lock)).toBe(true);
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ pid: process.pid });
  });
});

describe('a second start over the same data folder hands over to the first', () => {
  it('returns a fresh launch link to the running shell, and starts anew once it has stopped', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'ledgerlink-web-'));
    const keychain = unavailableKeychain('no Secret Service in this test');
    const first = await startWebShell({ userData, display: false, keychain });
    if (first.kind !== 'started') throw new Error('expected a fresh shell');

    const second = await startWebShell({ userData, display: false, keychain });
    expect(second.kind).toBe('running');
    if (second.kind !== 'running') return;
    expect(new URL(second.launchUrl).origin).toBe(first.shell.origin);
    const opened = await get(first.shell, pathOf(second.launchUrl));
    expect(opened.status).toBe(303);

    await first.shell.close();
    expect(existsSync(join(userData, LOCK_FILE_NAME))).toBe(false);
    const third = await startWebShell({ userData, display: false, keychain });
    expect(third.kind).toBe('started');
    if (third.kind === 'started') await third.shell.close();
  });

  it('replaces a lock left by a shell that is gone', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'ledgerlink-web-'));
    // A killed shell's lock: its port answers nothing of ours.
    writeFileSync(
      join(userData, LOCK_FILE_NAME),
      JSON.stringify({ pid: 999999, port: 9, secret: 'x'.repeat(43) }),
    );
    const started = await startWebShell({
      userData,
      display: false,
      keychain: unavailableKeychain('no Secret Service in this test'),
    });
    expect(started.kind).toBe('started');
    if (started.kind === 'started') await started.shell.close();
  });
});

describe('HMRC sandbox credentials in the browser mode', () => {
  it('offers the sandbox when the MAIN_VITE_HMRC_SANDBOX_* names are set, and only Practice without them', async () => {
    const keychain = unavailableKeychain('no Secret Service in this test');
    const env = {
      MAIN_VITE_HMRC_SANDBOX_CLIENT_ID: 'sandbox-client-id',
      MAIN_VITE_HMRC_SANDBOX_CLIENT_SECRET: 'sandbox-client-secret',
      MAIN_VITE_HMRC_SANDBOX_REDIRECT_URIS: 'http://localhost:53682/oauth/callback',
    };
    const withCredentials = await startWebShell({
      userData: mkdtempSync(join(tmpdir(), 'ledgerlink-web-')),
      display: false,
      keychain,
      env,
    });
    if (withCredentials.kind !== 'started') throw new Error('expected a fresh shell');
    const available = (shell: WebShell) =>
      shell.services.environments
        .availability()
        .filter((e) => e.available)
        .map((e) => e.id);
    try {
      expect(available(withCredentials.shell)).toEqual(['practice', 'sandbox']);
      const sandbox = await withCredentials.shell.services.environments.definition('sandbox');
      expect(sandbox.credentials.clientId).toBe('sandbox-client-id');
    } finally {
      await withCredentials.shell.close();
    }

    const without = await startWebShell({
      userData: mkdtempSync(join(tmpdir(), 'ledgerlink-web-')),
      display: false,
      keychain,
      env: {},
    });
    if (without.kind !== 'started') throw new Error('expected a fresh shell');
    try {
      expect(available(without.shell)).toEqual(['practice']);
    } finally {
      await without.shell.close();
    }
  });
});
