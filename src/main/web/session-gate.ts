import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * Who may talk to the browser shell. A person's machine has other users, other browser tabs
 * and other local programs, all of which can reach 127.0.0.1; only the browser that opened the
 * launch link may use Ledgerlink. The link carries a random token once; the page exchanges it
 * for a session cookie and the token is spent (a copied link or a browser history entry is then
 * useless). Host and Origin are checked on every request and on the WebSocket upgrade, so a web
 * page that rebinds its own name to 127.0.0.1 cannot reach us (DNS rebinding; the same rule
 * Jupyter and Syncthing apply to their local web UIs).
 */
export interface SessionGate {
  /** The cookie's name: per port, because cookies are shared by every port of a host. */
  readonly cookieName: string;
  /** A new one-time launch token (each start, and each hand-over from a second start). */
  issueLaunchToken(): string;
  /** Spends a launch token: a new session id, or null for an unknown or already used token. */
  exchange(candidate: string | null): string | null;
  /** Whether the request carries a live session cookie. */
  hasSession(headers: IncomingHttpHeaders): boolean;
  /** The Set-Cookie value for a new session. */
  sessionCookie(sessionId: string): string;
  /** Host names this shell answers to: 127.0.0.1, [::1] and localhost at its own port. */
  hostAllowed(headers: IncomingHttpHeaders): boolean;
  /**
   * An Origin, when the browser sends one, must be ours. `required` for the WebSocket and for
   * anything that changes state: browsers always send Origin there, and its absence means the
   * request did not come from a page of ours.
   */
  originAllowed(headers: IncomingHttpHeaders, required: boolean): boolean;
  /** Our own origins, the first being the one the launch link uses. */
  readonly origins: readonly string[];
}

const TOKEN_BYTES = 32;
const random = () => randomBytes(TOKEN_BYTES).toString('base64url');

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The named cookie's value from a Cookie header (RFC 6265 §5.4). */
function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function createSessionGate(port: number): SessionGate {
  const launchTokens = new Set<string>();
  const sessions = new Set<string>();
  const hosts = new Set([`127.0.0.1:${port}`, `[::1]:${port}`, `localhost:${port}`]);
  const origins = [...hosts].map((h) => `http://${h}`);
  const cookieName = `ledgerlink-session-${port}`;

  const findIn = (set: Set<string>, candidate: string): string | undefined => {
    // Compare with every entry in constant time: which one matched must not leak by timing.
    let found: string | undefined;
    for (const entry of set) if (sameSecret(entry, candidate)) found = entry;
    return found;
  };

  return {
    cookieName,
    origins,
    issueLaunchToken() {
      const token = random();
      launchTokens.add(token);
      return token;
    },
    exchange(candidate) {
      if (!candidate) return null;
      const token = findIn(launchTokens, candidate);
      if (!token) return null;
      launchTokens.delete(token);
      const session = random();
      sessions.add(session);
      return session;
    },
    hasSession(headers) {
      const value = cookieValue(headers.cookie, cookieName);
      return value !== undefined && findIn(sessions, value) !== undefined;
    },
    sessionCookie: (sessionId) =>
      // HttpOnly: no script reads it; SameSite=Strict: no other site's page sends it (RFC 6265bis).
      `${cookieName}=${sessionId}; Path=/; HttpOnly; SameSite=Strict`,
    hostAllowed: (headers) => hosts.has((headers.host ?? '').toLowerCase()),
    originAllowed(headers, required) {
      const origin = headers.origin;
      if (origin === undefined) return !required;
      return origins.includes(origin.toLowerCase());
    },
  };
}
