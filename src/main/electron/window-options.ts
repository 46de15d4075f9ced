import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window's options. Every line in webPreferences is a checklist item and a unit test
 * fails if one is weakened (test/unit/electron/window-options.test.ts).
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
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
      devTools: !process.env.NODE_ENV || process.env.NODE_ENV !== 'production',
    },
  };
}
