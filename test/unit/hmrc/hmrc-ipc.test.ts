import { hmrcEnvironments } from '../../../src/main/environments/hmrc-environments';
import { afterEach, describe, expect, it } from 'vitest';
import type { HmrcAccount } from '../../../src/main/auth/hmrc-accounts';
import { createMainServices, type MainServices } from '../../../src/main/create-main-services';
import type { HmrcBusyInfo } from '../../../src/main/hmrc/hmrc-http-client';
import { fakeHmrcService } from '../../support/fakes/fake-hmrc-client';
import { busyMessage, registerHmrcIpc } from '../../../src/main/hmrc/register-hmrc-ipc';
import { createIpcRouter } from '../../../src/main/ipc/ipc-router';
import { createLogger, memorySink } from '../../../src/main/logging/logger';
import type { FraudHeadersView } from '@shared/ipc/channels/hmrc';
import { dispatchAs } from '../../support/dispatch-as';
import { fakeMainAdapters } from '../../support/fakes/main-adapters';

const account = (id: string, over: Partial<HmrcAccount> = {}): HmrcAccount => ({
  id,
  environment: 'practice',
  kind: 'individual',
  label: `Account ${id}`,
  linkedAt: '2026-11-01T10:00:00.000Z',
  grantExpiresAt: '2028-05-01T10:00:00.000Z',
  scopes: ['read:self-assessment', 'write:self-assessment'],
  status: 'linked',
  ...over,
});

let services: MainServices | undefined;
afterEach(async () => {
  await services?.dispose();
  services = undefined;
});

async function start(overrides: Parameters<typeof fakeMainAdapters>[0] = {}) {
  const fakes = fakeMainAdapters(overrides);
  services = await createMainServices(fakes.adapters);
  return { services, ...dispatchAs(services.ipc), logs: fakes.logs };
}

describe('hmrc.fraudHeaders', () => {
  it('shows all fourteen headers, and says no account is linked yet', async () => {
    const { call } = await start();
    const result = await call('hmrc.fraudHeaders', {});
    expect(result.ok).toBe(true);
    const view = (result as { value: FraudHeadersView }).value;
    expect(view).toMatchObject({ environment: 'practice', accounts: [], activeAccountId: null });
    expect(view.check.available).toBe(true);
    expect(view.headers).toHaveLength(14);
    const byName = Object.fromEntries(view.headers.map((h) => [h.name, h]));
    expect(byName['Gov-Client-User-IDs']).toMatchObject({ value: 'os=alice', state: 'sent' });
    expect(byName['Gov-Client-Screens']?.value).toBe(
      'width=1920&height=1080&scaling-factor=1&colour-depth=24',
    );
    expect(byName['Gov-Client-Local-IPs']?.value).toBe(
      '192.168.1.20,fe80%3A%3Aa683%3Ae7ff%3Afe12%3A3456',
    );
    expect(byName['Gov-Vendor-Version']?.value).toBe('Ledgerlink=0.0.0-test');
    expect(byName['Gov-Vendor-License-IDs']).toMatchObject({ value: '', state: 'sent-empty' });
  });

  it('keeps the same device id from one start to the next', async () => {
    const fakes = fakeMainAdapters();
    const first = await createMainServices(fakes.adapters);
    const id = (await first.hmrc.previewFraudHeaders()).values['Gov-Client-Device-ID'];
    await first.dispose();
    services = await createMainServices(fakes.adapters);
    expect((await services.hmrc.previewFraudHeaders()).values['Gov-Client-Device-ID']).toBe(id);
  });

  it('picks the most recently used account of the current environment, and lets you choose', async () => {
    const { services, ok } = await start();
    services.accounts.save(account('a', { linkedAt: '2026-11-20T10:00:00.000Z' }));
    services.accounts.save(account('b', { kind: 'agent', label: 'Agent' }));
    services.accounts.save(account('s', { environment: 'sandbox' }));
    let view = await ok('hmrc.fraudHeaders', {});
    expect(view.accounts.map((a) => a.id)).toEqual(['a', 'b']);
    expect(view.activeAccountId).toBe('a');

    // Using b (the call fails for want of a token, but b was used last).
    await expect(
      services.hmrc.forAccount('b').businessDetails.list('AA100001A'),
    ).rejects.toMatchObject({
      code: 'NOT_LINKED',
    });
    view = await ok('hmrc.fraudHeaders', {});
    expect(view.activeAccountId).toBe('b');
    expect(view.accounts[0]).toMatchObject({
      id: 'b',
      kind: 'agent',
      lastUsedAt: expect.any(String),
    });

    view = await ok('hmrc.fraudHeaders', { accountId: 'a' });
    expect(view.activeAccountId).toBe('a');
  });

  it('says the check is not available for live HMRC accounts', async () => {
    const { services, call, ok } = await start({
      hmrcEnvironments: hmrcEnvironments({
        production: {
          clientId: 'id',
          clientSecret: 'secret',
          redirectUris: ['http://localhost:8080/'],
        },
      }),
    });
    await call('settings.setEnvironment', { environment: 'production' });
    services.accounts.save(account('live', { environment: 'production' }));
    const view = await ok('hmrc.fraudHeaders', {});
    expect(view.check).toEqual({
      available: false,
      reason: expect.stringMatching(/only in its sandbox/),
    });
    const check = await call('hmrc.checkFraudHeaders', { accountId: 'live' });
    expect(check).toMatchObject({ ok: false, error: { code: 'FRAUD_CHECK_NOT_AVAILABLE' } });
  });
});

