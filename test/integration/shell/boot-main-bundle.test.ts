import { existsSync, mkdtempSync, readFileSync, watch } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron-mock'));

import { mainWindowOptions } from '../../../src/main/electron/window-options';
import { RENDERER_CSP } from '../../../src/main/security/content-security-policy';
import { SEEDED } from '../../../src/practice/server';
import { APP_SCHEME, RENDERER_ORIGIN } from '@shared/app/identity';
import type { FlowView } from '@shared/ipc/channels/auth';
import { channels } from '@shared/ipc/contract';
import { eventWireName, invokeWireName } from '@shared/ipc/wire';
import {
  app,
  BrowserWindow,
  cancellableEvent,
  invokeEvent,
  ipcMain,
  protocol,
  resetElectronMock,
  session,
  shell,
  type FakeWebContents,
} from '../../support/electron-mock';
import { walkPracticeJourney } from '../../support/practice-journey';

/**
 * The BUILT main bundle (out/main/index.js, from `npm run build`), booted with the shared
 * stand-in for `electron`: everything Electron would do at start-up is played by the mock, and
 * everything the bundle does in return is real: the services, SQLite, the OS keychain, Practice
 * HMRC on 127.0.0.1, the renderer files on disk.
 */
const OUT = resolve('out');
const MAIN = join(OUT, 'main', 'index.js');
const PRELOAD = join(OUT, 'preload', 'index.cjs');
const CALLBACK = `${APP_SCHEME}:/oauth/callback`;

/** Each boot is a fresh copy of the bundle (its top level is the app's start-up). */
let boots = 0;
const bootBundle = () => import(/* @vite-ignore */ `${pathToFileURL(MAIN).href}?boot=${++boots}`);

/** Resolves once a line of the app's log file (<userData>/logs/main.log) satisfies `test`. */
async function logLine(file: string, test: (line: string) => boolean): Promise<string> {
  const find = () =>
    existsSync(file) ? readFileSync(file, 'utf8').split('\n').find(test) : undefined;
  const found = find();
  if (found) return found;
  return new Promise((resolvePromise) => {
    const watcher = watch(file, () => {
      const line = find();
      if (!line) return;
      watcher.close();
      resolvePromise(line);
    });
  });
}

beforeAll(() => {
  expect(existsSync(MAIN), `${MAIN} is missing: run \`npm run build\` first`).toBe(true);
  // The dev server's URL would make the bundle load it instead of app://ledgerlink.
  expect(process.env.ELECTRON_RENDERER_URL).toBeUndefined();
});

describe('the built main bundle, when another instance already runs', () => {
  it('registers the scheme, finds the lock taken and quits without a window', async () => {
    resetElectronMock();
    app.requestSingleInstanceLock.mockReturnValueOnce(false);
    await bootBundle();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(app.quit).toHaveBeenCalled();
    expect(app.quitted).toBe(true);
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(BrowserWindow.created).toEqual([]);
  });
});

