import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { formatPence } from '@shared/domain/money';
import { calculationViewSchema } from '@shared/ipc/channels/year-end-declaration';
import { Sa302View } from '@renderer/features/year-end/calculation/Sa302View';
import { calculationView, leavesOf } from '../../../src/main/year-end/calculation/calculation-view';
import { retrieveCalculationResponseSchema } from '../../../src/main/hmrc/schemas/calculations';
import { findSpecsDir, readSpecFile } from '../../support/hmrc-specs';

/**
 * Every retrieve example in HMRC's Individual Calculations spec [IC examples/retrieve/def1-4]
 * becomes an SA302 view that crosses IPC (its zod schema) and renders, without losing a figure:
 * each value under `calculation` is shown in a section or in "every other figure".
 */
const { dir, reason } = findSpecsDir();
const EXAMPLES = ['def1', 'def2', 'def3', 'def4'];

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe.skipIf(!dir)(`the calculation view renders HMRC's examples (${reason})`, () => {
  it.each(EXAMPLES)('%s: every figure is shown, nothing lost', (def) => {
    const raw = readSpecFile(
      join(dir!, `individual-calculations-api/examples/retrieve/${def}/retrieve_response.json`),
    );
    const document = retrieveCalculationResponseSchema.parse(raw);
    const view = calculationViewSchema.parse(calculationView(document));

    // Every leaf under `calculation` is accounted for: by its path in a section or in the
    // other figures, or as a band / source / earlier-calculation detail shown in its table.
    const shown = new Set([
      ...view.sources.flatMap((s) => s.figures.map((f) => f.path)),
      ...view.allowances.map((f) => f.path),
      ...view.earlier.map((f) => f.path),
      ...view.otherFigures.map((f) => f.path),
    ]);
    const headline = [
      'taxCalculation.incomeTax.totalIncomeReceivedFromAllSources',
      'taxCalculation.incomeTax.totalAllowancesAndDeductions',
      'taxCalculation.incomeTax.totalTaxableIncome',
      'taxCalculation.incomeTax.incomeTaxCharged',
      'taxCalculation.incomeTax.totalIncomeTaxDue',
      'taxCalculation.nics.class2Nics.amount',
      'taxCalculation.nics.class4Nics.totalAmount',
      'taxCalculation.totalTaxDeducted',
      'taxCalculation.totalIncomeTaxAndNicsDue',
    ].map((p) => `calculation.${p}`);
    const inTable = (path: string) =>
      headline.includes(path) ||
      /\.taxBands\.\d+\.(name|rate|income|taxAmount)$/.test(path) ||
      /\.nic4Bands\.\d+\.(name|rate|income|amount)$/.test(path) ||
      /^calculation\.(businessProfitAndLoss|foreignPropertyIncome|savingsAndGainsIncome\.ukSavingsAndGainsIncome)\.\d+\.incomeSource(Id|Type|Name)$/.test(
        path,
      ) ||
      /^calculation\.foreignPropertyIncome\.\d+\.countryCode$/.test(path) ||
      /^calculation\.dividendsIncome\.ukDividends\.incomeSource(Id|Type)$/.test(path) ||
      /^calculation\.previousCalculation\.(calculationTimestamp|calculationId)$/.test(path);
    const leaves = leavesOf(document.calculation, 'calculation');
    expect(leaves.length).toBeGreaterThan(100);
    const lost = leaves.filter((l) => !shown.has(l.path) && !inTable(l.path));
    expect(lost).toEqual([]);
    // No leaf shown twice.
    const counted = leaves.filter((l) => shown.has(l.path)).length;
    expect(counted).toBe(shown.size);

    // Rendered: every section figure and every other figure appears in the markup.
    const html = renderToStaticMarkup(createElement(Sa302View, { view }));
    for (const f of [
      ...view.allowances,
      ...view.sources.flatMap((s) => s.figures),
      ...view.otherFigures,
    ])
      expect(html).toContain(escape(f.label));
    for (const f of view.otherFigures)
      expect(html).toContain(escape(f.text ?? formatPence(f.pence)));
    expect(html).toContain(formatPence(view.totalLiabilityPence!));
    for (const m of [...view.messages.errors, ...view.messages.warnings, ...view.messages.info])
      expect(html).toContain(escape(m.text));
    // With errors, the view says it cannot be declared and where to fix the figures.
    if (view.messages.errors.length > 0) {
      expect(html).toContain('cannot be declared');
      expect(html).toContain('href="#/review"');
    }
    for (const b of view.bands) expect(html).toContain(`${b.rate}%`);
  });
});

describe('the SA302 income section', () => {
  it('lists foreign property per country, savings interest per account and UK dividends beside the businesses', () => {
    const document = retrieveCalculationResponseSchema.parse({
      metadata: {
        calculationId: '36e1eb62-6e08-4f2e-af3e-841531b4750e',
        taxYear: '2025-26',
        requestedBy: 'customer',
        calculationReason: 'customer-request',
        calculationType: 'intent-to-finalise',
        periodFrom: '2025-04-06',
        periodTo: '2026-04-05',
      },
      inputs: {},
      calculation: {
        businessProfitAndLoss: [
          {
            incomeSourceId: 'XAIS89000000004',
            incomeSourceType: 'self-employment',
            incomeSourceName: 'Sandoval Surfboards',
            totalIncome: 38000,
            taxableProfit: 29850,
          },
        ],
        foreignPropertyIncome: [
          {
            incomeSourceId: 'XFIS89000000006',
            incomeSourceType: 'foreign-property',
            countryCode: 'ESP',
            totalIncome: 6000,
            taxableProfit: 4800,
          },
        ],
        savingsAndGainsIncome: {
          totalChargeableSavingsAndGains: 1200,
          ukSavingsAndGainsIncome: [
            {
              incomeSourceId: 'SAVSOFIA0000001',
              incomeSourceType: 'uk-savings-and-gains',
              incomeSourceName: 'Seaside Saver',
              grossIncome: 1200,
            },
          ],
        },
        dividendsIncome: {
          totalChargeableDividends: 2500,
          ukDividends: { incomeSourceType: 'uk-dividends', dividends: 2500 },
        },
        taxCalculation: {
          incomeTax: {
            totalIncomeReceivedFromAllSources: 44050,
            totalAllowancesAndDeductions: 12570,
            totalTaxableIncome: 31480,
            incomeTaxCharged: 5771,
          },
          totalIncomeTaxAndNicsDue: 5367.8,
        },
      },
    });
    const view = calculationViewSchema.parse(calculationView(document));
    expect(view.sources.map((s) => [s.name, s.kind, s.figures[0]?.pence])).toEqual([
      ['Sandoval Surfboards', 'self-employment', 3_800_000],
      ['Foreign property in ESP', 'foreign-property', 600_000],
      ['Seaside Saver', 'uk-savings-and-gains', 120_000],
      ['UK dividends', 'uk-dividends', 250_000],
    ]);
    // Shown once: in the income section, not again among the other figures.
    expect(view.otherFigures.map((f) => f.path)).toEqual([
      'calculation.savingsAndGainsIncome.totalChargeableSavingsAndGains',
      'calculation.dividendsIncome.totalChargeableDividends',
    ]);
    const html = renderToStaticMarkup(createElement(Sa302View, { view }));
    expect(html).toContain('Foreign property in ESP');
    expect(html).toContain('Seaside Saver');
    expect(html).toContain('£2,500.00');
  });
});
