import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type Server,
} from 'node:http';

/** One exchange as it passed between the app and Practice HMRC. */
export interface Exchange {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The proxy's clock (performance.now() unless given) when the request reached it (≈ reached Practice HMRC). */
  arrivedAt: number;
  /** Undefined when Practice HMRC dropped the connection. */
  status?: number | undefined;
  responseHeaders?: IncomingHttpHeaders;
  responseBody?: string;
}

/**
 * A transparent HTTP proxy in front of Practice HMRC that records every request the app sends
 * and every answer Practice gives, byte for byte: the tests read what really crossed the wire.
 * A connection Practice drops is dropped towards the app too.
 */
export async function startRecordingProxy(
  target: string,
  options: {
    /** The clock arrivals are recorded on (a virtual one in the rate-limit test). */
    now?: () => number;
    /** Called once Practice HMRC is done with a request: answered, or its connection dropped. */
    onSettled?: (exchange: Exchange) => void;
    /**
     * Awaited before a request is passed on; `'drop'` closes the app's connection instead, so
     * Practice HMRC never sees the request. Lets a test act (kill the app) at an exact point.
     */
    beforeForward?: (exchange: Exchange) => Promise<'forward' | 'drop'>;
    /** Awaited once Practice HMRC has answered; `'drop'` loses the answer on its way back. */
    beforeRelay?: (exchange: Exchange) => Promise<'relay' | 'drop'>;
  } = {},
) {
  const now = options.now ?? (() => performance.now());
  const exchanges: Exchange[] = [];
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    const arrivedAt = now();
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const exchange: Exchange = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: body.toString('utf8'),
        arrivedAt,
      };
      exchanges.push(exchange);
      void forward(exchange, body);
    });
    const forward = async (exchange: Exchange, body: Buffer) => {
      if ((await options.beforeForward?.(exchange)) === 'drop') {
        req.socket.destroy();
        return;
      }
      const out = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host },
        },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (c: Buffer) => parts.push(c));
          answer.on('end', () => {
            const text = Buffer.concat(parts);
            exchange.status = answer.statusCode;
            exchange.responseHeaders = answer.headers;
            exchange.responseBody = text.toString('utf8');
            options.onSettled?.(exchange);
            void relay(exchange, answer.statusCode ?? 502, answer.headers, text);
          });
          answer.on('error', () => {
            options.onSettled?.(exchange);
            req.socket.destroy();
          });
        },
      );
      out.on('error', () => {
        options.onSettled?.(exchange);
        req.socket.destroy();
      });
      out.end(body);
    };
    const relay = async (
      exchange: Exchange,
      status: number,
      headers: IncomingHttpHeaders,
      text: Buffer,
    ) => {
      if ((await options.beforeRelay?.(exchange)) === 'drop') {
        req.socket.destroy();
        return;
      }
      res.writeHead(status, headers);
      res.end(text);
    };
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('proxy did not bind');
  return {
    url: `http://127.0.0.1:${address.port}`,
    exchanges,
    /** API calls only (no OAuth pages, no token endpoint). */
    apiCalls: () =>
      exchanges.filter((e) => /^\/(individuals|obligations|test|agents)\//.test(e.url)),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
