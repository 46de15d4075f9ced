import fc, { type Arbitrary } from 'fast-check';
import type { z } from 'zod';

/**
 * fast-check arbitraries derived from a zod 4 schema, by walking its definition (`_zod.def`,
 * zod 4's introspection for library authors). No maintained library does this for zod 4 and
 * fast-check 4 (zod-fast-check supports zod 3 and fast-check < 4). It covers what the IPC
 * contract uses: strings (lengths, regex, uuid, url, ISO date-times), numbers (int, bounds),
 * booleans, enums, literals, objects (strict), arrays, unions, optional, nullable, undefined.
 *
 * `valid(schema)` gives values the schema accepts; `nearValid(schema)` gives a valid value
 * with exactly one thing wrong (a key missing or extra, a wrong type, a bound crossed, a
 * format broken), which the schema should refuse.
 */

interface Check {
  check: string;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

interface Def {
  type: string;
  checks?: { _zod: { def: Check } }[];
  format?: string;
  pattern?: RegExp;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  options?: z.ZodType[];
  innerType?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => schema._zod.def;
const checksOf = (def: Def): Check[] => (def.checks ?? []).map((c) => c._zod.def);

function lengthBounds(def: Def, cap: number): { min: number; max: number } {
  let min = 0;
  let max = Infinity;
  for (const c of checksOf(def)) {
    if (c.check === 'min_length') min = Math.max(min, c.minimum!);
    if (c.check === 'max_length') max = Math.min(max, c.maximum!);
    if (c.check === 'length_equals') min = max = c.length!;
  }
  return { min, max: Math.min(max, Math.max(min, cap)) };
}

function numberBounds(def: Def) {
  let min = -1e9;
  let max = 1e9;
  let integer = false;
  for (const c of checksOf(def)) {
    if (c.check === 'number_format' && (c.format === 'safeint' || c.format === 'int32'))
      integer = true;
    if (c.check === 'greater_than')
      min = Math.max(min, c.value! + (c.inclusive ? 0 : integer ? 1 : 1e-6));
    if (c.check === 'less_than')
      max = Math.min(max, c.value! - (c.inclusive ? 0 : integer ? 1 : 1e-6));
  }
  return { min, max, integer };
}

const isOptional = (schema: z.ZodType) => {
  const t = defOf(schema).type;
  return t === 'optional' || t === 'undefined';
};

/** Values the schema accepts (checked again with safeParse, so a gap in the walker cannot lie). */
export function valid<T>(schema: z.ZodType<T>): Arbitrary<T> {
  return raw(schema).filter((v) => schema.safeParse(v).success) as Arbitrary<T>;
}

function stringArbitrary(def: Def): Arbitrary<string> {
  const pattern =
    def.format === 'regex' || def.format === undefined
      ? checksOf(def).find((c) => c.check === 'string_format' && c.pattern)?.pattern
      : undefined;
  const { min, max } = lengthBounds(def, 40);
  switch (def.format) {
    case 'uuid':
      return fc.uuid();
    case 'url':
      return fc.webUrl();
    case 'datetime':
      return fc
        .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'email':
      return fc.emailAddress();
  }
  if (def.pattern) return fc.stringMatching(def.pattern);
  if (pattern) {
    // The pattern decides the length; only the schema's own bounds apply on top.
    const bounds = lengthBounds(def, Infinity);
    return fc
      .stringMatching(pattern)
      .filter((s) => s.length >= bounds.min && s.length <= bounds.max);
  }
  return fc.string({ minLength: min, maxLength: max });
}

function raw(schema: z.ZodType): Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return stringArbitrary(def);
    case 'number': {
      const { min, max, integer } = numberBounds(def);
      return integer
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
        : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'undefined':
      return fc.constant(undefined);
    case 'null':
      return fc.constant(null);
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries!));
    case 'literal':
      return fc.constantFrom(...def.values!);
    case 'optional':
      return fc.option(raw(def.innerType!), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(raw(def.innerType!), { nil: null, freq: 3 });
    case 'array': {
      const { min, max } = lengthBounds(def, 4);
      return fc.array(raw(def.element!), { minLength: min, maxLength: max });
    }
    case 'object': {
      const shape = def.shape!;
      const required = Object.keys(shape).filter((k) => !isOptional(shape[k]!));
      return fc.record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, raw(v)])), {
        requiredKeys: required,
      });
    }
    case 'union':
      return fc.oneof(...def.options!.map(raw));
    case 'record':
      return fc.dictionary(raw(def.keyType!) as Arbitrary<string>, raw(def.valueType!), {
        maxKeys: 4,
        noNullPrototype: true,
      });
    default:
      throw new Error(`zod-arbitraries: no generator for zod type "${def.type}"`);
  }
}

