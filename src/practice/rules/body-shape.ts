import { E, type MtdError } from '../http/mtd-errors';
import { type PenceTree } from '../state/model';

/**
 * A description of an HMRC request body, field for field in the order of HMRC's request model,
 * enough to read it as HMRC's APIs do. [hmrc/self-employment-business-api
 * app/api/controllers/validators/resolvers/ResolveNonEmptyJsonObject.scala,
 * ResolveJsonObjectInternal.scala, app/api/utils/EmptinessChecker.scala]
 */
export type FieldSpec =
  | { kind: 'money' }
  | { kind: 'string' }
  | { kind: 'boolean' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'array'; items: ObjectSpec }
  | { kind: 'object'; fields: Record<string, FieldSpec>; required?: readonly string[] };

export type ObjectSpec = FieldSpec & { kind: 'object' };

/**
 * What HMRC's JSON reader makes of a body: the known fields only (unknown ones are ignored, as
 * HMRC's non-strict readers do), nulls dropped, amounts kept as decimal text so their scale can
 * be checked exactly as a BigDecimal's would be.
 */
export type ParsedValue = string | boolean | ParsedBody | ParsedBody[];

export interface ParsedBody {
  [field: string]: ParsedValue;
}

export type BodyRead = { ok: true; body: ParsedBody } | { ok: false; errors: MtdError[] };

/**
 * The text forms a JSON string may take to be read as an amount: HMRC's JSON library reads a
 * BigDecimal from a number or from a string holding one (HMRC's own validator tests send
 * `"consolidatedExpenses": "999999999.99"` and expect it accepted). [hmrc/self-employment-
 * business-api test/v5/createAmendCumulativePeriodSummary/def1/
 * Def1_CreateAmendCumulativePeriodSummaryValidatorSpec.scala "given a valid request with
 * consolidated expenses"]
 */
const DECIMAL_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isParsedObject(value: ParsedValue | undefined): value is ParsedBody {
  return typeof value === 'object' && !Array.isArray(value);
}

function withPaths(paths: string[]): MtdError {
  return { ...E.ruleIncorrectOrEmptyBody, paths };
}

/**
 * Reads a body as HMRC does, in HMRC's order:
 * 1. not a JSON object, or `{}`: RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED without paths;
 * 2. a known field of the wrong type, or a required one missing: the same code with every such
 *    path, sorted;
 * 3. nothing known left at all: the same code without paths; objects with nothing known in them
 *    (empty, or holding only unknown fields): the same code with their paths, in model order.
 * [ResolveJsonObjectInternal.scala toMtdError; EmptinessChecker.scala findEmptyPaths; PB
 * test/v6/createAmendUkPropertyCumulativeSummary/def1/...ValidatorSpec.scala "passed a body with
 * an empty object except for an additional (non-schema) property"]
 */
