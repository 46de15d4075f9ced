import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

let cached: Promise<string> | undefined;

/**
 * Bundles page/bridge-client.ts (with the shared contract and zod) into one browser script,
 * once per process. esbuild is the bundler electron-vite itself runs on.
 */
export function bridgeClientScript(): Promise<string> {
  cached ??= build({
    entryPoints: [fileURLToPath(new URL('./page/bridge-client.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: false,
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]!.text);
  return cached;
}
