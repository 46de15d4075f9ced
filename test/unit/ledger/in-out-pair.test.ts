import { describe, expect, it } from 'vitest';
import { detectShape } from '../../../src/main/ledger/import/csv/detect-shape';
import {
  findInOutPair,
  inOutOrderFromBalance,
} from '../../../src/main/ledger/import/csv/in-out-pair';

const rows = [
  ['07/04/2025', 'ACME LTD', '', '850.00', '1850.00'],
  ['08/04/2025', 'SCREWFIX', '45.99', '', '1804.01'],
  ['09/04/2025', 'SHELL', '62.12', '', '1741.89'],
  ['14/04/2025', 'VODAFONE', '36.00', '', '1705.89'],
  ['22/04/2025', 'CLARKE CATERING', '', '425.00', '2130.89'],
  ['28/04/2025', 'TRAVIS PERKINS', '187.44', '', '1943.45'],
];

describe('separate money-out and money-in columns without names', () => {
  it('finds the pair that fills every row between them, never both on one row', () => {
    expect(
      findInOutPair(
        [
          { index: 2, filledShare: 4 / 6, moneyShare: 1 },
          { index: 3, filledShare: 2 / 6, moneyShare: 1 },
          { index: 4, filledShare: 1, moneyShare: 1 },
        ],
        rows,
      ),
    ).toEqual([2, 3]);
  });

  it('lets a running balance say which is money out, either way round', () => {
    expect(inOutOrderFromBalance(rows, [2, 3], [2, 3, 4], 'dot')).toEqual([2, 3]);
    const swapped = rows.map(([d, t, out, inn, b]) => [d!, t!, inn!, out!, b!]);
    expect(inOutOrderFromBalance(swapped, [2, 3], [2, 3, 4], 'dot')).toEqual([3, 2]);
    expect(
      inOutOrderFromBalance(
        rows.map((r) => r.slice(0, 4)),
        [2, 3],
        [2, 3],
        'dot',
      ),
    ).toBeNull();
  });

  it('chooses the pair, not the sparse column alone, in a file without headers', () => {
    const text = rows.map((r) => r.join(',')).join('\n');
    expect(detectShape(text, true).mapping?.amount).toEqual({
      kind: 'debit-credit',
      debitColumn: 2,
      creditColumn: 3,
    });
    const inFirst = rows.map(([d, t, out, inn, b]) => [d, t, inn, out, b].join(',')).join('\n');
    expect(detectShape(inFirst, true).mapping?.amount).toEqual({
      kind: 'debit-credit',
      debitColumn: 3,
      creditColumn: 2,
    });
  });
});
