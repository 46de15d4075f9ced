import { describe, expect, it } from 'vitest';
import { createMainServices } from '../../../src/main/create-main-services';
import { accountViewSchema, flowViewSchema } from '@shared/ipc/channels/auth';
import { dispatchAs } from '../../support/dispatch-as';
import { fakeMainAdapters } from '../../support/fakes/main-adapters';
import { fakeTokenEndpoint, practiceEndpoint } from './link-rig';

async function services() {
  const endpoint = fakeTokenEndpoint();
  const fakes = fakeMainAdapters({
    launchPractice: async () => practiceEndpoint(),
    oauthFetch: endpoint.fetch,
  });
  const s = await createMainServices(fakes.adapters);
  const traffic: unknown[] = [];
  s.ipc.onEmit((event, payload) => traffic.push({ event, payload }));
  const { call, ok } = dispatchAs(s.ipc, undefined, { onResult: (r) => traffic.push(r) });
  return { s, fakes, endpoint, traffic, call, ok };
}

describe('the auth IPC channels', () => {
  it('link by deep link, list, refresh and unlink: nothing secret ever crosses', async () => {
    const { s, fakes, endpoint, traffic, ok } = await services();
    const options = (await ok('auth.linkOptions', {})) as {
      practiceUsers: unknown[];
      defaultTransport: string;
    };
    expect(options.defaultTransport).toBe('custom-scheme');
    expect(options.practiceUsers).toHaveLength(1);

    const flow = await ok('auth.startLink', { accountKind: 'individual' });
    const url = fakes.opened.at(-1)!;
    const state = new URL(url).searchParams.get('state')!;
    const code = endpoint.codeFor(url);
    expect(
      s.deepLinks.receive(
        `app.ledgerlink.desktop:/oauth/callback?code=${code}&state=${state}`,
        'open-url',
      ),
    ).toBe(true);
    const done = (await s.link.settled())!;
    expect(done.flowId).toBe(flow.flowId);
    expect(done.phase).toBe('linked');
    expect(await ok('auth.currentFlow')).toMatchObject({ phase: 'linked' });

    const accounts = await ok('auth.accounts');
    expect(accounts.accounts).toHaveLength(1);
    const accountId = accounts.accounts[0]!.id;
    expect(accounts.accounts[0]!.features.every((f) => f.granted)).toBe(true);
    // The accounts list is re-described after a change and then announced: await that event.
    const announced = new Promise<void>((resolve) => {
      const stop = s.ipc.onEmit((event) => {
        if (event !== 'auth.accountsChanged') return;
        stop();
        resolve();
      });
    });
    const refreshed = await ok('auth.refreshNow', { accountId });
    expect(refreshed).toMatchObject({ id: accountId, lastRefresh: { outcome: 'ok' } });

    await announced;
    expect(traffic.some((t) => (t as { event?: string }).event === 'auth.accountsChanged')).toBe(
      true,
    );
    expect(traffic.some((t) => (t as { event?: string }).event === 'auth.progress')).toBe(true);

    const verifiers = endpoint.requests
      .map((r) => r.get('code_verifier'))
      .filter(Boolean) as string[];
    const text = JSON.stringify(traffic) + JSON.stringify(fakes.logs);
    for (const secret of [
      state,
      code,
      url,
      ...verifiers,
      'access-1-0123456789abcdef',
      'refresh-1-abcdef0123456789',
      'access-2-0123456789abcdef',
      'refresh-2-abcdef0123456789',
      'practice-secret-for-unit-tests',
    ]) {
      expect(text).not.toContain(secret);
    }

    const unlinked = await ok('auth.unlink', { accountId });
    expect(unlinked).toMatchObject({ accountId, revoke: { instructions: expect.any(String) } });
    expect(s.accounts.list()).toEqual([]);
    await expect(s.tokens.accessToken(accountId)).rejects.toMatchObject({ code: 'NOT_LINKED' });
    await s.dispose();
  });

  it('opens HMRC’s “Manage authorised applications” page through the opener', async () => {
    const { fakes, ok, s } = await services();
    expect(await ok('auth.openRevokePage', { environment: 'production' })).toEqual({
      opened: true,
    });
    expect(fakes.opened.at(-1)).toBe(
      'https://www.tax.service.gov.uk/applications-manage-authority/',
    );
    expect(await ok('auth.openRevokePage', { environment: 'practice' })).toEqual({ opened: false });
    await s.dispose();
  });

  it('answers unknown accounts and flows with typed errors', async () => {
    const { call, s } = await services();
    const accountId = '00000000-0000-4000-8000-000000000000';
    expect(await call('auth.refreshNow', { accountId })).toMatchObject({
      ok: false,
      error: { code: 'ACCOUNT_NOT_FOUND' },
    });
    expect(await call('auth.unlink', { accountId })).toMatchObject({
      ok: false,
      error: { code: 'ACCOUNT_NOT_FOUND' },
    });
    expect(await call('auth.cancelLink', { flowId: accountId })).toMatchObject({
      ok: false,
      error: { code: 'NO_SUCH_FLOW' },
    });
    expect(
      await call('auth.startLink', { accountKind: 'individual', relinkAccountId: accountId }),
    ).toMatchObject({
      ok: false,
      error: { code: 'ACCOUNT_NOT_FOUND' },
    });
    expect(
      await call('auth.startLink', { accountKind: 'individual', state: 'x' } as never),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    await s.dispose();
  });

  it('HMRC environments without the vendor’s credentials are refused plainly', async () => {
    const { call, s } = await services();
    expect(
      await call('auth.startLink', { accountKind: 'agent', environment: 'production' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'ENVIRONMENT_NOT_CONFIGURED' },
    });
    await s.dispose();
  });

  it('the response schemas have no room for a token', () => {
    const account = {
      id: '00000000-0000-4000-8000-000000000000',
      environment: 'practice',
      environmentLabel: 'Practice HMRC',
      kind: 'individual',
      label: 'Individual sign-in',
      linkedAt: '2026-11-29T10:00:00.000Z',
      grantExpiresAt: '2028-05-29T10:00:00.000Z',
      grantDaysLeft: 547,
      grantEndingSoon: false,
      scopes: ['read:self-assessment'],
      status: 'linked',
      accessTokenExpiresAt: '2026-11-29T14:00:00.000Z',
      features: [],
    };
    expect(accountViewSchema.safeParse(account).success).toBe(true);
    expect(accountViewSchema.safeParse({ ...account, accessToken: 'x' }).success).toBe(false);
    expect(
      accountViewSchema.safeParse({ ...account, scopes: ['0123456789abcdef0123456789abcdef'] })
        .success,
    ).toBe(false);
    expect(
      flowViewSchema.safeParse({
        flowId: account.id,
        environment: 'practice',
        environmentLabel: 'Practice HMRC',
        accountKind: 'individual',
        transport: { id: 'manual', label: 'x', description: 'y', available: true, viaRelay: false },
        alternatives: [],
        phase: 'waiting',
        steps: [],
        sessionOnly: false,
        startedAt: account.linkedAt,
        expiresAt: account.linkedAt,
        state: 'secret',
      }).success,
    ).toBe(false);
  });
});
