import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { penceToPounds, poundsToPence, wholePoundsDown } from '../../../src/practice/tax/money';

describe('money in integer pence', () => {
  it.each([
    [1000.99, 100099],
    [-1000.99, -100099],
    [0.1, 10],
    [0.07, 7],
    [99999999999.99, 9999999999999],
    [10, 1000],
    [1.005, undefined],
    [0.001, undefined],
    [5e-324, undefined],
    [1e21, undefined],
  ])('%d pounds -> %s pence', (pounds, pence) => {
    expect(poundsToPence(pounds)).toBe(pence);
  });

  it('round-trips every amount HMRC accepts, without drift', () => {
    fc.assert(
      fc.property(fc.integer({ min: -9_999_999_999_999, max: 9_999_999_999_999 }), (pence) => {
        expect(poundsToPence(penceToPounds(pence))).toBe(pence);
      }),
    );
  });

  it('sums exactly where floats drift (0.1 + 0.2)', () => {
    const total = [0.1, 0.2].map((p) => poundsToPence(p) as number).reduce((a, b) => a + b, 0);
    expect(penceToPounds(total)).toBe(0.3);
  });

  it('rounds taxable figures down to whole pounds', () => {
    expect(wholePoundsDown(3_030_359)).toBe(30_303);
    expect(wholePoundsDown(99)).toBe(0);
  });
});
