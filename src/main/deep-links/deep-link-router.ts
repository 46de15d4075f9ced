import type { Logger } from '../logging/logger';
import { parseAppUrl, type AppUrl } from './parse-app-url';

export type DeepLinkSource = 'open-url' | 'second-instance' | 'cold-start' | 'test';
export type DeepLinkHandler = (url: AppUrl, source: DeepLinkSource) => void;

export interface DeepLinkRouter {
  /** Later capabilities subscribe to one path, e.g. auth to `/oauth/callback`. */
  subscribe(path: string, handler: DeepLinkHandler): () => void;
  /** Hand over a URL exactly as the OS delivered it. Returns whether a subscriber took it. */
  receive(raw: string, source: DeepLinkSource): boolean;
}

/**
 * One place where every deep link enters, whatever the OS and however it arrived. Unknown
 * paths and malformed URLs are dropped with a warning; the URL itself is never logged because
 * an OAuth callback carries a code and state.
 */
export function createDeepLinkRouter(logger: Logger): DeepLinkRouter {
  const routes = new Map<string, DeepLinkHandler>();
  return {
    subscribe(path, handler) {
      if (routes.has(path)) throw new Error(`Deep link path already has a subscriber: ${path}`);
      routes.set(path, handler);
      return () => void routes.delete(path);
    },
    receive(raw, source) {
      const url = parseAppUrl(raw);
      if (!url) {
        logger.warn('Deep link ignored: not a well-formed Ledgerlink URL', { source });
        return false;
      }
      const handler = routes.get(url.path);
      if (!handler) {
        logger.warn('Deep link ignored: no part of the app handles this path', {
          source,
          path: url.path,
        });
        return false;
      }
      try {
        handler(url, source);
      } catch (error) {
        logger.error('Deep link handler failed', {
          path: url.path,
          error: error instanceof Error ? error.message : String(error),
        });
      }
      return true;
    },
  };
}
