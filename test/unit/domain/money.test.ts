import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_HMRC_AMOUNT_PENCE,
  addPence,
  applyBasisPoints,
  formatPence,
  hmrcAmountToPence,
  parseMoney,
  penceToDecimalString,
  penceToHmrcAmount,
  sumPence,
} from '@shared/domain/money';

const pence = (text: string, options?: Parameters<typeof parseMoney>[1]) => {
  const result = parseMoney(text, options);
  return result.ok ? result.pence : result.reason;
};

const hmrcRange = fc.integer({ min: -MAX_HMRC_AMOUNT_PENCE, max: MAX_HMRC_AMOUNT_PENCE });

describe('parseMoney', () => {
  it.each([
    ['£1,234.56', 123456],
    ['-12.5', -1250],
    ['(12.00)', -1200],
    ['(£1,000)', -100000],
    ['−£12.00', -1200],
    ['£-12.00', -1200],
    ['12.00-', -1200],
    ['12.00 DR', -1200],
    ['12.00CR', 1200],
    ['+3.20', 320],
    ['GBP 5', 500],
    ['5.10 GBP', 510],
    ['.5', 50],
    ['0.05', 5],
    ['  42  ', 4200],
    ['1 234.56', 123456],
    ['12.500', 1250],
    ['-0.00', 0],
    ['99,999,999,999.99', MAX_HMRC_AMOUNT_PENCE],
  ])('reads %s as %i pence', (text, expected) => {
    expect(pence(text)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'not-a-number'],
    ['12.345', 'too-many-decimals'],
    ['1,23.45', 'bad-grouping'],
    ['12,34,567.00', 'bad-grouping'],
    ['$12.00', 'foreign-currency'],
    ['12 EUR', 'foreign-currency'],
    ['(-12.00)', 'conflicting-signs'],
    ['-12.00 CR', 'conflicting-signs'],
    ['100,000,000,000.00', 'out-of-range'],
    ['1.2.3', 'bad-grouping'],
    ['£', 'empty'],
  ])('refuses %j (%s)', (text, reason) => {
    expect(pence(text)).toBe(reason);
  });

  it('reads continental amounts only when told or when the text is unambiguous', () => {
    expect(pence('1.234,56', { decimal: 'comma' })).toBe(123456);
    expect(pence('1.234,56', { decimal: 'auto' })).toBe(123456);
    expect(pence('12,50', { decimal: 'auto' })).toBe(1250);
    expect(pence('1.234.567', { decimal: 'auto' })).toBe(123456700);
    expect(pence('1,234', { decimal: 'auto' })).toBe(123400);
    expect(pence('1.234', { decimal: 'auto' })).toBe('ambiguous-separator');
    // In the default UK style a comma before two digits is a grouping mistake, never pence.
    expect(pence('12,50')).toBe('bad-grouping');
    expect(pence('12.50', { decimal: 'comma' })).toBe('bad-grouping');
  });

  it('round-trips every amount through its display and plain forms', () => {
    fc.assert(
      fc.property(hmrcRange, (p) => {
        expect(pence(formatPence(p))).toBe(p);
        expect(pence(penceToDecimalString(p))).toBe(p);
        expect(pence(formatPence(p, { symbol: false }))).toBe(p);
      }),
    );
  });
});

describe('formatPence', () => {
  it('formats the way GOV.UK shows money', () => {
    expect(formatPence(123456)).toBe('£1,234.56');
    expect(formatPence(-1200)).toBe('\u2212£12.00');
    expect(formatPence(5)).toBe('£0.05');
    expect(formatPence(0)).toBe('£0.00');
    expect(formatPence(100, { plusSign: true })).toBe('+£1.00');
    expect(penceToDecimalString(-5)).toBe('-0.05');
  });

  it('refuses fractions of a penny rather than hiding them', () => {
    expect(() => formatPence(1.5)).toThrow(RangeError);
  });
});

