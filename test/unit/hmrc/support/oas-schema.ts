import { dirname, join, resolve } from 'node:path';
import { readSpecFile } from '../../../support/hmrc-specs';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * One of HMRC's JSON schema files with every `$ref` (to other files or within a file) inlined,
 * so a generator can walk it. Cycles are cut at a depth HMRC's schemas never reach.
 */
export function inlineSchema(specsDir: string, file: string): Json {
  const rootFile = join(specsDir, file);
  const walk = (node: unknown, base: string, doc: unknown, depth: number): unknown => {
    if (depth > 40) return {};
    if (Array.isArray(node)) return node.map((n) => walk(n, base, doc, depth + 1));
    if (!isObj(node)) return node;
    if (typeof node.$ref === 'string') {
      const [path, fragment] = node.$ref.split('#');
      const target = path ? resolve(dirname(base), path) : base;
      const targetDoc = path ? readSpecFile(target) : doc;
      let value: unknown = targetDoc;
      for (const part of (fragment ?? '').split('/').filter(Boolean)) {
        value = isObj(value) ? value[part] : undefined;
      }
      const { $ref: _ignored, ...siblings } = node;
      return walk({ ...(isObj(value) ? value : {}), ...siblings }, target, targetDoc, depth + 1);
    }
    const out: Json = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === '$schema' || k === 'definitions' || k === '$defs') continue;
      out[k] = walk(v, base, doc, depth + 1);
    }
    return out;
  };
  return walk(readSpecFile(rootFile), rootFile, readSpecFile(rootFile), 0) as Json;
}
