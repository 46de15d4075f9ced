import { securityChecksFrom } from '../../../src/main/app-info/window-security-checks';
import type { SecurityCheck } from '../../../src/main/app-info/security-report';
import { RENDERER_CSP } from '../../../src/main/security/content-security-policy';
import { mainWindowOptions } from '../../../src/main/electron/window-options';

/**
 * The browser host has no Electron window, so it reports the options an installed desktop
 * window is given (the same function the Electron layer uses) and what the host itself enforces:
 * the same CSP header, an origin-checked socket instead of IPC.
 */
export function hostSecurityChecks(origin: string): SecurityCheck[] {
  // What an installed build's window is given.
  const installed = mainWindowOptions('preload.cjs', { packaged: true });
  return securityChecksFrom(installed.webPreferences ?? {}, {
    rendererOrigin: origin,
    csp: RENDERER_CSP,
    navigationGuarded: true,
    windowOpenDenied: true,
    permissionsDenied: true,
    singleInstanceLock: true,
    protocolClientRegistered: null,
    packaged: true,
  }).map((c) =>
    [
      'context-isolation',
      'sandbox',
      'node-integration',
      'web-security',
      'webview',
      'devtools',
      'navigation',
      'new-windows',
      'permissions',
      'single-instance',
    ].includes(c.id)
      ? {
          ...c,
          detail: `${c.detail} — desktop window setting; the browser host runs the page in Chromium`,
        }
      : c,
  );
}
