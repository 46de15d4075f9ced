import type { SecurityCheck } from './security-report';

/** The subset of Electron's webPreferences the checks read (plain data, no Electron import). */
export interface EffectiveWebPreferences {
  contextIsolation?: boolean;
  sandbox?: boolean;
  nodeIntegration?: boolean;
  nodeIntegrationInWorker?: boolean;
  nodeIntegrationInSubFrames?: boolean;
  webSecurity?: boolean;
  allowRunningInsecureContent?: boolean;
  webviewTag?: boolean;
  devTools?: boolean;
}

export interface HostSecurityFacts {
  rendererOrigin: string;
  csp: string | null;
  navigationGuarded: boolean;
  windowOpenDenied: boolean;
  permissionsDenied: boolean;
  singleInstanceLock: boolean;
  protocolClientRegistered: boolean | null;
  /** `app.isPackaged`: an installed build (developer tools must then be off). */
  packaged: boolean;
}

/**
 * Turns what the host knows into the Diagnostics page's checklist, each line tied to an item
 * of Electron's security checklist so a person (or support) can see what protects them.
 */
export function securityChecksFrom(
  prefs: EffectiveWebPreferences,
  facts: HostSecurityFacts,
): SecurityCheck[] {
  const yesNo = (b: boolean | undefined) => (b ? 'on' : 'off');
  return [
    {
      id: 'context-isolation',
      label: 'Context isolation',
      ok: prefs.contextIsolation === true,
      detail: `${yesNo(prefs.contextIsolation)} (checklist item 3)`,
    },
    {
      id: 'sandbox',
      label: 'Renderer sandbox',
      ok: prefs.sandbox === true,
      detail: `${yesNo(prefs.sandbox)} (checklist item 4)`,
    },
    {
      id: 'node-integration',
      label: 'Node.js in the page',
      ok:
        prefs.nodeIntegration !== true &&
        prefs.nodeIntegrationInWorker !== true &&
        prefs.nodeIntegrationInSubFrames !== true,
      detail: prefs.nodeIntegration ? 'enabled — unsafe' : 'disabled (checklist item 2)',
    },
    {
      id: 'web-security',
      label: 'Web security',
      ok: prefs.webSecurity !== false && prefs.allowRunningInsecureContent !== true,
      detail: `${prefs.webSecurity === false ? 'off' : 'on'} (checklist items 6, 8)`,
    },
    {
      id: 'webview',
      label: '<webview> tags',
      ok: prefs.webviewTag !== true,
      detail: prefs.webviewTag ? 'allowed' : 'disabled (checklist item 12)',
    },
    {
      id: 'devtools',
      label: 'Developer tools',
      ok: !facts.packaged || prefs.devTools === false,
      detail: facts.packaged
        ? prefs.devTools === false
          ? 'off in this installed build'
          : 'on in an installed build — unsafe'
        : `${prefs.devTools === false ? 'off' : 'on'}: a development build, not installed`,
    },
    {
      id: 'renderer-origin',
      label: 'App served from its own origin',
      ok: !facts.rendererOrigin.startsWith('file:'),
      detail: `${facts.rendererOrigin} (checklist item 18: not file://)`,
    },
    {
      id: 'csp',
      label: 'Content-Security-Policy',
      ok: !!facts.csp && facts.csp.includes("script-src 'self'"),
      detail: facts.csp ?? 'none',
    },
    {
      id: 'navigation',
      label: 'Navigation away from the app',
      ok: facts.navigationGuarded,
      detail: facts.navigationGuarded ? 'blocked (checklist item 13)' : 'not guarded',
    },
    {
      id: 'new-windows',
      label: 'New windows',
      ok: facts.windowOpenDenied,
      detail: facts.windowOpenDenied
        ? 'denied; links go to your browser through the allow-list (items 14, 15)'
        : 'allowed',
    },
    {
      id: 'permissions',
      label: 'Permission requests (camera, location, …)',
      ok: facts.permissionsDenied,
      detail: facts.permissionsDenied ? 'all denied (checklist item 5)' : 'not handled',
    },
    {
      id: 'single-instance',
      label: 'Single instance',
      ok: facts.singleInstanceLock,
      detail: facts.singleInstanceLock ? 'this is the only Ledgerlink running' : 'lock not held',
    },
    {
      id: 'protocol-client',
      label: 'Sign-in return link (app.ledgerlink.desktop:)',
      ok: facts.protocolClientRegistered !== false,
      detail:
        facts.protocolClientRegistered === null
          ? 'delivered by the test host'
          : facts.protocolClientRegistered
            ? 'registered with the operating system'
            : 'not registered: use the loopback or paste-the-code option when linking',
    },
  ];
}
