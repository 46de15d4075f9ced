import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED } from '../../../src/practice/server';
import { startProfilesHarness, type ProfilesHarness } from '../profiles/profiles-harness';

/**
 * The agent's practice against Practice HMRC: the seeded agent (ARN XARN0000001) asks Fiona Fox,
 * who has not authorised them, for authority; Fiona answers on Practice's own page (driven here
 * over HTTP as her browser would); HMRC's relationship check then gives the role, which the
 * profile follows in one step; de-authorising ends access; a supporting request limits what
 * Ledgerlink offers. [agent-authorisation-api application.yaml; reference §2.10]
 */
const fiona = SEEDED.agentClients.notAuthorised;
const FIONA_POSTCODE = 'NE1 4ST';
const ARN = 'XARN0000001';

/** Fiona answers the request on the page her link opens (post/redirect/get, no scripts). */
async function answer(link: string, reply: 'accept' | 'decline'): Promise<string> {
  const form = new URLSearchParams({
    userId: fiona.userId,
    password: fiona.password,
    answer: reply,
  });
  const posted = await fetch(link, {
    method: 'POST',
    body: form.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    redirect: 'manual',
  });
  expect(posted.status).toBe(303);
  const page = await fetch(new URL(posted.headers.get('location') ?? '', link));
  return page.text();
}

