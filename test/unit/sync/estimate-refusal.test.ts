import { describe, expect, it } from 'vitest';
import type { EstimateView } from '@shared/ipc/channels/sync';
import { explainRefusal } from '../../../src/main/sync/sync-estimate';
import type { Profile } from '../../../src/main/profiles/profile-record';

const refused: EstimateView = {
  profileId: '5f0c2f7e-2d0e-4a53-9a47-8d0f6f3f0a11',
  taxYear: '2026-27',
  status: 'failed',
  messages: [],
  error: {
    code: 'CLIENT_OR_AGENT_NOT_AUTHORISED',
    message: 'HMRC says you are not authorised for this client.',
    action: 'Ask the client to authorise you.',
  },
};

const client = (agentRole: Profile['agentRole']): Pick<Profile, 'kind' | 'name' | 'agentRole'> => ({
  kind: 'client',
  name: 'Chris Patel',
  agentRole,
});

describe('a main agent refused the estimate', () => {
  it('says the likely cause: the client authorised a supporting agent, not main', () => {
    const explained = explainRefusal(client('main'), refused);
    expect(explained.error?.code).toBe('CLIENT_OR_AGENT_NOT_AUTHORISED');
    expect(explained.error?.message).toMatch(/authorised you as a supporting agent/);
    expect(explained.error?.action).toMatch(/change the role on their profile/);
  });

  it('leaves other refusals and other people alone', () => {
    expect(explainRefusal(client('supporting'), refused)).toBe(refused);
    const other = { ...refused, error: { ...refused.error!, code: 'SERVER_ERROR' } };
    expect(explainRefusal(client('main'), other)).toBe(other);
  });
});
