import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z, type ZodType } from 'zod';
import {
  listBusinessesResponseSchema,
  quarterlyPeriodTypeRequestSchema,
  retrieveBusinessResponseSchema,
} from '../../../src/main/hmrc/schemas/business-details';
import {
  listCalculationsResponseSchema,
  retrieveCalculationResponseSchema,
  triggerResponseSchema,
} from '../../../src/main/hmrc/schemas/calculations';
import {
  finalDeclarationObligationsResponseSchema,
  incomeAndExpenditureResponseSchema,
} from '../../../src/main/hmrc/schemas/obligations';
import {
  selfEmploymentCumulativeRequestSchema,
  selfEmploymentCumulativeResponseSchema,
} from '../../../src/main/hmrc/schemas/self-employment';
import {
  ukPropertyCumulativeRequestSchema,
  ukPropertyCumulativeResponseSchema,
} from '../../../src/main/hmrc/schemas/uk-property';
import {
  foreignPropertyCumulativeResponseSchema,
  foreignPropertyDetailsResponseSchema,
} from '../../../src/main/hmrc/schemas/foreign-property';
import { itsaStatusResponseSchema } from '../../../src/main/hmrc/schemas/itsa-status';
import { loadHmrcSpecs, readSpecFile } from '../../support/hmrc-specs';
import { inlineSchema } from './support/oas-schema';
import { arbitraryFor } from './support/schema-arbitrary';

/**
 * The zod schemas follow HMRC's OAS, checked both ways on generated documents:
 * - requests: everything the app's schema accepts, HMRC's schema accepts (nothing HMRC would
 *   refuse on form can leave the app), and HMRC's own example requests pass the app's schema;
 * - responses: everything HMRC's schema allows, the app reads (a valid answer is never refused),
 *   and so do HMRC's example responses.
 */
const { specs, reason } = loadHmrcSpecs();

const REQUESTS: [name: string, schema: ZodType, api: string, method: string, path: string][] = [
  [
    'quarterly period type',
    quarterlyPeriodTypeRequestSchema,
    'business-details-api',
    'put',
    '/individuals/business/details/{nino}/{businessId}/{taxYear}',
  ],
  [
    'self-employment cumulative',
    selfEmploymentCumulativeRequestSchema,
    'self-employment-business-api',
    'put',
    '/individuals/business/self-employment/{nino}/{businessId}/cumulative/{taxYear}',
  ],
  [
    'UK property cumulative',
    ukPropertyCumulativeRequestSchema,
    'property-business-api',
    'put',
    '/individuals/business/property/uk/{nino}/{businessId}/cumulative/{taxYear}',
  ],
];