export function readBody(body: unknown, spec: ObjectSpec): BodyRead {
  if (!isPlainObject(body) || Object.keys(body).length === 0) {
    return { ok: false, errors: [E.ruleIncorrectOrEmptyBody] };
  }
  const bad: string[] = [];
  const read = (value: Record<string, unknown>, s: ObjectSpec, path: string): ParsedBody => {
    const out: ParsedBody = {};
    for (const [key, child] of Object.entries(s.fields)) {
      const v = value[key];
      const at = `${path}/${key}`;
      if (v === undefined || v === null) {
        if (s.required?.includes(key)) bad.push(at);
        continue;
      }
      switch (child.kind) {
        case 'money':
          if (typeof v === 'number' && Number.isFinite(v)) out[key] = String(v);
          else if (typeof v === 'string' && DECIMAL_TEXT.test(v)) out[key] = v;
          else bad.push(at);
          break;
        case 'string':
          if (typeof v === 'string') out[key] = v;
          else bad.push(at);
          break;
        case 'boolean':
          if (typeof v === 'boolean') out[key] = v;
          else bad.push(at);
          break;
        case 'enum':
          if (typeof v === 'string' && child.values.includes(v)) out[key] = v;
          else bad.push(at);
          break;
        case 'array':
          // A list of objects: each item is read like an object, its paths carrying its index.
          if (!Array.isArray(v)) bad.push(at);
          else
            out[key] = v.map((item: unknown, i) => {
              if (isPlainObject(item)) return read(item, child.items, `${at}/${i}`);
              bad.push(`${at}/${i}`);
              return {};
            });
          break;
        case 'object':
          if (isPlainObject(v)) out[key] = read(v, child, at);
          else bad.push(at);
      }
    }
    return out;
  };
  const parsed = read(body, spec, '');
  if (bad.length > 0) return { ok: false, errors: [withPaths(bad.sort())] };
  if (Object.keys(parsed).length === 0) return { ok: false, errors: [E.ruleIncorrectOrEmptyBody] };
  const empty: string[] = [];
  // Empty objects and empty lists alike are "empty paths". [EmptinessChecker.scala Structure.Arr]
  const search = (value: ParsedBody | ParsedBody[], path: string) => {
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === 'string' || typeof child === 'boolean') continue;
      if (Object.keys(child).length === 0) empty.push(`${path}/${key}`);
      else search(child, `${path}/${key}`);
    }
  };
  search(parsed, '');
  if (empty.length > 0) return { ok: false, errors: [withPaths(empty)] };
  return { ok: true, body: parsed };
}

/** The parsed object at a path, if present. */
export function objectAt(body: ParsedBody, ...path: string[]): ParsedBody | undefined {
  let at: ParsedValue | undefined = body;
  for (const key of path) {
    // A list's items are reached by their index, as in HMRC's error paths (/foreignProperty/0).
    if (Array.isArray(at)) at = /^\d+$/.test(key) ? at[Number(key)] : undefined;
    else if (isParsedObject(at)) at = at[key];
    else return undefined;
  }
  return isParsedObject(at) ? at : undefined;
}

/** The parsed list at a path, if present. */
export function listAt(body: ParsedBody, ...path: string[]): ParsedBody[] | undefined {
  const parent = objectAt(body, ...path.slice(0, -1));
  const v = parent?.[path[path.length - 1] as string];
  return Array.isArray(v) ? v : undefined;
}

/** The parsed boolean at a path, if present. */
export function flagAt(body: ParsedBody, ...path: string[]): boolean | undefined {
  const parent = objectAt(body, ...path.slice(0, -1));
  const v = parent?.[path[path.length - 1] as string];
  return typeof v === 'boolean' ? v : undefined;
}

/** The parsed text at a path, if present. */
export function textAt(body: ParsedBody, ...path: string[]): string | undefined {
  const parent = objectAt(body, ...path.slice(0, -1));
  const v = parent?.[path[path.length - 1] as string];
  return typeof v === 'string' ? v : undefined;
}

/** Largest amount HMRC accepts in these bodies, in pence. [SE/PB request.json "maximum": 99999999999.99] */
const MAX_PENCE = 9_999_999_999_999n;

/**
 * An amount's value in pence, or undefined if it has more than 2 decimal places (a BigDecimal's
 * scale, so trailing zeros count in string amounts).
 */
export function decimalToPence(text: string): bigint | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return undefined;
  const fraction = m[3] ?? '';
  const scale = fraction.length - Number(m[4] ?? '0');
  if (scale > 2) return undefined;
  const digits = BigInt(`${m[2] ?? ''}${fraction}` || '0');
  // A huge exponent cannot be in range; stop before building an enormous number.
  if (digits !== 0n && scale < -20) return m[1] === '-' ? -MAX_PENCE - 1n : MAX_PENCE + 1n;
  const pence = digits === 0n ? 0n : digits * 10n ** BigInt(2 - scale);
  return m[1] === '-' ? -pence : pence;
}

