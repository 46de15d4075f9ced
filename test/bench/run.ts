/**
 * `npm run bench`: prints figures and ratios for the performance targets, never pass/fail
 * (docs/architecture.md, Testing). Each capability contributes one module with a run(report).
 * `npm run bench -- ledger` runs one section.
 */
import { tableReporter, type Report } from './report';

const SECTIONS: { name: string; load: () => Promise<{ run(report: Report): Promise<void> }> }[] = [
  { name: 'foundation', load: () => import('./foundation-bench') },
  { name: 'ledger', load: () => import('./ledger-bench') },
  { name: 'sync', load: () => import('./sync-bench') },
  { name: 'overview', load: () => import('./overview-bench') },
];

const only = process.argv[2];
const reporter = tableReporter();
console.log(`Ledgerlink benchmarks — node ${process.version}, ${process.platform}/${process.arch}`);
for (const section of SECTIONS.filter((s) => !only || s.name === only)) {
  reporter.section(section.name);
  const mod = await section.load();
  await mod.run(reporter.report);
}
