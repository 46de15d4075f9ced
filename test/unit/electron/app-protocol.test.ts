import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../support/electron-mock'));

import { protocol, resetElectronMock } from '../../support/electron-mock';
import { registerRendererScheme, serveRenderer } from '../../../src/main/electron/app-protocol';

describe('the app:// renderer protocol', () => {
  let dir: string;
  beforeEach(() => {
    resetElectronMock();
    dir = mkdtempSync(join(tmpdir(), 'renderer-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, '..', 'secret.txt'), 'do not serve');
    registerRendererScheme(protocol);
    serveRenderer(protocol, dir);
  });

  const get = (url: string, method = 'GET') =>
    protocol.handlers.get('app')!(new Request(url, { method }));

  it('registers app:// as a standard, secure scheme', () => {
    expect(protocol.privileged).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
  });

  it('serves the renderer with the strict Content-Security-Policy', async () => {
    const res = await get('app://ledgerlink/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const js = await get('app://ledgerlink/assets/app.js');
    expect(await js.text()).toBe('console.log(1)');
  });

  it('refuses paths that escape the renderer folder, other hosts and other methods', async () => {
    expect((await get('app://ledgerlink/..%2Fsecret.txt')).status).toBe(404);
    expect((await get('app://ledgerlink/%2e%2e/secret.txt')).status).toBe(404);
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://ledgerlink/index.html', 'POST')).status).toBe(404);
    expect((await get('app://ledgerlink/missing.js')).status).toBe(404);
  });
});
