import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window's options. Every line in webPreferences is a checklist item and a unit test
 * fails if one is weakened (test/unit/electron/window-options.test.ts).
 *
 * `packaged` is `app.isPackaged`: whether this is an installed build. Developer tools are for
 * development only: in an installed build they would let anyone at the computer read and change
 * everything the window holds. NODE_ENV says nothing here: it is an environment variable that
 * anyone starting the app can set, not a fact of the build.
 */
export function mainWindowOptions(
  preloadPath: string,
  build: { packaged: boolean },
): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Ledgerlink',
    backgroundColor: '#1b1d21',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true, // checklist item 3
      sandbox: true, // checklist item 4 (the preload is one CommonJS bundle for this)
      nodeIntegration: false, // checklist item 2
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true, // checklist item 6
      allowRunningInsecureContent: false, // checklist item 8
      experimentalFeatures: false, // checklist item 9
      enableBlinkFeatures: '', // checklist item 10
      webviewTag: false, // checklist item 12
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !build.packaged,
    },
  };
}
