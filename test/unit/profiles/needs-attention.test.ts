import { describe, expect, it } from 'vitest';
import { needsAttention } from '../../../src/main/profiles/needs-attention';

const linked = { id: 'agent-1', label: 'Agent', kind: 'agent', status: 'linked' } as const;

describe('needs attention', () => {
  it('says nothing for a client whose updates are in hand', () => {
    expect(needsAttention({ accountId: 'agent-1', hmrc: {} }, linked, 'up-to-date')).toEqual([]);
    expect(
      needsAttention(
        { accountId: 'agent-1', hmrc: { sync: { refused: 0, needsRelink: 0 } } },
        linked,
        'due-soon',
      ),
    ).toEqual([]);
  });

  it('names every reason in a few words, the account first and stuck updates counted', () => {
    expect(
      needsAttention(
        { accountId: 'agent-1', hmrc: { sync: { refused: 2, needsRelink: 1 } } },
        { ...linked, status: 'relink-needed' },
        'overdue',
      ),
    ).toEqual([
      'Link to HMRC again',
      'Overdue update',
      '2 updates refused by HMRC',
      '1 update waiting for a re-link',
    ]);
    expect(needsAttention({ accountId: null, hmrc: {} }, null, 'not-checked')).toEqual([
      'No HMRC account chosen',
    ]);
    expect(needsAttention({ accountId: 'agent-1', hmrc: {} }, linked, 'not-authorised')).toEqual([
      'Client has not authorised you',
    ]);
    expect(needsAttention({ accountId: 'agent-1', hmrc: {} }, linked, 'not-checked')).toEqual([
      'Deadlines not read from HMRC',
    ]);
  });

  it('names a role HMRC gave differently from the one typed, and nothing when they agree', () => {
    const typedMain = { accountId: 'agent-1', hmrc: {}, agentRole: 'main' } as const;
    expect(needsAttention(typedMain, linked, 'up-to-date', 'supporting')).toEqual([
      'HMRC says you are the supporting agent, not the main agent',
    ]);
    expect(
      needsAttention({ ...typedMain, agentRole: 'supporting' }, linked, 'overdue', 'main'),
    ).toEqual(['HMRC says you are the main agent, not the supporting agent', 'Overdue update']);
    expect(needsAttention(typedMain, linked, 'up-to-date', 'main')).toEqual([]);
    // No authority at all is the status's own reason; not checked yet is no reason.
    expect(needsAttention(typedMain, linked, 'up-to-date', 'none')).toEqual([]);
    expect(needsAttention(typedMain, linked, 'up-to-date', undefined)).toEqual([]);
  });
});
