import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger, type Ledger } from '../../../src/main/ledger';
import { buildPayload } from '../../../src/main/review/build-payload';
import { flattenBody } from '../../../src/main/review/flatten-body';
import { sha256Hex } from '../../../src/main/sync/canonical-json';
import { selfEmploymentCumulativeRequestSchema } from '../../../src/main/hmrc/schemas/self-employment';
import { ukPropertyCumulativeRequestSchema } from '../../../src/main/hmrc/schemas/uk-property';
import { hmrcAmountToPence } from '@shared/domain/money';
import { loadHmrcSpecs } from '../../support/hmrc-specs';
import { periodTotals } from './support/period-totals';

const { specs, reason } = loadHmrcSpecs();
const SE = [
  'self-employment-business-api',
  'put',
  '/individuals/business/self-employment/{nino}/{businessId}/cumulative/{taxYear}',
] as const;
const UKP = [
  'property-business-api',
  'put',
  '/individuals/business/property/uk/{nino}/{businessId}/cumulative/{taxYear}',
] as const;

/** An HMRC example body as the hand-made ledger totals that would produce it. */
function totalsFromExample(
  kind: 'self-employment' | 'uk-property',
  example: Record<string, unknown>,
) {
  const flat = flattenBody(example);
  const values: Record<string, number> = {};
  const disallowable: Record<string, number> = {};
  let consolidated = false;
  for (const [path, v] of flat) {
    if (v.kind !== 'money') continue;
    const field = path
      .replace(/^ukProperty\.(income|expenses)\./, '')
      .replace(/^period(Income|Expenses)\./, '');
    if (path.startsWith('periodDisallowableExpenses.')) {
      disallowable[path.slice('periodDisallowableExpenses.'.length).replace(/Disallowable$/, '')] =
        v.pence;
    } else {
      if (field === 'consolidatedExpenses') consolidated = true;
      values[field] = v.pence;
    }
  }
  const dates =
    kind === 'self-employment'
      ? (example.periodDates as { periodStartDate: string; periodEndDate: string })
      : { periodStartDate: example.fromDate as string, periodEndDate: example.toDate as string };
  return periodTotals({
    kind,
    values,
    disallowable,
    consolidated,
    from: dates.periodStartDate,
    to: dates.periodEndDate,
    taxYear: '2025-26',
  });
}

/** Same amounts and dates; a field one side leaves out counts as zero (HMRC's reading). */
function expectSameUpdate(actual: unknown, expected: unknown) {
  const a = flattenBody(actual);
  const b = flattenBody(expected);
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const av = a.get(key);
    const bv = b.get(key);
    const value = (v: typeof av) => (v?.kind === 'money' ? v.pence : (v?.text ?? 0));
    expect(value(av), key).toEqual(value(bv));
  }
}

