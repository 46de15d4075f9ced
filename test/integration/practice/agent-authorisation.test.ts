import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, codeOf } from './helpers/contract-client';
import { REFERENCE_NOW, SEEDED, type Session, startSession } from './helpers/practice-session';

/**
 * Agent Authorisation over HTTP on Practice HMRC: an agent invites a client as main or supporting
 * agent, the client answers on Practice's page, the relationship check follows, the ITSA APIs
 * allow what the relationship allows, and de-authorising (2.0) ends it. Every answer is checked
 * against the spec's schemas by the client. [agent-authorisation-api application.yaml]
 */
const AGENT_SCOPES =
  'read:self-assessment write:self-assessment read:sent-invitations write:sent-invitations ' +
  'write:cancel-invitations read:check-relationship write:relationships';
const ARN = 'XARN0000001';
const C = SEEDED.agentClients;
const FIONA_POSTCODE = 'NE1 4ST';
const CARYS_POSTCODE = 'CF10 1AA';
const CALCULATION_MS = 50;
let s: Session;
let agent: ApiClient;

const invitation = (nino: string, postcode: string, agentType?: string) => ({
  service: 'MTD-IT',
  clientType: 'personal',
  clientIdType: 'ni',
  clientId: nino,
  knownFact: postcode,
  ...(agentType ? { agentType } : {}),
});
const check = (nino: string, postcode: string, agentType?: string) => ({
  service: 'MTD-IT',
  clientIdType: 'ni',
  clientId: nino,
  knownFact: postcode,
  ...(agentType ? { agentType } : {}),
});

beforeAll(async () => {
  s = await startSession({ at: REFERENCE_NOW, calculationDelayMs: CALCULATION_MS, standing: true });
  agent = await s.as(SEEDED.agent, AGENT_SCOPES);
});
afterAll(async () => {
  await s.practice.stop();
});

/** The client answers on Practice's page (a form post, as a browser sends it). */
async function answer(link: string, user: { userId: string; password: string }, reply: string) {
  const res = await fetch(link, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      userId: user.userId,
      password: user.password,
      answer: reply,
    }).toString(),
    redirect: 'manual',
  });
  return res;
}

describe('the seeded agent', () => {
  it('has a pending main-agent request to Fiona, with a link for her', async () => {
    const list = await agent.get(`/agents/${ARN}/invitations`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      expect.objectContaining({
        arn: ARN,
        service: 'MTD-IT',
        status: 'Pending',
        agentType: 'main',
        clientActionUrl: expect.stringMatching(
          /\/agent-client\/invitations\/A[A-Z0-9]{12}$/,
        ) as unknown,
      }),
    ]);
  });
});

describe('invite, accept, check, sync, de-authorise', () => {
  let link: string;
  let self: string;

  it('a duplicate request is refused with the pending one’s location; cancelling it ends it', async () => {
    const dup = await agent.post(
      `/agents/${ARN}/invitations`,
      invitation(C.notAuthorised.nino, FIONA_POSTCODE),
    );
    expect(dup.status).toBe(403);
    expect(codeOf(dup.body)).toBe('DUPLICATE_AUTHORISATION_REQUEST');
    const location = dup.headers.get('location') as string;
    expect(location).toMatch(new RegExp(`^/agents/${ARN}/invitations/A[A-Z0-9]{12}$`));
    expect((await agent.delete(location)).status).toBe(204);
    expect((await agent.get(location)).body).toMatchObject({ status: 'Cancelled' });
    expect(codeOf((await agent.delete(location)).body)).toBe('INVALID_INVITATION_STATUS');
  });

  it('a new request for Fiona as main agent: 204 with its Location, Pending, expiring in 21 days', async () => {
    const res = await agent.post(
      `/agents/${ARN}/invitations`,
      invitation(C.notAuthorised.nino, FIONA_POSTCODE, 'main'),
    );
    expect(res.status).toBe(204);
    self = res.headers.get('location') as string;
    const got = await agent.get(self);
    expect(got.body).toMatchObject({
      status: 'Pending',
      expiresOn: '2026-12-20',
      agentType: 'main',
    });
    link = (got.body as { clientActionUrl: string }).clientActionUrl;
    expect(link.startsWith(s.practice.baseUrl)).toBe(true);
  });

  it('before she answers, the relationship check says not authorised and her data is refused', async () => {
    const res = await agent.post(
      `/agents/${ARN}/relationships`,
      check(C.notAuthorised.nino, FIONA_POSTCODE),
    );
    expect(res).toMatchObject({ status: 404, body: { code: 'RELATIONSHIP_NOT_FOUND' } });
  });

  it('her page names the agent and the role; signed in as someone else she cannot answer', async () => {
    const page = await fetch(link);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('wants to act for you');
    expect(html).toContain('main agent');
    expect(html).toMatch(/<label for="user-id">User ID<\/label>/);
    const wrong = await answer(link, C.mainSelfEmployed, 'accept');
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('This request was sent to someone else');
  });

  it('she accepts: the request is Accepted, the check says main, and the agent can calculate for her', async () => {
    const res = await answer(link, C.notAuthorised, 'accept');
    expect(res.status).toBe(303);
    expect(await (await fetch(link)).text()).toContain('You have accepted');
    expect((await agent.get(self)).body).toMatchObject({ status: 'Accepted' });
    expect(
      (
        await agent.post(
          `/agents/${ARN}/relationships`,
          check(C.notAuthorised.nino, FIONA_POSTCODE),
        )
      ).status,
    ).toBe(204);
    expect(
      (
        await agent.post(
          `/agents/${ARN}/relationships`,
          check(C.notAuthorised.nino, FIONA_POSTCODE, 'supporting'),
        )
      ).status,
    ).toBe(404);
    const obligations = await agent.get(
      `/obligations/details/${C.notAuthorised.nino}/income-and-expenditure`,
    );
    expect(obligations.status).toBe(200);
  });

  it('asking again is ALREADY_AUTHORISED', async () => {
    const res = await agent.post(
      `/agents/${ARN}/invitations`,
      invitation(C.notAuthorised.nino, FIONA_POSTCODE, 'main'),
    );
    expect(res).toMatchObject({ status: 403, body: { code: 'ALREADY_AUTHORISED' } });
  });

  it('de-authorising (2.0) ends the relationship: the ITSA APIs refuse the agent again', async () => {
    const body = {
      service: 'MTD-IT',
      clientType: 'personal',
      clientIdType: 'ni',
      clientId: C.notAuthorised.nino,
      agentType: 'main',
    };
    // Not in 1.0. [SOURCES.md agent-authorisation-api]
    expect((await agent.put(`/agents/${ARN}/deauthorise-client`, body)).status).toBe(404);
    const v2 = { accept: 'application/vnd.hmrc.2.0+json' };
    expect((await agent.put(`/agents/${ARN}/deauthorise-client`, body, v2)).status).toBe(204);
    expect((await agent.get(self)).body).toMatchObject({ status: 'Deauthorised' });
    expect(codeOf((await agent.put(`/agents/${ARN}/deauthorise-client`, body, v2)).body)).toBe(
      'NO_RELATIONSHIP',
    );
    const refused = await agent.get(
      `/obligations/details/${C.notAuthorised.nino}/income-and-expenditure`,
    );
    expect(refused.status).toBe(403);
  });
});

