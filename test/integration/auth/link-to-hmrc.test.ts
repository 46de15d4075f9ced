import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GRANT_LENGTH_MS, SEEDED, type OffsetClock } from '../../../src/practice/server';
import type { FlowView } from '@shared/ipc/channels/auth';
import { unavailableKeychain } from '../../../src/main/vault/keychain';
import { walkPracticeJourney } from '../../support/practice-journey';
import {
  containsVerifierFor,
  filesUnder,
  fingerprint,
  startLinkHarness,
  type LinkHarness,
} from './link-harness';

type Transport = 'custom-scheme' | 'loopback' | 'manual';
const individual = SEEDED.individualA;
const agent = SEEDED.agent;
const HOUR = 3_600_000;

let h: LinkHarness | undefined;
/** Secrets seen in a test: none may appear in a log line, an IPC payload or the data folder. */
let secrets: string[] = [];
let challenges: string[] = [];

afterEach(async () => {
  if (!h) return;
  const logs = JSON.stringify(h.logs);
  const ipc = JSON.stringify(h.ipcTraffic);
  const files = filesUnder(h.dataDir);
  for (const s of secrets.filter(Boolean)) {
    expect(logs, 'a secret reached the log').not.toContain(s);
    expect(ipc, 'a secret crossed IPC').not.toContain(s);
    for (const f of files) expect(f.text, `a secret is in ${f.path}`).not.toContain(s);
  }
  for (const c of challenges) {
    expect(containsVerifierFor(c, logs), 'the PKCE verifier reached the log').toBe(false);
    expect(containsVerifierFor(c, ipc), 'the PKCE verifier crossed IPC').toBe(false);
  }
  await h.close();
  h = undefined;
  secrets = [];
  challenges = [];
});

/** Remembers the state and PKCE challenge of the authorize URL the app just opened. */
function openedAuthorize(harness: LinkHarness): string {
  const url = harness.lastOpened();
  const params = new URL(url).searchParams;
  secrets.push(params.get('state')!);
  challenges.push(params.get('code_challenge')!);
  return url;
}

async function start(
  harness: LinkHarness,
  request: { accountKind: 'individual' | 'agent'; transport?: Transport; sessionOnly?: boolean },
): Promise<{ flow: FlowView; authorizeUrl: string }> {
  const flow = await harness.ok('auth.startLink', request);
  return { flow, authorizeUrl: openedAuthorize(harness) };
}

/** Delivers Practice's redirect by the transport, as the OS, the browser or the person would. */
async function deliver(
  harness: LinkHarness,
  transport: Transport,
  flow: FlowView,
  journey: Awaited<ReturnType<typeof walkPracticeJourney>>,
) {
  if (journey.code) secrets.push(journey.code);
  if (transport === 'custom-scheme') {
    expect(harness.services.deepLinks.receive(journey.location!, 'open-url')).toBe(true);
  } else if (transport === 'loopback') {
    const res = await fetch(journey.location!);
    return { status: res.status, body: await res.text() };
  } else {
    await harness.ok('auth.submitCode', { flowId: flow.flowId, code: journey.title! });
  }
  return undefined;
}

async function link(
  harness: LinkHarness,
  transport: Transport,
  user: { userId: string; password: string },
  accountKind: 'individual' | 'agent',
) {
  const { flow, authorizeUrl } = await start(harness, { accountKind, transport });
  const journey = await walkPracticeJourney(authorizeUrl, user);
  const answer = await deliver(harness, transport, flow, journey);
  const done = (await harness.services.link.settled())!;
  const accountId = done.account?.id;
  if (accountId) {
    const stored = await harness.storedTokens(accountId);
    if (stored) secrets.push(stored.access, stored.refresh);
  }
  return { flow, done, journey, answer, accountId: accountId! };
}

async function listBusinesses(harness: LinkHarness, token: string, nino: string) {
  return fetch(`${harness.practice.baseUrl}/individuals/business/details/${nino}/list`, {
    headers: { accept: 'application/vnd.hmrc.2.0+json', authorization: `Bearer ${token}` },
  });
}

