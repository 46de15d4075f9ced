/**
 * The renderer's Content-Security-Policy (Electron checklist item 7). Sent as a response
 * header by the app:// protocol handler and by the browser host, so the e2e tests run the
 * renderer under the same policy the desktop app enforces. `connect-src 'self'` covers the
 * browser host's same-origin WebSocket; the desktop renderer makes no network calls at all.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "manifest-src 'none'",
].join('; ');

/**
 * Development only (electron-vite dev): Vite's React refresh injects an inline preamble and
 * talks to its server over a WebSocket. Never used in a packaged build.
 */
export const DEV_RENDERER_CSP = (devServerOrigin: string): string =>
  [
    "default-src 'none'",
    `script-src 'self' 'unsafe-inline' ${devServerOrigin}`,
    `style-src 'self' 'unsafe-inline' ${devServerOrigin}`,
    `img-src 'self' data: blob: ${devServerOrigin}`,
    `font-src 'self' ${devServerOrigin}`,
    `connect-src 'self' ${devServerOrigin} ${devServerOrigin.replace(/^http/, 'ws')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
