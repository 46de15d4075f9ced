import { describe, expect, it } from 'vitest';
import { formatNino, maskNino, NINO_EXAMPLE, validateNino } from '@shared/domain/nino';

const code = (input: string) => {
  const result = validateNino(input);
  return result.ok ? result.nino : result.code;
};

describe('validateNino', () => {
  it('accepts valid numbers typed with spaces or in lower case, and normalises them', () => {
    expect(code('TC663795B')).toBe('TC663795B');
    expect(code('tc 66 37 95 b')).toBe('TC663795B');
    expect(code(' AB123456D ')).toBe('AB123456D');
  });

  it.each([
    ['', 'NINO_MISSING'],
    ['AB12345C', 'NINO_FORMAT'],
    ['AB1234567', 'NINO_FORMAT'],
    ['DA123456A', 'NINO_FIRST_LETTER'],
    ['QQ123456C', 'NINO_FIRST_LETTER'],
    ['VA123456A', 'NINO_FIRST_LETTER'],
    ['AO123456A', 'NINO_SECOND_LETTER'],
    ['AD123456A', 'NINO_SECOND_LETTER'],
    ['BG123456A', 'NINO_PREFIX_NOT_ALLOCATED'],
    ['GB123456A', 'NINO_PREFIX_NOT_ALLOCATED'],
    ['NK123456A', 'NINO_PREFIX_NOT_ALLOCATED'],
    ['KN123456A', 'NINO_PREFIX_NOT_ALLOCATED'],
    ['NT123456A', 'NINO_PREFIX_NOT_ALLOCATED'],
    ['TN123456A', 'NINO_PREFIX_NOT_ALLOCATED'],
    ['ZZ123456A', 'NINO_PREFIX_NOT_ALLOCATED'],
    ['AB123456E', 'NINO_SUFFIX'],
  ])('refuses %j with %s', (input, expected) => {
    expect(code(input)).toBe(expected);
  });

  it('says what is wrong in plain English', () => {
    const result = validateNino('AO123456A');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.message).toBe(
        'The second letter of a National Insurance number is never O. Check the first two letters.',
      );
  });
});

describe('display', () => {
  it('masks all but the prefix, last two digits and suffix', () => {
    expect(maskNino('QQ123456C')).toBe('QQ •• •• 56 C');
    expect(maskNino('qq 12 34 56 c')).toBe('QQ •• •• 56 C');
    expect(maskNino('nonsense')).toBe('•••••••••');
    expect(formatNino('TC663795B')).toBe('TC 66 37 95 B');
  });
});

describe('the example the hints show', () => {
  it('is a number the check accepts', () => {
    expect(validateNino(NINO_EXAMPLE)).toEqual({ ok: true, nino: 'AB123456C' });
  });
});
