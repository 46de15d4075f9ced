import { describe, expect, it } from 'vitest';
import {
  ANNUAL_DEFINITIONS,
  ANNUAL_KINDS,
  type AnnualFigures,
  type AnnualKind,
} from '@shared/domain/annual-fields';
import { annualBody, checkAnnualFigures, figuresFromBody } from '@shared/domain/annual-payload';
import { annualRequestSchemas } from '../../../src/main/hmrc/schemas/annual-submission';
import { loadHmrcSpecs } from '../../support/hmrc-specs';

const { specs, reason } = loadHmrcSpecs();
const OPERATION: Record<AnnualKind, readonly [string, string]> = {
  'self-employment': [
    'self-employment-business-api',
    '/individuals/business/self-employment/{nino}/{businessId}/annual/{taxYear}',
  ],
  'uk-property': [
    'property-business-api',
    '/individuals/business/property/uk/{nino}/{businessId}/annual/{taxYear}',
  ],
  'foreign-property': [
    'property-business-api',
    '/individuals/business/property/foreign/{nino}/{businessId}/annual/{taxYear}',
  ],
};
/** Kinds whose figures are one set (foreign property, per entry, has its own test file). */
const FLAT_KINDS = ANNUAL_KINDS.filter((k) => !ANNUAL_DEFINITIONS[k].entries);
/** HMRC's examples for 2025-26 onwards (the schema each table is for). */
const EXAMPLE_NAMES: Record<AnnualKind, RegExp> = {
  'self-employment': /TY 2025-26/,
  'uk-property': /TY-2025-26|2025-26 onwards|def2/i,
  'foreign-property': /TY 2025-26/,
};

/** Every field of a kind set to a value HMRC accepts (the income allowance left out). */
function everyField(kind: AnnualKind): AnnualFigures {
  const figures: AnnualFigures = {};
  for (const f of ANNUAL_DEFINITIONS[kind].fields) {
    if (f.incomeAllowance) continue;
    if (f.value.type === 'money') figures[f.key] = 123_456;
    else if (f.value.type === 'boolean') figures[f.key] = true;
    else figures[f.key] = f.value.options[0]!.value;
  }
  return figures;
}

const ctx = { taxYear: '2025-26' };

describe.skipIf(!specs)(`annual bodies against HMRC's request schemas (${reason})`, () => {
  const schemaOf = (kind: AnnualKind) =>
    specs!.schemaFile(
      OPERATION[kind][0],
      ANNUAL_DEFINITIONS[kind].requestSchema.split('/').slice(1).join('/'),
    );

  it.each(FLAT_KINDS)('%s: every field at once validates against the year’s schema', (kind) => {
    const figures = everyField(kind);
    expect(checkAnnualFigures(kind, figures, ctx).errors).toEqual([]);
    const body = annualBody(kind, figures);
    const check = schemaOf(kind)(body);
    expect(check.errors).toEqual([]);
    expect(annualRequestSchemas[kind].safeParse(body).success).toBe(true);
  });

  it.each(FLAT_KINDS)('%s: the income allowance alone validates and round-trips', (kind) => {
    const allowance = ANNUAL_DEFINITIONS[kind].fields.find((f) => f.incomeAllowance)!;
    const figures = { [allowance.key]: 100_000 };
    expect(checkAnnualFigures(kind, figures, ctx).errors).toEqual([]);
    const body = annualBody(kind, figures);
    expect(schemaOf(kind)(body).errors).toEqual([]);
    expect(figuresFromBody(kind, body)).toEqual(figures);
  });

  it.each(FLAT_KINDS)(
    '%s: each of HMRC’s 2025-26 examples reads into figures and back unchanged',
    (kind) => {
      const examples = specs!
        .exampleRequests(OPERATION[kind][0], 'put', OPERATION[kind][1])
        .filter((e) => EXAMPLE_NAMES[kind].test(e.name));
      expect(examples.length).toBeGreaterThan(0);
      for (const example of examples) {
        const figures = figuresFromBody(kind, example.body);
        expect(checkAnnualFigures(kind, figures, ctx).errors).toEqual([]);
        const body = annualBody(kind, figures);
        expect(schemaOf(kind)(body).errors).toEqual([]);
        // Only structured building allowances (not offered in this form) may be left behind.
        expect(strip(example.body)).toEqual(body);
      }
    },
  );
});

/** HMRC's example without the building allowance lists Ledgerlink does not offer. */
function strip(body: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(body)) as Record<string, Record<string, unknown>>;
  const allowances = (copy.ukProperty?.allowances ?? copy.allowances) as
    Record<string, unknown> | undefined;
  if (allowances) {
    delete allowances.structuredBuildingAllowance;
    delete allowances.enhancedStructuredBuildingAllowance;
  }
  return copy;
}

