/**
 * `npm run start:browser` (and `npm start` where Electron cannot run): Ledgerlink in the
 * person's own browser. Serves the built renderer on this computer only, then opens the
 * default browser at a one-time link where there is a display, or prints the link.
 * Options: --user-data <folder> (default: the desktop app's folder), --no-open.
 */
import { parseArgs } from 'node:util';
import { stderrSink } from '../logging/logger';
import { startWebShell } from './start-web-shell';
import { hasDisplay, openWithSystem } from './system-opener';
import { defaultUserDataDir } from './user-data-dir';

const { values } = parseArgs({
  options: {
    'user-data': { type: 'string' },
    'no-open': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});

const say = (line: string) => process.stdout.write(`${line}\n`);
const display = hasDisplay();

/** Opens the link in the default browser where there is a display; prints it either way. */
async function offer(url: string, lead: string): Promise<void> {
  say(`${lead} ${url}`);
  if (!display || values['no-open']) return;
  await openWithSystem(url).catch(() =>
    say('Your browser could not be opened from here: open the address above yourself.'),
  );
}

const started = await startWebShell({
  userData: values['user-data'] ?? defaultUserDataDir(),
  display,
  announce: say,
  ...(values.verbose ? { logSink: stderrSink } : {}),
});

if (started.kind === 'running') {
  await offer(started.launchUrl, 'Ledgerlink is already running. Open it at');
  process.exit(0);
}

const { shell } = started;
say(`Data folder: ${shell.userData}`);
await offer(
  shell.launchUrl(),
  'Ledgerlink is running in your browser (Practice HMRC, press Ctrl+C to stop). Open it at',
);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void shell.close().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
