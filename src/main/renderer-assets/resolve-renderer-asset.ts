import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Maps a request path on the renderer origin to a file inside the built renderer folder.
 * Anything that would escape the folder (`..`, encoded separators, absolute paths) is refused;
 * `/` and unknown extension-less paths get index.html so the single-page app can route.
 */
export function resolveRendererAsset(
  rootDir: string,
  requestPath: string,
): { file: string; contentType: string } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative =
    decoded === '/' || extname(decoded) === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = normalize(rootDir.endsWith(sep) ? rootDir : rootDir + sep);
  const file = normalize(join(root, relative));
  if (!file.startsWith(root)) return null;
  const contentType = CONTENT_TYPES[extname(file).toLowerCase()];
  if (!contentType) return null;
  return { file, contentType };
}