describe.skipIf(!specs)(`payloads against HMRC's examples and schemas (${reason})`, () => {
  it.each([
    ['self-employment', SE],
    ['uk-property', UKP],
  ] as const)(
    '%s: rebuilds every one of HMRC’s example requests from ledger totals, schema-valid',
    (kind, op) => {
      const [api, method, path] = op;
      const examples = specs!.exampleRequests(api, method, path);
      expect(examples.length).toBeGreaterThanOrEqual(2);
      const validate = specs!.requestSchema(api, method, path)!;
      for (const example of examples) {
        const built = buildPayload(
          totalsFromExample(kind, example.body as Record<string, unknown>),
        );
        expect(built.schemaProblems, example.name).toEqual([]);
        expect(validate(JSON.parse(built.json)), example.name).toEqual({ valid: true, errors: [] });
        expectSameUpdate(JSON.parse(built.json), example.body);
      }
    },
  );

  it('every body built from random totals is valid against HMRC’s schema (property)', () => {
    const seValidate = specs!.requestSchema(...SE)!;
    const ukpValidate = specs!.requestSchema(...UKP)!;
    const money = fc.integer({ min: -5_000_000_00, max: 5_000_000_00 });
    const positive = fc.integer({ min: 0, max: 5_000_000_00 });
    fc.assert(
      fc.property(
        fc.constantFrom('self-employment' as const, 'uk-property' as const),
        fc.boolean(),
        fc.dictionary(
          fc.constantFrom(
            'costOfGoods',
            'adminCosts',
            'premisesRunningCosts',
            'travelCosts',
            'repairsAndMaintenance',
          ),
          money,
        ),
        fc.dictionary(
          fc.constantFrom(
            'turnover',
            'other',
            'periodAmount',
            'otherIncome',
            'residentialFinancialCost',
            'rentARoom.rentsReceived',
          ),
          positive,
        ),
        (kind, consolidated, expenses, income) => {
          const built = buildPayload(
            periodTotals({ kind, consolidated, values: { ...expenses, ...income } }),
          );
          expect(built.schemaProblems).toEqual([]);
          const validate = kind === 'self-employment' ? seValidate : ukpValidate;
          expect(validate(JSON.parse(built.json)).errors).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the exact JSON and its hash', () => {
  it('is the text the HMRC client sends: its schema parse + JSON.stringify leaves it unchanged', () => {
    for (const [kind, schema] of [
      ['self-employment', selfEmploymentCumulativeRequestSchema],
      ['uk-property', ukPropertyCumulativeRequestSchema],
    ] as const) {
      for (const consolidated of [false, true]) {
        const built = buildPayload(
          periodTotals({
            kind,
            consolidated,
            values: {
              turnover: 123_456,
              periodAmount: 99_999,
              costOfGoods: 1050,
              premisesRunningCosts: 7,
            },
            disallowable: { costOfGoods: 50 },
          }),
        );
        expect(JSON.stringify(schema.parse(JSON.parse(built.json)))).toBe(built.json);
        expect(built.hash).toBe(sha256Hex(built.json));
      }
    }
  });

  it('sends every income and itemised expense field, zeros included, and non-zero disallowables only', () => {
    const built = buildPayload(
      periodTotals({
        kind: 'self-employment',
        values: { turnover: 1_000_099, costOfGoods: 2000 },
        disallowable: { costOfGoods: 500 },
      }),
    );
    const body = JSON.parse(built.json);
    expect(body.periodDates).toEqual({
      periodStartDate: '2026-04-06',
      periodEndDate: '2026-10-05',
    });
    expect(body.periodIncome).toEqual({
      turnover: 10000.99,
      other: 0,
      taxTakenOffTradingIncome: 0,
    });
    expect(Object.keys(body.periodExpenses)).toHaveLength(15);
    expect(body.periodDisallowableExpenses).toEqual({ costOfGoodsDisallowable: 5 });
    expect(built.json).toContain('"turnover":10000.99');
  });

  it('consolidated: one total of allowable expenses, no itemised lines (RULE_BOTH_EXPENSES_SUPPLIED cannot happen)', () => {
    const built = buildPayload(
      periodTotals({
        kind: 'self-employment',
        consolidated: true,
        values: { turnover: 500_000, costOfGoods: 10_000, consolidatedExpenses: 2_000 },
        disallowable: { costOfGoods: 1_000 },
      }),
    );
    expect(JSON.parse(built.json).periodExpenses).toEqual({ consolidatedExpenses: 110 });
    const ukp = JSON.parse(
      buildPayload(
        periodTotals({
          kind: 'uk-property',
          consolidated: true,
          values: {
            periodAmount: 100_000,
            repairsAndMaintenance: 3_000,
            residentialFinancialCost: 4_000,
          },
        }),
      ).json,
    );
    expect(ukp.ukProperty.expenses).toEqual({
      consolidatedExpenses: 30,
      residentialFinancialCost: 40,
      residentialFinancialCostsCarriedForward: 0,
    });
  });

  it('refuses nothing silently: an amount beyond HMRC’s range is reported, not sent', () => {
    const built = buildPayload(
      periodTotals({ kind: 'self-employment', values: { turnover: 10_000_000_000_000 } }),
    );
    expect(built.schemaProblems.length).toBeGreaterThan(0);
    const negative = buildPayload(
      periodTotals({ kind: 'uk-property', values: { periodAmount: -100 } }),
    );
    expect(negative.schemaProblems.map((p) => p.path)).toContain('/ukProperty/income/periodAmount');
  });
});

describe('from real ledger records', () => {
  let dir: string | undefined;
  let ledger: Ledger | undefined;
  afterEach(() => {
    ledger?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    ledger = undefined;
  });

  it('builds the update of a business from its year-to-date totals to the period end', () => {
    dir = mkdtempSync(join(tmpdir(), 'review-unit-'));
    ledger = openLedger({ file: join(dir, 'ledger.sqlite'), actor: 'test' });
    const b = ledger.businesses.create({
      kind: 'self-employment',
      name: 'Joinery',
      hmrcBusinessId: 'XAIS12345678901',
    });
    ledger.transactions.add({
      date: '2026-04-10',
      description: 'Sale',
      amountPence: 150_000,
      businessId: b.id,
      categoryId: 'se.turnover',
    });
    ledger.transactions.add({
      date: '2026-06-10',
      description: 'Fuel',
      amountPence: -10_000,
      businessId: b.id,
      categoryId: 'se.carVanTravelExpenses',
      disallowablePence: 2_000,
    });
    ledger.transactions.add({
      date: '2026-10-06',
      description: 'Next quarter',
      amountPence: 99_999,
      businessId: b.id,
      categoryId: 'se.turnover',
    });
    const built = buildPayload(ledger.totals.yearToDate(b.id, '2026-27', '2026-10-05'));
    const body = JSON.parse(built.json);
    expect(body.periodIncome.turnover).toBe(1500);
    expect(body.periodExpenses.carVanTravelExpenses).toBe(100);
    expect(body.periodDisallowableExpenses).toEqual({ carVanTravelExpensesDisallowable: 20 });
    if (specs) expect(specs.requestSchema(...SE)!(body).valid).toBe(true);
    // Money in the body is exactly the pence in the ledger.
    expect(hmrcAmountToPence(body.periodIncome.turnover)).toBe(150_000);
  });
});

describe.skipIf(!specs)(`updates without dates (annual status, latent source; ${reason})`, () => {
  it.each([
    ['self-employment', SE],
    ['uk-property', UKP],
  ] as const)(
    '%s: rebuilds HMRC’s examples without their dates, still schema-valid, figures unchanged',
    (kind, op) => {
      const [api, method, path] = op;
      const validate = specs!.requestSchema(api, method, path)!;
      for (const example of specs!.exampleRequests(api, method, path)) {
        const totals = totalsFromExample(kind, example.body as Record<string, unknown>);
        const withDates = JSON.parse(buildPayload(totals).json) as Record<string, unknown>;
        const built = buildPayload(totals, { withDates: false });
        const body = JSON.parse(built.json) as Record<string, unknown>;
        expect(built.schemaProblems, example.name).toEqual([]);
        expect(validate(body), example.name).toEqual({ valid: true, errors: [] });
        expect(Object.keys(body)).not.toContain('periodDates');
        expect(Object.keys(body)).not.toContain('fromDate');
        expect(Object.keys(body)).not.toContain('toDate');
        // Everything but the dates is what the quarterly update would send.
        const { periodDates: _p, fromDate: _f, toDate: _t, ...figures } = withDates;
        expect(body).toEqual(figures);
      }
    },
  );
});
