import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';

/** What the fake HMRC does with one request. */
export type Reply =
  | {
      status: number;
      body?: unknown;
      headers?: Record<string, string>;
      correlationId?: string | null;
    }
  | 'hang-up'
  | 'no-answer';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A stand-in for HMRC over real HTTP on 127.0.0.1 that answers from a script, one reply per
 * request (the last reply repeats), and records every request exactly as it arrived.
 */
export async function scriptedHmrc(script: Reply[]) {
  const seen: SeenRequest[] = [];
  let i = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const reply = script[Math.min(i++, script.length - 1)]!;
      if (reply === 'hang-up') {
        req.socket.destroy();
        return;
      }
      if (reply === 'no-answer') return;
      const correlationId = reply.correlationId === undefined ? randomUUID() : reply.correlationId;
      res.statusCode = reply.status;
      if (correlationId) res.setHeader('X-CorrelationId', correlationId);
      for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
      if (reply.body === undefined) {
        res.end();
      } else {
        res.setHeader('content-type', 'application/json');
        res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    seen,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
