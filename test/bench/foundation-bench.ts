import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { createMainServices } from '../../src/main/create-main-services';
import { fakeMainAdapters } from '../support/fakes/main-adapters';
import type { Report } from './report';

const RENDERER = join(process.cwd(), 'out', 'renderer');
const TARGET_KB = 250;

/** The JavaScript a window must download before it can draw: entry script plus preloads. */
function initialJavaScriptGzipKb(): number {
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) =>
    m[1]!.replace(/^\.?\//, ''),
  );
  const bytes = refs.reduce(
    (sum, ref) => sum + gzipSync(readFileSync(join(RENDERER, ref)), { level: 9 }).length,
    0,
  );
  return bytes / 1024;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(report: Report): Promise<void> {
  if (!existsSync(join(RENDERER, 'index.html'))) {
    spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
  }
  const kb = initialJavaScriptGzipKb();
  report(
    'renderer initial JavaScript (gzip)',
    kb,
    'KB',
    `ratio to the ${TARGET_KB} KB budget: ${(kb / TARGET_KB).toFixed(2)}`,
  );

  // Ready time without Practice HMRC (its start is measured separately below).
  const bare: number[] = [];
  for (let i = 0; i < 15; i++) {
    const { adapters } = fakeMainAdapters();
    adapters.keyValueStore('settings').set('environment', 'sandbox');
    const t0 = performance.now();
    const services = await createMainServices(adapters);
    bare.push(performance.now() - t0);
    await services.dispose();
  }
  report('createMainServices() ready, services only (median of 15)', median(bare), 'ms');

  // The default start: Practice HMRC is started before the window asks for anything.
  const withPractice: number[] = [];
  for (let i = 0; i < 7; i++) {
    const { adapters } = fakeMainAdapters();
    const { practiceLauncher } = await import('../../src/main/environments/practice-launcher');
    adapters.launchPractice = practiceLauncher(adapters.paths.userData);
    const t0 = performance.now();
    const services = await createMainServices(adapters);
    withPractice.push(performance.now() - t0);
    await services.dispose();
  }
  const p = median(withPractice);
  report(
    'createMainServices() ready, with Practice HMRC (median of 7)',
    p,
    'ms',
    `ratio to services only: ${(p / median(bare)).toFixed(1)}×`,
  );
}
