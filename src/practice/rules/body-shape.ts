import { E, type MtdError } from '../http/mtd-errors';
import { type PenceTree } from '../state/model';
import { isIsoDate } from '../tax/dates';
import { poundsToPence } from '../tax/money';

/** A description of an HMRC request body, enough to validate it as HMRC's APIs do. */
export type FieldSpec =
  | { kind: 'money'; signed: boolean }
  | { kind: 'date'; formatError: MtdError }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'object'; fields: Record<string, FieldSpec>; required?: readonly string[] };

/** Largest amount HMRC accepts in these bodies. [SE/PB request.json "maximum": 99999999999.99] */
const MAX_PENCE = 9_999_999_999_999;

const FORMAT_VALUE_UNSIGNED: MtdError = {
  code: 'FORMAT_VALUE',
  message: 'The value must be between 0 and 99999999999.99',
};
const FORMAT_VALUE_SIGNED: MtdError = {
  code: 'FORMAT_VALUE',
  message: 'The value must be between -99999999999.99 and 99999999999.99',
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Phase 1: does the body match the expected shape at all? An empty body, an empty object,
 * a wrong type, a missing required field or an unexpected field is
 * RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED, with JSON-pointer paths where a field is to blame.
 * [common/errors.yaml ruleIncorrectOrEmptyBody; reference §3.6]
 */
export function checkShape(body: unknown, spec: FieldSpec & { kind: 'object' }): MtdError[] {
  if (!isPlainObject(body) || Object.keys(body).length === 0) return [E.ruleIncorrectOrEmptyBody];
  const paths: string[] = [];
  const walk = (value: unknown, s: FieldSpec, path: string) => {
    switch (s.kind) {
      case 'money':
        if (typeof value !== 'number') paths.push(path);
        return;
      case 'date':
      case 'enum':
        if (typeof value !== 'string') paths.push(path);
        else if (s.kind === 'enum' && !s.values.includes(value)) paths.push(path);
        return;
      case 'object': {
        if (!isPlainObject(value) || Object.keys(value).length === 0) {
          paths.push(path);
          return;
        }
        for (const key of Object.keys(value)) {
          const child = s.fields[key];
          if (!child) paths.push(`${path}/${key}`);
          else walk(value[key], child, `${path}/${key}`);
        }
        for (const key of s.required ?? []) if (!(key in value)) paths.push(`${path}/${key}`);
      }
    }
  };
  walk(body, spec, '');
  return paths.length > 0 ? [{ ...E.ruleIncorrectOrEmptyBody, paths }] : [];
}

/**
 * Phase 2: are the values right? Amounts must be within range with at most 2 decimal places
 * (FORMAT_VALUE with paths); dates must be real YYYY-MM-DD dates (the field's own error).
 */
export function checkValues(
  body: Record<string, unknown>,
  spec: FieldSpec & { kind: 'object' },
): MtdError[] {
  const errors: MtdError[] = [];
  const walk = (value: unknown, s: FieldSpec, path: string) => {
    if (s.kind === 'money') {
      const pence = poundsToPence(value as number);
      const min = s.signed ? -MAX_PENCE : 0;
      if (pence === undefined || pence < min || pence > MAX_PENCE) {
        errors.push({ ...(s.signed ? FORMAT_VALUE_SIGNED : FORMAT_VALUE_UNSIGNED), paths: [path] });
      }
    } else if (s.kind === 'date') {
      if (!isIsoDate(value)) errors.push(s.formatError);
    } else if (s.kind === 'object' && isPlainObject(value)) {
      for (const [key, child] of Object.entries(value)) {
        const childSpec = s.fields[key];
        if (childSpec) walk(child, childSpec, `${path}/${key}`);
      }
    }
  };
  walk(body, spec, '');
  return errors;
}

/** The body's amounts as integer pence, keeping HMRC's field names; dates and enums are left out. */
export function toPenceTree(
  body: Record<string, unknown>,
  spec: FieldSpec & { kind: 'object' },
): PenceTree {
  const tree: PenceTree = {};
  for (const [key, value] of Object.entries(body)) {
    const s = spec.fields[key];
    if (!s) continue;
    if (s.kind === 'money') tree[key] = poundsToPence(value as number) as number;
    else if (s.kind === 'object' && isPlainObject(value)) {
      const child = toPenceTree(value, s);
      if (Object.keys(child).length > 0) tree[key] = child;
    }
  }
  return tree;
}

export function money(signed: boolean): FieldSpec {
  return { kind: 'money', signed };
}
