import { APP_SCHEME } from '@shared/app/identity';

/** A URL the OS handed to the app, reduced to what a subscriber may act on. */
export interface AppUrl {
  /** Path with a single leading slash, e.g. `/oauth/callback`. */
  path: string;
  params: URLSearchParams;
  raw: string;
}

const MAX_URL_LENGTH = 8 * 1024;

/**
 * Parses `app.ledgerlink.desktop:/oauth/callback?...`. Returns null for anything else: another
 * scheme, a malformed URL, credentials or a host smuggled in, a fragment, or an absurd length.
 * Both `scheme:/path` (RFC 8252 §7.1) and `scheme:///path` forms normalise to the same path.
 */
export function parseAppUrl(raw: string): AppUrl | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return null;
  if (!raw.toLowerCase().startsWith(`${APP_SCHEME}:`)) return null;
  // Dot segments would be normalised away by the URL parser; a genuine callback never has them.
  if (/(^|[/\\])(\.|%2e){1,2}([/\\?#]|$)/i.test(raw.slice(APP_SCHEME.length + 1))) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:`) return null;
  if (url.username || url.password || url.host || url.hash) return null;
  const path = `/${url.pathname.replace(/^\/+/, '')}`;
  if (!/^\/[A-Za-z0-9/_-]*$/.test(path)) return null;
  return { path, params: url.searchParams, raw };
}
