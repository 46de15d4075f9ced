import { type PenceTree } from '../state/model';
import { penceToPounds } from './money';

/** Turns stored pence back into HMRC's JSON numbers, keeping field names and nesting. */
export function penceTreeToJson(tree: PenceTree): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(tree)) {
    out[key] = typeof value === 'number' ? penceToPounds(value) : penceTreeToJson(value);
  }
  return out;
}

export function subtree(tree: PenceTree | undefined, ...path: string[]): PenceTree | undefined {
  let node: PenceTree | number | undefined = tree;
  for (const key of path) {
    if (node === undefined || typeof node === 'number') return undefined;
    node = node[key];
  }
  return typeof node === 'number' ? undefined : node;
}

export function amount(tree: PenceTree | undefined, ...path: string[]): number {
  const parent = subtree(tree, ...path.slice(0, -1));
  const value = parent?.[path[path.length - 1] as string];
  return typeof value === 'number' ? value : 0;
}

/** Sum of the named amounts directly under `tree` (missing ones count as 0). */
export function sumOf(tree: PenceTree | undefined, fields: readonly string[]): number {
  return fields.reduce((total, f) => total + amount(tree, f), 0);
}

export function sameTree(a: PenceTree, b: PenceTree): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(tree: PenceTree): unknown {
  return Object.fromEntries(
    Object.keys(tree)
      .sort()
      .map((k) => {
        const v = tree[k] as number | PenceTree;
        return [k, typeof v === 'number' ? v : sortKeys(v)];
      }),
  );
}
