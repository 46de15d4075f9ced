import { type PenceTree, type StoredValue } from '../state/model';
import { penceToPounds } from './money';

function isTree(value: StoredValue | undefined): value is PenceTree {
  return typeof value === 'object' && !Array.isArray(value);
}

function valueToJson(value: StoredValue): unknown {
  if (typeof value === 'number') return penceToPounds(value);
  if (Array.isArray(value)) return value.map((item) => penceTreeToJson(item));
  if (typeof value === 'object') return penceTreeToJson(value);
  return value;
}

/**
 * Turns a stored body back into HMRC's JSON: pence to pounds, keeping field names, nesting,
 * lists, texts and flags.
 */
export function penceTreeToJson(tree: PenceTree): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(tree)) out[key] = valueToJson(value);
  return out;
}

export function subtree(tree: PenceTree | undefined, ...path: string[]): PenceTree | undefined {
  let node: StoredValue | undefined = tree;
  for (const key of path) {
    if (!isTree(node)) return undefined;
    node = node[key];
  }
  return isTree(node) ? node : undefined;
}

/** The list of entries at a path (e.g. one per foreign property), or none. */
export function entries(tree: PenceTree | undefined, ...path: string[]): PenceTree[] {
  const parent = subtree(tree, ...path.slice(0, -1));
  const value = parent?.[path[path.length - 1] as string];
  return Array.isArray(value) ? value : [];
}

export function amount(tree: PenceTree | undefined, ...path: string[]): number {
  const parent = subtree(tree, ...path.slice(0, -1));
  const value = parent?.[path[path.length - 1] as string];
  return typeof value === 'number' ? value : 0;
}

/** The text at a path (a country code, a property id), if any. */
export function text(tree: PenceTree | undefined, ...path: string[]): string | undefined {
  const parent = subtree(tree, ...path.slice(0, -1));
  const value = parent?.[path[path.length - 1] as string];
  return typeof value === 'string' ? value : undefined;
}

/** The flag at a path, if any. */
export function flag(tree: PenceTree | undefined, ...path: string[]): boolean | undefined {
  const parent = subtree(tree, ...path.slice(0, -1));
  const value = parent?.[path[path.length - 1] as string];
  return typeof value === 'boolean' ? value : undefined;
}

/** Sum of the named amounts directly under `tree` (missing ones count as 0). */
export function sumOf(tree: PenceTree | undefined, fields: readonly string[]): number {
  return fields.reduce((total, f) => total + amount(tree, f), 0);
}

export function sameTree(a: PenceTree, b: PenceTree): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: StoredValue): unknown {
  if (Array.isArray(value)) return value.map((item) => sortKeys(item));
  if (!isTree(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys(value[k] as StoredValue)]),
  );
}
