import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, codeOf } from './helpers/contract-client';
import { REFERENCE_NOW, SEEDED, type Session, startSession } from './helpers/practice-session';

let s: Session;
let alice: ApiClient;
const list = `/individuals/business/details/${SEEDED.individualA.nino}/list`;
const sePath = `/individuals/business/self-employment/${SEEDED.individualA.nino}/${SEEDED.individualA.selfEmploymentId}/cumulative/2026-27`;

/** The rate limit's clock (monotonic ms): tests move it a second on instead of waiting one. */
let rateClockMs = 0;
const aSecondLater = () => void (rateClockMs += 1000);

beforeAll(async () => {
  s = await startSession({ at: REFERENCE_NOW, rateLimitClock: () => rateClockMs });
  alice = await s.as(SEEDED.individualA);
});
afterAll(async () => {
  await s.practice.stop();
});

describe('Accept header per API [reference §3.1-§3.2]', () => {
  it.each([
    [list, 'application/vnd.hmrc.2.0+json', 200],
    [list, 'application/vnd.hmrc.1.0+json', 406],
    [list, 'application/json', 406],
    [
      `/obligations/details/${SEEDED.individualA.nino}/crystallisation`,
      'application/vnd.hmrc.3.0+json',
      200,
    ],
    [
      `/obligations/details/${SEEDED.individualA.nino}/crystallisation`,
      'application/vnd.hmrc.2.0+json',
      406,
    ],
    [sePath, 'application/vnd.hmrc.5.0+json', 200],
    [sePath, 'application/vnd.hmrc.4.0+json', 406],
    [
      `/individuals/calculations/${SEEDED.individualA.nino}/self-assessment/2024-25`,
      'application/vnd.hmrc.9.0+json',
      406,
    ],
  ])('GET %s with %s -> %i', async (path, accept, status) => {
    const res = await alice.get(path, { accept });
    expect(res.status).toBe(status);
    if (status === 406)
      expect(res.body).toEqual({
        code: 'ACCEPT_HEADER_INVALID',
        message: 'The accept header is missing or invalid',
      });
  });

  it('no Accept header -> 406 ACCEPT_HEADER_INVALID', async () => {
    expect(await alice.get(list, { accept: null })).toMatchObject({
      status: 406,
      body: { code: 'ACCEPT_HEADER_INVALID' },
    });
  });
});

describe('bearer token and scope [reference §2.9, §3.6]', () => {
  it('no token -> 401 MISSING_CREDENTIALS; unknown token -> 401 INVALID_CREDENTIALS', async () => {
    const anonymous = new ApiClient(s.practice.baseUrl);
    expect(await anonymous.get(list)).toMatchObject({
      status: 401,
      body: { code: 'MISSING_CREDENTIALS' },
    });
    expect(await anonymous.get(list, { token: 'not-a-token' })).toMatchObject({
      status: 401,
      body: { code: 'INVALID_CREDENTIALS' },
    });
    expect(await anonymous.get(list, { headers: { Authorization: 'Basic abc' } })).toMatchObject({
      status: 401,
      body: { code: 'INVALID_CREDENTIALS' },
    });
  });

  it('a read-only grant can GET but not PUT (403 INVALID_SCOPE)', async () => {
    const reader = await s.as(SEEDED.individualA, 'read:self-assessment');
    expect((await reader.get(list)).status).toBe(200);
    const put = await reader.put(sePath, { periodIncome: { turnover: 1 } });
    expect(put).toMatchObject({ status: 403, body: { code: 'INVALID_SCOPE' } });
    expect(reader.tokens.scope).toBe('read:self-assessment');
  });

  it('a write-only grant cannot GET', async () => {
    const writer = await s.as(SEEDED.individualA, 'write:self-assessment');
    expect(codeOf((await writer.get(list)).body)).toBe('INVALID_SCOPE');
  });
});

describe('platform behaviour on every response', () => {
  it('X-CorrelationId (36 characters) on API answers, errors and browser pages', async () => {
    const ids = new Set<string>();
    for (const res of [
      await alice.get(list),
      await alice.get(list, { accept: null }),
      await fetch(`${s.practice.baseUrl}/`),
      await fetch(`${s.practice.baseUrl}/oauth/authorize`),
    ]) {
      const id = res.headers.get('x-correlationid') as string;
      expect(id).toHaveLength(36);
      ids.add(id);
    }
    expect(ids.size).toBe(4);
  });

  it('an unknown API path -> 404 MATCHING_RESOURCE_NOT_FOUND', async () => {
    const res = await alice.get('/individuals/business/nothing-here');
    expect(res).toMatchObject({ status: 404, body: { code: 'MATCHING_RESOURCE_NOT_FOUND' } });
  });

  it('malformed JSON -> 400 INVALID_REQUEST; a non-JSON body -> 415 INVALID_BODY_TYPE', async () => {
    expect(
      await alice.call({ method: 'PUT', path: sePath, rawBody: '{"periodIncome":' }),
    ).toMatchObject({ status: 400, body: { code: 'INVALID_REQUEST' } });
    expect(
      await alice.call({
        method: 'PUT',
        path: sePath,
        rawBody: 'turnover=1',
        contentType: 'application/x-www-form-urlencoded',
      }),
    ).toMatchObject({
      status: 415,
      body: { code: 'INVALID_BODY_TYPE' },
    });
  });

  it('fraud prevention headers never block a request: a bare request still succeeds', async () => {
    expect((await alice.get(list, { noFraudHeaders: true })).status).toBe(200);
  });
});

describe('rate limit: 3 requests per rolling second per application [reference §3.7]', () => {
  it('the 4th request within a second gets 429 MESSAGE_THROTTLED_OUT; a second later it works again', async () => {
    s.practice.setRateLimit(3);
    try {
      aSecondLater();
      const results = await Promise.all(Array.from({ length: 6 }, () => alice.get(list)));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
      const throttled = results.find((r) => r.status === 429);
      expect(throttled?.body).toEqual({
        code: 'MESSAGE_THROTTLED_OUT',
        message: 'The request for the API is throttled as you have exceeded your quota.',
      });
      aSecondLater();
      expect((await alice.get(list)).status).toBe(200);
    } finally {
      s.practice.setRateLimit(0);
    }
  });

  it('counts all users of the application together, and leaves the browser pages alone', async () => {
    const agent = await s.as(SEEDED.agent);
    s.practice.setRateLimit(3);
    try {
      aSecondLater();
      const statuses = [
        (await alice.get(list)).status,
        (
          await agent.get(
            `/individuals/business/details/${SEEDED.agentClients.mainLandlord.nino}/list`,
          )
        ).status,
        (await alice.get(list)).status,
        (
          await agent.get(
            `/individuals/business/details/${SEEDED.agentClients.mainLandlord.nino}/list`,
          )
        ).status,
      ];
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect((await fetch(`${s.practice.baseUrl}/oauth/authorize`)).status).toBe(400);
      expect((await fetch(`${s.practice.baseUrl}/`)).status).toBe(200);
    } finally {
      s.practice.setRateLimit(0);
    }
  });
});
