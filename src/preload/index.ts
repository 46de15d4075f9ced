/**
 * The preload: builds `window.ledgerlink` from the IPC contract and exposes nothing else.
 * No ipcRenderer, process or require reaches the page (Electron checklist item 20), and
 * listeners never receive the IpcRendererEvent (it would hand out ipcRenderer).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildBridge } from '@shared/ipc/build-bridge';
import { eventWireName, invokeWireName } from '@shared/ipc/wire';

const api = buildBridge({
  invoke: (channel, payload) => ipcRenderer.invoke(invokeWireName(channel), payload),
  subscribe: (event, listener) => {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(eventWireName(event), forward);
    return () => {
      ipcRenderer.removeListener(eventWireName(event), forward);
    };
  },
});

contextBridge.exposeInMainWorld('ledgerlink', api);
