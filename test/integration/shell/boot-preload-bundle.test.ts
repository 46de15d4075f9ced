import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { runInContext, createContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { channels } from '@shared/ipc/contract';
import { eventWireName, invokeWireName } from '@shared/ipc/wire';
import { contextBridge, ipcRenderer, resetElectronMock } from '../../support/electron-mock';

/**
 * The BUILT preload (out/preload/index.cjs) run as Electron runs a sandboxed preload: in its
 * own context, with a `require` that can only give `electron` (here the shared stand-in's
 * contextBridge and ipcRenderer). What it exposes is what the page gets as window.ledgerlink.
 */
const PRELOAD = resolve('out', 'preload', 'index.cjs');

type Api = Record<string, unknown> & {
  on: (event: string, listener: (...args: unknown[]) => void) => () => void;
};

/** The contract's capabilities and their methods, as the page should see them. */
const CONTRACT = (() => {
  const byCapability = new Map<string, string[]>();
  for (const name of Object.keys(channels)) {
    const [capability, method] = name.split('.') as [string, string];
    byCapability.set(capability, [...(byCapability.get(capability) ?? []), method]);
  }
  return byCapability;
})();

let api: Api;
const required: string[] = [];

beforeAll(() => {
  expect(existsSync(PRELOAD), `${PRELOAD} is missing: run \`npm run build\` first`).toBe(true);
  resetElectronMock();
  // A sandboxed preload's require knows only a few modules; this bundle may need `electron` alone.
  const sandboxRequire = (id: string) => {
    required.push(id);
    if (id === 'electron') return { contextBridge, ipcRenderer };
    throw new Error(`A sandboxed preload cannot require "${id}"`);
  };
  const context = createContext({ console });
  const wrapped = runInContext(
    `(function (exports, require, module, __filename, __dirname) {${readFileSync(PRELOAD, 'utf8')}\n})`,
    context,
    { filename: PRELOAD },
  ) as (
    exports: unknown,
    require: (id: string) => unknown,
    module: { exports: unknown },
    filename: string,
    dirname: string,
  ) => void;
  const module = { exports: {} };
  wrapped(module.exports, sandboxRequire, module, PRELOAD, dirname(PRELOAD));
  api = contextBridge.exposed.get('ledgerlink') as Api;
});

describe('the built preload bundle', () => {
  it('needs nothing but electron, and exposes one global: ledgerlink', () => {
    expect([...new Set(required)]).toEqual(['electron']);
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect([...contextBridge.exposed.keys()]).toEqual(['ledgerlink']);
  });

  it('exposes every capability of the contract, each method as a function, and nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([...CONTRACT.keys(), 'on'].sort());
    for (const [capability, methods] of CONTRACT) {
      const group = api[capability] as Record<string, unknown>;
      expect(Object.keys(group).sort(), capability).toEqual([...methods].sort());
      for (const method of methods)
        expect(typeof group[method], `${capability}.${method}`).toBe('function');
    }
    expect(typeof api.on).toBe('function');
  });

  it('calls main on the namespaced channel, and checks the request and the answer', async () => {
    const app = api.app as { info: () => Promise<unknown> };
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
    await expect(app.info()).resolves.toMatchObject({ ok: true, value: { name: 'Ledgerlink' } });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(invokeWireName('app.info'), undefined);
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { name: 42 } });
    await expect(app.info()).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_RESPONSE' },
    });

    const calls = ipcRenderer.invoke.mock.calls.length;
    const settings = api.settings as { setEnvironment: (r: unknown) => Promise<unknown> };
    await expect(settings.setEnvironment({ environment: 'moon' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    expect(ipcRenderer.invoke.mock.calls.length).toBe(calls);
  });

  it('hands listeners the payload of a contract event only, and unsubscribes', () => {
    const wire = eventWireName('settings.changed');
    const received: unknown[][] = [];
    const off = api.on('settings.changed', (...args) => received.push(args));
    expect(ipcRenderer.listenerCount(wire)).toBe(1);
    const payload = { environment: 'practice', environments: [] };
    ipcRenderer.emit(wire, { sender: ipcRenderer }, payload);
    ipcRenderer.emit(wire, { sender: ipcRenderer }, { not: 'in the contract' });
    // The payload alone (never the IpcRendererEvent), and only when it fits the contract.
    expect(received).toEqual([[payload]]);
    off();
    expect(ipcRenderer.listenerCount(wire)).toBe(0);
  });
});
