import { describe, expect, it } from 'vitest';
import { adjustableLines } from '../../../src/main/year-end/adjustments/adjustments-service';
import {
  adjustmentGroupLabel,
  adjustmentLineLabel,
} from '@renderer/features/year-end/adjustments/adjustment-lines';

/** The Accounting adjustments screen names every line HMRC lets a business adjust in plain words. */
describe('the lines offered for an accounting adjustment', () => {
  it.each(['self-employment', 'uk-property', 'foreign-property'] as const)(
    'every %s line has a plain name, never HMRC’s field name',
    (kind) => {
      for (const key of adjustableLines(kind)) {
        const label = adjustmentLineLabel(key);
        expect(label, key).not.toMatch(/[a-z][A-Z]|\./);
        expect(adjustmentGroupLabel(key), key).toMatch(/^(Income|Expenses|Costs not allowed)/);
      }
    },
  );

  it('names a foreign property line with its country first', () => {
    expect(adjustmentLineLabel('FRA:income.totalRentsReceived')).toBe('FRA: Rents received');
    expect(adjustmentLineLabel('expenses.costOfGoods')).toBe('Cost of goods');
    expect(adjustmentLineLabel('additions.adminCostsDisallowable')).toBe(
      'Phone, stationery and office costs: part not allowed for tax',
    );
  });
});
