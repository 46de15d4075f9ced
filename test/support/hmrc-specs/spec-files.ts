import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

/**
 * Finding and reading HMRC's OAS spec files. The files are never copied into this repository:
 * they are read from `HMRC_SPECS_DIR`, or `../shared/hmrc-specs` beside the repository.
 */
export interface SpecsLocation {
  /** The directory, when found. */
  dir: string | undefined;
  /** Why there is no directory (for skip messages). */
  reason: string;
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export function findSpecsDir(): SpecsLocation {
  const fromEnv = process.env.HMRC_SPECS_DIR;
  const dir = fromEnv ? resolve(fromEnv) : resolve(REPO_ROOT, '../shared/hmrc-specs');
  if (existsSync(resolve(dir, 'self-employment-business-api/application.yaml'))) {
    return { dir, reason: `HMRC specs found in ${dir}` };
  }
  return {
    dir: undefined,
    reason: `HMRC's OAS specs are not available: looked in ${dir} (${fromEnv ? 'HMRC_SPECS_DIR' : 'default ../shared/hmrc-specs'}). Set HMRC_SPECS_DIR to run the contract tests.`,
  };
}

/**
 * Some spec files carry Handlebars feature flags that HMRC renders before publishing
 * (`{{#if (enabled 'flag')}} ... {{else}} ... {{/if}}` on their own lines, and inline
 * `{{#unless ...}}[Test only] {{/unless}}` inside descriptions). Marker lines are removed and
 * every flag is taken as enabled: the `if` branch is kept and any `else` branch dropped, so a
 * key never appears twice. Inline tags are removed, keeping their text. [hmrc-specs/SOURCES.md]
 */
export function stripHandlebars(text: string): string {
  const stack: boolean[] = [];
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (/^\{\{#(if|unless)\b.*\}\}$/.test(trimmed)) {
      stack.push(true);
      continue;
    }
    if (/^\{\{else\}\}$/.test(trimmed)) {
      if (stack.length > 0) stack[stack.length - 1] = false;
      continue;
    }
    if (/^\{\{\/(if|unless)\}\}$/.test(trimmed)) {
      stack.pop();
      continue;
    }
    if (stack.every(Boolean)) out.push(renderInline(line));
  }
  return out.join('\n');
}

/**
 * Tags inside a line: `{{#if ...}} A {{else}} B {{/if}}` keeps A (flags taken as enabled, as for
 * whole lines); any other tag is removed, keeping its text. BSAS writes such a choice in place of
 * a JSON value (`"title": {{#if ...}} "..." {{else}} "..." {{/if}},`). [hmrc-specs/SOURCES.md
 * "Folders added 2026-12-03: more Handlebars, new forms"]
 */
function renderInline(line: string): string {
  return line
    .replace(
      /\{\{#(?:if|unless)\b(?:[^{}]|\{[^{}]*\})*\}\}(.*?)\{\{else\}\}.*?\{\{\/(?:if|unless)\}\}/g,
      '$1',
    )
    .replace(/\{\{[#/]?(?:[^{}]|\{[^{}]*\})*\}\}/g, '');
}

/** Removing marker lines can leave `,` before `}` or `]` in JSON; HMRC's renderer tolerates it, JSON.parse does not. */
export function removeTrailingCommas(json: string): string {
  return json.replace(/,(\s*[}\]])/g, '$1');
}

const cache = new Map<string, unknown>();

/** Reads a spec file (YAML or JSON) with the fixes above. Cached per absolute path. */
export function readSpecFile(file: string): unknown {
  const cached = cache.get(file);
  if (cached !== undefined) return cached;
  let text = stripHandlebars(readFileSync(file, 'utf8'));
  let value: unknown;
  if (file.endsWith('.json')) {
    text = removeTrailingCommas(text);
    value = JSON.parse(text) as unknown;
  } else {
    // A few files repeat keys (e.g. several $ref under one header); HMRC's tooling keeps the last.
    value = parseYaml(text, { uniqueKeys: false }) as unknown;
  }
  cache.set(file, value);
  return value;
}
