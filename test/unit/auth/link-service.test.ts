import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FLOW_LIFETIME_MS } from '../../../src/main/auth/link-flow';
import { unavailableKeychain } from '../../../src/main/vault/keychain';
import { linkRig, PRACTICE_BASE } from './link-rig';

const warned = (logs: { level: string; message: string }[], text: string) =>
  logs.some((l) => l.level === 'warn' && l.message.includes(text));

describe('starting a link', () => {
  it('opens HMRC’s authorize URL in the system browser with state, PKCE S256 and both scopes', async () => {
    const rig = linkRig();
    const view = await rig.link.start({ accountKind: 'individual' });
    expect(rig.opened).toHaveLength(1);
    const url = new URL(rig.lastOpened());
    expect(url.origin + url.pathname).toBe(`${PRACTICE_BASE}/oauth/authorize`);
    const p = url.searchParams;
    expect(p.get('response_type')).toBe('code');
    expect(p.get('client_id')).toBe('ledgerlink-practice');
    expect(p.get('scope')).toBe('read:self-assessment write:self-assessment');
    expect(p.get('redirect_uri')).toBe('app.ledgerlink.desktop:/oauth/callback');
    expect(p.get('code_challenge_method')).toBe('S256');
    // 32 random bytes, base64url: 256 bits of state; the challenge is a SHA-256.
    expect(p.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(p.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(p.has('client_secret')).toBe(false);
    expect(view.transport.id).toBe('custom-scheme');
    expect(view.steps.map((s) => s.status)).toEqual([
      'done',
      'done',
      'in-browser',
      'in-browser',
      'in-browser',
      'in-browser',
      'in-browser',
      'waiting',
      'waiting',
    ]);
  });

  it('draws a new state and verifier for every attempt', async () => {
    const rig = linkRig();
    await rig.link.start({ accountKind: 'individual' });
    const first = new URL(rig.lastOpened()).searchParams;
    await rig.link.start({ accountKind: 'individual' });
    const second = new URL(rig.lastOpened()).searchParams;
    expect(second.get('state')).not.toBe(first.get('state'));
    expect(second.get('code_challenge')).not.toBe(first.get('code_challenge'));
  });

  it('never lets the state, the verifier or the authorize URL into a view or a log line', async () => {
    const rig = linkRig();
    await rig.link.start({ accountKind: 'agent' });
    const url = rig.lastOpened();
    const state = new URL(url).searchParams.get('state')!;
    rig.link.receiveCallback(rig.redirectFor(url), 'custom-scheme');
    await rig.link.settled();
    const verifier = rig.endpoint.requests[0]!.get('code_verifier')!;
    const everything = JSON.stringify([rig.views, rig.logs, rig.link.current()]);
    for (const secret of [
      state,
      verifier,
      url,
      'access-1-0123456789abcdef',
      'refresh-1-abcdef0123456789',
    ]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('refuses a transport the OS cannot deliver and one the environment has not registered', async () => {
    const rig = linkRig({
      deepLinksAvailable: false,
      redirectUris: ['app.ledgerlink.desktop:/oauth/callback', 'urn:ietf:wg:oauth:2.0:oob'],
    });
    const options = await rig.link.options();
    expect(options.defaultTransport).toBe('manual');
    expect(options.transports.find((t) => t.id === 'custom-scheme')).toMatchObject({
      available: false,
    });
    await expect(
      rig.link.start({ accountKind: 'individual', transport: 'custom-scheme' }),
    ).rejects.toMatchObject({
      code: 'TRANSPORT_UNAVAILABLE',
    });
    await expect(
      rig.link.start({ accountKind: 'individual', transport: 'loopback' }),
    ).rejects.toMatchObject({
      code: 'TRANSPORT_UNAVAILABLE',
    });
    expect(rig.opened).toEqual([]);
  });

  it('listens on the first free registered loopback port', async () => {
    const rig = linkRig({ loopbackBusy: [53682] });
    await rig.link.start({ accountKind: 'individual', transport: 'loopback' });
    expect(new URL(rig.lastOpened()).searchParams.get('redirect_uri')).toBe(
      'http://localhost:53683/oauth/callback',
    );
    expect(rig.listeners.map((l) => l.port)).toEqual([53683]);
    expect(rig.listeners[0]!.path).toBe('/oauth/callback');
  });

  it('says plainly when every loopback port is taken', async () => {
    const rig = linkRig({ loopbackBusy: [53682, 53683] });
    await expect(
      rig.link.start({ accountKind: 'individual', transport: 'loopback' }),
    ).rejects.toMatchObject({
      code: 'LOOPBACK_UNAVAILABLE',
    });
  });

  it('fails at step 2, with Retry, when the browser cannot be opened', async () => {
    const rig = linkRig({ openFails: true });
    const view = await rig.link.start({ accountKind: 'individual' });
    expect(view).toMatchObject({
      phase: 'failed',
      error: { step: 'browser-opened', code: 'BROWSER_NOT_OPENED' },
    });
    expect(view.steps[1]!.status).toBe('failed');
    expect(rig.link.receiveCallback(new URLSearchParams({ code: 'c' }), 'custom-scheme')).toBe(
      'refused',
    );
  });

  it('“Open it again” opens the same authorize URL through the opener', async () => {
    const rig = linkRig();
    const view = await rig.link.start({ accountKind: 'individual' });
    await rig.link.reopenBrowser(view.flowId);
    expect(rig.opened).toHaveLength(2);
    expect(rig.opened[1]).toBe(rig.opened[0]);
  });
});

describe('receiving the callback', () => {
  it('exchanges the code with the verifier and client_secret_post, stores the tokens, links', async () => {
    const rig = linkRig();
    await rig.link.start({ accountKind: 'individual' });
    const url = rig.lastOpened();
    expect(rig.link.receiveCallback(rig.redirectFor(url), 'custom-scheme')).toBe('accepted');
    const done = await rig.link.settled();
    expect(done?.phase).toBe('linked');
    expect(done?.steps.every((s) => s.status === 'done')).toBe(true);

    const [request] = rig.endpoint.requests;
    expect(request!.get('grant_type')).toBe('authorization_code');
    expect(request!.get('client_id')).toBe('ledgerlink-practice');
    expect(request!.get('client_secret')).toBe('practice-secret-for-unit-tests');
    expect(request!.get('redirect_uri')).toBe('app.ledgerlink.desktop:/oauth/callback');
    const verifier = request!.get('code_verifier')!;
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(
      new URL(url).searchParams.get('code_challenge'),
    );

    const account = rig.accounts.list()[0]!;
    expect(account).toMatchObject({
      kind: 'individual',
      environment: 'practice',
      status: 'linked',
    });
    expect(done?.account?.id).toBe(account.id);
    expect(await rig.vault.load(account.id)).toMatchObject({
      kind: 'found',
      record: { access: 'access-1-0123456789abcdef', refresh: 'refresh-1-abcdef0123456789' },
    });
    // Every view the renderer saw moved forward through the steps.
    const phases = rig.views.map((v) => v.phase);
    expect(phases.slice(-3)).toEqual(['exchanging', 'storing', 'linked']);
  });

  it('drops a callback with the wrong state, says Ledgerlink refused it, and keeps waiting', async () => {
    const rig = linkRig();
    await rig.link.start({ accountKind: 'individual' });
    const good = rig.redirectFor(rig.lastOpened());
    const bad = new URLSearchParams(good);
    bad.set('state', 'x'.repeat(43));
    expect(rig.link.receiveCallback(bad, 'custom-scheme')).toBe('refused');
    expect(rig.endpoint.requests).toEqual([]);
    // The person is told it was Ledgerlink that refused it, and why; the flow goes on.
    const told = rig.views.at(-1)!;
    expect(told).toMatchObject({
      phase: 'waiting',
      refusal: { code: 'CALLBACK_NOT_FOR_THIS_LINK' },
    });
    expect(told.refusal!.message).toMatch(/^Ledgerlink refused an answer/);
    expect(told.refusal!.message).not.toMatch(/HMRC (did not|refused)/);
    expect(told.error).toBeUndefined();
    expect(warned(rig.logs, 'state does not match')).toBe(true);
    // The real one still works, and the notice goes away.
    expect(rig.link.receiveCallback(good, 'custom-scheme')).toBe('accepted');
    const done = await rig.link.settled();
    expect(done?.phase).toBe('linked');
    expect(done?.refusal).toBeUndefined();
  });

  it('says which way an answer came back wrong, and that it was not in HMRC’s form', async () => {
    const rig = linkRig();
    await rig.link.start({ accountKind: 'individual', transport: 'loopback' });
    const good = rig.redirectFor(rig.lastOpened());
    expect(rig.link.receiveCallback(good, 'custom-scheme')).toBe('refused');
    expect(rig.link.current()?.refusal?.code).toBe('CALLBACK_WRONG_WAY');
    const twice = new URLSearchParams(good);
    twice.append('code', 'again');
    expect(rig.listeners[0]!.onCallback(twice)).toBe('refused');
    expect(rig.link.current()).toMatchObject({
      phase: 'waiting',
      refusal: { code: 'CALLBACK_MALFORMED' },
    });
  });

  it('an answer whose issuer is not the environment’s ends the flow as refused by Ledgerlink, not HMRC', async () => {
    const rig = linkRig({ definition: { issuer: 'https://auth.example' } });
    await rig.link.start({ accountKind: 'individual' });
    const url = rig.lastOpened();
    const forged = rig.redirectFor(url, { iss: 'https://attacker.example' });
    expect(rig.link.receiveCallback(forged, 'custom-scheme')).toBe('accepted');
    const done = await rig.link.settled();
    expect(done).toMatchObject({
      phase: 'failed',
      error: { step: 'token-issued', code: 'CALLBACK_REFUSED' },
    });
    expect(done!.error!.message).toMatch(/^Ledgerlink refused the answer/);
    expect(done!.error!.message).not.toMatch(/HMRC did not accept/);
    expect(rig.endpoint.requests).toEqual([]);
    expect(rig.accounts.list()).toEqual([]);
  });

  it('drops a missing, repeated or empty state, and callbacks with no code or error', async () => {
    const rig = linkRig();
    await rig.link.start({ accountKind: 'individual' });
    const good = rig.redirectFor(rig.lastOpened());
    const state = good.get('state')!;
    const noState = new URLSearchParams({ code: good.get('code')! });
    const twoStates = new URLSearchParams(good);
    twoStates.append('state', state);
    const twoCodes = new URLSearchParams(good);
    twoCodes.append('code', 'other');
    for (const p of [noState, twoStates, twoCodes, new URLSearchParams({ state })]) {
      expect(rig.link.receiveCallback(p, 'custom-scheme')).toBe('refused');
    }
    expect(rig.endpoint.requests).toEqual([]);
    expect(rig.link.current()?.phase).toBe('waiting');
  });

  it('drops a replay of an accepted callback', async () => {
    const rig = linkRig();
    await rig.link.start({ accountKind: 'individual' });
    const params = rig.redirectFor(rig.lastOpened());
    expect(rig.link.receiveCallback(params, 'custom-scheme')).toBe('accepted');
    expect(rig.link.receiveCallback(params, 'custom-scheme')).toBe('refused');
    await rig.link.settled();
    expect(rig.link.receiveCallback(params, 'custom-scheme')).toBe('refused');
    expect(warned(rig.logs, 'already used (a replay)')).toBe(true);
    expect(rig.endpoint.requests).toHaveLength(1);
    expect(rig.accounts.list()).toHaveLength(1);
  });

  it('drops a callback when no link is in progress', () => {
    const rig = linkRig();
    expect(
      rig.link.receiveCallback(new URLSearchParams({ code: 'c', state: 's' }), 'custom-scheme'),
    ).toBe('refused');
    expect(warned(rig.logs, 'no linking is in progress')).toBe(true);
  });

  it('drops a callback that arrives by a transport the flow is not using', async () => {
    const rig = linkRig();
    await rig.link.start({ accountKind: 'individual', transport: 'loopback' });
    const params = rig.redirectFor(rig.lastOpened());
    expect(rig.link.receiveCallback(params, 'custom-scheme')).toBe('refused');
    expect(rig.listeners[0]!.onCallback(params)).toBe('accepted');
    expect((await rig.link.settled())?.phase).toBe('linked');
  });

  it('drops a callback after 10 minutes and ends the flow, storing nothing', async () => {
    const rig = linkRig();
    await rig.link.start({ accountKind: 'individual' });
    const params = rig.redirectFor(rig.lastOpened());
    rig.clock.advance(FLOW_LIFETIME_MS + 1);
    expect(rig.link.receiveCallback(params, 'custom-scheme')).toBe('refused');
    expect(rig.link.current()).toMatchObject({
      phase: 'failed',
      error: { code: 'LINK_TIMED_OUT' },
    });
    expect(rig.link.current()!.error!.message).toMatch(/Ledgerlink refused it/);
    expect(rig.endpoint.requests).toEqual([]);
    expect(rig.accounts.list()).toEqual([]);
  });

  it('a new attempt makes the previous attempt’s state worthless', async () => {
    const rig = linkRig();
    await rig.link.start({ accountKind: 'individual' });
    const old = rig.redirectFor(rig.lastOpened());
    await rig.link.start({ accountKind: 'individual' });
    expect(rig.link.receiveCallback(old, 'custom-scheme')).toBe('refused');
    expect(rig.link.current()?.phase).toBe('waiting');
  });

  it('a code from another attempt, with this attempt’s state, fails PKCE at the token endpoint', async () => {
    const rig = linkRig();
    await rig.link.start({ accountKind: 'individual' });
    const stolen = rig.redirectFor(rig.lastOpened());
    await rig.link.start({ accountKind: 'individual' });
    const state = new URL(rig.lastOpened()).searchParams.get('state')!;
    const swapped = new URLSearchParams({ code: stolen.get('code')!, state });
    expect(rig.link.receiveCallback(swapped, 'custom-scheme')).toBe('accepted');
    const done = await rig.link.settled();
    expect(done).toMatchObject({
      phase: 'failed',
      error: { step: 'token-issued', code: 'CODE_REFUSED' },
    });
    expect(rig.accounts.list()).toEqual([]);
    expect(rig.tokenStore.has('records')).toBe(false);
  });

  it('error=access_denied ends the flow as “You declined” at the grant step', async () => {
    const rig = linkRig();
    await rig.link.start({ accountKind: 'agent' });
    const state = new URL(rig.lastOpened()).searchParams.get('state')!;
    const declined = new URLSearchParams({
      error: 'access_denied',
      error_description: 'user denied the authorization',
      error_code: 'USER_DENIED_AUTHORIZATION',
      state,
    });
    expect(rig.link.receiveCallback(declined, 'custom-scheme')).toBe('accepted');
    const done = await rig.link.settled();
    expect(done).toMatchObject({ phase: 'failed', error: { step: 'grant', code: 'DECLINED' } });
    expect(done?.steps.find((s) => s.id === 'grant')?.status).toBe('failed');
    expect(done?.steps.find((s) => s.id === 'token-issued')?.status).toBe('waiting');
    expect(rig.endpoint.requests).toEqual([]);
  });

  it('says HMRC could not be reached when the token request fails on the network', async () => {
    const rig = linkRig();
    await rig.link.start({ accountKind: 'individual' });
    rig.endpoint.respondOnce('network-error');
    rig.link.receiveCallback(rig.redirectFor(rig.lastOpened()), 'custom-scheme');
    expect(await rig.link.settled()).toMatchObject({
      phase: 'failed',
      error: { step: 'token-issued', code: 'HMRC_UNREACHABLE' },
    });
  });
});

describe('the manual code', () => {
  it('accepts the code, or the whole “Success code=…&state=…” title, and links', async () => {
    const rig = linkRig();
    const view = await rig.link.start({ accountKind: 'individual', transport: 'manual' });
    const url = rig.lastOpened();
    expect(new URL(url).searchParams.get('redirect_uri')).toBe('urn:ietf:wg:oauth:2.0:oob');
    const code = rig.endpoint.codeFor(url);
    const state = new URL(url).searchParams.get('state')!;
    await rig.link.submitCode(view.flowId, `  Success code=${code}&state=${state} `);
    expect((await rig.link.settled())?.phase).toBe('linked');
    expect(rig.endpoint.requests[0]!.get('code')).toBe(code);
  });

  it('refuses text that is not a code, and a title from another attempt', async () => {
    const rig = linkRig();
    const view = await rig.link.start({ accountKind: 'individual', transport: 'manual' });
    await expect(rig.link.submitCode(view.flowId, 'not a code!')).rejects.toMatchObject({
      code: 'CODE_INVALID',
    });
    await expect(
      rig.link.submitCode(view.flowId, `Success code=${'a'.repeat(32)}&state=${'b'.repeat(43)}`),
    ).rejects.toMatchObject({ code: 'CODE_NOT_FOR_THIS_LINK' });
    await expect(
      rig.link.submitCode('00000000-0000-4000-8000-000000000000', 'a'.repeat(32)),
    ).rejects.toMatchObject({
      code: 'NO_SUCH_FLOW',
    });
    expect(rig.endpoint.requests).toEqual([]);
  });

  it('is only for flows that use it', async () => {
    const rig = linkRig();
    const view = await rig.link.start({ accountKind: 'individual' });
    await expect(rig.link.submitCode(view.flowId, 'a'.repeat(32))).rejects.toMatchObject({
      code: 'NOT_MANUAL',
    });
  });
});

describe('storage', () => {
  it('refuses to start without a keychain unless the person chooses this session only', async () => {
    const rig = linkRig({ keychain: unavailableKeychain() as never });
    expect((await rig.link.options()).keychain.available).toBe(false);
    await expect(rig.link.start({ accountKind: 'individual' })).rejects.toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
    });
    expect(rig.opened).toEqual([]);
    await rig.link.start({ accountKind: 'individual', sessionOnly: true });
    rig.link.receiveCallback(rig.redirectFor(rig.lastOpened()), 'custom-scheme');
    const done = await rig.link.settled();
    expect(done?.account?.status).toBe('session-only');
    expect(JSON.stringify(rig.tokenStore.get('records') ?? {})).toBe('{}');
  });

  it('when storing fails at the last step, holds the tokens in memory and asks', async () => {
    const rig = linkRig();
    await rig.link.start({ accountKind: 'individual' });
    rig.failRecordWrites();
    rig.link.receiveCallback(rig.redirectFor(rig.lastOpened()), 'custom-scheme');
    let view = await rig.link.settled();
    expect(view).toMatchObject({
      phase: 'storage-choice',
      error: { step: 'token-stored', code: 'KEYCHAIN_UNAVAILABLE' },
    });
    expect(rig.accounts.list()).toEqual([]);
    view = rig.link.keepForSession(view!.flowId);
    expect(view.account?.status).toBe('session-only');
    const [account] = rig.accounts.list();
    expect(account?.status).toBe('session-only');
    expect(await rig.vault.load(account!.id)).toMatchObject({ kind: 'found', sessionOnly: true });
  });

  it('cancelling the storage choice discards the held tokens', async () => {
    const rig = linkRig();
    await rig.link.start({ accountKind: 'individual' });
    rig.failRecordWrites();
    rig.link.receiveCallback(rig.redirectFor(rig.lastOpened()), 'custom-scheme');
    const view = (await rig.link.settled())!;
    rig.link.cancel(view.flowId);
    expect(() => rig.link.keepForSession(view.flowId)).toThrow();
    expect(rig.accounts.list()).toEqual([]);
  });

  it('cancel stops a waiting flow: its callback is then refused', async () => {
    const rig = linkRig();
    const view = await rig.link.start({ accountKind: 'individual' });
    const params = rig.redirectFor(rig.lastOpened());
    expect(rig.link.cancel(view.flowId).phase).toBe('cancelled');
    expect(rig.link.receiveCallback(params, 'custom-scheme')).toBe('refused');
    // The grant that came after the cancel is not used, but the person is told.
    expect(rig.link.current()).toMatchObject({
      phase: 'cancelled',
      refusal: { code: 'GRANTED_AFTER_CANCEL' },
    });
    expect(rig.accounts.list()).toEqual([]);
    // Cancelling a finished flow dismisses it.
    rig.link.cancel(view.flowId);
    expect(rig.link.current()).toBeNull();
  });

  it('re-link keeps the account id and replaces its tokens', async () => {
    const rig = linkRig();
    await rig.link.start({ accountKind: 'agent' });
    rig.link.receiveCallback(rig.redirectFor(rig.lastOpened()), 'custom-scheme');
    const first = (await rig.link.settled())!.account!;
    rig.accounts.update(first.id, { status: 'relink-needed' });
    await rig.link.start({ accountKind: 'individual', relinkAccountId: first.id });
    rig.link.receiveCallback(rig.redirectFor(rig.lastOpened()), 'custom-scheme');
    const again = (await rig.link.settled())!.account!;
    expect(again).toMatchObject({
      id: first.id,
      kind: 'agent',
      status: 'linked',
      label: first.label,
    });
    expect(rig.accounts.list()).toHaveLength(1);
    expect(await rig.vault.load(first.id)).toMatchObject({
      record: { access: 'access-2-0123456789abcdef' },
    });
  });
});
