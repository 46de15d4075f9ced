import { describe, expect, it } from 'vitest';
import { guessDateOrder, parseBankDate } from '../../../src/main/ledger/import/csv/bank-dates';

describe('bank dates', () => {
  it.each([
    ['31/01/2026', 'dmy', '2026-01-31'],
    ['01/31/2026', 'mdy', '2026-01-31'],
    ['2026-01-31', 'dmy', '2026-01-31'],
    ['2026-01-31', 'mdy', '2026-01-31'],
    ['2026/01/31', 'dmy', '2026-01-31'],
    ['31.01.2026', 'dmy', '2026-01-31'],
    ['31-01-26', 'dmy', '2026-01-31'],
    ['1/2/2026', 'dmy', '2026-02-01'],
    ['31 Jan 2026', 'dmy', '2026-01-31'],
    ['31-Jan-26', 'mdy', '2026-01-31'],
    ['Jan 31, 2026', 'dmy', '2026-01-31'],
    ['31st January 2026', 'dmy', '2026-01-31'],
    ['20260131', 'dmy', '2026-01-31'],
    ['2026-01-31T10:15:00Z', 'dmy', '2026-01-31'],
    ['29/02/2024', 'dmy', '2024-02-29'],
    // Every common separator, with the closing dot and the spaces some banks abroad write.
    ['2019.04.19.', 'dmy', '2019-04-19'],
    ['2019. 04. 19.', 'dmy', '2019-04-19'],
    ['2019.04.19. 10:23', 'dmy', '2019-04-19'],
    ['19.04.2019.', 'dmy', '2019-04-19'],
    ['19. 04. 2019', 'dmy', '2019-04-19'],
    ['19 04 2019', 'dmy', '2019-04-19'],
    ['19\\04\\2019', 'dmy', '2019-04-19'],
    ['19-04-2019', 'dmy', '2019-04-19'],
    ['19/04/2019 10:23:45', 'dmy', '2019-04-19'],
    ['2019/04/19', 'mdy', '2019-04-19'],
    ['04.19.2019', 'mdy', '2019-04-19'],
    ['04 19 2019', 'mdy', '2019-04-19'],
    ['19.4.19', 'dmy', '2019-04-19'],
    ['19. Apr. 2019', 'dmy', '2019-04-19'],
    ['19-Apr-2019', 'dmy', '2019-04-19'],
  ] as const)('reads %s (%s) as %s', (text, order, expected) => {
    expect(parseBankDate(text, order)).toBe(expected);
  });

  it.each([
    ['31/01/2026', 'mdy'],
    ['29/02/2025', 'dmy'],
    ['2026-02-30', 'dmy'],
    ['13/13/2026', 'dmy'],
    ['yesterday', 'dmy'],
    ['31/01/2026', 'ymd'],
    ['', 'dmy'],
    ['20-32-06', 'dmy'],
    ['19 avril 2019', 'dmy'],
    ['2019年4月19日', 'dmy'],
    ['12.50', 'dmy'],
  ] as const)('refuses %j as %s', (text, order) => {
    expect(parseBankDate(text, order)).toBeNull();
  });
});

describe('guessing DD/MM or MM/DD from the data', () => {
  it('is sure once a day over 12 appears in either place', () => {
    expect(guessDateOrder(['01/02/2026', '13/02/2026'])).toMatchObject({
      order: 'dmy',
      ambiguous: false,
      candidates: ['dmy'],
    });
    expect(guessDateOrder(['02/01/2026', '02/13/2026'])).toMatchObject({
      order: 'mdy',
      ambiguous: false,
      candidates: ['mdy'],
    });
  });

  it('says when it cannot tell, defaulting to the UK order', () => {
    expect(guessDateOrder(['01/02/2026', '03/04/2026'])).toMatchObject({
      order: 'dmy',
      ambiguous: true,
      candidates: ['dmy', 'mdy'],
    });
  });

  it('treats ISO and month-name dates as unambiguous', () => {
    expect(guessDateOrder(['2026-01-02', '2026-01-03'])).toMatchObject({
      order: 'ymd',
      ambiguous: false,
      readable: 1,
    });
    expect(guessDateOrder(['02 Jan 2026', '03 Jan 2026'])).toMatchObject({
      ambiguous: false,
      readable: 1,
    });
  });

  it('reads year-first dotted dates (2019.04.19.) without asking', () => {
    expect(guessDateOrder(['2019.04.19.', '2019.04.02.'])).toMatchObject({
      order: 'ymd',
      ambiguous: false,
      readable: 1,
    });
  });

  it('tells day-first from month-first whatever the separator', () => {
    expect(guessDateOrder(['19.04.2019', '02.05.2019'])).toMatchObject({
      order: 'dmy',
      ambiguous: false,
    });
    expect(guessDateOrder(['04 19 2019', '05 02 2019'])).toMatchObject({
      order: 'mdy',
      ambiguous: false,
    });
  });

  it('reports how much of the column it can read', () => {
    expect(guessDateOrder(['13/01/2026', 'rubbish']).readable).toBe(0.5);
  });
});
