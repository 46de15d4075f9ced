import { describe, expect, it } from 'vitest';
import {
  createRuleMatcher,
  matchInputOf,
  type MatchableRule,
} from '../../../src/main/ledger/rules/rule-matcher';
import { compileWildcard, matchesWildcard } from '../../../src/main/ledger/rules/wildcard';
import { normaliseText } from '../../../src/main/ledger/text-normalise';

const rule = (
  id: number,
  conditions: MatchableRule['conditions'],
  priority = id * 10,
  enabled = true,
): MatchableRule => ({
  id,
  priority,
  enabled,
  conditions,
  action: { businessId: 1, categoryId: 'se.adminCosts', disallowableBasisPoints: 0 },
});

const wild = (pattern: string, text: string) =>
  matchesWildcard(compileWildcard(pattern), normaliseText(text));

describe('wildcard patterns', () => {
  it('matches * and ? against the whole description, ignoring case and punctuation', () => {
    expect(wild('amazon*', 'AMAZON MKTPLACE PMTS')).toBe(true);
    expect(wild('*mktplace*', 'Amazon Mktplace')).toBe(true);
    expect(wild('amazon', 'AMAZON MKTPLACE')).toBe(false); // whole description, not "contains"
    expect(wild('tesco stores ????', 'TESCO-STORES 3412')).toBe(true);
    expect(wild('tesco stores ????', 'TESCO STORES 341')).toBe(false);
    expect(wild('tesco *', 'TESCOPLC')).toBe(false);
  });

  it('never backtracks catastrophically (no user regular expressions)', () => {
    const pattern = compileWildcard(`${'*a'.repeat(40)}*b`);
    const text = 'a'.repeat(5000);
    // A backtracking regex for the same pattern takes longer than the age of the universe, so
    // it would never finish within the test's timeout; how long it takes is `npm run bench`'s.
    expect(matchesWildcard(pattern, text)).toBe(false);
  });
});

describe('rule matching', () => {
  it('takes the first enabled rule in priority order', () => {
    const matcher = createRuleMatcher([
      rule(1, { descriptionContains: 'coffee' }, 20),
      rule(2, { descriptionContains: 'costa' }, 10),
      rule(3, { descriptionContains: 'costa' }, 5, false),
    ]);
    expect(matcher.match(matchInputOf('COSTA COFFEE 123', null, -320))?.id).toBe(2);
    expect(matcher.match(matchInputOf('Pret coffee', null, -320))?.id).toBe(1);
    expect(matcher.match(matchInputOf('Tesco', null, -320))).toBeNull();
  });

  it('requires every condition: text, counterparty, amount size and direction', () => {
    const matcher = createRuleMatcher([
      rule(1, {
        counterpartyIs: 'Acme Ltd.',
        direction: 'in',
        amountMinPence: 10_000,
        amountMaxPence: 500_000,
      }),
    ]);
    expect(matcher.match(matchInputOf('INV 42', 'ACME LTD', 250_000))?.id).toBe(1);
    expect(matcher.match(matchInputOf('INV 42', 'ACME LTD', -250_000))).toBeNull(); // money out
    expect(matcher.match(matchInputOf('INV 42', 'ACME LTD', 9_999))).toBeNull(); // too small
    expect(matcher.match(matchInputOf('INV 42', 'ACME LTD', 500_001))).toBeNull(); // too big
    expect(matcher.match(matchInputOf('INV 42', 'ACME LIMITED', 250_000))).toBeNull(); // exact counterparty
    expect(matcher.match(matchInputOf('INV 42', null, 250_000))).toBeNull();
  });

  it('measures amount ranges by size whatever the sign', () => {
    const matcher = createRuleMatcher([rule(1, { amountMinPence: 1000, amountMaxPence: 2000 })]);
    expect(matcher.match(matchInputOf('x', null, -1500))?.id).toBe(1);
    expect(matcher.match(matchInputOf('x', null, 1500))?.id).toBe(1);
    expect(matcher.match(matchInputOf('x', null, -2500))).toBeNull();
  });

  it('ignores rules without conditions rather than matching everything', () => {
    const matcher = createRuleMatcher([rule(1, {}), rule(2, { descriptionContains: '   ' })]);
    expect(matcher.size).toBe(0);
    expect(matcher.match(matchInputOf('anything', null, -1))).toBeNull();
  });
});
