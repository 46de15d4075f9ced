import type { SecurityCheck } from '../app-info/security-report';
import { securityChecksFrom } from '../app-info/window-security-checks';
import { RENDERER_CSP } from '../security/content-security-policy';

/** Checks that describe the desktop window; in a browser tab the browser itself decides them. */
const BROWSER_DECIDES = new Set([
  'context-isolation',
  'sandbox',
  'node-integration',
  'web-security',
  'webview',
  'devtools',
  'navigation',
  'new-windows',
  'permissions',
]);

/**
 * The Diagnostics checklist for the browser shell. The page is an ordinary web page in the
 * person's browser: no Node, no preload, the browser's own sandbox. What the shell enforces is
 * reported as such: the same CSP header as the desktop window, loopback only, a one-time
 * launch token exchanged for a session, Host and Origin checked on every request and on the
 * WebSocket, and one shell per data folder (the lock file).
 */
export function hostSecurityChecks(origin: string): SecurityCheck[] {
  return securityChecksFrom(
    {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    },
    {
      rendererOrigin: origin,
      csp: RENDERER_CSP,
      navigationGuarded: true,
      windowOpenDenied: true,
      permissionsDenied: true,
      singleInstanceLock: true,
      protocolClientRegistered: null,
      packaged: true,
    },
  ).map((c) =>
    BROWSER_DECIDES.has(c.id)
      ? { ...c, detail: `${c.detail} — in a browser tab the browser enforces this for the page` }
      : c.id === 'single-instance'
        ? { ...c, detail: `${c.detail} — one browser shell per data folder (its lock file)` }
        : c,
  );
}