describe('linking to Practice HMRC over HTTP with the real keychain', () => {
  it.each([
    ['custom-scheme', 'individual'],
    ['loopback', 'agent'],
    ['manual', 'individual'],
    ['custom-scheme', 'agent'],
  ] as const)('links by %s (%s) and the token works at Practice HMRC', async (transport, kind) => {
    h = await startLinkHarness();
    const user = kind === 'agent' ? agent : individual;
    const { done, answer, accountId } = await link(h, transport, user, kind);

    expect(done.phase).toBe('linked');
    expect(done.transport.id).toBe(transport);
    expect(done.steps.every((s) => s.status === 'done')).toBe(true);
    expect(done.account).toMatchObject({ kind, environment: 'practice', status: 'linked' });
    // An agent is also granted the Agent Authorisation API's scopes (its OAS securitySchemes).
    expect(done.account!.scopes).toEqual([
      'read:self-assessment',
      'write:self-assessment',
      ...(kind === 'agent'
        ? [
            'read:sent-invitations',
            'write:sent-invitations',
            'write:cancel-invitations',
            'read:check-relationship',
            'write:relationships',
          ]
        : []),
    ]);
    if (transport === 'loopback') {
      expect(answer).toMatchObject({ status: 200 });
      expect(answer!.body).toContain('You can return to Ledgerlink');
    }
    expect(h.tokenRequests).toEqual([{ grantType: 'authorization_code' }]);

    const token = await h.services.tokens.accessToken(accountId);
    const nino = kind === 'agent' ? SEEDED.agentClients.mainSelfEmployed.nino : individual.nino;
    expect((await listBusinesses(h, token, nino)).status).toBe(200);

    // The token is in the vault, sealed: no file in the data folder holds it.
    const stored = await h.storedTokens(accountId);
    expect(stored?.access).toBe(token);
    const vaultFile = filesUnder(h.dataDir).find((f) => f.path.endsWith('token-vault.json'));
    expect(vaultFile?.text).toContain('"alg": "A256GCM"');
  });

  it('keeps the 256-bit master key in the OS keychain under app.ledgerlink.desktop', async () => {
    h = await startLinkHarness();
    await link(h, 'custom-scheme', individual, 'individual');
    const vaultFile = filesUnder(h.dataDir).find((f) => f.path.endsWith('token-vault.json'))!;
    const { keyId } = JSON.parse(vaultFile.text) as { keyId: string };
    const keytar = (await import('keytar')).default;
    const key = await keytar.getPassword('app.ledgerlink.desktop', `master-key/${keyId}`);
    expect(Buffer.from(key!, 'base64')).toHaveLength(32);
    expect(vaultFile.text).not.toContain(key!);
  });

  it('uses the next registered loopback port when the first is taken', async () => {
    h = await startLinkHarness();
    const { createServer } = await import('node:http');
    const squatter = createServer((_q, r) => r.end('not Ledgerlink'));
    await new Promise<void>((r) => squatter.listen(53682, '127.0.0.1', r));
    try {
      const { authorizeUrl } = await start(h, { accountKind: 'individual', transport: 'loopback' });
      expect(new URL(authorizeUrl).searchParams.get('redirect_uri')).toBe(
        'http://localhost:53683/oauth/callback',
      );
      const journey = await walkPracticeJourney(authorizeUrl, individual);
      secrets.push(journey.code!);
      expect((await fetch(journey.location!)).status).toBe(200);
      expect((await h.services.link.settled())?.phase).toBe('linked');
    } finally {
      await new Promise<void>((r) => squatter.close(() => r()));
    }
  });

  it('the loopback listener answers only a GET of its path, and stops after the callback', async () => {
    h = await startLinkHarness();
    const { authorizeUrl } = await start(h, { accountKind: 'individual', transport: 'loopback' });
    const base = new URL(new URL(authorizeUrl).searchParams.get('redirect_uri')!);
    expect((await fetch(base, { method: 'POST', body: 'code=x' })).status).toBe(405);
    expect((await fetch(new URL('/other', base))).status).toBe(404);
    expect((await fetch(`${base.href}?code=abc&state=wrong`)).status).toBe(400);
    expect(h.services.link.current()?.phase).toBe('waiting');

    const journey = await walkPracticeJourney(authorizeUrl, individual);
    secrets.push(journey.code!);
    expect((await fetch(journey.location!)).status).toBe(200);
    await h.services.link.settled();
    await expect(fetch(journey.location!)).rejects.toThrow();
  });

  it('cancelled in the app, then granted at HMRC anyway: the app says so, uses nothing and offers to link again', async () => {
    h = await startLinkHarness();
    const { flow, authorizeUrl } = await start(h, {
      accountKind: 'individual',
      transport: 'loopback',
    });
    expect((await h.ok('auth.cancelLink', { flowId: flow.flowId })).phase).toBe('cancelled');

    const journey = await walkPracticeJourney(authorizeUrl, individual);
    secrets.push(journey.code!);
    const answer = await fetch(journey.location!);
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain('Go back to Ledgerlink');

    const view = h.services.link.current()!;
    expect(view.phase).toBe('cancelled');
    expect(view.refusal).toMatchObject({
      code: 'GRANTED_AFTER_CANCEL',
      message: expect.stringContaining('nothing was linked'),
      action: expect.stringContaining('start again'),
    });
    // The code was never exchanged and nothing was stored.
    expect(h.tokenRequests).toEqual([]);
    expect(h.services.accounts.list()).toEqual([]);

    // Linking again works as normal.
    const again = await link(h, 'loopback', individual, 'individual');
    expect(again.done.phase).toBe('linked');
  });
});

