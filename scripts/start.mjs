#!/usr/bin/env node
/**
 * `npm start`: the desktop app when Electron can run here; otherwise one sentence saying why
 * not, then Ledgerlink in the browser (src/main/web/cli.ts). `npm run start:browser` (or
 * `--browser`) starts the browser mode on purpose. Other arguments go to the browser mode
 * (`--no-open`, `--user-data <folder>`).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const browserOnPurpose = args.includes('--browser');
const forwarded = args.filter((a) => a !== '--browser');

/** Why Electron cannot run on this machine, or null when it can. */
function whyNotElectron() {
  let dir;
  try {
    dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return 'the electron package is not installed';
  }
  // electron's index.js would try to download the binary when it is missing: read its marker
  // file instead, so checking never touches the network.
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile))
    return 'the Electron binary was never downloaded (no network access to it during npm install)';
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return 'the Electron binary is missing from node_modules/electron/dist';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return 'there is no display here for a desktop window';
  return null;
}

/** The newest modification time under a folder (the renderer's sources). */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function run(command, commandArgs) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      // Stopped by Ctrl+C or a kill: a normal end for a server.
      resolve(signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : (code ?? 1));
    });
  });
}

const bin = (name) =>
  join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

const reason = browserOnPurpose ? null : whyNotElectron();
if (!browserOnPurpose && reason === null) {
  process.exit(await run(bin('electron-vite'), ['dev']));
}
if (reason)
  process.stdout.write(
    `The desktop app cannot start because ${reason}, so Ledgerlink opens in your browser instead.\n`,
  );

// The browser mode serves the built renderer: build it first when it is missing or older than
// its sources.
const built = join(root, 'out', 'renderer', 'index.html');
const sources = Math.max(
  newest(join(root, 'src', 'renderer')),
  newest(join(root, 'src', 'shared')),
);
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  process.stdout.write('Building Ledgerlink’s window (the first time takes a minute)…\n');
  const code = await run(bin('electron-vite'), ['build', '--logLevel', 'warn']);
  if (code !== 0) process.exit(code);
}
process.exit(await run(bin('tsx'), ['src/main/web/cli.ts', ...forwarded]));