/**
 * An amount's allowed range: 0 up to the maximum, the same either side of 0, or 0 up to a cap
 * such as the £1,000 trading and property income allowances. A cap's `max` is written as HMRC's
 * message writes it (a Scala BigDecimal's text: "1000" in Self Employment, "1000.0" in Property
 * Business, whose cap is the literal 1000.00). [SE Def3_CreateAmendAnnualSubmissionRulesValidator
 * .scala ResolveParsedNumber(max = 1000); PB Def2_CreateAmendUkPropertyAnnualSubmissionRulesValidator
 * .scala ResolveParsedNumber(max = 1000.00)]
 */
export type AmountRange = 'zero-or-more' | 'may-be-negative' | { max: string };

/**
 * FORMAT_VALUE for an amount out of range or with more than 2 decimal places, with the range
 * in the message and the field's path. [SE app/api/controllers/validators/resolvers/
 * ResolveParsedNumber.scala; CommonMtdErrors.scala ValueFormatError.forPathAndRange]
 */
export function checkAmount(text: string, path: string, range: AmountRange): MtdError | undefined {
  const pence = decimalToPence(text);
  const min = range === 'may-be-negative' ? -MAX_PENCE : 0n;
  const max = typeof range === 'object' ? (decimalToPence(range.max) ?? MAX_PENCE) : MAX_PENCE;
  if (pence !== undefined && pence >= min && pence <= max) return undefined;
  return {
    code: 'FORMAT_VALUE',
    message:
      typeof range === 'object'
        ? `The value must be between 0 and ${range.max}`
        : range === 'zero-or-more'
          ? 'The value must be between 0 and 99999999999.99'
          : 'The value must be between -99999999999.99 and 99999999999.99',
    paths: [path],
  };
}

/** Checks amounts in the given order (HMRC's order, which decides the order of the paths). */
export function checkAmounts(
  body: ParsedBody,
  checks: readonly (readonly [path: string, range: AmountRange])[],
): MtdError[] {
  const errors: MtdError[] = [];
  for (const [path, range] of checks) {
    const text = textAt(body, ...path.split('/').slice(1));
    if (text === undefined) continue;
    const error = checkAmount(text, path, range);
    if (error) errors.push(error);
  }
  return errors;
}

/** The body's amounts as integer pence, keeping HMRC's field names; dates and enums are left out. */
export function toPenceTree(body: ParsedBody, spec: ObjectSpec): PenceTree {
  const tree: PenceTree = {};
  for (const [key, value] of Object.entries(body)) {
    const s = spec.fields[key];
    if (!s) continue;
    if (s.kind === 'money' && typeof value === 'string') {
      tree[key] = Number(decimalToPence(value) ?? 0n);
    } else if (s.kind === 'object' && isParsedObject(value)) {
      const child = toPenceTree(value, s);
      if (Object.keys(child).length > 0) tree[key] = child;
    }
  }
  return tree;
}

/**
 * The whole body as stored: amounts as integer pence, and the texts, flags and lists HMRC keeps
 * (dates, building names, booleans, one entry per property) as sent, under HMRC's field names.
 * Every number in a stored body is an amount in pence.
 */
export function toStoredBody(body: ParsedBody, spec: ObjectSpec): PenceTree {
  const tree: PenceTree = {};
  for (const [key, value] of Object.entries(body)) {
    const s = spec.fields[key];
    if (!s) continue;
    if (s.kind === 'money' && typeof value === 'string') {
      tree[key] = Number(decimalToPence(value) ?? 0n);
    } else if (s.kind === 'array' && Array.isArray(value)) {
      tree[key] = value.map((item) => toStoredBody(item, s.items));
    } else if (s.kind === 'object' && isParsedObject(value)) {
      tree[key] = toStoredBody(value, s);
    } else if (typeof value === 'string' || typeof value === 'boolean') {
      tree[key] = value;
    }
  }
  return tree;
}

export const MONEY: FieldSpec = { kind: 'money' };