describe('the HMRC edge', () => {
  it('sends exactly two-decimal numbers', () => {
    expect(JSON.stringify({ v: penceToHmrcAmount(123456) })).toBe('{"v":1234.56}');
    expect(JSON.stringify(penceToHmrcAmount(10))).toBe('0.1');
    expect(JSON.stringify(penceToHmrcAmount(-1))).toBe('-0.01');
    expect(() => penceToHmrcAmount(MAX_HMRC_AMOUNT_PENCE + 1)).toThrow(RangeError);
  });

  it('prints every amount in range as its exact decimal in JSON', () => {
    fc.assert(
      fc.property(hmrcRange, (p) => {
        const expected = Number(penceToDecimalString(p)); // decimal text → nearest double
        const json = JSON.stringify(penceToHmrcAmount(p));
        expect(Number(json)).toBe(expected);
        // No binary noise like 0.30000000000000004 and never more than two decimals.
        expect(json).toMatch(/^-?\d+(\.\d{1,2})?$/);
        expect(hmrcAmountToPence(JSON.parse(json) as number)).toBe(p);
      }),
    );
  });

  it('reads HMRC amounts without float drift and rounds extra decimals half away from zero', () => {
    expect(hmrcAmountToPence(0.1 + 0.2)).toBe(30);
    expect(hmrcAmountToPence(1.005)).toBe(101);
    expect(hmrcAmountToPence(-1.005)).toBe(-101);
    expect(hmrcAmountToPence(1.004)).toBe(100);
    expect(hmrcAmountToPence(99999999999.99)).toBe(MAX_HMRC_AMOUNT_PENCE);
    expect(hmrcAmountToPence(1e-9)).toBe(0);
    expect(() => hmrcAmountToPence(1e21)).toThrow(RangeError);
    expect(() => hmrcAmountToPence(Number.NaN)).toThrow(RangeError);
  });
});

describe('arithmetic', () => {
  it('sums many small amounts with no drift (where floats would)', () => {
    const tenPence = Array.from({ length: 1000 }, () => 10);
    expect(sumPence(tenPence)).toBe(10000);
    // The float version of the same sum is not exact, which is why money is never a float.
    expect(Array.from({ length: 1000 }, () => 0.1).reduce((a, b) => a + b, 0)).not.toBe(100);
  });

  it('matches a BigInt reference for any list of amounts', () => {
    fc.assert(
      fc.property(fc.array(hmrcRange, { maxLength: 200 }), (values) => {
        const reference = values.reduce((a, b) => a + BigInt(b), 0n);
        expect(BigInt(sumPence(values))).toBe(reference);
      }),
    );
  });

  it('refuses a sum that would lose precision', () => {
    expect(() => addPence(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError);
    expect(() => sumPence([0.5])).toThrow(RangeError);
  });

  it('applies basis points with exact half-away-from-zero rounding', () => {
    expect(applyBasisPoints(1000, 2500)).toBe(250);
    expect(applyBasisPoints(1, 5000)).toBe(1); // 0.5p → 1p
    expect(applyBasisPoints(-1, 5000)).toBe(-1);
    expect(applyBasisPoints(333, 3333)).toBe(111); // 110.9889
    expect(applyBasisPoints(MAX_HMRC_AMOUNT_PENCE, 10_000)).toBe(MAX_HMRC_AMOUNT_PENCE);
    expect(() => applyBasisPoints(100, 10_001)).toThrow(RangeError);
    fc.assert(
      fc.property(hmrcRange, fc.integer({ min: 0, max: 10_000 }), (p, bp) => {
        const exact = BigInt(p) * BigInt(bp);
        const result = BigInt(applyBasisPoints(p, bp));
        // |result·10000 − exact| ≤ 5000: within half a penny of the true share.
        const error = result * 10000n - exact;
        expect(error <= 5000n && error >= -5000n).toBe(true);
      }),
    );
  });
});
