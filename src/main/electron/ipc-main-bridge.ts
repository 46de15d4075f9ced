import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { invokeWireName, eventWireName } from '@shared/ipc/wire';
import type { IpcRouter, IpcSender } from '../ipc/ipc-router';
import { originOf } from '../security/origin-of';

export function senderOf(event: IpcMainInvokeEvent): IpcSender {
  const frame = event.senderFrame;
  return {
    id: String(event.sender.id),
    origin: originOf(frame?.url),
    isMainFrame: frame !== null && frame !== undefined && frame === event.sender.mainFrame,
  };
}

/**
 * The only place ipcMain is touched (lint-enforced). Each contract channel gets one
 * ipcMain.handle whose work is the router's dispatch: sender check, validation, handler,
 * result validation. Events go only to windows the router trusts.
 */
/** What the bridge needs of a window's web contents: a port Electron's WebContents satisfies. */
export interface TrustedContents {
  readonly id: number;
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
  once(event: 'destroyed', listener: () => void): unknown;
}

export function bindIpcMain(router: IpcRouter): { trustWindow(contents: TrustedContents): void } {
  for (const channel of router.channelNames()) {
    ipcMain.handle(invokeWireName(channel), (event, payload: unknown) =>
      router.dispatch(channel, payload, senderOf(event)),
    );
  }
  const windows = new Map<string, TrustedContents>();
  router.onEmit((event, payload) => {
    for (const contents of windows.values())
      if (!contents.isDestroyed()) contents.send(eventWireName(event), payload);
  });
  return {
    trustWindow(contents) {
      const id = String(contents.id);
      windows.set(id, contents);
      router.trustSender(id);
      contents.once('destroyed', () => {
        windows.delete(id);
        router.forgetSender(id);
      });
    },
  };
}
