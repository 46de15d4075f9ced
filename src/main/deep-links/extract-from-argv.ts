import { APP_SCHEME } from '@shared/app/identity';
import { parseAppUrl } from './parse-app-url';

export type ArgvExtraction =
  | { kind: 'none' }
  | { kind: 'url'; url: string }
  | { kind: 'rejected'; reason: 'several-urls' | 'malformed' };

/**
 * Windows and Linux deliver a deep link as a command-line argument: at cold start in
 * process.argv and later in the `second-instance` argv, where Chromium may add switches
 * (Electron docs, app `second-instance`). We accept exactly one argument with our scheme,
 * and it must parse; two URLs or a broken one are refused as a whole (GitHub Desktop's rule).
 */
export function extractDeepLinkFromArgv(argv: readonly string[]): ArgvExtraction {
  const candidates = argv.filter(
    (a) => typeof a === 'string' && a.toLowerCase().startsWith(`${APP_SCHEME}:`),
  );
  if (candidates.length === 0) return { kind: 'none' };
  if (candidates.length > 1) return { kind: 'rejected', reason: 'several-urls' };
  const [only] = candidates as [string];
  return parseAppUrl(only) ? { kind: 'url', url: only } : { kind: 'rejected', reason: 'malformed' };
}
