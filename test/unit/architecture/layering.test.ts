import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });

const importsOf = (file: string) =>
  [
    ...readFileSync(file, 'utf8').matchAll(
      /(?:from\s+|import\s*\(\s*|require\(\s*)['"]([^'"]+)['"]/g,
    ),
  ].map((m) => m[1]!);

/** The path aliases of tsconfig.base.json. */
const ALIASES: [alias: string, folder: string][] = [
  ['@shared/', 'src/shared/'],
  ['@renderer/', 'src/renderer/src/'],
];

/** What an import reaches: a repository path for relative and aliased imports, else the package. */
const targetOf = (from: string, spec: string): string => {
  for (const [alias, folder] of ALIASES) {
    if (spec.startsWith(alias)) return folder + spec.slice(alias.length);
  }
  return spec.startsWith('.') ? relative('.', join(dirname(from), spec)) : spec;
};
const targetsOf = (file: string) => importsOf(file).map((spec) => targetOf(file, spec));

/** The file an import reaches, when it is one of ours. */
const fileOf = (target: string): string | undefined =>
  target.startsWith('src/')
    ? [`${target}.ts`, `${target}.tsx`, join(target, 'index.ts'), join(target, 'index.tsx')].find(
        (f) => existsSync(f),
      )
    : undefined;

// The layering in docs/architecture.md, checked on every file (ESLint checks it too; this test
// keeps it true even if someone loosens the lint config).
describe('layering', () => {
  const all = files('src').map((f) => relative('.', f));

  it("imports 'electron' only in src/main/electron and src/preload", () => {
    const offenders = all.filter(
      (f) => !/^src\/(main\/electron|preload)\//.test(f) && importsOf(f).includes('electron'),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps the browser shell (src/main/web) a second shell beside Electron, never on it', () => {
    const web = all.filter((f) => f.startsWith('src/main/web/'));
    expect(web.length).toBeGreaterThan(0);
    const offenders = web.filter((f) =>
      targetsOf(f).some(
        (t) => t === 'electron' || t.startsWith('src/main/electron') || t.startsWith('src/preload'),
      ),
    );
    expect(offenders).toEqual([]);
    // Nothing else in the app depends on either shell: both sit on top of createMainServices().
    const shellUsers = all.filter(
      (f) =>
        !/^src\/main\/(web|electron)\//.test(f) &&
        targetsOf(f).some((t) => /^src\/main\/(web|electron)\//.test(t)),
    );
    expect(shellUsers).toEqual([]);
  });

  it('keeps Practice HMRC independent of the app it checks', () => {
    const offenders = all.filter(
      (f) =>
        f.startsWith('src/practice/') &&
        targetsOf(f).some((t) => t.startsWith('src/') && !t.startsWith('src/practice/')),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps src/shared free of Node, Electron and the other layers', () => {
    const offenders = all.filter(
      (f) =>
        f.startsWith('src/shared/') &&
        targetsOf(f).some(
          (t) =>
            t.startsWith('node:') ||
            ['fs', 'path', 'os', 'crypto', 'electron'].includes(t) ||
            /^src\/(main|renderer|preload|practice)\//.test(t),
        ),
    );
    expect(offenders).toEqual([]);
  });

  it('lets the renderer reach main only through the bridge module', () => {
    const renderer = all.filter((f) => f.startsWith('src/renderer/'));
    expect(
      renderer.filter((f) =>
        targetsOf(f).some(
          (t) => /^src\/(main|practice|preload)\//.test(t) || t === 'zod' || t.startsWith('node:'),
        ),
      ),
    ).toEqual([]);
    expect(
      renderer.filter(
        (f) =>
          !f.endsWith('src/bridge.ts') && readFileSync(f, 'utf8').includes('window.ledgerlink'),
      ),
    ).toEqual([]);
  });

  it('lets only the renderer import the renderer', () => {
    const offenders = all.filter(
      (f) =>
        !f.startsWith('src/renderer/') && targetsOf(f).some((t) => t.startsWith('src/renderer/')),
    );
    expect(offenders).toEqual([]);
  });

  it('uses ipcMain and ipcRenderer only in the IPC bridge and the preload', () => {
    const offenders = all.filter(
      (f) =>
        !/^src\/(preload\/|main\/electron\/ipc-main-bridge\.ts)/.test(f) &&
        /\b(ipcMain|ipcRenderer)\b/.test(
          readFileSync(f, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''),
        ),
    );
    expect(offenders).toEqual([]);
  });

  it('lets each capability own its migration steps, and the ledger import nothing else of theirs', () => {
    const steps = all.filter((f) => /^src\/main\/[^/]+\/migrations\/\d{4}-[a-z0-9-]+\.ts$/.test(f));
    expect(steps.filter((f) => !f.startsWith('src/main/ledger/')).length).toBeGreaterThan(0);
    const stepImports = steps.flatMap((f) =>
      targetsOf(f)
        .filter((t) => t !== 'src/main/ledger/migrations/migration')
        .map((t) => `${f} → ${t}`),
    );
    expect(stepImports).toEqual([]);
    const ledgerReaches = all
      .filter((f) => f.startsWith('src/main/ledger/'))
      .flatMap((f) =>
        targetsOf(f)
          .filter(
            (t) =>
              t.startsWith('src/main/') &&
              !/^src\/main\/(ledger|ipc|clock)\//.test(t) &&
              !/^src\/main\/[^/]+\/migrations\/\d{4}-/.test(t),
          )
          .map((t) => `${f} → ${t}`),
      );
    expect(ledgerReaches).toEqual([]);
  });

  it('has no import cycles, type-only imports included', () => {
    const edges = new Map(all.map((f) => [f, targetsOf(f).flatMap((t) => fileOf(t) ?? [])]));
    const cycles: string[][] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const path: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'visiting');
      path.push(file);
      for (const next of edges.get(file) ?? []) {
        if (state.get(next) === 'visiting') cycles.push(path.slice(path.indexOf(next)));
        else if (!state.has(next)) visit(next);
      }
      path.pop();
      state.set(file, 'done');
    };
    for (const file of all) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});
