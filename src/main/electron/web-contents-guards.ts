import type { WebContents } from 'electron';
import { originOf } from '../security/origin-of';

export interface GuardDeps {
  /** The app's own origins: navigation within them is the app routing itself. */
  appOrigins: () => string[];
  /** Where links the renderer tries to open in a new window go (through the allow-list). */
  openExternal: (url: string) => Promise<void>;
  warn: (message: string, fields?: Record<string, unknown>) => void;
}

/**
 * Deny navigation away, new windows, webviews and permission requests for every web contents
 * the app ever creates (Electron checklist items 5, 12, 13, 14). Compares origins with the URL
 * parser, never with startsWith.
 */
export function guardWebContents(contents: WebContents, deps: GuardDeps): void {
  contents.on('will-navigate', (event, url) => {
    if (!deps.appOrigins().includes(originOf(url) ?? '')) {
      event.preventDefault();
      deps.warn('Navigation away from the app blocked', { origin: originOf(url) });
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!deps.appOrigins().includes(originOf(url) ?? '')) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    // A link with target=_blank: the allow-listed opener decides; the app never opens a window.
    deps
      .openExternal(url)
      .catch(() => deps.warn('Link not opened: outside the allow-list', { origin: originOf(url) }));
    return { action: 'deny' };
  });
}

/**
 * The permission hooks of a session, as a port Electron's `Session` satisfies: every handler
 * installed here refuses, so it needs nothing of what Electron passes beyond the callback.
 */
export interface PermissionHooks {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
}

export function denyAllPermissions(session: PermissionHooks): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** The one app event the guards need: a port Electron's `app` satisfies. */
export interface WebContentsCreatedEvents {
  on(
    event: 'web-contents-created',
    listener: (event: unknown, contents: WebContents) => void,
  ): unknown;
}

export function installWebContentsGuards(app: WebContentsCreatedEvents, deps: GuardDeps): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, deps));
}
