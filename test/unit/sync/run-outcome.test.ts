import { describe, expect, it } from 'vitest';
import { outcomeText, runStateOf } from '../../../src/main/sync/run-outcome';
import { emptySyncResult, type ProfileSyncResult } from '../../../src/main/sync/profile-sync';

const result = (patch: Partial<ProfileSyncResult>): ProfileSyncResult => ({
  ...emptySyncResult(),
  total: 2,
  ...patch,
});

describe('how a profile’s part of a sync run ended', () => {
  it('names the most pressing state first', () => {
    expect(runStateOf(result({ needsRelink: 1, failed: 1, queued: 1 }))).toBe('needs-relink');
    expect(runStateOf(result({ failed: 1, cancelled: true }))).toBe('failed');
    expect(runStateOf(result({ stale: 1, queued: 1 }))).toBe('failed');
    expect(runStateOf(result({ cancelled: true, queued: 1 }))).toBe('cancelled');
    expect(runStateOf(result({ queued: 1, accepted: 1 }))).toBe('queued');
    expect(runStateOf(result({ total: 0 }))).toBe('nothing-to-send');
    expect(runStateOf(result({ accepted: 2 }))).toBe('done');
  });

  it('says it in one sentence', () => {
    expect(outcomeText(result({ total: 0 }))).toBe('There was nothing to send.');
    expect(outcomeText(result({ accepted: 1, queued: 1 }))).toBe(
      '1 of 2 updates accepted by HMRC; 1 queued to try again.',
    );
  });
});