describe('attacks on the callback are refused and store nothing', () => {
  const noAccountsAndNoTokens = async (harness: LinkHarness) => {
    expect(harness.services.accounts.list()).toEqual([]);
    const vault = filesUnder(harness.dataDir).find((f) => f.path.endsWith('token-vault.json'));
    expect(vault?.text ?? '').not.toContain('records');
    expect(harness.tokenRequests.filter((r) => r.grantType !== 'authorization_code')).toEqual([]);
  };
  const warned = (harness: LinkHarness, fragment: string) =>
    harness.logs.some((l) => l.level === 'warn' && l.message.includes(fragment));

  it('a callback with the wrong state changes nothing', async () => {
    h = await startLinkHarness();
    const { authorizeUrl } = await start(h, { accountKind: 'individual' });
    const journey = await walkPracticeJourney(authorizeUrl, individual);
    secrets.push(journey.code!);
    const forged = new URL(journey.location!);
    forged.searchParams.set('state', 'forged-state-from-an-attacker-page-0000000000');
    h.services.deepLinks.receive(forged.href, 'open-url');
    await h.services.link.settled();
    expect(h.services.link.current()?.phase).toBe('waiting');
    expect(warned(h, 'state does not match')).toBe(true);
    expect(h.tokenRequests).toEqual([]);
    await noAccountsAndNoTokens(h);
  });

  it('a replayed callback is refused; the code is exchanged once', async () => {
    h = await startLinkHarness();
    const { done, journey } = await link(h, 'custom-scheme', individual, 'individual');
    expect(done.phase).toBe('linked');
    h.services.deepLinks.receive(journey.location!, 'second-instance');
    await h.services.link.settled();
    expect(warned(h, 'already used (a replay)')).toBe(true);
    expect(h.tokenRequests).toEqual([{ grantType: 'authorization_code' }]);
    expect(h.services.accounts.list()).toHaveLength(1);
  });

  it('a callback with no linking in progress is dropped', async () => {
    h = await startLinkHarness();
    h.services.deepLinks.receive(
      'app.ledgerlink.desktop:/oauth/callback?code=0123456789abcdef&state=whatever',
      'open-url',
    );
    expect(warned(h, 'no linking is in progress')).toBe(true);
    await noAccountsAndNoTokens(h);
    expect(h.tokenRequests).toEqual([]);
  });

  it('a code swapped in from another linking attempt is refused by PKCE', async () => {
    h = await startLinkHarness();
    // Attempt A: the attacker completes it and keeps the code.
    const a = await start(h, { accountKind: 'individual' });
    const stolen = await walkPracticeJourney(a.authorizeUrl, individual);
    secrets.push(stolen.code!);
    // Attempt B: the victim's; the attacker injects code A with B's state.
    const b = await start(h, { accountKind: 'individual' });
    const stateB = new URL(b.authorizeUrl).searchParams.get('state')!;
    const swapped = new URL(stolen.location!);
    swapped.searchParams.set('state', stateB);
    h.services.deepLinks.receive(swapped.href, 'open-url');
    const done = await h.services.link.settled();
    expect(done?.phase).toBe('failed');
    expect(done?.error).toMatchObject({ step: 'token-issued', code: 'CODE_REFUSED' });
    // Attempt A's own callback is no longer accepted either.
    h.services.deepLinks.receive(stolen.location!, 'open-url');
    await h.services.link.settled();
    expect(h.tokenRequests).toEqual([{ grantType: 'authorization_code' }]);
    await noAccountsAndNoTokens(h);
  });

  it('a callback more than 10 minutes after linking started is refused', async () => {
    h = await startLinkHarness();
    const { authorizeUrl } = await start(h, { accountKind: 'agent' });
    const journey = await walkPracticeJourney(authorizeUrl, agent);
    secrets.push(journey.code!);
    h.advance(10 * 60 * 1000 + 1000);
    h.services.deepLinks.receive(journey.location!, 'open-url');
    const done = await h.services.link.settled();
    expect(done?.phase).toBe('failed');
    expect(done?.error?.code).toBe('LINK_TIMED_OUT');
    expect(warned(h, 'more than 10 minutes')).toBe(true);
    expect(h.tokenRequests).toEqual([]);
    await noAccountsAndNoTokens(h);
  });

  it('a callback by another transport than the one in use is dropped', async () => {
    h = await startLinkHarness();
    const { authorizeUrl, flow } = await start(h, {
      accountKind: 'individual',
      transport: 'manual',
    });
    const journey = await walkPracticeJourney(authorizeUrl, individual);
    secrets.push(journey.code!);
    const url = `app.ledgerlink.desktop:/oauth/callback?${journey.params.toString()}`;
    h.services.deepLinks.receive(url, 'open-url');
    expect(warned(h, 'different way')).toBe(true);
    expect(h.services.link.current()?.phase).toBe('waiting');
    // The person can still paste it.
    await h.ok('auth.submitCode', { flowId: flow.flowId, code: journey.code! });
    expect((await h.services.link.settled())?.phase).toBe('linked');
  });
});