describe('hmrc.checkFraudHeaders', () => {
  it('answers an unknown or unusable account with a typed error, without any request', async () => {
    const { services, call, send } = await start();
    expect(await call('hmrc.checkFraudHeaders', { accountId: 'nobody' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_LINKED' },
    });
    services.accounts.save(account('no-tokens'));
    expect(await call('hmrc.checkFraudHeaders', { accountId: 'no-tokens' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_LINKED' },
    });
    services.accounts.save(account('sandbox-one', { environment: 'sandbox' }));
    expect(await call('hmrc.checkFraudHeaders', { accountId: 'sandbox-one' })).toMatchObject({
      ok: false,
      error: { code: 'ACCOUNT_IN_OTHER_ENVIRONMENT' },
    });
    expect(await send('hmrc.checkFraudHeaders', {})).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
  });
});

describe('hmrc.busy', () => {
  it('tells the window when HMRC is busy and when Ledgerlink will try again', () => {
    const router = createIpcRouter({
      logger: createLogger(memorySink()),
      trustedOrigins: () => [],
    });
    let fire: ((info: HmrcBusyInfo) => void) | undefined;
    const hmrc = fakeHmrcService({
      onBusy: (l) => {
        fire = l;
        return () => undefined;
      },
    });
    registerHmrcIpc(router, {
      hmrc,
      environments: { current: () => 'practice' },
      now: () => new Date(),
    });
    const emitted: unknown[] = [];
    router.onEmit((event, payload) => emitted.push({ event, payload }));
    const retryAt = new Date(2026, 10, 29, 14, 5, 7).toISOString();
    fire!({
      accountId: 'a',
      api: 'obligations',
      method: 'GET',
      reason: 'throttled',
      attempt: 2,
      maxAttempts: 4,
      retryAt,
      delayMs: 2000,
    });
    expect(emitted).toEqual([
      {
        event: 'hmrc.busy',
        payload: {
          accountId: 'a',
          reason: 'throttled',
          attempt: 2,
          maxAttempts: 4,
          retryAt,
          message: 'HMRC is busy. Ledgerlink will try again at 14:05:07 (retry 2 of 4).',
        },
      },
    ]);
    expect(
      busyMessage({
        accountId: 'a',
        api: 'obligations',
        method: 'PUT',
        reason: 'network',
        attempt: 1,
        maxAttempts: 4,
        retryAt,
        delayMs: 1,
      }),
    ).toMatch(/^Ledgerlink could not reach HMRC\. Ledgerlink will try again at 14:05:07/);
  });
});
