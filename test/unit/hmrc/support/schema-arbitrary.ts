import fc, { type Arbitrary } from 'fast-check';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const ISO_DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const day = fc.date({
  min: new Date('2017-04-06T00:00:00Z'),
  max: new Date('2030-04-05T00:00:00Z'),
  noInvalidDate: true,
});

/** `allOf` merged into one schema (HMRC uses it to attach a description to a `$ref`). */
function flatten(schema: Json): Json {
  if (!Array.isArray(schema.allOf)) return schema;
  const { allOf, ...rest } = schema;
  return (allOf as Json[]).reduce<Json>((acc, part) => ({ ...acc, ...flatten(part) }), rest);
}

function number(schema: Json, integer: boolean): Arbitrary<number> {
  const min = typeof schema.minimum === 'number' ? schema.minimum : -1_000_000;
  const max = typeof schema.maximum === 'number' ? schema.maximum : 1_000_000;
  if (integer) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  const step = typeof schema.multipleOf === 'number' ? schema.multipleOf : 0.01;
  const scale = Math.round(1 / step);
  // Whole multiples of the step, divided once: the exact value a JSON document would carry,
  // biased towards the bounds and small amounts where mistakes hide.
  return fc
    .oneof(
      fc.integer({ min: Math.ceil(min * scale), max: Math.floor(max * scale) }),
      fc.constantFrom(Math.ceil(min * scale), Math.floor(max * scale), 0, 1, 5, 10, 99),
    )
    .filter((n) => n >= Math.ceil(min * scale) && n <= Math.floor(max * scale))
    .map((n) => n / scale);
}

function string(schema: Json): Arbitrary<string> {
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as string[]));
  if (schema.format === 'date' || schema.pattern === ISO_DATE_PATTERN) {
    return day.map((d) => d.toISOString().slice(0, 10));
  }
  if (schema.format === 'date-time') return day.map((d) => d.toISOString());
  if (typeof schema.pattern === 'string') {
    try {
      return fc.stringMatching(new RegExp(schema.pattern));
    } catch {
      // fast-check cannot generate from lookaheads; HMRC's own example value then stands in.
      if (typeof schema.example === 'string') return fc.constant(schema.example);
    }
  }
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === 'number' ? Math.min(schema.maxLength, 40) : 20;
  return fc.string({ minLength, maxLength });
}

/**
 * Values that match a JSON schema (the OAS subset HMRC uses, and what zod's toJSONSchema
 * writes): objects with required and optional properties, arrays, numbers with bounds and
 * 2-dp steps, enums, patterns, dates, allOf, oneOf/anyOf.
 */
export function arbitraryFor(input: unknown, depth = 0): Arbitrary<unknown> {
  if (!isObj(input)) return fc.constant(null);
  const schema = flatten(input);
  const choices = (schema.oneOf ?? schema.anyOf) as Json[] | undefined;
  if (Array.isArray(choices)) return fc.oneof(...choices.map((c) => arbitraryFor(c, depth + 1)));
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const type = schema.type ?? (isObj(schema.properties) ? 'object' : undefined);
  switch (type) {
    case 'object': {
      const props = isObj(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
      const model: Record<string, Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) model[k] = arbitraryFor(v, depth + 1);
      return fc.record(model, { requiredKeys: required.filter((k) => k in props) });
    }
    case 'array':
      return fc.array(arbitraryFor(schema.items, depth + 1), { maxLength: depth > 3 ? 1 : 3 });
    case 'number':
      return number(schema, false);
    case 'integer':
      return number(schema, true);
    case 'string':
      return string(schema);
    case 'boolean':
      return fc.boolean();
    default:
      return fc.constant('x');
  }
}