describe('declining and refreshing', () => {
  it('declining at HMRC ends the flow as “You declined” with nothing stored', async () => {
    h = await startLinkHarness();
    const { authorizeUrl } = await start(h, { accountKind: 'individual' });
    const journey = await walkPracticeJourney(authorizeUrl, { ...individual, decision: 'decline' });
    expect(journey.error).toBe('access_denied');
    h.services.deepLinks.receive(journey.location!, 'open-url');
    const done = await h.services.link.settled();
    expect(done?.phase).toBe('failed');
    expect(done?.error).toMatchObject({ step: 'grant', code: 'DECLINED' });
    expect(done?.error?.message).toMatch(/chose not to give Ledgerlink authority/);
    expect(h.services.accounts.list()).toEqual([]);
    expect(h.tokenRequests).toEqual([]);
  });

  it('refreshes after the clock jumps 4 hours; the old token stops working', async () => {
    h = await startLinkHarness();
    const { accountId } = await link(h, 'custom-scheme', individual, 'individual');
    const before = await h.services.tokens.accessToken(accountId);
    h.advance(4 * HOUR);
    const after = await h.services.tokens.accessToken(accountId);
    secrets.push(after, (await h.storedTokens(accountId))!.refresh);
    expect(after).not.toBe(before);
    expect(h.tokenRequests.map((r) => r.grantType)).toEqual([
      'authorization_code',
      'refresh_token',
    ]);
    expect((await listBusinesses(h, after, individual.nino)).status).toBe(200);
    expect((await listBusinesses(h, before, individual.nino)).status).toBe(401);
    // The new refresh token was persisted (a fresh vault instance reads it from disk).
    expect((await h.storedTokens(accountId))?.access).toBe(after);
    expect(h.services.accounts.get(accountId)?.lastRefresh?.outcome).toBe('ok');
  });

  it('two concurrent calls with an expired token cause exactly one refresh', async () => {
    h = await startLinkHarness({ practiceOptions: { refreshProcessingMs: 150 } });
    const { accountId } = await link(h, 'loopback', agent, 'agent');
    h.advance(4 * HOUR);
    const [a, b] = await Promise.all([
      h.services.tokens.accessToken(accountId),
      h.services.tokens.accessToken(accountId),
    ]);
    secrets.push(a, (await h.storedTokens(accountId))!.refresh);
    expect(a).toBe(b);
    expect(h.tokenRequests.filter((r) => r.grantType === 'refresh_token')).toHaveLength(1);
  });

  it('two API calls rejected with 401 INVALID_CREDENTIALS refresh once and retry', async () => {
    h = await startLinkHarness({ practiceOptions: { refreshProcessingMs: 150 } });
    const { accountId } = await link(h, 'custom-scheme', individual, 'individual');
    const h2 = h;
    // Only HMRC's clock moves: the app still thinks its token is good, HMRC says it is not.
    (h.practice.clock as OffsetClock).advance(4 * HOUR + 60_000);
    const call = async () => {
      const token = await h2.services.tokens.accessToken(accountId);
      const first = await listBusinesses(h2, token, individual.nino);
      if (first.status !== 401) return first.status;
      expect(((await first.json()) as { code: string }).code).toBe('INVALID_CREDENTIALS');
      const renewed = await h2.services.tokens.refreshAfterRejection(accountId, token);
      return (await listBusinesses(h2, renewed, individual.nino)).status;
    };
    expect(await Promise.all([call(), call()])).toEqual([200, 200]);
    expect(h.tokenRequests.filter((r) => r.grantType === 'refresh_token')).toHaveLength(1);
    const stored = await h.storedTokens(accountId);
    secrets.push(stored!.access, stored!.refresh);
  });

  it('after 18 months HMRC answers invalid_grant: “Re-link needed”, everything else intact', async () => {
    h = await startLinkHarness();
    const { accountId } = await link(h, 'manual', individual, 'individual');
    const account = h.services.accounts.get(accountId)!;
    const tokensBefore = await h.storedTokens(accountId);
    // Records and profiles of later issues live in the data folder: nothing there may change.
    mkdirSync(join(h.dataDir, 'profiles'), { recursive: true });
    writeFileSync(join(h.dataDir, 'profiles', 'ledger.sqlite'), 'records that must survive');
    const before = fingerprint(h.dataDir, ['hmrc-accounts.json']);

    h.advance(GRANT_LENGTH_MS + 24 * HOUR);
    await expect(h.services.tokens.accessToken(accountId)).rejects.toMatchObject({
      code: 'RELINK_NEEDED',
    });
    const after = h.services.accounts.get(accountId)!;
    expect(after.status).toBe('relink-needed');
    expect(after.lastRefresh?.outcome).toBe('failed');
    expect({ ...after, status: account.status, lastRefresh: undefined }).toEqual({
      ...account,
      lastRefresh: undefined,
    });
    expect(fingerprint(h.dataDir, ['hmrc-accounts.json'])).toEqual(before);
    expect(await h.storedTokens(accountId)).toEqual(tokensBefore);
    // Further calls fail fast without asking HMRC again.
    const requests = h.tokenRequests.length;
    await expect(h.services.tokens.accessToken(accountId)).rejects.toMatchObject({
      code: 'RELINK_NEEDED',
    });
    expect(h.tokenRequests).toHaveLength(requests);
    const view = await h.ok('auth.accounts');
    expect(view.accounts[0]).toMatchObject({ id: accountId, status: 'relink-needed' });

    // Re-link keeps the account (and everything that refers to it).
    const relink = await h.ok('auth.startLink', {
      accountKind: 'individual',
      relinkAccountId: accountId,
    });
    const journey = await walkPracticeJourney(openedAuthorize(h), individual);
    h.services.deepLinks.receive(journey.location!, 'open-url');
    const done = await h.services.link.settled();
    expect(done?.flowId).toBe(relink.flowId);
    expect(done?.account).toMatchObject({ id: accountId, status: 'linked' });
    const renewed = await h.storedTokens(accountId);
    secrets.push(journey.code!, renewed!.access, renewed!.refresh);
    expect(h.services.accounts.list()).toHaveLength(1);
  });
});

