import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron-mock'));

import {
  FakeWebContents,
  FakeWebFrame,
  invokeEvent,
  ipcMain,
  resetElectronMock,
} from '../../support/electron-mock';
import { bindIpcMain } from '../../../src/main/electron/ipc-main-bridge';
import { createIpcRouter } from '../../../src/main/ipc/ipc-router';
import { AppError } from '../../../src/main/ipc/app-error';
import { ledgerError } from '../../../src/main/ledger/ledger-error';
import { createLogger, memorySink } from '../../../src/main/logging/logger';

const APP = 'app://ledgerlink/';

function setup() {
  const logs = memorySink();
  const router = createIpcRouter({
    logger: createLogger(logs),
    trustedOrigins: () => ['app://ledgerlink'],
  });
  const info = vi.fn(() => ({
    name: 'Ledgerlink',
    version: '1.0.0',
    environment: 'practice' as const,
    platform: 'linux',
    host: 'electron' as const,
  }));
  router.handle('app.info', info);
  const bridge = bindIpcMain(router);
  const window = new FakeWebContents(APP);
  bridge.trustWindow(window);
  const call = (channel: string, event: unknown, payload?: unknown) =>
    ipcMain.handlers.get(`ledgerlink:${channel}`)!(event, payload) as Promise<unknown>;
  return { router, info, window, call, logs, bridge };
}

describe('the IPC handle() wrapper', () => {
  beforeEach(() => resetElectronMock());

  it('registers one ipcMain handler per contract channel', () => {
    const { router } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(
      router
        .channelNames()
        .map((c) => `ledgerlink:${c}`)
        .sort(),
    );
  });

  it("answers the app's own window with a validated value", async () => {
    const { call, window, info } = setup();
    await expect(call('app.info', invokeEvent(window))).resolves.toEqual({
      ok: true,
      value: info.mock.results[0]?.value ?? expect.anything(),
    });
    expect(info).toHaveBeenCalledOnce();
  });

  it('refuses a web contents that is not one of our windows', async () => {
    const { call, info } = setup();
    const stranger = new FakeWebContents(APP);
    await expect(call('app.info', invokeEvent(stranger))).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
    expect(info).not.toHaveBeenCalled();
  });

  it('refuses our window once it has navigated to another origin', async () => {
    const { call, window, info } = setup();
    window.mainFrame.url = 'https://evil.example/';
    await expect(call('app.info', invokeEvent(window))).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
    expect(info).not.toHaveBeenCalled();
  });

  it('refuses a subframe inside our window, even at our origin', async () => {
    const { call, window } = setup();
    await expect(
      call('app.info', invokeEvent(window, new FakeWebFrame(APP))),
    ).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  it('forgets a window when it is destroyed', async () => {
    const { call, window } = setup();
    window.destroy();
    await expect(call('app.info', invokeEvent(window))).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
  });

  it('refuses a payload the contract does not allow, without running the handler', async () => {
    const { call, window, info } = setup();
    const result = (await call('app.info', invokeEvent(window), { sneaky: true })) as {
      ok: boolean;
      error: { code: string; fields: unknown[] };
    };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('INVALID_REQUEST');
    expect(result.error.fields.length).toBeGreaterThan(0);
    expect(info).not.toHaveBeenCalled();
  });

  it('turns an AppError into its typed value and anything else into INTERNAL with no stack trace', async () => {
    const logs = memorySink();
    const router = createIpcRouter({
      logger: createLogger(logs),
      trustedOrigins: () => ['app://ledgerlink'],
    });
    router.trustSender('w');
    const sender = { id: 'w', origin: 'app://ledgerlink', isMainFrame: true };
    router.handle('app.info', () => {
      throw new AppError(
        'NOT_LINKED',
        'You have not linked Ledgerlink to HMRC yet.',
        'Open Link to HMRC.',
      );
    });
    router.handle('app.diagnostics', () => {
      throw new Error('secret internals at /home/me/.config with token abc');
    });
    await expect(router.dispatch('app.info', undefined, sender)).resolves.toEqual({
      ok: false,
      error: {
        code: 'NOT_LINKED',
        message: 'You have not linked Ledgerlink to HMRC yet.',
        action: 'Open Link to HMRC.',
      },
    });
    const internal = await router.dispatch('app.diagnostics', undefined, sender);
    expect(internal).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(internal)).not.toMatch(/internals|stack|\.config/);
    expect(logs.records.some((r) => r.level === 'error')).toBe(true);
  });

  it('passes a ledger error on as itself, field problems kept and its cause left behind', async () => {
    const router = createIpcRouter({
      logger: createLogger(memorySink()),
      trustedOrigins: () => ['app://ledgerlink'],
    });
    router.trustSender('w');
    const sender = { id: 'w', origin: 'app://ledgerlink', isMainFrame: true };
    router.handle('app.info', () => {
      throw ledgerError('INVALID_INPUT', 'That date is not a real date.', 'Correct it.', {
        fields: [{ path: 'date', message: 'That date is not a real date.' }],
        cause: new Error('secret stack at /home/me'),
      });
    });
    const result = await router.dispatch('app.info', undefined, sender);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'That date is not a real date.',
        action: 'Correct it.',
        fields: [{ path: 'date', message: 'That date is not a real date.' }],
      },
    });
    expect(JSON.stringify(result)).not.toMatch(/secret|home/);
  });

  it('never lets a handler return a value outside the contract', async () => {
    const router = createIpcRouter({
      logger: createLogger(memorySink()),
      trustedOrigins: () => ['app://ledgerlink'],
    });
    router.trustSender('w');
    router.handle('app.info', () => ({ name: 'Ledgerlink', version: 1 }) as never);
    await expect(
      router.dispatch('app.info', undefined, {
        id: 'w',
        origin: 'app://ledgerlink',
        isMainFrame: true,
      }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });

  it('answers an unknown channel with a typed error', async () => {
    const router = createIpcRouter({
      logger: createLogger(memorySink()),
      trustedOrigins: () => ['app://ledgerlink'],
    });
    router.trustSender('w');
    await expect(
      router.dispatch('fs.readFile', '/etc/passwd', {
        id: 'w',
        origin: 'app://ledgerlink',
        isMainFrame: true,
      }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
  });

  it('sends events only to trusted windows, and drops payloads outside the contract', () => {
    const { router, window } = setup();
    const settings = { environment: 'practice' as const, environments: [] };
    router.emit('settings.changed', settings);
    router.emit('settings.changed', { environment: 'nowhere' } as never);
    expect(window.sent).toEqual([
      { channel: 'ledgerlink-event:settings.changed', payload: settings },
    ]);
  });
});