/** One thing wrong with a value of this schema; undefined where nothing can be wrong (e.g. z.any). */
function wrong(schema: z.ZodType): Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'string': {
      const { max } = lengthBounds(def, Infinity);
      return fc.oneof(
        fc.integer(),
        fc.constant(null),
        fc.constant({ text: 'not a string' }),
        ...(Number.isFinite(max) ? [fc.constant('x'.repeat(max + 1))] : []),
        ...(def.format || def.pattern || checksOf(def).some((c) => c.pattern)
          ? [fc.constantFrom('not-in-format', '../../etc/passwd', '')]
          : []),
      );
    }
    case 'number': {
      const { min, max, integer } = numberBounds(def);
      return fc.oneof(
        fc.constant('12'),
        fc.constant(Number.NaN),
        fc.constant(Infinity),
        ...(min > -1e9 ? [fc.constant(min - 1)] : []),
        ...(max < 1e9 ? [fc.constant(max + 1)] : []),
        ...(integer ? [fc.constant(0.5)] : []),
      );
    }
    case 'boolean':
      return fc.constantFrom('true', 1, null);
    case 'undefined':
      return fc.constantFrom(null, 0, '', {});
    case 'null':
      return fc.constantFrom(undefined, 0, '');
    case 'enum':
    case 'literal': {
      const allowed = new Set<unknown>(
        def.type === 'enum' ? Object.values(def.entries!) : def.values,
      );
      return fc
        .oneof(
          fc.constantFrom(...[...allowed].map((v) => `${String(v)}x`)),
          fc.constantFrom(...[...allowed].map((v) => String(v).toUpperCase())),
          fc.integer(),
        )
        .filter((v) => !allowed.has(v));
    }
    case 'optional':
      return wrong(def.innerType!).filter((v) => v !== undefined);
    case 'nullable':
      return wrong(def.innerType!).filter((v) => v !== null);
    case 'array': {
      const { min, max } = lengthBounds(def, Infinity);
      const item = raw(def.element!);
      return fc.oneof(
        fc.constant('not a list'),
        fc
          .tuple(fc.array(item, { maxLength: 2 }), wrong(def.element!))
          .map(([ok, bad]) => [...ok, bad]),
        ...(min > 0 ? [fc.constant([])] : []),
        ...(Number.isFinite(max)
          ? [fc.array(item, { minLength: max + 1, maxLength: max + 1 })]
          : []),
      );
    }
    case 'object': {
      const shape = def.shape!;
      const keys = Object.keys(shape);
      const required = keys.filter((k) => !isOptional(shape[k]!));
      const base = raw(schema) as Arbitrary<Record<string, unknown>>;
      const strict = def.catchall !== undefined && defOf(def.catchall).type === 'never';
      const mutations: Arbitrary<unknown>[] = [fc.constant([]), fc.constant('not an object')];
      if (required.length > 0)
        mutations.push(
          fc.tuple(base, fc.constantFrom(...required)).map(([v, k]) => {
            const { [k]: _dropped, ...rest } = v;
            return rest;
          }),
        );
      if (strict)
        mutations.push(base.map((v) => ({ ...v, unexpectedField: 'not in the contract' })));
      for (const k of keys)
        mutations.push(fc.tuple(base, wrong(shape[k]!)).map(([v, bad]) => ({ ...v, [k]: bad })));
      return fc.oneof(...mutations);
    }
    case 'union':
      return fc.constantFrom(42, 'not any of them', null, [] as unknown[]);
    case 'record': {
      const base = raw(schema) as Arbitrary<Record<string, unknown>>;
      const badKeys = wrong(def.keyType!).filter((k): k is string => typeof k === 'string');
      return fc.oneof(
        fc.constant('not a record'),
        fc.constant([]),
        fc
          .tuple(base, raw(def.keyType!) as Arbitrary<string>, wrong(def.valueType!))
          .map(([v, k, bad]) => ({ ...v, [k]: bad })),
        fc.tuple(base, badKeys, raw(def.valueType!)).map(([v, k, ok]) => ({ ...v, [k]: ok })),
      );
    }
    default:
      throw new Error(`zod-arbitraries: no mutation for zod type "${def.type}"`);
  }
}

/** A value with exactly one thing wrong (see the module comment). The schema should refuse it. */
export function nearValid(schema: z.ZodType): Arbitrary<unknown> {
  return wrong(schema);
}
