import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron-mock'));

import { contextBridge, ipcRenderer } from '../../support/electron-mock';
import { channels } from '@shared/ipc/contract';

type Api = Record<string, unknown> & {
  app: { info: () => Promise<unknown> };
  on: (e: string, l: (p: unknown) => void) => () => void;
};

describe('the preload bridge', () => {
  let api: Api;
  beforeAll(async () => {
    await import('../../../src/preload/index');
    api = contextBridge.exposed.get('ledgerlink') as Api;
  });

  it('exposes exactly one global, ledgerlink, and nothing raw', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const capabilities = [...new Set(Object.keys(channels).map((c) => c.split('.')[0]))].sort();
    expect(Object.keys(api).sort()).toEqual([...capabilities, 'on'].sort());
    const text = JSON.stringify(Object.keys(api));
    for (const raw of ['ipcRenderer', 'process', 'require', 'send', 'invoke'])
      expect(text).not.toContain(raw);
  });

  it('gives every contract channel a named async function', () => {
    for (const name of Object.keys(channels)) {
      const [group, method] = name.split('.') as [string, string];
      expect(typeof (api[group] as Record<string, unknown>)[method]).toBe('function');
    }
  });

  it('invokes the namespaced channel and validates the answer', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({
      ok: true,
      value: {
        name: 'Ledgerlink',
        version: '1',
        environment: 'practice',
        platform: 'linux',
        host: 'electron',
      },
    });
    await expect(api.app.info()).resolves.toMatchObject({
      ok: true,
      value: { name: 'Ledgerlink' },
    });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('ledgerlink:app.info', undefined);

    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { name: 42 } });
    await expect(api.app.info()).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_RESPONSE' },
    });
  });

  it('refuses to send a request the contract does not allow', async () => {
    const settings = api.settings as { setEnvironment: (r: unknown) => Promise<unknown> };
    await expect(settings.setEnvironment({ environment: 'moon' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
  });

  it('passes listeners the payload only, never the Electron event, and unsubscribes', () => {
    const received: unknown[][] = [];
    const off = api.on('settings.changed', (...args: unknown[]) => received.push(args));
    const payload = { environment: 'practice', environments: [] };
    ipcRenderer.emit('ledgerlink-event:settings.changed', { sender: ipcRenderer }, payload);
    expect(received).toEqual([[payload]]);
    off();
    ipcRenderer.emit('ledgerlink-event:settings.changed', { sender: ipcRenderer }, payload);
    expect(received).toHaveLength(1);
  });

  it('drops an event whose payload does not match the contract', () => {
    const received: unknown[] = [];
    api.on('settings.changed', (p) => received.push(p));
    ipcRenderer.emit('ledgerlink-event:settings.changed', {}, { environment: 'moon' });
    expect(received).toEqual([]);
  });
});