describe('keychain, session-only and unlink', () => {
  it('without a keychain it says so, offers this session only, and writes no token anywhere', async () => {
    h = await startLinkHarness({ keychain: unavailableKeychain('no Secret Service') });
    const options = await h.ok('auth.linkOptions', {});
    expect(options.keychain).toMatchObject({ available: false });
    const refused = await h.call('auth.startLink', { accountKind: 'individual' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } });
    expect(h.opened).toEqual([]);

    const { flow, authorizeUrl } = await start(h, { accountKind: 'individual', sessionOnly: true });
    expect(flow.sessionOnly).toBe(true);
    const journey = await walkPracticeJourney(authorizeUrl, individual);
    secrets.push(journey.code!);
    h.services.deepLinks.receive(journey.location!, 'open-url');
    const done = await h.services.link.settled();
    expect(done?.account?.status).toBe('session-only');
    const token = await h.services.tokens.accessToken(done!.account!.id);
    secrets.push(token);
    expect((await listBusinesses(h, token, individual.nino)).status).toBe(200);
    // Session-only: nothing about the account or its tokens is on disk.
    const disk = filesUnder(h.dataDir)
      .map((f) => f.text)
      .join('\n');
    expect(disk).not.toContain(done!.account!.id);
  });

  it('unlink deletes the tokens and the account and says how to revoke at HMRC', async () => {
    h = await startLinkHarness();
    const { accountId } = await link(h, 'custom-scheme', agent, 'agent');
    const result = await h.ok('auth.unlink', { accountId });
    expect(result.revoke.instructions).toMatch(/nothing else to do/);
    expect(h.services.accounts.list()).toEqual([]);
    expect(await h.storedTokens(accountId)).toBeUndefined();
    await expect(h.services.tokens.accessToken(accountId)).rejects.toMatchObject({
      code: 'NOT_LINKED',
    });
  });
});