const RESPONSES: [name: string, schema: ZodType, schemaFile: string, examples: string[]][] = [
  [
    'foreign property cumulative (2026-27 on)',
    foreignPropertyCumulativeResponseSchema,
    'property-business-api/schemas/foreign_property_cumulative_summary_retrieve/def2/response.json',
    [
      'property-business-api/examples/foreign_property_cumulative_summary_retrieve/def2/response.json',
    ],
  ],
  [
    'foreign property details',
    foreignPropertyDetailsResponseSchema,
    'property-business-api/schemas/foreign_property_details_retrieve/def1/response.json',
    ['property-business-api/examples/foreign_property_details_retrieve/def1/response.json'],
  ],
  [
    'retrieve ITSA status',
    itsaStatusResponseSchema,
    'self-assessment-individual-details-api/schemas/retrieveItsaStatus/def1/response.json',
    ['self-assessment-individual-details-api/examples/retrieveItsaStatus/def1/response.json'],
  ],
  [
    'list businesses',
    listBusinessesResponseSchema,
    'business-details-api/schemas/listAllbusinesses/response.json',
    ['business-details-api/examples/listAllBusinesses/response.json'],
  ],
  [
    'retrieve business',
    retrieveBusinessResponseSchema,
    'business-details-api/schemas/retrieveBusinessDetails/response.json',
    ['business-details-api/examples/retrieveBusinessDetails/response.json'],
  ],
  [
    'income and expenditure obligations',
    incomeAndExpenditureResponseSchema,
    'obligations-api/schemas/retrieve_periodic_obligations_response.json',
    [
      'obligations-api/examples/retrieve_cumulative_periodic_obligations_ty_25_26.json',
      'obligations-api/examples/retrieve_cumulative_periodic_obligations_ty_26_27_and_after.json',
      'obligations-api/examples/retrieve_non-cumulative_periodic_obligations.json',
    ],
  ],
  [
    'final declaration obligations',
    finalDeclarationObligationsResponseSchema,
    'obligations-api/schemas/retrieve_crystallisation_obligations_response.json',
    ['obligations-api/examples/retrieve_crystallisation_obligations.json'],
  ],
  [
    'self-employment cumulative',
    selfEmploymentCumulativeResponseSchema,
    'self-employment-business-api/schemas/retrieveCumulativePeriodSummary/def1/response.json',
    [
      'self-employment-business-api/examples/retrieveCumulativePeriodSummary/def1/consolidated_response.json',
      'self-employment-business-api/examples/retrieveCumulativePeriodSummary/def1/non_consolidated_response.json',
    ],
  ],
  [
    'UK property cumulative',
    ukPropertyCumulativeResponseSchema,
    'property-business-api/schemas/uk_property_cumulative_summary_retrieve/def1/response.json',
    [
      'property-business-api/examples/uk_property_cumulative_summary_retrieve/def1/response.json',
      'property-business-api/examples/uk_property_cumulative_summary_retrieve/def1/consolidated_response.json',
    ],
  ],
  [
    'trigger calculation',
    triggerResponseSchema,
    'individual-calculations-api/schemas/trigger/trigger_response.json',
    ['individual-calculations-api/examples/trigger/trigger_response.json'],
  ],
  [
    'list calculations (2023-24 and earlier)',
    listCalculationsResponseSchema,
    'individual-calculations-api/schemas/list/def1/list_response.json',
    ['individual-calculations-api/examples/list/def1/list_response.json'],
  ],
  [
    'list calculations (2024-25)',
    listCalculationsResponseSchema,
    'individual-calculations-api/schemas/list/def2/list_response.json',
    ['individual-calculations-api/examples/list/def2/list_response.json'],
  ],
  [
    'list calculations (2025-26 on)',
    listCalculationsResponseSchema,
    'individual-calculations-api/schemas/list/def3/list_response.json',
    ['individual-calculations-api/examples/list/def3/list_response.json'],
  ],
  [
    'retrieve calculation (2025-26)',
    retrieveCalculationResponseSchema,
    'individual-calculations-api/schemas/retrieve/def3/retrieve_response.json',
    ['individual-calculations-api/examples/retrieve/def3/retrieve_response.json'],
  ],
  [
    'retrieve calculation (2026-27 on)',
    retrieveCalculationResponseSchema,
    'individual-calculations-api/schemas/retrieve/def4/retrieve_response.json',
    ['individual-calculations-api/examples/retrieve/def4/retrieve_response.json'],
  ],
];

const firstIssue = (r: { success: boolean; error?: z.ZodError }) =>
  r.success ? '' : JSON.stringify(r.error!.issues[0]);

describe.skipIf(!specs)(`the HMRC client's schemas agree with HMRC's OAS (${reason})`, () => {
  describe.each(REQUESTS)('request: %s', (_name, schema, api, method, path) => {
    const oas = () => specs!.requestSchema(api, method, path)!;

    it("accepts HMRC's example requests", () => {
      const examples = specs!.exampleRequests(api, method, path);
      expect(examples.length).toBeGreaterThan(0);
      for (const ex of examples) {
        const parsed = schema.safeParse(ex.body);
        expect(parsed.success, `${ex.name}: ${firstIssue(parsed)}`).toBe(true);
      }
    });

    it('never accepts a body HMRC’s schema would refuse (generated from the app’s schema)', () => {
      const ours = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
      let accepted = 0;
      fc.assert(
        fc.property(arbitraryFor(ours), (body) => {
          if (!schema.safeParse(body).success) return;
          accepted += 1;
          const check = oas()(body);
          expect(check.errors, JSON.stringify(body)).toEqual([]);
        }),
        { numRuns: 1500 },
      );
      // The property must have tested real bodies, not only ones the refinements threw away.
      expect(accepted).toBeGreaterThan(100);
    });
  });

  describe.each(RESPONSES)('response: %s', (_name, schema, schemaFile, examples) => {
    it('reads everything HMRC’s schema allows (generated from HMRC’s schema)', () => {
      const theirs = inlineSchema(specs!.dir, schemaFile);
      fc.assert(
        fc.property(arbitraryFor(theirs), (body) => {
          const parsed = schema.safeParse(body);
          expect(parsed.success, firstIssue(parsed)).toBe(true);
        }),
        { numRuns: 60 },
      );
    });

    it("reads HMRC's example responses", () => {
      expect(examples.length).toBeGreaterThan(0);
      for (const file of examples) {
        const parsed = schema.safeParse(readSpecFile(`${specs!.dir}/${file}`));
        expect(parsed.success, `${file}: ${firstIssue(parsed)}`).toBe(true);
      }
    });
  });
});
