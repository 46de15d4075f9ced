import { describe, expect, it, vi } from 'vitest';
import {
  assertAllowed,
  guardedClient,
  restrictedActionOf,
} from '../../../src/main/profiles/profile-guard';
import type { Profile } from '../../../src/main/profiles/profile-record';
import { fakeHmrcAccountClient, noContentTransport } from '../../support/fakes/fake-hmrc-client';

const profile = (over: Partial<Profile> = {}): Profile => ({
  id: '00000000-0000-4000-8000-000000000001',
  environment: 'practice',
  kind: 'client',
  name: 'Ewan Ellis',
  nino: 'AH100005A',
  accountId: 'agent-1',
  agentRole: 'supporting',
  createdAt: '2026-11-29T00:00:00.000Z',
  updatedAt: '2026-11-29T00:00:00.000Z',
  authorisation: { status: 'authorised' },
  hmrc: {},
  ...over,
});

/** A client whose calls are recorded and answered as HMRC would answer a main agent. */
function recordingClient() {
  const sent: string[] = [];
  const answer = <T>(name: string, data: T) =>
    vi.fn(async () => (sent.push(name), { data, correlationId: 'c', status: 200 }));
  const client = fakeHmrcAccountClient({
    accountId: 'agent-1',
    environment: 'practice',
    kind: 'agent',
    transport: noContentTransport((request) => sent.push(request.template), {
      accountId: 'agent-1',
      environment: 'practice',
    }),
    businessDetails: { list: answer('list', { listOfBusinesses: [] }) },
    obligations: { incomeAndExpenditure: answer('obligations', { obligations: [] }) },
    calculations: { trigger: answer('trigger', { calculationId: 'c-1' }) },
  });
  return { client, sent };
}

describe('supporting agents in the main process (reference §2.10)', () => {
  it('classifies HMRC requests HMRC refuses supporting agents', () => {
    expect(
      restrictedActionOf({
        api: 'individual-calculations',
        template: '/individuals/calculations/{nino}/self-assessment/{taxYear}/trigger/in-year',
      }),
    ).toBe('calculations');
    expect(
      restrictedActionOf({
        api: 'individual-calculations',
        template:
          '/individuals/calculations/{nino}/self-assessment/{taxYear}/{calculationId}/final-declaration',
      }),
    ).toBe('final-declaration');
    expect(
      restrictedActionOf({
        api: 'business-details',
        template: '/individuals/business/details/{nino}/{businessId}/{taxYear}/accounting-type',
      }),
    ).toBe('accounting-type');
    expect(
      restrictedActionOf({
        api: 'business-details',
        template: '/individuals/business/details/{nino}/list',
      }),
    ).toBeUndefined();
    expect(
      restrictedActionOf({
        api: 'obligations',
        template: '/obligations/details/{nino}/crystallisation',
      }),
    ).toBeUndefined();
  });

  it('refuses a supporting agent’s calculations, final declaration and accounting type before anything is sent', async () => {
    const { client, sent } = recordingClient();
    const guarded = guardedClient(profile(), client);
    await expect(
      guarded.calculations.trigger('AH100005A', '2026-27', 'in-year'),
    ).rejects.toMatchObject({
      code: 'SUPPORTING_AGENT_NOT_ALLOWED',
      message: expect.stringContaining('Ewan Ellis’s supporting agent'),
    });
    await expect(
      guarded.calculations.submitFinalDeclaration('AH100005A', '2025-26', 'x', 'final-declaration'),
    ).rejects.toMatchObject({
      message: expect.stringContaining('final declaration'),
    });
    await expect(
      guarded.transport.send({
        api: 'business-details',
        method: 'PUT',
        template: '/individuals/business/details/{nino}/{businessId}/{taxYear}/accounting-type',
        path: '/x',
      }),
    ).rejects.toMatchObject({ code: 'SUPPORTING_AGENT_NOT_ALLOWED' });
    expect(sent).toEqual([]);

    // What HMRC allows a supporting agent still goes through.
    await guarded.businessDetails.list('AH100005A');
    await guarded.obligations.incomeAndExpenditure('AH100005A');
    await guarded.transport.send({
      api: 'self-employment-business',
      method: 'GET',
      template: '/individuals/business/self-employment/{nino}/{businessId}/cumulative/{taxYear}',
      path: '/y',
    });
    expect(sent).toEqual([
      'list',
      'obligations',
      '/individuals/business/self-employment/{nino}/{businessId}/cumulative/{taxYear}',
    ]);
    expect(() => assertAllowed(profile(), 'accounting-type')).toThrow(/supporting agent/);
  });

  it('leaves a main agent and a taxpayer’s own profile alone', async () => {
    const { client, sent } = recordingClient();
    expect(guardedClient(profile({ agentRole: 'main' }), client)).toBe(client);
    expect(guardedClient(profile({ kind: 'self', agentRole: undefined }), client)).toBe(client);
    await guardedClient(profile({ agentRole: 'main' }), client).calculations.trigger(
      'AH100005A',
      '2026-27',
      'in-year',
    );
    expect(sent).toEqual(['trigger']);
    expect(() => assertAllowed(profile({ agentRole: 'main' }), 'calculations')).not.toThrow();
  });
});
