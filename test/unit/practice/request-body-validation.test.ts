import { describe, expect, it } from 'vitest';
import { mergeErrors, errorBody } from '../../../src/practice/http/mtd-errors';
import {
  checkAmount,
  decimalToPence,
  readBody,
  toPenceTree,
} from '../../../src/practice/rules/body-shape';
import {
  SE_CUMULATIVE_SPEC,
  UK_PROPERTY_CUMULATIVE_SPEC,
} from '../../../src/practice/rules/cumulative-bodies';

describe("HMRC's error wrapping [reference §3.6]", () => {
  it('merges errors with the same code and message into one with all paths', () => {
    expect(
      mergeErrors([
        { code: 'FORMAT_VALUE', message: 'm', paths: ['/a'] },
        { code: 'FORMAT_VALUE', message: 'm', paths: ['/b'] },
        { code: 'FORMAT_NINO', message: 'n' },
      ]),
    ).toEqual([
      { code: 'FORMAT_VALUE', message: 'm', paths: ['/a', '/b'] },
      { code: 'FORMAT_NINO', message: 'n' },
    ]);
  });

  it('one error is the body; several are wrapped in INVALID_REQUEST, sorted by code', () => {
    expect(errorBody([{ code: 'X', message: 'x' }])).toEqual({ code: 'X', message: 'x' });
    expect(
      errorBody([
        { code: 'Y', message: 'y' },
        { code: 'X', message: 'x' },
      ]),
    ).toEqual({
      code: 'INVALID_REQUEST',
      message: 'Invalid request',
      errors: [
        { code: 'X', message: 'x' },
        { code: 'Y', message: 'y' },
      ],
    });
  });
});

describe('cumulative body validation', () => {
  it('reads bodies as HMRC does: wrong types and missing fields by path, unknown fields ignored', () => {
    expect(readBody(undefined, SE_CUMULATIVE_SPEC)).toEqual({
      ok: false,
      errors: [{ code: 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', message: expect.any(String) }],
    });
    expect(readBody([], SE_CUMULATIVE_SPEC).ok).toBe(false);
    const bad = readBody(
      { periodIncome: { turnover: true, bonus: 1 }, periodDates: {}, extra: 1 },
      SE_CUMULATIVE_SPEC,
    );
    expect(bad.ok ? [] : bad.errors[0]?.paths).toEqual([
      '/periodDates/periodEndDate',
      '/periodDates/periodStartDate',
      '/periodIncome/turnover',
    ]);
    const onlyUnknown = readBody({ ukProperty: { badField: 1 } }, UK_PROPERTY_CUMULATIVE_SPEC);
    expect(onlyUnknown.ok ? [] : onlyUnknown.errors[0]?.paths).toEqual(['/ukProperty']);
    const missing = readBody({ fromDate: '2026-04-06' }, UK_PROPERTY_CUMULATIVE_SPEC);
    expect(missing.ok ? [] : missing.errors[0]?.paths).toEqual(['/ukProperty']);
    expect(
      readBody({ periodIncome: { turnover: '12.50', other: null } }, SE_CUMULATIVE_SPEC),
    ).toEqual({ ok: true, body: { periodIncome: { turnover: '12.50' } } });
  });

  it('amounts: range and at most 2 decimal places, counted as a BigDecimal counts them', () => {
    expect(decimalToPence('99999999999.99')).toBe(9_999_999_999_999n);
    expect(decimalToPence('-0.1')).toBe(-10n);
    expect(decimalToPence('1E+2')).toBe(10_000n);
    expect(decimalToPence('10.100')).toBeUndefined();
    expect(decimalToPence('1e-7')).toBeUndefined();
    expect(checkAmount('100000000000', '/a', 'may-be-negative')).toMatchObject({
      code: 'FORMAT_VALUE',
      paths: ['/a'],
    });
    expect(checkAmount('-1', '/a', 'zero-or-more')?.message).toBe(
      'The value must be between 0 and 99999999999.99',
    );
    expect(checkAmount('-99999999999.99', '/a', 'may-be-negative')).toBeUndefined();
  });

  it('stores amounts as integer pence under HMRC field names', () => {
    expect(
      toPenceTree(
        {
          periodDates: { periodStartDate: '2026-04-06', periodEndDate: '2026-07-05' },
          periodIncome: { turnover: '1000.99' },
          periodExpenses: { costOfGoods: '-0.1' },
        },
        SE_CUMULATIVE_SPEC,
      ),
    ).toEqual({
      periodIncome: { turnover: 100099 },
      periodExpenses: { costOfGoods: -10 },
    });
  });
});