describe('a supporting agent is limited as HMRC’s ITSA APIs say', () => {
  it('a client who accepts a supporting request: the check says supporting; calculations are refused', async () => {
    // Carys has the seeded agent as main agent; a second agent asks to support her.
    const other = s.practice.createAgent({ name: 'Second Practice Agent' });
    const second = await s.as({ userId: other.userId, password: other.password }, AGENT_SCOPES);
    const arn = other.arn as string;
    const res = await second.post(
      `/agents/${arn}/invitations`,
      invitation(C.mainSelfEmployed.nino, CARYS_POSTCODE, 'supporting'),
    );
    expect(res.status).toBe(204);
    const got = await second.get(res.headers.get('location') as string);
    const link = (got.body as { clientActionUrl: string }).clientActionUrl;
    expect((await answer(link, C.mainSelfEmployed, 'accept')).status).toBe(303);
    expect(
      (
        await second.post(
          `/agents/${arn}/relationships`,
          check(C.mainSelfEmployed.nino, CARYS_POSTCODE, 'supporting'),
        )
      ).status,
    ).toBe(204);
    const calc = await second.post(
      `/individuals/calculations/${C.mainSelfEmployed.nino}/self-assessment/2026-27/trigger/in-year`,
    );
    expect(calc).toMatchObject({ status: 403, body: { code: 'CLIENT_OR_AGENT_NOT_AUTHORISED' } });
    // The main agent keeps the main relationship.
    expect(
      (
        await agent.post(
          `/agents/${ARN}/relationships`,
          check(C.mainSelfEmployed.nino, CARYS_POSTCODE),
        )
      ).status,
    ).toBe(204);
  });

  it('a declined request leaves no relationship', async () => {
    const res = await agent.post(
      `/agents/${ARN}/invitations`,
      invitation(C.supporting.nino, 'EH1 1YZ', 'main'),
    );
    expect(res.status).toBe(204);
    const got = await agent.get(res.headers.get('location') as string);
    const link = (got.body as { clientActionUrl: string }).clientActionUrl;
    expect((await answer(link, C.supporting, 'decline')).status).toBe(303);
    expect((await agent.get(res.headers.get('location') as string)).body).toMatchObject({
      status: 'Rejected',
    });
    // Ewan still has the agent as supporting agent only.
    expect(
      (await agent.post(`/agents/${ARN}/relationships`, check(C.supporting.nino, 'EH1 1YZ')))
        .status,
    ).toBe(404);
  });

  it('a request not answered in 21 days is Expired and cannot be accepted', async () => {
    const person = s.practice.createIndividual({});
    const nino = person.nino as string;
    // Practice users created without a postcode have none on record: every postcode mismatches.
    expect(
      codeOf((await agent.post(`/agents/${ARN}/invitations`, invitation(nino, 'AA1 1AA'))).body),
    ).toBe('POSTCODE_DOES_NOT_MATCH');
    const res = await agent.post(
      `/agents/${ARN}/invitations`,
      invitation(C.mainLandlord.nino, 'M1 1AE', 'supporting'),
    );
    expect(res.status).toBe(204);
    const location = res.headers.get('location') as string;
    const link = ((await agent.get(location)).body as { clientActionUrl: string }).clientActionUrl;
    s.clock.advance(22 * 24 * 60 * 60_000);
    try {
      const late = await s.as(SEEDED.agent, AGENT_SCOPES);
      expect((await late.get(location)).body).toMatchObject({ status: 'Expired' });
      expect((await answer(link, C.mainLandlord, 'accept')).status).toBe(409);
    } finally {
      s.clock.advance(-22 * 24 * 60 * 60_000);
    }
  });
});

