import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A plain HTTP proxy in front of Practice HMRC for the crash test. Normally it forwards. Armed,
 * it holds the next matching exchange — either the request before Practice sees it, or
 * Practice's answer after Practice has acted on it — and tells the test, which then kills the
 * app. Deterministic: the kill happens exactly between "sent" and "answered".
 */
export type HoldMode = 'request' | 'response';

export interface HoldingProxy {
  url: string;
  /** Holds the next exchange whose method and path match; resolves when it is held. */
  arm(match: { method: string; path: RegExp }, mode: HoldMode): Promise<void>;
  disarm(): void;
  close(): Promise<void>;
}

export async function startHoldingProxy(target: string): Promise<HoldingProxy> {
  const upstream = new URL(target);
  let armed:
    { match: { method: string; path: RegExp }; mode: HoldMode; held: () => void } | undefined;
  const forward = (
    req: IncomingMessage,
    body: Buffer,
    onAnswer: (r: IncomingMessage, b: Buffer) => void,
  ) => {
    const out = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => onAnswer(r, Buffer.concat(chunks)));
      },
    );
    out.on('error', () => undefined);
    out.end(body);
  };
  const reply = (res: ServerResponse, r: IncomingMessage, b: Buffer) => {
    if (res.destroyed) return;
    res.writeHead(r.statusCode ?? 502, r.headers);
    res.end(b);
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const hold =
        armed && req.method === armed.match.method && armed.match.path.test(req.url ?? '')
          ? armed
          : undefined;
      if (hold) armed = undefined;
      if (hold?.mode === 'request') return hold.held();
      forward(req, body, (r, b) => {
        if (hold) return hold.held();
        reply(res, r, b);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    arm: (match, mode) => new Promise<void>((held) => (armed = { match, mode, held })),
    disarm: () => (armed = undefined),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
