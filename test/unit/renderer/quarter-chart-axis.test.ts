import { describe, expect, it } from 'vitest';
import { valueAxis } from '@renderer/features/records/totals/value-axis';

describe('the quarter chart’s value axis', () => {
  it('tops out at a labelled gridline at or above the tallest bar', () => {
    expect(valueAxis(4_350)).toEqual({ top: 6_000, splits: [0, 2_000, 4_000, 6_000] });
    expect(valueAxis(9_000)).toEqual({ top: 10_000, splits: [0, 2_500, 5_000, 7_500, 10_000] });
    expect(valueAxis(0)).toEqual({ top: 1, splits: [0, 0.25, 0.5, 0.75, 1] });
    for (const tallest of [1, 37, 999, 4_001, 12_345, 250_000]) {
      const axis = valueAxis(tallest);
      expect(axis.top).toBeGreaterThanOrEqual(tallest);
      expect(axis.splits.at(-1)).toBe(axis.top);
      expect(axis.splits.length).toBeLessThanOrEqual(6);
    }
  });
});
