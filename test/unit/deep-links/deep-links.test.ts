import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron-mock'));

import { app, resetElectronMock } from '../../support/electron-mock';
import {
  installDeepLinkReceiver,
  registerProtocolClient,
} from '../../../src/main/electron/deep-link-receiver';
import { extractDeepLinkFromArgv } from '../../../src/main/deep-links/extract-from-argv';
import { parseAppUrl } from '../../../src/main/deep-links/parse-app-url';
import { createDeepLinkRouter } from '../../../src/main/deep-links/deep-link-router';
import { createLogger, memorySink } from '../../../src/main/logging/logger';

const CALLBACK = 'app.ledgerlink.desktop:/oauth/callback?code=abc123&state=s1';

function receiver(argv: string[] = ['/opt/Ledgerlink/ledgerlink']) {
  const delivered: { url: string; source: string }[] = [];
  const warnings: string[] = [];
  const focus = vi.fn();
  installDeepLinkReceiver(app, argv, {
    deliver: (url, source) => delivered.push({ url, source }),
    focusWindow: focus,
    warn: (m) => warnings.push(m),
  });
  return { delivered, warnings, focus };
}

describe('deep links from the operating system', () => {
  beforeEach(() => resetElectronMock());

  it('macOS: takes the URL from open-url, registered during will-finish-launching', () => {
    const r = receiver();
    app.emit('will-finish-launching');
    const event = { preventDefault: vi.fn() };
    app.emit('open-url', event, CALLBACK);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(r.delivered).toEqual([{ url: CALLBACK, source: 'open-url' }]);
    expect(r.focus).toHaveBeenCalled();
  });

  it('macOS: ignores open-url for another scheme', () => {
    const r = receiver();
    app.emit('will-finish-launching');
    app.emit('open-url', { preventDefault: vi.fn() }, 'https://evil.example/');
    expect(r.delivered).toEqual([]);
  });

  it('Windows: finds the URL in a second instance argv with Chromium switches added', () => {
    const r = receiver(['C:\\Program Files\\Ledgerlink\\Ledgerlink.exe']);
    app.emit('second-instance', {}, [
      'C:\\Program Files\\Ledgerlink\\Ledgerlink.exe',
      '--allow-file-access-from-files',
      '--original-process-start-time=13345',
      CALLBACK,
    ]);
    expect(r.delivered).toEqual([{ url: CALLBACK, source: 'second-instance' }]);
  });

  it('Windows/Linux: takes the URL that launched the app from the cold-start argv', () => {
    const r = receiver(['/opt/Ledgerlink/ledgerlink', '--no-sandbox', CALLBACK]);
    expect(r.delivered).toEqual([{ url: CALLBACK, source: 'cold-start' }]);
  });

  it('Linux: a second launch from the desktop file (%u) delivers the URL', () => {
    const r = receiver();
    app.emit('second-instance', {}, ['/opt/Ledgerlink/ledgerlink', CALLBACK]);
    expect(r.delivered.map((d) => d.source)).toEqual(['second-instance']);
  });

  it('refuses a command line carrying two URLs, delivering neither', () => {
    const r = receiver();
    app.emit('second-instance', {}, [
      '/opt/x',
      CALLBACK,
      'app.ledgerlink.desktop:/oauth/callback?code=evil&state=s1',
    ]);
    expect(r.delivered).toEqual([]);
    expect(r.warnings).toHaveLength(1);
  });

  it('refuses a malformed URL with our scheme', () => {
    const r = receiver();
    app.emit('second-instance', {}, [
      '/opt/x',
      'app.ledgerlink.desktop://evil.example/oauth/callback?code=x',
    ]);
    expect(r.delivered).toEqual([]);
    expect(r.warnings).toHaveLength(1);
  });

  it('ignores arguments with other schemes', () => {
    expect(
      extractDeepLinkFromArgv(['/opt/x', 'https://evil.example/?code=1', 'myapp:/oauth/callback']),
    ).toEqual({ kind: 'none' });
  });

  it('registers the scheme with the OS, passing the app path in development', () => {
    registerProtocolClient(app, {
      defaultApp: true,
      execPath: '/usr/bin/electron',
      argv1: '/src/ledgerlink',
    });
    expect(app.setAsDefaultProtocolClient).toHaveBeenCalledWith(
      'app.ledgerlink.desktop',
      '/usr/bin/electron',
      ['/src/ledgerlink'],
    );
    registerProtocolClient(app, {
      defaultApp: false,
      execPath: '/opt/Ledgerlink/ledgerlink',
    });
    expect(app.setAsDefaultProtocolClient).toHaveBeenLastCalledWith('app.ledgerlink.desktop');
  });
});

describe('parseAppUrl', () => {
  it.each([
    ['app.ledgerlink.desktop:/oauth/callback?code=1&state=2', '/oauth/callback'],
    ['app.ledgerlink.desktop:///oauth/callback?code=1', '/oauth/callback'],
    ['APP.LEDGERLINK.DESKTOP:/oauth/callback', '/oauth/callback'],
  ])('accepts %s', (raw, path) => {
    expect(parseAppUrl(raw)?.path).toBe(path);
  });

  it.each([
    'app.ledgerlink.desktop://host.example/oauth/callback',
    'app.ledgerlink.desktop://user:pw@/oauth/callback',
    'app.ledgerlink.desktop:/oauth/callback#code=1',
    'app.ledgerlink.desktop:/oauth/../../etc',
    'app.ledgerlink.desktopx:/oauth/callback',
    'ledgerlink:/oauth/callback',
    `app.ledgerlink.desktop:/oauth/callback?x=${'a'.repeat(9000)}`,
    '',
  ])('refuses case %#', (raw) => {
    expect(parseAppUrl(raw)).toBeNull();
  });
});

describe('DeepLinkRouter', () => {
  it('hands a URL to the subscriber of its path only, and never logs the URL itself', () => {
    const logs = memorySink();
    const router = createDeepLinkRouter(createLogger(logs));
    const seen: string[] = [];
    router.subscribe('/oauth/callback', (u) => seen.push(u.params.get('code') ?? ''));
    expect(router.receive(CALLBACK, 'open-url')).toBe(true);
    expect(router.receive('app.ledgerlink.desktop:/elsewhere?code=zzz', 'open-url')).toBe(false);
    expect(router.receive('not a url', 'open-url')).toBe(false);
    expect(seen).toEqual(['abc123']);
    expect(JSON.stringify(logs.records)).not.toContain('abc123');
    expect(JSON.stringify(logs.records)).not.toContain('zzz');
  });
});
