#!/usr/bin/env node
// `npm test`: typecheck and lint side by side → unit → build → integration → e2e, stopping at
// the first failure. Integration and e2e use the real OS keychain; on Linux without an unlocked one,
// this script re-runs itself inside a private D-Bus session with a throwaway gnome-keyring
// (the same setup as .ci/run), so `npm test` works on a fresh machine with one command.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const only = process.argv[2];
// Steps sharing a `group` run at the same time: tsc and eslint each keep one core busy, so on a
// two-core machine the pair takes as long as the slower of the two instead of their sum.
const STEPS = [
  { id: 'typecheck', cmd: ['npm', 'run', '-s', 'typecheck'], group: 'static' },
  { id: 'lint', cmd: ['npm', 'run', '-s', 'lint'], group: 'static' },
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

/** Runs one step with its output held back, so two steps side by side do not interleave. */
function runBuffered(step) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(step.cmd[0], step.cmd.slice(1), { env: process.env });
    const out = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.on('error', (e) => out.push(Buffer.from(String(e))));
    child.on('close', (code) =>
      resolve({ step, code: code ?? 1, out, secs: (Date.now() - t0) / 1000 }),
    );
  });
}

function report(step, code, seconds) {
  const secs = seconds.toFixed(1);
  if (code !== 0) {
    console.error(`\n✗ ${step.id} failed after ${secs}s`);
    process.exit(code);
  }
  console.log(`✓ ${step.id} (${secs}s)`);
}

const started = Date.now();
for (let i = 0; i < selected.length; i++) {
  const step = selected[i];
  const group = step.group ? selected.filter((s) => s.group === step.group) : [step];
  if (group.length > 1) {
    i += group.length - 1;
    console.log(`\n▶ ${group.map((s) => s.id).join(' + ')} (side by side)`);
    const results = await Promise.all(group.map(runBuffered));
    // Every step's output first, then the verdicts, so a failure's cause is on screen.
    for (const r of results) {
      console.log(`\n── ${r.step.id}`);
      process.stdout.write(Buffer.concat(r.out));
    }
    for (const r of results) report(r.step, r.code, r.secs);
    continue;
  }
  const t0 = Date.now();
  console.log(`\n▶ ${step.id}`);
  const r = spawnSync(step.cmd[0], step.cmd.slice(1), {
    stdio: step.quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
    env: process.env,
  });
  report(step, r.status ?? 1, (Date.now() - t0) / 1000);
}
console.log(`\nAll steps passed in ${((Date.now() - started) / 1000).toFixed(1)}s`);
