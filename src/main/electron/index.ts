/**
 * The Electron entry point. It only adapts Electron to the plain-Node services: everything
 * with behaviour lives in createMainServices() and is tested without Electron.
 */
import { join } from 'node:path';
import { app, BrowserWindow, net, protocol, screen, session, shell } from 'electron';
import { RENDERER_ORIGIN } from '@shared/app/identity';
import { securityChecksFrom } from '../app-info/window-security-checks';
import { createMainServices, type MainServices } from '../create-main-services';
import type { DeepLinkSource } from '../deep-links/deep-link-router';
import { hmrcEnvironments } from '../environments/hmrc-environments';
import { practiceLauncher } from '../environments/practice-launcher';
import { DEV_RENDERER_CSP, RENDERER_CSP } from '../security/content-security-policy';
import { createPolledNetwork } from '../sync/network-status';
import { keytarKeychain } from '../vault/keytar-keychain';
import { registerRendererScheme, serveRenderer } from './app-protocol';
import { installDeepLinkReceiver, registerProtocolClient } from './deep-link-receiver';
import { electronStoreFactory } from './electron-store-adapter';
import { electronFileDialogs } from './file-dialogs';
import { electronPdfPrinter } from './pdf-printer';
import { fileLogSink } from './file-log-sink';
import { bindIpcMain } from './ipc-main-bridge';
import { vendorCredentialsFrom } from '../environments/vendor-credentials';
import { denyAllPermissions, installWebContentsGuards } from './web-contents-guards';
import { mainWindowOptions } from './window-options';

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const rendererOrigins = devServerUrl
  ? [RENDERER_ORIGIN, new URL(devServerUrl).origin]
  : [RENDERER_ORIGIN];

// Checklist item 18 and the single-instance rule must be in place before anything else.
registerRendererScheme(protocol);
const singleInstance = app.requestSingleInstanceLock();
if (!singleInstance) {
  app.quit();
} else {
  start();
}

function start(): void {
  let services: MainServices | undefined;
  let mainWindow: BrowserWindow | undefined;
  let protocolClientRegistered = false;
  const pendingLinks: { url: string; source: DeepLinkSource }[] = [];
  // Electron 45 has no getLastWebPreferences(): report the options the window was created with.
  const windowOptions = mainWindowOptions(join(__dirname, '../preload/index.cjs'), {
    packaged: app.isPackaged,
  });

  const focusWindow = () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  };

  // Deep links may arrive before the services exist (cold start): queue them until ready.
  installDeepLinkReceiver(app, process.argv, {
    deliver: (url, source) =>
      services ? services.deepLinks.receive(url, source) : pendingLinks.push({ url, source }),
    focusWindow,
    warn: (message, fields) => services?.logger.warn(message, fields),
  });

  installWebContentsGuards(app, {
    appOrigins: () => rendererOrigins,
    openExternal: (url) => services?.opener.open(url) ?? Promise.reject(new Error('not ready')),
    warn: (message, fields) => services?.logger.warn(message, fields),
  });

  app.on('window-all-closed', () => app.quit());
  // Electron does not wait for a promise in before-quit: hold the quit until the services have
  // stopped (ledgers closed, Practice HMRC's state written), then quit for real.
  let stopped = false;
  let stopping: Promise<void> | undefined;
  app.on('before-quit', (event) => {
    if (stopped || !services) return;
    event.preventDefault();
    stopping ??= services
      .dispose()
      .catch((error: unknown) =>
        services?.logger.error('Stopping the services failed', {
          error: error instanceof Error ? error.message : String(error),
        }),
      )
      .finally(() => {
        stopped = true;
        app.quit();
      });
  });

  void app.whenReady().then(async () => {
    const userData = app.getPath('userData');
    denyAllPermissions(session.defaultSession);
    if (devServerUrl) {
      session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
        callback({
          responseHeaders: {
            ...details.responseHeaders,
            'Content-Security-Policy': [DEV_RENDERER_CSP(new URL(devServerUrl).origin)],
          },
        }),
      );
    }
    serveRenderer(protocol, join(__dirname, '../renderer'));
    protocolClientRegistered = registerProtocolClient(app, {
      defaultApp: !!process.defaultApp,
      execPath: process.execPath,
      argv1: process.argv[1],
    });

    services = await createMainServices({
      host: {
        kind: 'electron',
        platform: process.platform,
        appVersion: app.getVersion(),
        versions: [
          { name: 'Electron', version: process.versions.electron ?? '' },
          { name: 'Chromium', version: process.versions.chrome ?? '' },
          { name: 'Node.js', version: process.versions.node },
        ],
        securityChecks: () =>
          securityChecksFrom(windowOptions.webPreferences ?? {}, {
            rendererOrigin: devServerUrl ? new URL(devServerUrl).origin : RENDERER_ORIGIN,
            csp: devServerUrl ? DEV_RENDERER_CSP(new URL(devServerUrl).origin) : RENDERER_CSP,
            navigationGuarded: true,
            windowOpenDenied: true,
            permissionsDenied: true,
            singleInstanceLock: singleInstance,
            protocolClientRegistered,
            packaged: app.isPackaged,
          }),
      },
      paths: { userData },
      logSink: fileLogSink(userData),
      openInSystemBrowser: (url) => shell.openExternal(url),
      keyValueStore: electronStoreFactory(userData),
      launchPractice: practiceLauncher(userData),
      rendererOrigins,
      hmrcEnvironments: hmrcEnvironments(
        vendorCredentialsFrom(
          (import.meta.env ?? {}) as unknown as Record<string, string | undefined>,
        ),
      ),
      keychain: keytarKeychain(),
      // Online/offline for the banner and sync: Electron's main process has no event, so poll.
      network: createPolledNetwork(() => net.isOnline()),
      // Without the OS registration the custom-scheme redirect cannot arrive; loopback and
      // the pasted code still work (issue 4 item 2).
      deepLinksAvailable: protocolClientRegistered,
      // Bank statements, receipts and exports: the OS dialogs over the main window.
      fileDialogs: electronFileDialogs(() => mainWindow),
      pdfPrinter: electronPdfPrinter((options) => new BrowserWindow(options)),
      // Gov-Client-Screens and Gov-Client-Window-Size, read at each request [FPH partials].
      display: {
        screens: () =>
          screen.getAllDisplays().map((d) => ({
            width: d.size.width,
            height: d.size.height,
            scalingFactor: d.scaleFactor,
            colourDepth: d.colorDepth,
          })),
        window: () => {
          if (!mainWindow || mainWindow.isDestroyed()) return undefined;
          const [width = 0, height = 0] = mainWindow.getSize();
          return { width, height };
        },
      },
    });

    const ipc = bindIpcMain(services.ipc);
    mainWindow = new BrowserWindow(windowOptions);
    ipc.trustWindow(mainWindow.webContents);
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    mainWindow.on('closed', () => {
      mainWindow = undefined;
    });
    await mainWindow.loadURL(devServerUrl ?? `${RENDERER_ORIGIN}/`);

    for (const { url, source } of pendingLinks.splice(0)) services.deepLinks.receive(url, source);
  });
}
