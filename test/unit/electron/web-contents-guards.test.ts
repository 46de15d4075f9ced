import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron-mock'));

import { app, FakeWebContents, resetElectronMock, session } from '../../support/electron-mock';
import {
  denyAllPermissions,
  installWebContentsGuards,
} from '../../../src/main/electron/web-contents-guards';

describe('web contents guards', () => {
  beforeEach(() => resetElectronMock());

  function guarded() {
    const opened: string[] = [];
    installWebContentsGuards(app, {
      appOrigins: () => ['app://ledgerlink'],
      openExternal: async (url) => void opened.push(url),
      warn: () => undefined,
    });
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    return { contents, opened };
  }

  it('blocks navigation away from the app but lets the app route within itself', () => {
    const { contents } = guarded();
    const away = { preventDefault: vi.fn() };
    contents.emit('will-navigate', away, 'https://evil.example/');
    expect(away.preventDefault).toHaveBeenCalled();
    const within = { preventDefault: vi.fn() };
    contents.emit('will-navigate', within, 'app://ledgerlink/#/records');
    expect(within.preventDefault).not.toHaveBeenCalled();
    const lookalike = { preventDefault: vi.fn() };
    contents.emit('will-navigate', lookalike, 'app://ledgerlink.evil/');
    expect(lookalike.preventDefault).toHaveBeenCalled();
  });

  it('blocks redirects and webviews', () => {
    const { contents } = guarded();
    const redirect = { preventDefault: vi.fn() };
    contents.emit('will-redirect', redirect, 'https://evil.example/');
    expect(redirect.preventDefault).toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window and hands the URL to the allow-listed opener instead', async () => {
    const { contents, opened } = guarded();
    expect(contents.windowOpenHandler?.({ url: 'https://www.gov.uk/' })).toEqual({
      action: 'deny',
    });
    await Promise.resolve();
    expect(opened).toEqual(['https://www.gov.uk/']);
  });

  it('denies every permission request and check', () => {
    denyAllPermissions(session.defaultSession);
    const granted = vi.fn();
    session.defaultSession.permissionRequestHandler?.({}, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(session.defaultSession.permissionCheckHandler?.()).toBe(false);
    expect(session.defaultSession.devicePermissionHandler?.()).toBe(false);
  });
});
