import { readdirSync, readFileSync, statSync } from 'node:fs';
import { existsSync } from 'node:fs';
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

  it('keeps Practice HMRC independent of the app it checks', () => {
    const offenders = all.filter(
      (f) =>
        f.startsWith('src/practice/') &&
        importsOf(f).some(
          (i) => /(^|\/)(main|renderer|preload|shared)(\/|$)/.test(i) && i.startsWith('.'),
        ),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps src/shared free of Node, Electron and the other layers', () => {
    const offenders = all.filter(
      (f) =>
        f.startsWith('src/shared/') &&
        importsOf(f).some(
          (i) =>
            i.startsWith('node:') ||
            ['fs', 'path', 'os', 'crypto', 'electron'].includes(i) ||
            /\/(main|renderer|preload|practice)\//.test(i),
        ),
    );
    expect(offenders).toEqual([]);
  });

  it('lets the renderer reach main only through the bridge module', () => {
    const renderer = all.filter((f) => f.startsWith('src/renderer/'));
    expect(
      renderer.filter((f) =>
        importsOf(f).some(
          (i) => /\/(main|practice|preload)\//.test(i) || i === 'zod' || i.startsWith('node:'),
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
      importsOf(f)
        .map((i) => relative('.', join(dirname(f), i)))
        .filter((i) => i !== 'src/main/ledger/migrations/migration')
        .map((i) => `${f} → ${i}`),
    );
    expect(stepImports).toEqual([]);
    const ledgerReaches = all
      .filter((f) => f.startsWith('src/main/ledger/'))
      .flatMap((f) =>
        importsOf(f)
          .filter((i) => i.startsWith('.'))
          .map((i) => relative('.', join(dirname(f), i)))
          .filter(
            (i) =>
              i.startsWith('src/main/') &&
              !/^src\/main\/(ledger|ipc|clock)\//.test(i) &&
              !/^src\/main\/[^/]+\/migrations\/\d{4}-/.test(i),
          )
          .map((i) => `${f} → ${i}`),
      );
    expect(ledgerReaches).toEqual([]);
  });

  it('has no import cycles, type-only imports included', () => {
    const resolve = (from: string, spec: string): string | undefined => {
      if (!spec.startsWith('.')) return undefined;
      const base = join(dirname(from), spec);
      return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find(
        (f) => existsSync(f),
      );
    };
    const edges = new Map(
      all.map((f) => [f, importsOf(f).flatMap((i) => resolve(f, i) ?? [])] as const),
    );
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
