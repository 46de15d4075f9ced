/**
 * The one shared mock of the `electron` module (plain Node cannot load the real one: it tries
 * to download a binary). Use it with:
 *
 *   vi.mock('electron', () => import('../../support/electron-mock'));
 *
 * It behaves enough like Electron for the Electron layer's own logic to be exercised: events
 * can be emitted, handlers registered with ipcMain/protocol/session are captured, and windows
 * record the options they were created with.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export class FakeWebFrame {
  constructor(public url: string) {}
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
  requestSingleInstanceLock = vi.fn(() => true);
  setAsDefaultProtocolClient = vi.fn((_scheme: string, _exec?: string, _args?: string[]) => true);
  quit = vi.fn();
  getPath = vi.fn((_name: string) => '/tmp/ledgerlink-test');
  getVersion = vi.fn(() => '0.0.0-test');
  whenReady = vi.fn(() => Promise.resolve());
}

export const app = new FakeApp();

export const ipcMain = {
  handlers: new Map<string, (event: unknown, payload: unknown) => unknown>(),
  handle: vi.fn((channel: string, fn: (event: unknown, payload: unknown) => unknown) => {
    ipcMain.handlers.set(channel, fn);
  }),
  removeHandler: vi.fn((channel: string) => ipcMain.handlers.delete(channel)),
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

export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };

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
  constructor(public readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.created.push(this);
  }
  loadURL = vi.fn(async (_url: string) => undefined);
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  isMinimized = vi.fn(() => false);
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
  app.removeAllListeners();
  ipcMain.handlers.clear();
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
  session,
  BrowserWindow,
  screen,
  contextBridge,
  ipcRenderer,
};
export default electron;