describe('asking a client for authority and learning the role from HMRC', () => {
  let h: ProfilesHarness;
  let agentId: string;
  let fionaId: string;

  beforeAll(async () => {
    h = await startProfilesHarness();
    agentId = await h.link(SEEDED.agent, 'agent');
    const profile = await h.ok('profiles.create', {
      kind: 'client',
      name: 'Fiona Fox',
      nino: fiona.nino,
      accountId: agentId,
      // What the agent typed: only a hint until HMRC answers.
      agentRole: 'supporting',
    });
    fionaId = profile.id;
  });
  afterAll(async () => h?.close());

  it('asks for the Agent Reference Number, checked locally before it is kept', async () => {
    const before = await h.ok('agents.state', {});
    expect(before).toMatchObject({ accountId: agentId, arn: null, needsRelink: false });
    const bad = await h.fails('agents.setArn', { accountId: agentId, arn: 'ARN123' });
    expect(bad).toMatchObject({ code: 'INVALID_INPUT' });
    expect(bad.message).toContain('like XARN1234567');
    const after = await h.ok('agents.setArn', { accountId: agentId, arn: ' xarn 0000001 ' });
    expect(after.arn).toBe(ARN);
  });

  it('lists the requests HMRC holds and cancels a waiting one', async () => {
    const listed = await h.ok('agents.refreshInvitations', { accountId: agentId });
    const seeded = listed.invitations.find((i) => i.status === 'Pending');
    expect(seeded).toMatchObject({ role: 'main', statusLabel: 'Waiting for the client' });
    expect(seeded?.clientLink).toMatch(/\/agent-client\/invitations\/[A-Z0-9]{13}$/);
    const cancelled = await h.ok('agents.cancelInvitation', {
      accountId: agentId,
      invitationId: seeded!.invitationId,
    });
    expect(
      cancelled.invitations.find((i) => i.invitationId === seeded!.invitationId),
    ).toMatchObject({ status: 'Cancelled', statusLabel: 'Cancelled' });
    expect(
      cancelled.invitations.find((i) => i.invitationId === seeded!.invitationId)?.clientLink,
    ).toBeUndefined();
    // Cancelling again is refused by HMRC, in plain words.
    const again = await h.fails('agents.cancelInvitation', {
      accountId: agentId,
      invitationId: seeded!.invitationId,
    });
    expect(again).toMatchObject({ code: 'INVALID_INVITATION_STATUS' });
  });

  it('refuses a postcode in the wrong form before sending, and says when HMRC’s postcode differs', async () => {
    const sent = h.apiRequests().length;
    const badForm = await h.fails('agents.invite', {
      accountId: agentId,
      clientName: 'Fiona Fox',
      nino: fiona.nino,
      postcode: 'NE14',
      role: 'main',
    });
    expect(badForm).toMatchObject({ code: 'INVALID_INPUT' });
    expect(badForm.message).toContain('SW1A 2AA');
    const badNino = await h.fails('agents.invite', {
      accountId: agentId,
      clientName: 'Fiona Fox',
      nino: 'AB123456X',
      postcode: FIONA_POSTCODE,
      role: 'main',
    });
    expect(badNino.message).toContain('A, B, C or D');
    expect(h.apiRequests()).toHaveLength(sent);

    const wrong = await h.fails('agents.invite', {
      accountId: agentId,
      clientName: 'Fiona Fox',
      nino: fiona.nino,
      postcode: 'SW1A 2AA',
      role: 'main',
    });
    expect(wrong).toMatchObject({ code: 'POSTCODE_DOES_NOT_MATCH' });
    expect(wrong.message).toContain('does not match the one HMRC holds');
  });

  it('invites Fiona as main agent; she accepts on HMRC’s page; HMRC confirms main; the mismatch is resolved in one step; sync works', async () => {
    const before = await h.ok('agents.checkRelationship', {
      profileId: fionaId,
      postcode: 'ne1 4st',
    });
    expect(before.clients.find((c) => c.profileId === fionaId)).toMatchObject({
      hmrcRole: 'none',
      status: 'not-authorised',
      postcode: FIONA_POSTCODE,
    });

    const { invitation, state } = await h.ok('agents.invite', {
      accountId: agentId,
      clientName: 'Fiona Fox',
      nino: 'aj 10 00 06 b',
      postcode: FIONA_POSTCODE,
      role: 'main',
    });
    expect(invitation).toMatchObject({
      status: 'Pending',
      role: 'main',
      client: { name: 'Fiona Fox', nino: fiona.nino, postcode: FIONA_POSTCODE, profileId: fionaId },
    });
    expect(invitation.clientLink).toContain(`/agent-client/invitations/${invitation.invitationId}`);
    expect(state.clients.find((c) => c.profileId === fionaId)).toMatchObject({
      pendingInvitationId: invitation.invitationId,
      message: expect.stringContaining('waiting for their answer'),
    });
    // The create went out as 1.0 with the spec's ITSA body.
    const create = h
      .apiRequests()
      .find((e) => e.method === 'POST' && e.url.endsWith('/invitations'));
    expect(create?.headers.accept).toBe('application/vnd.hmrc.1.0+json');

    const page = await answer(invitation.clientLink!, 'accept');
    expect(page).toContain('You have accepted');

    const listed = await h.ok('agents.refreshInvitations', { accountId: agentId });
    expect(
      listed.invitations.find((i) => i.invitationId === invitation.invitationId),
    ).toMatchObject({
      status: 'Accepted',
    });

    const checked = await h.ok('agents.checkRelationship', { profileId: fionaId });
    expect(checked.clients.find((c) => c.profileId === fionaId)).toMatchObject({
      typedRole: 'supporting',
      hmrcRole: 'main',
      status: 'mismatch',
    });
    const resolved = await h.ok('agents.useHmrcRole', { profileId: fionaId });
    expect(resolved.clients.find((c) => c.profileId === fionaId)).toMatchObject({
      typedRole: 'main',
      status: 'confirmed',
    });
    expect((await h.ok('profiles.get', { profileId: fionaId })).agentRole).toBe('main');

    const authorised = await h.ok('profiles.checkAuthorisation', { profileId: fionaId });
    expect(authorised.authorisation.status).toBe('authorised');
    const snapshot = await h.ok('profiles.refresh', { profileId: fionaId });
    expect(snapshot.businesses.length).toBeGreaterThan(0);
  });

  it('de-authorising ends access (sent as Agent Authorisation 2.0)', async () => {
    const ended = await h.ok('agents.deauthorise', { profileId: fionaId, confirm: true });
    expect(ended.clients.find((c) => c.profileId === fionaId)).toMatchObject({
      hmrcRole: 'none',
      status: 'not-authorised',
    });
    const put = h.apiRequests().find((e) => e.url.endsWith('/deauthorise-client'));
    expect(put?.headers.accept).toBe('application/vnd.hmrc.2.0+json');
    const refused = await h.ok('profiles.checkAuthorisation', { profileId: fionaId });
    expect(refused.authorisation).toMatchObject({
      status: 'not-authorised',
      code: 'CLIENT_OR_AGENT_NOT_AUTHORISED',
    });
    const checked = await h.ok('agents.checkRelationship', { profileId: fionaId });
    expect(checked.clients.find((c) => c.profileId === fionaId)?.hmrcRole).toBe('none');
  });

  it('a supporting request, once accepted, makes Ledgerlink offer only what HMRC allows a supporting agent', async () => {
    const { invitation } = await h.ok('agents.invite', {
      accountId: agentId,
      clientName: 'Fiona Fox',
      nino: fiona.nino,
      postcode: FIONA_POSTCODE,
      role: 'supporting',
      profileId: fionaId,
    });
    expect(invitation.role).toBe('supporting');
    await answer(invitation.clientLink!, 'accept');
    const checked = await h.ok('agents.checkRelationship', { profileId: fionaId });
    expect(checked.clients.find((c) => c.profileId === fionaId)).toMatchObject({
      typedRole: 'main',
      hmrcRole: 'supporting',
      status: 'mismatch',
    });
    const resolved = await h.ok('agents.useHmrcRole', { profileId: fionaId });
    expect(resolved.clients.find((c) => c.profileId === fionaId)?.message).toContain(
      'does not let you see calculations',
    );
    // The supporting-agent limits now apply before anything reaches HMRC.
    const { client } = h.services.profiles.hmrcFor(fionaId);
    const sent = h.apiRequests().length;
    await expect(
      client.calculations.trigger(fiona.nino, '2026-27', 'in-year'),
    ).rejects.toMatchObject({
      code: 'SUPPORTING_AGENT_NOT_ALLOWED',
    });
    expect(h.apiRequests()).toHaveLength(sent);
    // In-year work stays allowed.
    const snapshot = await h.ok('profiles.refresh', { profileId: fionaId });
    expect(snapshot.businesses.length).toBeGreaterThan(0);
  });
});
