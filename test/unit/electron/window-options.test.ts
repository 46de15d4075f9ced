import { describe, expect, it } from 'vitest';
import { securityChecksFrom } from '../../../src/main/app-info/window-security-checks';
import { mainWindowOptions } from '../../../src/main/electron/window-options';

// Every assertion here is an Electron security checklist item: weakening any one fails.
describe('main window options', () => {
  const prefs = mainWindowOptions('/app/out/preload/index.cjs', { packaged: true }).webPreferences!;

  it('isolates the page from Electron and Node', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and experimental surfaces off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.enableBlinkFeatures).toBe('');
    expect(prefs.webviewTag).toBe(false);
  });

  it('loads the CommonJS preload bundle that a sandboxed window can run', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('shows the window only when it is ready, so nothing flashes unstyled', () => {
    expect(mainWindowOptions('x', { packaged: true }).show).toBe(false);
  });

  it('turns developer tools off in an installed build, whatever NODE_ENV says', () => {
    const before = process.env.NODE_ENV;
    try {
      for (const nodeEnv of ['development', 'test', 'production', '']) {
        process.env.NODE_ENV = nodeEnv;
        expect(mainWindowOptions('x', { packaged: true }).webPreferences?.devTools).toBe(false);
        expect(mainWindowOptions('x', { packaged: false }).webPreferences?.devTools).toBe(true);
      }
    } finally {
      process.env.NODE_ENV = before;
    }
  });
});

describe('the Diagnostics security checklist', () => {
  const facts = {
    rendererOrigin: 'app://ledgerlink',
    csp: "default-src 'none'; script-src 'self'",
    navigationGuarded: true,
    windowOpenDenied: true,
    permissionsDenied: true,
    singleInstanceLock: true,
    protocolClientRegistered: true,
  };
  const devtools = (packaged: boolean, devTools: boolean) =>
    securityChecksFrom({ devTools }, { ...facts, packaged }).find((c) => c.id === 'devtools');

  it('shows developer tools off in an installed build as safe, and on as unsafe', () => {
    expect(devtools(true, false)).toEqual({
      id: 'devtools',
      label: 'Developer tools',
      ok: true,
      detail: 'off in this installed build',
    });
    expect(devtools(true, true)).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/unsafe/),
    });
    expect(devtools(false, true)).toMatchObject({
      ok: true,
      detail: 'on: a development build, not installed',
    });
  });

  it('reports the window an installed build really gets as safe on every line', () => {
    const installed = mainWindowOptions('x', { packaged: true }).webPreferences!;
    const checks = securityChecksFrom(installed, { ...facts, packaged: true });
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks.map((c) => c.id)).toContain('devtools');
  });
});