/**
 * The spec's error answers, one row each, in the order its error lists give them.
 * [AA application.yaml components.responses badRequestCreateInvitation, forbiddenCreateInvitation,
 * badRequestGetRelationshipStatus, forbiddenGetInvitations, notFoundInvitation]
 */
describe('validation: the spec’s error codes', () => {
  const ok = () => invitation(C.notAuthorised.nino, FIONA_POSTCODE, 'supporting');
  const cases: { name: string; path: string; body: unknown; status: number; code: string }[] = [
    {
      name: 'not an object',
      path: `/agents/${ARN}/invitations`,
      body: ['x'],
      status: 400,
      code: 'BAD_REQUEST',
    },
    {
      name: 'service missing',
      path: `/agents/${ARN}/invitations`,
      body: { ...ok(), service: undefined },
      status: 400,
      code: 'BAD_REQUEST',
    },
    {
      name: 'service VAT',
      path: `/agents/${ARN}/invitations`,
      body: { ...ok(), service: 'MTD-VAT' },
      status: 400,
      code: 'SERVICE_NOT_SUPPORTED',
    },
    {
      name: 'client type business',
      path: `/agents/${ARN}/invitations`,
      body: { ...ok(), clientType: 'business' },
      status: 400,
      code: 'CLIENT_TYPE_NOT_SUPPORTED',
    },
    {
      name: 'client id type vrn',
      path: `/agents/${ARN}/invitations`,
      body: { ...ok(), clientIdType: 'vrn' },
      status: 400,
      code: 'CLIENT_ID_DOES_NOT_MATCH_SERVICE',
    },
    {
      name: 'NINO format',
      path: `/agents/${ARN}/invitations`,
      body: { ...ok(), clientId: 'AA12345' },
      status: 400,
      code: 'CLIENT_ID_FORMAT_INVALID',
    },
    {
      name: 'postcode format',
      path: `/agents/${ARN}/invitations`,
      body: { ...ok(), knownFact: 'NOT A POSTCODE' },
      status: 400,
      code: 'POSTCODE_FORMAT_INVALID',
    },
    {
      name: 'agent type',
      path: `/agents/${ARN}/invitations`,
      body: { ...ok(), agentType: 'deputy' },
      status: 400,
      code: 'AGENT_TYPE_NOT_SUPPORTED',
    },
    {
      name: 'unknown client',
      path: `/agents/${ARN}/invitations`,
      body: { ...ok(), clientId: 'ZZ999999A' },
      status: 403,
      code: 'CLIENT_REGISTRATION_NOT_FOUND',
    },
    {
      name: 'postcode mismatch',
      path: `/agents/${ARN}/invitations`,
      body: { ...ok(), knownFact: 'SW1A 1AA' },
      status: 403,
      code: 'POSTCODE_DOES_NOT_MATCH',
    },
    {
      name: 'another agent’s ARN',
      path: '/agents/XARN9999999/invitations',
      body: ok(),
      status: 403,
      code: 'NO_PERMISSION_ON_AGENCY',
    },
    {
      name: 'check: NINO format',
      path: `/agents/${ARN}/relationships`,
      body: { ...check('AA1', FIONA_POSTCODE) },
      status: 400,
      code: 'CLIENT_ID_FORMAT_INVALID',
    },
    {
      name: 'check: postcode mismatch',
      path: `/agents/${ARN}/relationships`,
      body: check(C.mainSelfEmployed.nino, 'SW1A 1AA'),
      status: 403,
      code: 'POSTCODE_DOES_NOT_MATCH',
    },
  ];
  it.each(cases)('$name → $status $code', async (c) => {
    const res = await agent.post(c.path, c.body);
    expect(res.status).toBe(c.status);
    expect(codeOf(res.body)).toBe(c.code);
  });

  it('an individual is NOT_AN_AGENT; an unknown invitation is INVITATION_NOT_FOUND', async () => {
    const alice = await s.as(SEEDED.individualA, AGENT_SCOPES);
    expect(codeOf((await alice.get(`/agents/${ARN}/invitations`)).body)).toBe('NOT_AN_AGENT');
    expect(codeOf((await agent.get(`/agents/${ARN}/invitations/AAAAAAAAAAAAA`)).body)).toBe(
      'INVITATION_NOT_FOUND',
    );
  });
});
