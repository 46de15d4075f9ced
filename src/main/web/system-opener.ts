import { spawn } from 'node:child_process';

/**
 * Whether a person can see windows on this computer: macOS and Windows always; Linux and the
 * BSDs only with an X11 or Wayland display (over SSH or on a server there is none).
 */
export function hasDisplay(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** The OS's own "open this" command for a URL: xdg-open, open, or start. */
function openerCommand(platform: NodeJS.Platform, url: string): [string, string[]] {
  if (platform === 'darwin') return ['open', [url]];
  // `start` is a cmd built-in; the empty title keeps it from taking the URL as the title.
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""', url.replaceAll('&', '^&')]];
  return ['xdg-open', [url]];
}

/**
 * Opens an http(s) URL in the person's default browser. Only http and https: whatever else
 * reaches here is refused, never handed to the OS (it could name a program or a file).
 * Resolves once the opener has started; rejects if it cannot be run or fails.
 */
export function openWithSystem(url: string, platform: NodeJS.Platform = process.platform) {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    return Promise.reject(new Error('Only web addresses are opened'));
  const [command, args] = openerCommand(platform, parsed.href);
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: platform !== 'win32' });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited with ${String(code)}`)),
    );
    child.unref();
  });
}