describe('the rules HMRC states, checked before anything is sent', () => {
  const codes = (kind: AnnualKind, figures: AnnualFigures, extra = {}) =>
    checkAnnualFigures(kind, figures, { ...ctx, ...extra }).errors.map((e) => e.code);

  it('refuses the trading allowance with any other allowance (RULE_BOTH_ALLOWANCES_SUPPLIED)', () => {
    expect(
      codes('self-employment', {
        'allowances.tradingIncomeAllowance': 50_000,
        'allowances.annualInvestmentAllowance': 1,
      }),
    ).toContain('RULE_BOTH_ALLOWANCES_SUPPLIED');
  });

  it('refuses the property allowance with other allowances or a private use adjustment', () => {
    expect(
      codes('uk-property', {
        'allowances.propertyIncomeAllowance': 50_000,
        'allowances.costOfReplacingDomesticItems': 1,
      }),
    ).toContain('RULE_BOTH_ALLOWANCES_SUPPLIED');
    expect(
      codes('uk-property', {
        'allowances.propertyIncomeAllowance': 50_000,
        'adjustments.privateUseAdjustment': 1,
      }),
    ).toContain('RULE_PROPERTY_INCOME_ALLOWANCE');
  });

  it('caps the income allowances at £1,000 and keeps money within HMRC’s range', () => {
    expect(codes('self-employment', { 'allowances.tradingIncomeAllowance': 100_001 })).toEqual([
      'FORMAT_VALUE',
    ]);
    expect(codes('uk-property', { 'allowances.propertyIncomeAllowance': 100_000 })).toEqual([]);
    expect(codes('self-employment', { 'adjustments.includedNonTaxableProfits': -1 })).toEqual([
      'FORMAT_VALUE',
    ]);
    expect(codes('self-employment', { 'adjustments.basisAdjustment': -5_00 })).toEqual([]);
    expect(codes('self-employment', { 'adjustments.basisAdjustment': 1.5 })).toEqual([
      'FORMAT_VALUE',
    ]);
  });

  it('needs a transition profit before extra transition profit (RULE_WRONG_TPA_AMOUNT_SUBMITTED)', () => {
    expect(
      codes('self-employment', { 'adjustments.transitionProfitAccelerationAmount': 10 }),
    ).toContain('RULE_WRONG_TPA_AMOUNT_SUBMITTED');
    expect(
      codes('self-employment', {
        'adjustments.transitionProfitAccelerationAmount': 10,
        'adjustments.transitionProfitAmount': 10,
      }),
    ).toEqual([]);
  });

  it('refuses an empty submission, unknown fields, wrong value types and years before 2025-26', () => {
    expect(codes('self-employment', {})).toEqual(['RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED']);
    expect(codes('uk-property', { 'adjustments.nonResidentLandlord': false })).toEqual([
      'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED',
    ]);
    expect(codes('self-employment', { 'allowances.nope': 1 })).toContain('UNKNOWN_FIELD');
    expect(
      codes('self-employment', { 'nonFinancials.class4NicsExemptionReason': 'bored' }),
    ).toContain('FORMAT_VALUE');
    expect(codes('uk-property', { 'adjustments.nonResidentLandlord': 'yes' })).toContain(
      'FORMAT_VALUE',
    );
    expect(
      codes(
        'self-employment',
        { 'allowances.annualInvestmentAllowance': 1 },
        { taxYear: '2024-25' },
      ),
    ).toEqual(['RULE_TAX_YEAR_NOT_SUPPORTED']);
  });

  it('claiming the income allowance while HMRC holds expenses says to amend the cumulative update first', () => {
    const figures = { 'allowances.tradingIncomeAllowance': 100_000 };
    const refused = checkAnnualFigures('self-employment', figures, {
      ...ctx,
      cumulativeExpensesPence: 12_345,
    });
    expect(refused.errors.map((e) => e.code)).toEqual(['INCOME_ALLOWANCE_WITH_EXPENSES']);
    expect(refused.errors[0]!.action).toMatch(/cumulative update/);
    const warned = checkAnnualFigures('self-employment', figures, {
      ...ctx,
      cumulativeExpensesPence: 0,
      ledgerExpensesPence: 500,
    });
    expect(warned.errors).toEqual([]);
    expect(warned.warnings.map((w) => w.code)).toEqual(['INCOME_ALLOWANCE_LEDGER_EXPENSES']);
  });

  it('sends the fields HMRC requires in a section it is given, and only then', () => {
    expect(annualBody('uk-property', { 'allowances.annualInvestmentAllowance': 100 })).toEqual({
      ukProperty: { allowances: { annualInvestmentAllowance: 1 } },
    });
    expect(annualBody('uk-property', { 'adjustments.balancingCharge': 250 })).toEqual({
      ukProperty: { adjustments: { balancingCharge: 2.5, nonResidentLandlord: false } },
    });
    expect(
      annualBody('self-employment', { 'nonFinancials.class4NicsExemptionReason': 'diver' }),
    ).toEqual({
      nonFinancials: { businessDetailsChangedRecently: false, class4NicsExemptionReason: 'diver' },
    });
  });
});
