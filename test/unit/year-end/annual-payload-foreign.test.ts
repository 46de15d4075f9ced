import { describe, expect, it } from 'vitest';
import {
  FOREIGN_PROPERTY_ANNUAL,
  entryRuleFor,
  type AnnualFigures,
} from '@shared/domain/annual-fields';
import { annualBody, checkAnnualFigures, figuresFromBody } from '@shared/domain/annual-payload';
import { annualRequestSchemas } from '../../../src/main/hmrc/schemas/annual-submission';
import { loadHmrcSpecs } from '../../support/hmrc-specs';

/**
 * Foreign property annual figures [PB foreign_property_annual_submission_create_and_amend.yaml]:
 * one entry per country for 2025-26 (def2) and per HMRC property id from 2026-27 (def3).
 */
const { specs, reason } = loadHmrcSpecs();
const API = 'property-business-api';
const PUT_PATH = '/individuals/business/property/foreign/{nino}/{businessId}/annual/{taxYear}';
const PROPERTY_A = '8e8b8450-dc1b-4360-8109-7067337b42cb';
const PROPERTY_B = '0f2a6c1e-1a2b-4c3d-8e9f-001122334455';

/** Every field of the table for one entry (the property allowance left out). */
function everyField(entry: string): AnnualFigures {
  const figures: AnnualFigures = {};
  FOREIGN_PROPERTY_ANNUAL.fields
    .filter((f) => !f.incomeAllowance)
    .forEach((f, i) => (figures[`${entry}/${f.key}`] = 10_000 + i));
  return figures;
}

describe('the foreign property table', () => {
  it('offers, per entry, exactly the money fields of HMRC’s foreign entry, in plain words', () => {
    expect(FOREIGN_PROPERTY_ANNUAL.fields.map((f) => f.key).sort()).toEqual([
      'adjustments.balancingCharge',
      'adjustments.privateUseAdjustment',
      'allowances.annualInvestmentAllowance',
      'allowances.costOfReplacingDomesticItems',
      'allowances.otherCapitalAllowance',
      'allowances.propertyIncomeAllowance',
      'allowances.zeroEmissionsCarAllowance',
    ]);
    for (const f of FOREIGN_PROPERTY_ANNUAL.fields) {
      expect(f.label).not.toMatch(/[a-z][A-Z]/); // no camelCase field names as labels
      expect(f.hint.length).toBeGreaterThan(10);
    }
  });

  it('names entries by country for 2025-26 and by property id from 2026-27', () => {
    expect(entryRuleFor(FOREIGN_PROPERTY_ANNUAL, '2025-26')?.keyField).toBe('countryCode');
    expect(entryRuleFor(FOREIGN_PROPERTY_ANNUAL, '2026-27')?.keyField).toBe('propertyId');
    expect(entryRuleFor(FOREIGN_PROPERTY_ANNUAL, '2027-28')?.keyField).toBe('propertyId');
  });
});

