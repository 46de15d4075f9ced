import { describe, expect, it } from 'vitest';
import { mergeErrors, errorBody } from '../../../src/practice/http/mtd-errors';
import { toPenceTree } from '../../../src/practice/rules/body-shape';
import {
  SE_CUMULATIVE_SPEC,
  checkPropertyShape,
  checkPropertyValues,
  checkSeShape,
  checkSeValues,
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

  it('one error is the body; several are wrapped in INVALID_REQUEST', () => {
    expect(errorBody([{ code: 'X', message: 'x' }])).toEqual({ code: 'X', message: 'x' });
    expect(
      errorBody([
        { code: 'X', message: 'x' },
        { code: 'Y', message: 'y' },
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
  it('shape problems are RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED with paths', () => {
    expect(checkSeShape(undefined)).toEqual([
      { code: 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', message: expect.any(String) },
    ]);
    expect(checkSeShape([])).toHaveLength(1);
    expect(
      checkSeShape({ periodIncome: { turnover: true, bonus: 1 }, extra: 1 })[0]?.paths,
    ).toEqual(['/periodIncome/turnover', '/periodIncome/bonus', '/extra']);
    expect(checkPropertyShape({ fromDate: '2026-04-06' })[0]?.paths).toEqual(['/ukProperty']);
  });

  it('values: range and 2 decimal places per field', () => {
    expect(
      checkSeValues({
        periodIncome: { turnover: 99999999999.99 },
        periodExpenses: { costOfGoods: -99999999999.99 },
      }),
    ).toEqual([]);
    expect(checkSeValues({ periodExpenses: { costOfGoods: -100000000000 } })[0]).toMatchObject({
      code: 'FORMAT_VALUE',
      paths: ['/periodExpenses/costOfGoods'],
    });
    expect(
      checkPropertyValues({ ukProperty: { expenses: { residentialFinancialCost: -1 } } })[0],
    ).toMatchObject({
      code: 'FORMAT_VALUE',
      paths: ['/ukProperty/expenses/residentialFinancialCost'],
    });
  });

  it('stores amounts as integer pence under HMRC field names', () => {
    expect(
      toPenceTree(
        {
          periodDates: { periodStartDate: '2026-04-06' },
          periodIncome: { turnover: 1000.99 },
          periodExpenses: { costOfGoods: -0.1 },
        },
        SE_CUMULATIVE_SPEC,
      ),
    ).toEqual({
      periodIncome: { turnover: 100099 },
      periodExpenses: { costOfGoods: -10 },
    });
  });
});
