import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };

describe('package.json scripts', () => {
  it('name only files that exist', () => {
    const missing: string[] = [];
    for (const [name, command] of Object.entries(pkg.scripts)) {
      for (const word of command.split(/\s+/)) {
        if (/^[\w./-]+\/[\w.-]+\.(ts|mts|js|mjs|cjs)$/.test(word) && !existsSync(word))
          missing.push(`${name}: ${word}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
