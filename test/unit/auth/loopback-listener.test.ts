import { createServer, request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import {
  startLoopbackListener,
  type LoopbackListener,
} from '../../../src/main/auth/transports/loopback-listener';
import { createLogger, memorySink } from '../../../src/main/logging/logger';

/** A port that was free a moment ago (the registered ports are not used in unit tests). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

function get(
  url: string,
  options: { method?: string; host?: string; family?: 4 | 6 } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = request(
      {
        hostname: u.hostname.replace(/^\[|\]$/g, ''),
        port: u.port,
        path: u.pathname + u.search,
        method: options.method ?? 'GET',
        headers: { host: options.host ?? u.host },
        ...(options.family ? { family: options.family } : {}),
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

let listener: LoopbackListener | undefined;
afterEach(async () => {
  await listener?.close();
  listener = undefined;
});

describe('the loopback listener', () => {
  it('answers a GET of its path, hands over the parameters, then stops', async () => {
    const port = await freePort();
    const seen: URLSearchParams[] = [];
    listener = await startLoopbackListener({
      port,
      path: '/oauth/callback',
      logger: createLogger(() => undefined),
      onCallback: (p) => {
        seen.push(p);
        return 'accepted';
      },
    });
    const res = await get(`http://localhost:${port}/oauth/callback?code=abc&state=xyz`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('You can return to Ledgerlink');
    expect(seen[0]?.get('code')).toBe('abc');
    await listener.closed;
    await expect(get(`http://127.0.0.1:${port}/oauth/callback?code=abc`)).rejects.toThrow();
  });

  it('refuses other methods, other paths, other hosts, and refused callbacks, and keeps listening', async () => {
    const port = await freePort();
    const logs = memorySink();
    listener = await startLoopbackListener({
      port,
      path: '/oauth/callback',
      logger: createLogger(logs),
      onCallback: () => 'refused',
    });
    const base = `http://127.0.0.1:${port}`;
    expect((await get(`${base}/oauth/callback?code=a`, { method: 'POST' })).status).toBe(405);
    expect((await get(`${base}/other`)).status).toBe(404);
    expect((await get(`${base}/oauth/callback`, { host: `evil.example:${port}` })).status).toBe(
      400,
    );
    const refused = await get(`${base}/oauth/callback?code=a&state=b`);
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('Ledgerlink refused this answer');
    expect((await get(`${base}/oauth/callback?code=a&state=b`)).status).toBe(400);
    expect(JSON.stringify(logs.records)).not.toContain('code=a');
  });

  it('listens on 127.0.0.1 and ::1 only, never on other interfaces', async () => {
    const port = await freePort();
    listener = await startLoopbackListener({
      port,
      path: '/oauth/callback',
      logger: createLogger(() => undefined),
      onCallback: () => 'refused',
    });
    expect((await get(`http://127.0.0.1:${port}/oauth/callback`)).status).toBe(400);
    expect((await get(`http://[::1]:${port}/oauth/callback`)).status).toBe(400);
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && !i.internal && i.family === 'IPv4');
    if (external) {
      await expect(get(`http://${external.address}:${port}/oauth/callback`)).rejects.toThrow();
    }
  });

  it('fails with EADDRINUSE when the port is taken, so the next registered port can be tried', async () => {
    const port = await freePort();
    const squatter = createServer();
    await new Promise<void>((r) => squatter.listen(port, '127.0.0.1', r));
    try {
      await expect(
        startLoopbackListener({
          port,
          path: '/oauth/callback',
          logger: createLogger(() => undefined),
          onCallback: () => 'accepted',
        }),
      ).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await new Promise<void>((r) => squatter.close(() => r()));
    }
  });

  it('stops by itself after the timeout', async () => {
    const port = await freePort();
    listener = await startLoopbackListener({
      port,
      path: '/oauth/callback',
      logger: createLogger(() => undefined),
      onCallback: () => 'accepted',
      timeoutMs: 50,
    });
    await listener.closed;
    await expect(get(`http://127.0.0.1:${port}/oauth/callback`)).rejects.toThrow();
  });
});
