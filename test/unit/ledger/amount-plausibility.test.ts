import { describe, expect, it } from 'vitest';
import {
  checkPlausibility,
  type AmountCell,
} from '../../../src/main/ledger/import/csv/amount-plausibility';
import { detectShape } from '../../../src/main/ledger/import/csv/detect-shape';

const cells = (...texts: string[]): AmountCell[] => texts.map((text, i) => ({ line: i + 2, text }));

describe('whether a column looks like money', () => {
  it('accepts real spending: pence, a spread, signs', () => {
    expect(
      checkPlausibility(cells('850.00', '-45.99', '-36.00', '-1,250.00', '425.00', '-3.40'), 'dot'),
    ).toEqual({ plausible: true, badness: 0, suspects: [] });
  });

  it('accepts whole pounds and one amount on every row, but ranks them lower', () => {
    const rent = checkPlausibility(cells('850', '850', '850', '850'), 'dot');
    expect(rent.plausible).toBe(true);
    expect(rent.badness).toBeGreaterThan(0);
  });

  it('names a row or sequence number: whole numbers counting up', () => {
    const result = checkPlausibility(cells('1', '2', '3', '4', '5'), 'dot');
    expect(result.plausible).toBe(false);
    expect(result.suspects.map((s) => [s.line, s.reason])).toEqual([
      [2, 'row-number'],
      [3, 'row-number'],
      [4, 'row-number'],
      [5, 'row-number'],
      [6, 'row-number'],
    ]);
    expect(checkPlausibility(cells('10045', '10046', '10048', '10051'), 'dot').plausible).toBe(
      false,
    );
  });

  it('names account numbers, sort code and account, and IBANs', () => {
    const result = checkPlausibility(
      cells('41920537', '20-32-06 13152170', 'GB29 NWBK 6016 1331 9268 19', "'12345678", '-12.50'),
      'dot',
    );
    expect(result.suspects.map((s) => [s.line, s.reason])).toEqual([
      [2, 'account-number'],
      [3, 'account-number'],
      [4, 'account-number'],
      [5, 'account-number'],
    ]);
  });

  it('names a value many orders of magnitude above the rest, and only that row', () => {
    const result = checkPlausibility(
      cells('850.00', '-45.99', '-36.00', '425.00', '-1,000,594,757.00', '-187.44'),
      'dot',
    );
    expect(result.suspects).toEqual([{ line: 6, text: '-1,000,594,757.00', reason: 'outlier' }]);
    // A large sale among large amounts is not an outlier.
    expect(
      checkPlausibility(cells('250,000.00', '-180,000.00', '-2,400.00', '-1,200.00'), 'dot')
        .plausible,
    ).toBe(true);
  });

  it('reads amounts the way the mapping does (decimal commas, currency symbols)', () => {
    expect(checkPlausibility(cells('1 250,00', '-45,20', '-62,10'), 'comma').plausible).toBe(true);
    expect(checkPlausibility(cells('-45,20 €', '1 250,00 €'), 'comma').plausible).toBe(true);
  });
});

describe('choosing the amount column by plausibility', () => {
  it('passes over an account number column and a balance in a file without headers', () => {
    const shape = detectShape(
      [
        '07/04/2025,41920537,ASHWORTH JOINERY LTD,850.00,1850.00',
        '08/04/2025,41920537,SCREWFIX DIRECT,-45.99,1804.01',
        '14/04/2025,41920537,VODAFONE LTD,-36.00,1768.01',
        '22/04/2025,41920537,CLARKE CATERING,425.00,2193.01',
      ].join('\n'),
      true,
    );
    expect(shape.mapping?.amount).toEqual({ kind: 'single', column: 3, invert: false });
    expect(shape.amountCandidates[0]).toBe(3);
    expect(shape.amountCandidates).not.toContain(4); // the running balance
  });

  it('passes over row numbers', () => {
    const shape = detectShape(
      [
        '1,07/04/2025,ACME,850.00',
        '2,08/04/2025,SHOP,-45.99',
        '3,09/04/2025,BT,-36.00',
        '4,10/04/2025,CAFE,-3.40',
      ].join('\n'),
      true,
    );
    expect(shape.mapping).toMatchObject({ dateColumn: 1, amount: { column: 3 } });
  });

  it('prefers a plausible unnamed column to an implausible one named like an amount', () => {
    const shape = detectShape(
      [
        'Datum,Bedrag,Value,Text',
        '07/04/2025,850.00,100045,ACME',
        '08/04/2025,-45.99,100046,SHOP',
        '09/04/2025,-36.00,100047,BT',
        '10/04/2025,-3.40,100048,CAFE',
      ].join('\n'),
      true,
    );
    expect(shape.mapping?.amount).toMatchObject({ kind: 'single', column: 1 });
  });
});
