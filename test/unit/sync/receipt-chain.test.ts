import { describe, expect, it } from 'vitest';
import { chainProblems, storedError } from '../../../src/main/sync/receipt-chain';
import { GENESIS_HASH } from '../../../src/main/sync/submission-log';

const hash = (n: number) => String(n).repeat(64).slice(0, 64);
const chain = [
  { seq: 1, prevHash: GENESIS_HASH, entryHash: hash(1), body: 'first' },
  { seq: 2, prevHash: hash(1), entryHash: hash(2), body: 'second' },
  { seq: 3, prevHash: hash(2), entryHash: hash(3), body: 'third' },
];

describe('receipt chain', () => {
  it('finds nothing wrong with an intact chain', () => {
    expect(chainProblems(chain, () => true)).toEqual([]);
  });

  it('names a receipt taken out, and one changed after it was recorded', () => {
    const withoutSecond = [chain[0]!, chain[2]!];
    expect(chainProblems(withoutSecond, () => true)).toEqual([
      'Receipt 3 does not follow on from the one before.',
    ]);
    expect(chainProblems(chain, (r) => r.body !== 'second')).toEqual([
      'Receipt 2 was changed after it was recorded.',
    ]);
  });

  it('reads an outbox row’s error only when it has one', () => {
    expect(storedError({ error_code: null, error_message: null, error_action: null })).toEqual({});
    expect(
      storedError({ error_code: 'RULE_X', error_message: 'Refused.', error_action: null }),
    ).toEqual({ error: { code: 'RULE_X', message: 'Refused.', action: '' } });
  });
});
