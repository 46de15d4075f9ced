/**
 * The origin of a URL, including for the app's own `app://ledgerlink` scheme: Electron treats
 * it as a standard scheme (registerSchemesAsPrivileged), but Node's WHATWG URL does not know
 * that and reports the origin of any non-special scheme as "null". Returns null for garbage.
 */
export function originOf(raw: string | undefined | null): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.origin !== 'null') return url.origin;
  if (!url.host) return null;
  return `${url.protocol}//${url.host}`;
}
