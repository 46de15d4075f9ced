import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { RENDERER_HOST, RENDERER_SCHEME } from '@shared/app/identity';
import { resolveRendererAsset } from '../renderer-assets/resolve-renderer-asset';
import { RENDERER_CSP } from '../security/content-security-policy';

/**
 * Must run before `ready`: app:// behaves as a standard, secure origin (so the renderer gets
 * a real origin, not file://; Electron checklist item 18).
 */
export function registerRendererScheme(
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>,
): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: RENDERER_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: false,
        corsEnabled: false,
        stream: false,
      },
    },
  ]);
}

/** Serves the built renderer from app://ledgerlink with the strict CSP as a header. */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(RENDERER_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== RENDERER_HOST || request.method !== 'GET')
      return new Response('Not found', { status: 404 });
    const asset = resolveRendererAsset(rendererDir, url.pathname);
    if (!asset) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(asset.file);
      return new Response(body, {
        headers: {
          'content-type': asset.contentType,
          'content-security-policy': RENDERER_CSP,
          'x-content-type-options': 'nosniff',
          'cross-origin-opener-policy': 'same-origin',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
