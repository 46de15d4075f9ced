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
      /^calculation\.businessProfitAndLoss\.\d+\.incomeSource(Id|Type|Name)$/.test(path) ||
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
