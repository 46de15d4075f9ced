import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  OccurrenceCounter,
  contentHash,
  contentHashDayRange,
} from '../../../src/main/ledger/import/analyse/content-hash';
import { normaliseGeneral, normaliseText } from '../../../src/main/ledger/text-normalise';

describe('normalised text', () => {
  it('ignores case, punctuation and spacing, and handles non-ASCII', () => {
    expect(normaliseText('CARD PAYMENT TO TESCO-STORES  1234')).toBe(
      'card payment to tesco stores 1234',
    );
    expect(normaliseText('  Café  Nero, LONDON ')).toBe('café nero london');
    expect(normaliseText('ＴＥＳＣＯ')).toBe('tesco'); // full-width letters (NFKC)
  });
});

describe('content hash (duplicate detection)', () => {
  const key = (description: string, amount = -320, date = '2025-05-01', occurrence = 0) =>
    contentHash(date, amount, normaliseText(description), occurrence);

  it('is the same for the same row however the bank spaced or cased it', () => {
    expect(key('COSTA COFFEE 123')).toBe(key('costa-coffee  123'));
  });

  it('differs when the date, amount, description or occurrence differs', () => {
    const base = key('COSTA COFFEE 123');
    expect(key('COSTA COFFEE 124')).not.toBe(base);
    expect(key('COSTA COFFEE 123', -321)).not.toBe(base);
    expect(key('COSTA COFFEE 123', -320, '2025-05-02')).not.toBe(base);
    expect(key('COSTA COFFEE 123', -320, '2025-05-01', 1)).toBe(`${base}.1`);
  });

  it('starts with the day so the index stays in date order and can be range-checked', () => {
    const hash = key('x');
    expect(hash).toMatch(/^20250501[0-9a-f]{12}$/);
    const [from, to] = contentHashDayRange('2025-05-01');
    expect(hash >= from && hash < to).toBe(true);
    expect(`${hash}.7` < to).toBe(true);
    expect(key('x', 1, '2025-05-02') >= to).toBe(true);
  });

  it('gives a distinct hash to 100,000 different rows of one day', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) seen.add(contentHash('2025-05-01', -i, `shop ${i % 977}`, 0));
    expect(seen.size).toBe(100_000);
  });
});

describe('occurrence counter', () => {
  it('numbers identical rows on the same day 0, 1, 2 and restarts on a new day', () => {
    const counter = new OccurrenceCounter('per-date');
    expect(counter.next('2025-05-01', 'coffee')).toBe(0);
    expect(counter.next('2025-05-01', 'tea')).toBe(0);
    expect(counter.next('2025-05-01', 'coffee')).toBe(1);
    expect(counter.next('2025-05-02', 'coffee')).toBe(0);
    expect(counter.sorted).toBe(true);
  });

  it('notices when a file is not in date order (either direction is fine)', () => {
    const descending = new OccurrenceCounter('per-date');
    for (const d of ['2025-05-03', '2025-05-02', '2025-05-01']) descending.next(d, 'x');
    expect(descending.sorted).toBe(true);
    const mixed = new OccurrenceCounter('per-date');
    for (const d of ['2025-05-01', '2025-05-03', '2025-05-02']) mixed.next(d, 'x');
    expect(mixed.sorted).toBe(false);
  });

  it('keeps every day in keep-all mode, so unsorted files still count correctly', () => {
    const counter = new OccurrenceCounter('keep-all');
    expect(counter.next('2025-05-01', 'coffee')).toBe(0);
    expect(counter.next('2025-05-02', 'coffee')).toBe(0);
    expect(counter.next('2025-05-01', 'coffee')).toBe(1);
  });
});

describe('content hash stability', () => {
  // Hashes are stored in every ledger: a change of output would stop re-imports being found as
  // duplicates. These were printed by the first version of the function and must never change.
  it('gives the same hashes as the version that stored them', () => {
    const vectors: [string, number, string, number, string][] = [
      ['2025-05-01', -320, 'COSTA COFFEE 123', 0, '20250501f74ff8483dd2'],
      ['2025-04-06', 125000, 'ACME LTD INVOICE 0931', 0, '20250406687ca63f0863'],
      ['2026-01-31', -1, 'x', 2, '2026013128880121f5fd.2'],
      ['2025-12-25', 0, 'Café Nero', 0, '20251225980b7d52f1cc'],
      ['2025-05-01', -77, 'shop', 0, '20250501b8eac0002007'], // zeros at the start of the low half
      ['2025-05-01', -119, 'shop', 0, '20250501009d4f3278b4'], // zeros at the start of the high half
      ['2025-05-01', -934, 'shop', 0, '202505010042b4d7ef0f'],
    ];
    for (const [date, amount, text, occurrence, expected] of vectors) {
      expect(contentHash(date, amount, normaliseText(text), occurrence)).toBe(expected);
    }
  });
});

describe('normalised text, fast path', () => {
  it('gives exactly the reference result for any text, ASCII or not', () => {
    const bankish = fc.string({
      unit: fc.constantFrom(...'AZaz09 -,.&*:/\\\'"\t£éＴ_'.split('')),
      maxLength: 60,
    });
    fc.assert(
      fc.property(
        fc.oneof(
          bankish,
          fc.string({ maxLength: 60 }),
          fc.string({ unit: 'binary', maxLength: 40 }),
        ),
        (text) => {
          expect(normaliseText(text)).toBe(normaliseGeneral(text));
        },
      ),
      { numRuns: 5000 },
    );
  });
});
