import { createServer, type Server } from 'node:http';

export interface LoopbackServer {
  /** One request handler for both addresses. */
  server: Server;
  port: number;
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * An HTTP server on 127.0.0.1 and ::1 at the same port, never on every interface: nothing on
 * the network may reach a person's ledgers (RFC 8252 §8.3 makes the same rule for a loopback
 * redirect). A browser may resolve `localhost` to either address, so both are bound; a machine
 * without IPv6 loopback has 127.0.0.1 alone.
 */
export async function listenOnLoopback(port = 0): Promise<LoopbackServer> {
  const server = createServer();
  const v6 = createServer();
  // One handler: requests arriving on ::1 are handed to the IPv4 server's listeners.
  v6.on('request', (req, res) => server.emit('request', req, res));
  v6.on('upgrade', (req, socket, head) => server.emit('upgrade', req, socket, head));
  await listen(server, port, '127.0.0.1');
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The browser shell did not bind');
  let both = true;
  try {
    await listen(v6, address.port, '::1');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EADDRNOTAVAIL' && code !== 'EAFNOSUPPORT') {
      await new Promise<void>((r) => server.close(() => r()));
      throw error;
    }
    both = false;
  }
  const stop = (s: Server) =>
    new Promise<void>((resolve) => {
      if (!s.listening) return resolve();
      s.close(() => resolve());
      s.closeAllConnections();
    });
  return {
    server,
    port: address.port,
    close: async () => {
      await Promise.all([stop(server), both ? stop(v6) : Promise.resolve()]);
    },
  };
}
