/**
 * The one shared mock of the `electron` module (plain Node cannot load the real one: it tries
 * to download a binary). Use it with:
 *
 *   vi.mock('electron', () => import('../../support/electron-mock'));
 *
 * It behaves enough like Electron for the Electron layer's own logic to be exercised: events
 * can be emitted, handlers registered with ipcMain/protocol/session are captured, and windows
 * record the options they were created with. It also plays the app lifecycle the built main
 * bundle uses (test/integration/shell): `app.launch()` fires will-finish-launching then ready,
 * windows announce their web contents and close, and `app.quit()` runs before-quit (which may
 * be prevented), will-quit and quit, as Electron does.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export class FakeWebFrame {
  constructor(public url: string) {}
}

/** The event object Electron passes to cancellable app events. */
export function cancellableEvent() {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly mainFrame: FakeWebFrame;
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' | 'allow' }) | undefined;
  destroyed = false;

  constructor(url = 'app://ledgerlink/') {
    super();
    this.mainFrame = new FakeWebFrame(url);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' | 'allow' }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
    // Not Electron's: lets a test await what main sent to the page.
    this.emit('mock:sent', channel, payload);
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  readonly paths = new Map<string, string>();
  private markReady: () => void = () => undefined;
  private ready: Promise<void> = this.newReady();
  /** Set once quit has gone all the way through (not prevented). */
  quitted = false;
  requestSingleInstanceLock = vi.fn(() => true);
  setAsDefaultProtocolClient = vi.fn((_scheme: string, _exec?: string, _args?: string[]) => true);
  /** Electron's order: before-quit (cancellable), will-quit, quit. */
  quit = vi.fn(() => {
    const before = cancellableEvent();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    this.emit('will-quit', cancellableEvent());
    this.quitted = true;
    this.emit('quit', cancellableEvent(), 0);
  });
  getPath = vi.fn((name: string) => this.paths.get(name) ?? '/tmp/ledgerlink-test');
  setPath = vi.fn((name: string, path: string) => void this.paths.set(name, path));
  getVersion = vi.fn(() => '0.0.0-test');
  /** Resolves once `launch()` has been called (at once if it already was). */
  whenReady = vi.fn(() => this.ready);

  private newReady(): Promise<void> {
    return new Promise<void>((resolve) => (this.markReady = resolve));
  }

  /** What the OS and Electron do at start-up: will-finish-launching, then ready. */
  launch(): void {
    this.emit('will-finish-launching');
    this.emit('ready', cancellableEvent(), {});
    this.markReady();
  }

  /** For resetElectronMock: a fresh, not yet launched app. */
  reset(): void {
    this.removeAllListeners();
    this.paths.clear();
    this.quitted = false;
    this.ready = this.newReady();
  }
}

export const app = new FakeApp();

export const ipcMain = {
  handlers: new Map<string, (event: unknown, payload: unknown) => unknown>(),
  /** ipcMain.on listeners (electron-store registers one). */
  listeners: new Map<string, ((event: unknown, ...args: unknown[]) => void)[]>(),
  handle: vi.fn((channel: string, fn: (event: unknown, payload: unknown) => unknown) => {
    ipcMain.handlers.set(channel, fn);
  }),
  removeHandler: vi.fn((channel: string) => ipcMain.handlers.delete(channel)),
  on: vi.fn((channel: string, fn: (event: unknown, ...args: unknown[]) => void) => {
    ipcMain.listeners.set(channel, [...(ipcMain.listeners.get(channel) ?? []), fn]);
  }),
};

/** An IpcMainInvokeEvent as Electron builds it: the sender and the frame that sent it. */
export function invokeEvent(
  sender: FakeWebContents,
  frame: FakeWebFrame | null = sender.mainFrame,
) {
  return { sender, senderFrame: frame, frameId: 1, processId: 1 };
}

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  registerSchemesAsPrivileged: vi.fn((schemes: unknown[]) => {
    protocol.privileged.push(...schemes);
  }),
  handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
    protocol.handlers.set(scheme, handler);
  }),
};

export const shell = {
  openExternal: vi.fn(async (_url: string) => undefined),
  /** Resolves to an error message, empty on success (Electron's contract). */
  openPath: vi.fn(async (_path: string) => ''),
};

export const dialog = {
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] })),
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
};

export const net = { isOnline: vi.fn(() => true) };

class FakeSession {
  permissionRequestHandler:
    ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | undefined;
  devicePermissionHandler: ((...args: unknown[]) => boolean) | undefined;
  setPermissionRequestHandler = vi.fn((h: FakeSession['permissionRequestHandler']) => {
    this.permissionRequestHandler = h;
  });
  setPermissionCheckHandler = vi.fn((h: FakeSession['permissionCheckHandler']) => {
    this.permissionCheckHandler = h;
  });
  setDevicePermissionHandler = vi.fn((h: FakeSession['devicePermissionHandler']) => {
    this.devicePermissionHandler = h;
  });
  webRequest = { onHeadersReceived: vi.fn() };
}

export const session = { defaultSession: new FakeSession() };

export class BrowserWindow extends EventEmitter {
  static created: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  private destroyed = false;
  constructor(public readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.created.push(this);
    // Electron announces every new web contents; the app's guards hook in here.
    app.emit('web-contents-created', cancellableEvent(), this.webContents);
    app.emit('browser-window-created', cancellableEvent(), this);
  }
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.created.filter((w) => !w.destroyed);
  }
  loadURL = vi.fn(async (url: string) => {
    this.webContents.mainFrame.url = url;
    this.webContents.emit('did-finish-load');
    // Loaded and painted: Electron's cue to show a window created with show: false.
    queueMicrotask(() => this.emit('ready-to-show'));
  });
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  isMinimized = vi.fn(() => false);
  isDestroyed = vi.fn(() => this.destroyed);
  getSize = vi.fn(() => [1200, 800]);
  /** Closes the window; the last one closing is window-all-closed, as in Electron. */
  close = vi.fn(() => {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
    this.webContents.destroy();
    if (BrowserWindow.getAllWindows().length === 0) app.emit('window-all-closed');
  });
}

export const screen = {
  getAllDisplays: vi.fn(() => [
    { size: { width: 1920, height: 1080 }, scaleFactor: 1, colorDepth: 24 },
  ]),
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, value: unknown) => {
    contextBridge.exposed.set(key, value);
  }),
};

export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoke: vi.fn(async (_channel: string, _payload: unknown): Promise<unknown> => undefined),
});

/** Forget everything captured so far (call in beforeEach). */
export function resetElectronMock(): void {
  app.reset();
  ipcMain.handlers.clear();
  ipcMain.listeners.clear();
  protocol.handlers.clear();
  protocol.privileged.length = 0;
  contextBridge.exposed.clear();
  ipcRenderer.removeAllListeners();
  BrowserWindow.created.length = 0;
  vi.clearAllMocks();
}

const electron = {
  app,
  ipcMain,
  protocol,
  shell,
  dialog,
  net,
  session,
  BrowserWindow,
  screen,
  contextBridge,
  ipcRenderer,
};
export default electron;
