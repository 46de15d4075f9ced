import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../src/main/electron/window-options';

// Every assertion here is an Electron security checklist item: weakening any one fails.
describe('main window options', () => {
  const prefs = mainWindowOptions('/app/out/preload/index.cjs').webPreferences!;

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
    expect(mainWindowOptions('x').show).toBe(false);
  });
});
