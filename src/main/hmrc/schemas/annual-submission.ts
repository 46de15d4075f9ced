import { z } from 'zod';
import {
  ANNUAL_DEFINITIONS,
  type AnnualField,
  type AnnualKind,
} from '@shared/domain/annual-fields';
import { MONEY_MAX } from './common';

/**
 * The annual submission request bodies, built from the same tables as the form
 * (shared/domain/annual-fields.ts), strict so nothing HMRC's schema would refuse leaves the app
 * [SE schemas/createAmendAnnualSubmission/def3/request.json; PB
 * schemas/uk_property_annual_submission_create_and_amend/def2/request.json,
 * schemas/foreign_property_annual_submission_create_and_amend/def2 + def3/request.json]. Retrieve responses
 * are tolerant readers (reference §3.3): HMRC adds fields such as `submittedOn`.
 */

const leaf = (f: AnnualField): z.ZodType => {
  switch (f.value.type) {
    case 'money':
      return z
        .number()
        .min(Math.max(-MONEY_MAX, f.value.minPence / 100))
        .max(Math.min(MONEY_MAX, f.value.maxPence / 100))
        .multipleOf(0.01);
    case 'boolean':
      return z.boolean();
    case 'choice':
      return z.enum(f.value.options.map((o) => o.value) as [string, ...string[]]);
  }
};

interface Tree {
  [key: string]: Tree | { field: AnnualField };
}

function schemaOf(tree: Tree): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, node] of Object.entries(tree)) {
    if ('field' in node && typeof node.field === 'object' && 'key' in node.field) {
      const f = node.field as AnnualField;
      shape[key] = f.alwaysSent ? leaf(f) : leaf(f).optional();
    } else {
      shape[key] = schemaOf(node as Tree).optional();
    }
  }
  return z.strictObject(shape);
}

function requestSchemaFor(kind: AnnualKind): z.ZodType<Record<string, unknown>> {
  const def = ANNUAL_DEFINITIONS[kind];
  const tree: Tree = {};
  for (const f of def.fields) {
    let node = tree;
    for (const part of f.hmrcPath.slice(0, -1)) node = (node[part] ??= {}) as Tree;
    node[f.hmrcPath[f.hmrcPath.length - 1]!] = { field: f };
  }
  const body = schemaOf(tree);
  if (def.entries && def.root) {
    // One entry per country (def2, 2025-26) or per property id (def3, 2026-27 on): exactly one.
    const entry = z
      .strictObject({
        countryCode: z
          .string()
          .regex(/^[A-Z]{3}$/)
          .optional(),
        propertyId: z.string().min(1).max(100).optional(),
        ...(body as z.ZodObject).shape,
      })
      .refine((e) => (e.countryCode === undefined) !== (e.propertyId === undefined), {
        message: 'Each entry names its country or its property id, not both.',
      });
    return z.strictObject({ [def.root]: z.array(entry).min(1) });
  }
  return (def.root ? z.strictObject({ [def.root]: body }) : body) as z.ZodType<
    Record<string, unknown>
  >;
}

export const annualRequestSchemas: Record<AnnualKind, z.ZodType<Record<string, unknown>>> = {
  'self-employment': requestSchemaFor('self-employment'),
  'uk-property': requestSchemaFor('uk-property'),
  'foreign-property': requestSchemaFor('foreign-property'),
};

/** [SE retrieveAnnualSubmission def3; PB uk_property_annual_submission_retrieve def2] */
export const annualResponseSchema = z.looseObject({});
export type AnnualResponse = z.infer<typeof annualResponseSchema>;