describe.skipIf(!specs)(
  `foreign property bodies against HMRC's request schemas (${reason})`,
  () => {
    const schema = (taxYear: string) =>
      specs!.schemaFile(
        API,
        entryRuleFor(FOREIGN_PROPERTY_ANNUAL, taxYear)!.requestSchema.split('/').slice(1).join('/'),
      );

    it('2025-26: every field for two countries validates against def2 and reads back', () => {
      const figures = { ...everyField('FRA'), ...everyField('ESP') };
      const taxYear = '2025-26';
      expect(checkAnnualFigures('foreign-property', figures, { taxYear }).errors).toEqual([]);
      const body = annualBody('foreign-property', figures, taxYear);
      expect(schema(taxYear)(body).errors).toEqual([]);
      expect(annualRequestSchemas['foreign-property'].safeParse(body).success).toBe(true);
      const entries = (body.foreignProperty as { countryCode: string }[]).map((e) => e.countryCode);
      expect(entries).toEqual(['ESP', 'FRA']);
      expect(figuresFromBody('foreign-property', body)).toEqual(figures);
      // The 2026-27 schema names properties, not countries: this body is not one of its shape.
      expect(schema('2026-27')(body).errors).not.toEqual([]);
    });

    it('2026-27: per property id validates against def3 and reads back', () => {
      const taxYear = '2026-27';
      const figures = {
        ...everyField(PROPERTY_A),
        [`${PROPERTY_B}/allowances.propertyIncomeAllowance`]: 100_000,
      };
      expect(checkAnnualFigures('foreign-property', figures, { taxYear }).errors).toEqual([]);
      const body = annualBody('foreign-property', figures, taxYear);
      expect(schema(taxYear)(body).errors).toEqual([]);
      expect(annualRequestSchemas['foreign-property'].safeParse(body).success).toBe(true);
      expect(body).toMatchObject({
        foreignProperty: expect.arrayContaining([
          { propertyId: PROPERTY_B, allowances: { propertyIncomeAllowance: 1000 } },
        ]),
      });
      expect(figuresFromBody('foreign-property', body)).toEqual(figures);
    });

    it.each([
      ['2025-26', /TY[- ]2025-26/],
      ['2026-27', /TY[- ]2026-27/],
    ])('%s: each of HMRC’s examples reads into figures and back unchanged', (taxYear, name) => {
      const examples = specs!
        .exampleRequests(API, 'put', PUT_PATH)
        .filter((e) => name.test(e.name));
      expect(examples.length).toBeGreaterThan(0);
      for (const example of examples) {
        const figures = figuresFromBody('foreign-property', example.body);
        expect(checkAnnualFigures('foreign-property', figures, { taxYear }).errors).toEqual([]);
        const body = annualBody('foreign-property', figures, taxYear);
        expect(schema(taxYear)(body).errors).toEqual([]);
        // Only structured building allowances (not offered in this form) may be left behind.
        const stripped = JSON.parse(JSON.stringify(example.body)) as {
          foreignProperty: { allowances?: Record<string, unknown> }[];
        };
        for (const e of stripped.foreignProperty) delete e.allowances?.structuredBuildingAllowance;
        expect(body).toEqual(stripped);
      }
    });
  },
);

describe('HMRC’s foreign property rules, per entry, before anything is sent', () => {
  const codes = (figures: AnnualFigures, extra = {}) =>
    checkAnnualFigures('foreign-property', figures, { taxYear: '2025-26', ...extra }).errors.map(
      (e) => e.code,
    );

  it('refuses the property allowance with other allowances or private use in the same entry only', () => {
    expect(
      codes({
        'FRA/allowances.propertyIncomeAllowance': 50_000,
        'FRA/allowances.otherCapitalAllowance': 1,
      }),
    ).toEqual(['RULE_BOTH_ALLOWANCES_SUPPLIED']);
    expect(
      codes({
        'FRA/allowances.propertyIncomeAllowance': 50_000,
        'FRA/adjustments.privateUseAdjustment': 1,
      }),
    ).toEqual(['RULE_PROPERTY_INCOME_ALLOWANCE']);
    // Another country may claim other allowances.
    expect(
      codes({
        'FRA/allowances.propertyIncomeAllowance': 50_000,
        'ESP/allowances.otherCapitalAllowance': 1,
        'ESP/adjustments.privateUseAdjustment': 1,
      }),
    ).toEqual([]);
  });

  it('names the entry in its messages, caps the allowance at £1,000, refuses empty and stray keys', () => {
    const result = checkAnnualFigures(
      'foreign-property',
      { 'FRA/allowances.propertyIncomeAllowance': 100_001 },
      { taxYear: '2025-26', entries: { FRA: { label: 'FRA: Villa Mar' } } },
    );
    expect(result.errors.map((e) => e.code)).toEqual(['FORMAT_VALUE']);
    expect(result.errors[0]!.message).toMatch(/^FRA: Villa Mar: Property allowance/);
    expect(codes({})).toEqual(['RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED']);
    expect(codes({ 'allowances.otherCapitalAllowance': 1 })).toContain('UNKNOWN_FIELD');
    expect(codes({ 'FRA/allowances.nope': 1 })).toContain('UNKNOWN_FIELD');
  });

  it('holds the allowance against the expenses HMRC holds for that entry only', () => {
    const figures = { 'ESP/allowances.propertyIncomeAllowance': 100_000 };
    expect(
      codes(figures, {
        entries: {
          FRA: { label: 'France', cumulativeExpensesPence: 5_000 },
          ESP: { label: 'Spain', cumulativeExpensesPence: 0 },
        },
      }),
    ).toEqual([]);
    expect(
      codes(figures, { entries: { ESP: { label: 'Spain', cumulativeExpensesPence: 1 } } }),
    ).toEqual(['INCOME_ALLOWANCE_WITH_EXPENSES']);
  });
});