describe('the built main bundle, starting up and quitting', () => {
  const userData = mkdtempSync(join(tmpdir(), 'ledgerlink-boot-'));
  const logFile = join(userData, 'logs', 'main.log');
  const argv = process.argv;
  let window: BrowserWindow;
  let contents: FakeWebContents;

  /** Calls a contract channel as the window's preload would, through ipcMain. */
  const invoke = async (channel: string, payload?: unknown) => {
    const handler = ipcMain.handlers.get(invokeWireName(channel));
    if (!handler) throw new Error(`no ipcMain handler for ${channel}`);
    return (await handler(invokeEvent(contents), payload)) as {
      ok: boolean;
      value?: unknown;
      error?: unknown;
    };
  };

  /** Resolves with the first auth.progress the window is sent that has finished moving. */
  const linkOutcome = () =>
    new Promise<FlowView>((resolvePromise) => {
      const listen = (channel: string, payload: unknown) => {
        const view = payload as FlowView;
        if (channel !== eventWireName('auth.progress')) return;
        if (view.phase !== 'linked' && view.phase !== 'failed') return;
        contents.off('mock:sent', listen);
        resolvePromise(view);
      };
      contents.on('mock:sent', listen);
    });

  /** Starts linking through ipcMain and walks Practice HMRC's pages; returns HMRC's redirect. */
  const signInAtPractice = async (
    user: { userId: string; password: string },
    accountKind: 'individual' | 'agent',
  ) => {
    const started = await invoke('auth.startLink', { accountKind, transport: 'custom-scheme' });
    expect(started.ok).toBe(true);
    const authorizeUrl = shell.openExternal.mock.calls.at(-1)![0];
    const journey = await walkPracticeJourney(authorizeUrl, { ...user, decision: 'grant' });
    expect(journey.location).toMatch(new RegExp(`^${APP_SCHEME}:/oauth/callback\\?`));
    return { authorizeUrl, location: journey.location! };
  };

  beforeAll(async () => {
    resetElectronMock();
    app.setPath('userData', userData);
    // A cold start from a link: the OS puts the URL in argv (Windows and Linux).
    process.argv = [...argv, `${CALLBACK}?code=cold-start&state=cold-start`];
    await bootBundle();
    // Listen synchronously: the window loads its page in the same turn it is created.
    const loaded = new Promise<BrowserWindow>((resolvePromise) => {
      app.once('browser-window-created', (_event: unknown, created: BrowserWindow) => {
        created.webContents.once('did-finish-load', () => resolvePromise(created));
      });
    });
    app.launch();
    window = await loaded;
    contents = window.webContents;
  });
  afterAll(() => {
    process.argv = argv;
  });

  it('takes the single-instance lock and registers app:// and the sign-in scheme', () => {
    expect(app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(protocol.privileged).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    expect(app.setAsDefaultProtocolClient).toHaveBeenCalledWith(APP_SCHEME);
  });

  it('serves the built renderer on app:// with the strict CSP, and nothing outside it', async () => {
    const serve = protocol.handlers.get('app')!;
    const page = await serve(new Request(`${RENDERER_ORIGIN}/`));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    const html = await page.text();
    expect(html).toBe(readFileSync(join(OUT, 'renderer', 'index.html'), 'utf8'));
    const script = /<script[^>]+src="([^"]+)"/.exec(html)![1]!;
    const asset = await serve(new Request(new URL(script, `${RENDERER_ORIGIN}/`).href));
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    for (const outside of [
      'app://ledgerlink/../main/index.js',
      'app://ledgerlink/%2e%2e/main/index.js',
      'app://elsewhere/',
    ])
      expect((await serve(new Request(outside))).status, outside).toBe(404);
  });

  it('opens one hardened window with the built preload, guarded, on app://ledgerlink', () => {
    expect(BrowserWindow.created).toEqual([window]);
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(prefs.webSecurity).not.toBe(false);
    expect(prefs.preload).toBe(PRELOAD);
    expect(existsSync(prefs.preload as string)).toBe(true);
    // The stand-in app is not packaged: a development build keeps developer tools.
    expect(window.options).toEqual(mainWindowOptions(PRELOAD, { packaged: false }));
    expect(prefs.devTools).toBe(true);
    expect(window.loadURL).toHaveBeenCalledWith(`${RENDERER_ORIGIN}/`);
    // The guards hooked into the window's web contents and the session.
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({
      action: 'deny',
    });
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
  });

  it('binds an ipcMain handler for every contract channel, and answers the window', async () => {
    const expected = Object.keys(channels).map((c) => invokeWireName(c as keyof typeof channels));
    expect([...ipcMain.handlers.keys()].sort()).toEqual(expected.sort());
    const info = await invoke('app.info');
    expect(info).toMatchObject({
      ok: true,
      value: { name: 'Ledgerlink', environment: 'practice' },
    });
    // A frame that is not the window's own is refused.
    const foreign = await ipcMain.handlers.get(invokeWireName('app.info'))!(
      invokeEvent(contents, { url: 'https://example.com/' }),
      undefined,
    );
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  it('started Practice HMRC, and a link from argv at cold start reached the router', async () => {
    const options = await invoke('auth.linkOptions', {});
    expect(options).toMatchObject({ ok: true });
    expect((options.value as { practiceUsers: unknown[] }).practiceUsers.length).toBeGreaterThan(0);
    // No linking was in progress, so the link service dropped it: it got that far.
    const line = await logLine(logFile, (l) => l.includes('OAuth callback dropped'));
    expect(JSON.parse(line)).toMatchObject({
      message: expect.stringContaining('no linking is in progress'),
    });
  });

  it('a link handed over by a second launch (argv) completes the linking', async () => {
    const { location } = await signInAtPractice(SEEDED.individualA, 'individual');
    const outcome = linkOutcome();
    app.emit('second-instance', cancellableEvent(), ['/opt/Ledgerlink/ledgerlink', location], '/');
    expect(await outcome).toMatchObject({ phase: 'linked', environment: 'practice' });
    expect(window.focus).toHaveBeenCalled();
  });

  it('a link delivered by open-url (macOS) completes the linking', async () => {
    const { location } = await signInAtPractice(SEEDED.agent, 'agent');
    const outcome = linkOutcome();
    const event = cancellableEvent();
    app.emit('open-url', event, location);
    expect(event.defaultPrevented).toBe(true);
    expect(await outcome).toMatchObject({ phase: 'linked', accountKind: 'agent' });
    const accounts = await invoke('auth.accounts');
    expect((accounts.value as { accounts: unknown[] }).accounts).toHaveLength(2);
  });

  it('quits cleanly when the window closes: services stopped, Practice HMRC stopped and saved', async () => {
    const authorizeUrl = shell.openExternal.mock.calls.at(-1)![0];
    const practiceOrigin = new URL(authorizeUrl).origin;
    expect((await fetch(`${practiceOrigin}/`)).status).toBe(200);
    const quit = once(app, 'quit');
    window.close();
    await quit;
    // The first quit was held until the services had stopped, then quit went through.
    expect(app.quit).toHaveBeenCalledTimes(2);
    expect(app.quitted).toBe(true);
    await expect(fetch(`${practiceOrigin}/`)).rejects.toThrow();
    expect(existsSync(join(userData, 'practice-hmrc.json'))).toBe(true);
  });
});

describe('the built main bundle, installed (app.isPackaged)', () => {
  it('gives its window no developer tools, whatever NODE_ENV says', async () => {
    resetElectronMock();
    app.setPath('userData', mkdtempSync(join(tmpdir(), 'ledgerlink-boot-installed-')));
    app.isPackaged = true;
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'development';
    try {
      await bootBundle();
      const loaded = new Promise<BrowserWindow>((resolvePromise) => {
        app.once('browser-window-created', (_event: unknown, created: BrowserWindow) => {
          created.webContents.once('did-finish-load', () => resolvePromise(created));
        });
      });
      app.launch();
      const window = await loaded;
      expect(window.options.webPreferences).toMatchObject({ devTools: false });
      expect(window.options).toEqual(mainWindowOptions(PRELOAD, { packaged: true }));
      const quit = once(app, 'quit');
      window.close();
      await quit;
    } finally {
      app.isPackaged = false;
      process.env.NODE_ENV = nodeEnv;
    }
  });
});
