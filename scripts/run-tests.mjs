#!/usr/bin/env node
// `npm test`: typecheck → lint → unit → build → integration → e2e, stopping at the first
// failure. Integration and e2e use the real OS keychain; on Linux without an unlocked one,
// this script re-runs itself inside a private D-Bus session with a throwaway gnome-keyring
// (the same setup as .ci/run), so `npm test` works on a fresh machine with one command.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const only = process.argv[2];
const STEPS = [
  { id: 'typecheck', cmd: ['npm', 'run', '-s', 'typecheck'] },
  { id: 'lint', cmd: ['npm', 'run', '-s', 'lint'] },
  { id: 'unit', cmd: ['npx', 'vitest', 'run', '--project', 'unit'] },
  { id: 'build', cmd: ['npm', 'run', '-s', 'build'], quiet: true },
  { id: 'integration', cmd: ['npx', 'vitest', 'run', '--project', 'integration'], keychain: true },
  { id: 'e2e', cmd: ['npx', 'playwright', 'test'], keychain: true },
];
const selected = only
  ? STEPS.filter((s) => s.id === only || (only === 'e2e' && s.id === 'build'))
  : STEPS;
if (selected.length === 0) {
  console.error(`Unknown step "${only}". Steps: ${STEPS.map((s) => s.id).join(', ')}`);
  process.exit(2);
}

const has = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;
const needsKeychain = selected.some((s) => s.keychain);
if (needsKeychain && process.platform === 'linux' && !process.env.LEDGERLINK_KEYRING_READY) {
  if (has('dbus-run-session') && has('gnome-keyring-daemon')) {
    const home = mkdtempSync(join(tmpdir(), 'ledgerlink-keyring-'));
    const args = process.argv
      .slice(2)
      .map((a) => `'${a.replace(/'/g, "'\\''")}'`)
      .join(' ');
    const inner = `echo -n ledgerlink-test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null && LEDGERLINK_KEYRING_READY=1 node scripts/run-tests.mjs ${args}`;
    const r = spawnSync('dbus-run-session', ['--', 'bash', '-c', inner], {
      stdio: 'inherit',
      env: { ...process.env, XDG_DATA_HOME: home },
    });
    rmSync(home, { recursive: true, force: true });
    process.exit(r.status ?? 1);
  }
  console.warn(
    'No dbus-run-session/gnome-keyring-daemon: keychain tests will use whatever Secret Service is running (see README).',
  );
}

const started = Date.now();
for (const step of selected) {
  const t0 = Date.now();
  console.log(`\n▶ ${step.id}`);
  const r = spawnSync(step.cmd[0], step.cmd.slice(1), {
    stdio: step.quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
    env: process.env,
  });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`\n✗ ${step.id} failed after ${secs}s`);
    process.exit(r.status ?? 1);
  }
  console.log(`✓ ${step.id} (${secs}s)`);
}
console.log(`\nAll steps passed in ${((Date.now() - started) / 1000).toFixed(1)}s`);
