import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../../logging/logger';

/** What the callback handler decided; the browser is told in plain words either way. */
export type LoopbackVerdict = 'accepted' | 'refused';

export interface LoopbackListener {
  port: number;
  /** Stop listening (idempotent). */
  close(): Promise<void>;
  /** Resolves once the listener has stopped, whatever stopped it. */
  closed: Promise<void>;
}

export interface LoopbackOptions {
  port: number;
  /** The registered redirect path, e.g. `/oauth/callback`; every other path is 404. */
  path: string;
  onCallback: (params: URLSearchParams) => LoopbackVerdict;
  logger: Logger;
  /** Stop listening after this long without an accepted callback (the code lives 10 minutes). */
  timeoutMs?: number;
}

export type StartLoopbackListener = (options: LoopbackOptions) => Promise<LoopbackListener>;

/** Loopback hosts only: RFC 8252 §8.3 (listen on loopback) and a DNS-rebinding guard. */
const LOOPBACK_INTERFACES = ['127.0.0.1', '::1'] as const;

const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${title}</title>
<style>body{font:17px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#17202b;background:#f6f7f9}
@media (prefers-color-scheme:dark){body{color:#e7ebf0;background:#14171c}}</style></head>
<body><main><h1>${title}</h1><p>${body}</p></main></body></html>`;

const ACCEPTED = page(
  'You can return to Ledgerlink',
  'Ledgerlink has HMRC’s answer and is finishing the link. You can close this tab.',
);
// Ledgerlink's own refusal, not HMRC's: the app window says why and what to do next.
const REFUSED = page(
  'Ledgerlink refused this answer',
  'Ledgerlink did not use what came back here: it did not match the linking Ledgerlink is waiting for. Go back to Ledgerlink to see why, and start again if you need to.',
);

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen({ port, host, exclusive: true }, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections?.();
  });

/**
 * A one-shot listener for `http://localhost:<port><path>` (issue 4 item 2). Bound to 127.0.0.1
 * and ::1 only, never to every interface (RFC 8252 §8.3), because a browser may resolve
 * `localhost` to either. Rejects with EADDRINUSE if either is taken, so the caller can try the
 * next registered port and nobody else's listener receives the code. Answers only a GET of
 * the registered path with a Host of localhost; stops after an accepted callback or the timeout.
 */
export const startLoopbackListener: StartLoopbackListener = async (options) => {
  const { port, path, logger } = options;
  const servers: Server[] = [];
  let closing: Promise<void> | undefined;
  const timeout: { timer?: NodeJS.Timeout } = {};
  let resolveClosed!: () => void;
  const closed = new Promise<void>((r) => (resolveClosed = r));

  const close = () => {
    closing ??= Promise.all(servers.map(closeServer)).then(() => {
      clearTimeout(timeout.timer);
      resolveClosed();
    });
    return closing;
  };

  const allowedHosts = new Set([`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]);

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('cache-control', 'no-store');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('content-security-policy', PAGE_CSP);
    res.setHeader('connection', 'close');
    const send = (status: number, body: string, extra: Record<string, string> = {}) => {
      for (const [k, v] of Object.entries(extra)) res.setHeader(k, v);
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.statusCode = status;
      res.end(body);
    };
    if (req.method !== 'GET') {
      logger.warn('Loopback listener refused a request that was not a GET', { method: req.method });
      return send(405, REFUSED, { allow: 'GET' });
    }
    if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) {
      logger.warn('Loopback listener refused a request for another host');
      return send(400, REFUSED);
    }
    const url = new URL(req.url ?? '/', `http://localhost:${port}`);
    if (url.pathname !== path) {
      logger.warn('Loopback listener refused a request for another path', {
        path: url.pathname.slice(0, 80),
      });
      return send(404, REFUSED);
    }
    const verdict = options.onCallback(url.searchParams);
    if (verdict === 'accepted') {
      res.once('finish', () => void close());
      return send(200, ACCEPTED);
    }
    return send(400, REFUSED);
  };

  for (const host of LOOPBACK_INTERFACES) {
    const server = createServer(handle);
    server.keepAliveTimeout = 1000;
    try {
      await listen(server, port, host);
      servers.push(server);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // No IPv6 loopback on this machine: 127.0.0.1 alone is then what `localhost` means.
      if (host === '::1' && (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT')) continue;
      await Promise.all(servers.map(closeServer));
      throw error;
    }
  }

  timeout.timer = setTimeout(() => void close(), options.timeoutMs ?? 10 * 60 * 1000);
  timeout.timer.unref?.();
  return { port, close, closed };
};
