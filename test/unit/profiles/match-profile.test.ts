import { describe, expect, it } from 'vitest';
import { matchesProfile } from '@renderer/features/profiles/match-profile';

const carys = { name: 'Carys Clarke', nino: 'AC100003C' };

describe('the switcher’s search', () => {
  it('finds a profile by any part of the name, in any case, word by word', () => {
    expect(matchesProfile(carys, '')).toBe(true);
    expect(matchesProfile(carys, 'car')).toBe(true);
    expect(matchesProfile(carys, 'clarke carys')).toBe(true);
    expect(matchesProfile(carys, 'dev')).toBe(false);
  });

  it('finds a profile by NINO typed with or without spaces', () => {
    expect(matchesProfile(carys, 'ac 10 00')).toBe(true);
    expect(matchesProfile(carys, '0003c')).toBe(true);
    expect(matchesProfile(carys, 'AE10')).toBe(false);
    // A single character is too little to match on the NINO.
    expect(matchesProfile({ name: 'Zed', nino: 'AC100003C' }, '1')).toBe(false);
  });
});
