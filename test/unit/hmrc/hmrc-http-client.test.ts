import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { listBusinesses } from '../../../src/main/hmrc/endpoints/business-details';
import { triggerCalculation } from '../../../src/main/hmrc/endpoints/calculations';
import { putSelfEmploymentCumulative } from '../../../src/main/hmrc/endpoints/self-employment';
import { HmrcError } from '../../../src/main/hmrc/errors/hmrc-error';
import { FRAUD_HEADER_NAMES } from '../../../src/main/hmrc/fraud-prevention/build-headers';
import { clientUnderTest } from './support/client-under-test';
import { scriptedHmrc, type Reply } from './support/scripted-hmrc';

const NINO = 'AA100001A';
const SE = 'XAIS10000000001';
const LIST = { listOfBusinesses: [{ typeOfBusiness: 'self-employment', businessId: SE }] };
const BODY = {
  periodDates: { periodStartDate: '2025-04-06', periodEndDate: '2025-07-05' },
  periodIncome: { turnover: 1000.99, other: 0, taxTakenOffTradingIncome: 0 },
};

let server: Awaited<ReturnType<typeof scriptedHmrc>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(script: Reply[], options?: Parameters<typeof clientUnderTest>[1]) {
  server = await scriptedHmrc(script);
  return { s: server, ...clientUnderTest(server.baseUrl, options) };
}

const caught = async (p: Promise<unknown>): Promise<HmrcError> => {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(HmrcError);
    return e as HmrcError;
  }
  throw new Error('expected the call to fail');
};

describe('what each request carries', () => {
  it('sends the API version, the bearer token and all fourteen fraud prevention headers', async () => {
    const { s, client, logs } = await start([
      { status: 200, body: LIST, correlationId: 'c75f40a6-a3df-4429-a697-471eeec46435' },
    ]);
    const result = await listBusinesses(client, NINO);

    expect(result).toEqual({
      data: LIST,
      correlationId: 'c75f40a6-a3df-4429-a697-471eeec46435',
      status: 200,
    });
    const req = s.seen[0]!;
    expect(req.method).toBe('GET');
    expect(req.url).toBe(`/individuals/business/details/${NINO}/list`);
    expect(req.headers.accept).toBe('application/vnd.hmrc.2.0+json');
    expect(req.headers.authorization).toBe('Bearer tok-1');
    expect(req.headers['content-type']).toBeUndefined();
    for (const name of FRAUD_HEADER_NAMES) {
      expect(req.headers, name).toHaveProperty(name.toLowerCase());
    }
    expect(req.headers['gov-client-connection-method']).toBe('DESKTOP_APP_DIRECT');
    expect(req.headers['gov-client-multi-factor']).toBe('');
    expect(req.headers['gov-vendor-version']).toBe('Ledgerlink=1.2.3');
    // The correlation id is in the log; the token is not.
    const log = JSON.stringify(logs);
    expect(log).toContain('c75f40a6-a3df-4429-a697-471eeec46435');
    expect(log).not.toContain('tok-1');
    expect(log).not.toContain(NINO);
  });

  it('sends a PUT body as JSON, exactly as given, and returns the 204 with its correlation id', async () => {
    const { s, client } = await start([{ status: 204, correlationId: 'corr-put' }]);
    const result = await putSelfEmploymentCumulative(client, NINO, SE, '2025-26', BODY);
    expect(result).toEqual({ data: undefined, correlationId: 'corr-put', status: 204 });
    expect(s.seen[0]!.headers['content-type']).toBe('application/json');
    expect(s.seen[0]!.headers.accept).toBe('application/vnd.hmrc.5.0+json');
    expect(JSON.parse(s.seen[0]!.body)).toEqual(BODY);
    expect(s.seen[0]!.body).toContain('"turnover":1000.99');
  });

  it('refuses, before sending, what HMRC would refuse on form', async () => {
    const { s, client } = await start([{ status: 204 }]);
    expect((await caught(listBusinesses(client, 'not-a-nino'))).code).toBe('FORMAT_NINO');
    const both = { ...BODY, periodExpenses: { consolidatedExpenses: 1, costOfGoods: 2 } };
    const refused = await caught(putSelfEmploymentCumulative(client, NINO, SE, '2025-26', both));
    expect(refused.code).toBe('REQUEST_NOT_VALID');
    expect(refused.toIpcError().fields?.[0]?.path).toBe('/periodExpenses');
    const pennies = { periodIncome: { turnover: 10.001 } };
    expect(
      (await caught(putSelfEmploymentCumulative(client, NINO, SE, '2025-26', pennies))).code,
    ).toBe('REQUEST_NOT_VALID');
    expect(s.seen).toHaveLength(0);
  });

  it('sends Gov-Test-Scenario in the sandbox and never in production', async () => {
    const sandbox = await start([{ status: 200, body: LIST }]);
    await listBusinesses(sandbox.client, NINO, { govTestScenario: 'STATEFUL' });
    expect(sandbox.s.seen[0]!.headers['gov-test-scenario']).toBe('STATEFUL');
    await server!.close();
    const live = await start([{ status: 200, body: LIST }], { environment: 'production' });
    await listBusinesses(live.client, NINO, { govTestScenario: 'STATEFUL' });
    expect(live.s.seen[0]!.headers['gov-test-scenario']).toBeUndefined();
  });

  it('rejects a response that does not match its schema, keeping the correlation id', async () => {
    const { client } = await start([
      { status: 200, body: { listOfBusinesses: 'nope' }, correlationId: 'c-bad' },
    ]);
    const error = await caught(listBusinesses(client, NINO));
    expect(error.code).toBe('UNEXPECTED_HMRC_RESPONSE');
    expect(error.correlationId).toBe('c-bad');
    expect(error.fixedBy).toBe('ledgerlink');
  });
});

describe('an expired token', () => {
  const expired = {
    status: 401,
    body: { code: 'INVALID_CREDENTIALS', message: 'Invalid Authentication information provided' },
  };

  it('is refreshed once and the request sent once more with the new token', async () => {
    const { s, client, tokens } = await start([expired, { status: 200, body: LIST }]);
    await listBusinesses(client, NINO);
    expect(tokens.refreshes).toEqual(['tok-1']);
    expect(s.seen.map((r) => r.headers.authorization)).toEqual(['Bearer tok-1', 'Bearer tok-2']);
  });

  it('is not refreshed twice: a second refusal goes back to the person', async () => {
    const { s, client, tokens } = await start([expired, expired, { status: 200, body: LIST }]);
    const error = await caught(listBusinesses(client, NINO));
    expect(error).toMatchObject({ code: 'INVALID_CREDENTIALS', status: 401, fixedBy: 'you' });
    expect(error.action).toMatch(/Link Ledgerlink to HMRC again/);
    expect(tokens.refreshes).toHaveLength(1);
    expect(s.seen).toHaveLength(2);
  });

  it('is refreshed for a POST too: a 401 means HMRC did nothing', async () => {
    const { s, client } = await start([
      expired,
      { status: 202, body: { calculationId: 'f2fb30e5-4ab6-4a29-b3c1-c7264259ff1c' } },
    ]);
    const { data } = await triggerCalculation(client, NINO, '2025-26', 'in-year');
    expect(data.calculationId).toBe('f2fb30e5-4ab6-4a29-b3c1-c7264259ff1c');
    expect(s.seen).toHaveLength(2);
  });
});

describe('retries', () => {
  const busy = { status: 503, body: { code: 'SERVER_ERROR', message: 'Service unavailable' } };
  const throttled = { status: 429, body: { code: 'MESSAGE_THROTTLED_OUT', message: 'throttled' } };

  it('retries a GET after 503s with growing, jittered waits and says when it will retry', async () => {
    const {
      s,
      client,
      sleeps,
      busy: events,
      now,
    } = await start([busy, busy, { status: 200, body: LIST }]);
    const onBusy: unknown[] = [];
    const before = now();
    await listBusinesses(client, NINO, { onBusy: (i) => onBusy.push(i) });
    expect(s.seen).toHaveLength(3);
    // random() = 0.5: half of 1 s, then half of 2 s.
    expect(sleeps).toEqual([500, 1000]);
    expect(events).toEqual(onBusy);
    expect(events[0]).toMatchObject({
      accountId: 'acc-1',
      reason: 'server-error',
      attempt: 1,
      maxAttempts: 4,
      retryAt: new Date(before + 500).toISOString(),
    });
    expect(events[1]).toMatchObject({ attempt: 2, retryAt: new Date(before + 1500).toISOString() });
  });

  it('honours Retry-After on a 429, even for a POST the platform refused at the door', async () => {
    const {
      s,
      client,
      sleeps,
      busy: events,
    } = await start([
      { ...throttled, headers: { 'Retry-After': '3' } },
      { status: 202, body: { calculationId: 'f2fb30e5-4ab6-4a29-b3c1-c7264259ff1c' } },
    ]);
    await triggerCalculation(client, NINO, '2025-26', 'in-year');
    expect(sleeps).toEqual([3000]);
    expect(events[0]?.reason).toBe('throttled');
    expect(s.seen).toHaveLength(2);
  });

  it('gives up after the retry limit with HMRC’s error in plain English', async () => {
    const { s, client } = await start([
      { status: 500, body: { code: 'INTERNAL_SERVER_ERROR', message: 'x' } },
    ]);
    const error = await caught(listBusinesses(client, NINO));
    expect(s.seen).toHaveLength(5);
    expect(error).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', fixedBy: 'hmrc', status: 500 });
    expect(error.correlationId).toBeTruthy();
  });

  it('never retries a POST after a server error', async () => {
    const { s, client, sleeps } = await start([
      busy,
      { status: 202, body: { calculationId: 'f2fb30e5-4ab6-4a29-b3c1-c7264259ff1c' } },
    ]);
    const error = await caught(triggerCalculation(client, NINO, '2025-26', 'intent-to-finalise'));
    expect(error.code).toBe('SERVER_ERROR');
    expect(s.seen).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('never retries a POST whose connection dropped, and says the outcome is unknown', async () => {
    const { s, client } = await start([
      'hang-up',
      { status: 202, body: { calculationId: 'f2fb30e5-4ab6-4a29-b3c1-c7264259ff1c' } },
    ]);
    const error = await caught(triggerCalculation(client, NINO, '2025-26', 'intent-to-finalise'));
    expect(error.code).toBe('HMRC_OUTCOME_UNKNOWN');
    expect(error.message).toMatch(/cannot tell whether HMRC received it/);
    expect(s.seen).toHaveLength(1);
  });

  it('retries a PUT whose connection dropped, sending the identical body', async () => {
    const { s, client } = await start(['hang-up', { status: 204 }]);
    await putSelfEmploymentCumulative(client, NINO, SE, '2025-26', BODY);
    expect(s.seen).toHaveLength(2);
    expect(s.seen[1]!.body).toBe(s.seen[0]!.body);
  });

  it('collects the fraud prevention headers afresh for each attempt', async () => {
    const { s, client } = await start([busy, { status: 200, body: LIST }]);
    await listBusinesses(client, NINO);
    const stamps = s.seen.map((r) => r.headers['gov-client-local-ips-timestamp']);
    expect(stamps[0]).not.toBe(stamps[1]);
  });

  it('times out a request that gets no answer, and retries a GET before giving up', async () => {
    const { s, client } = await start(['no-answer'], { timeoutMs: 150, retry: { maxAttempts: 2 } });
    const error = await caught(listBusinesses(client, NINO));
    expect(error.code).toBe('HMRC_TIMEOUT');
    expect(s.seen).toHaveLength(2);
  });

  it('says HMRC cannot be reached when nothing is listening', async () => {
    const { client } = await start([{ status: 200 }], { retry: { maxAttempts: 2 } });
    await server!.close();
    const error = await caught(listBusinesses(client, NINO));
    expect(error.code).toBe('HMRC_UNREACHABLE');
  });
});

describe('HMRC errors in plain English', () => {
  it('turns a wrapped INVALID_REQUEST into one line per problem, with the JSON paths', async () => {
    const { client } = await start([
      {
        status: 400,
        correlationId: 'corr-400',
        body: {
          code: 'INVALID_REQUEST',
          message: 'Invalid request',
          errors: [
            {
              code: 'FORMAT_VALUE',
              message: 'The value must be between 0 and 99999999999.99',
              paths: ['/periodIncome/turnover', '/periodIncome/other'],
            },
            {
              code: 'RULE_END_DATE_BEFORE_START_DATE',
              message: 'The End date is earlier than the Start date',
            },
          ],
        },
      },
    ]);
    const error = await caught(putSelfEmploymentCumulative(client, NINO, SE, '2025-26', BODY));
    const ipc = error.toIpcError();
    expect(ipc).toMatchObject({ code: 'INVALID_REQUEST', correlationId: 'corr-400' });
    expect(ipc.message).toBe('HMRC found 2 problems with what was sent.');
    expect(ipc.fields).toEqual([
      { path: '/periodIncome/turnover', message: expect.stringMatching(/amounts are not allowed/) },
      { path: '/periodIncome/other', message: expect.stringMatching(/amounts are not allowed/) },
      { path: '/', message: 'The end date is before the start date.' },
    ]);
    expect(error.hmrcErrors.map((e) => e.code)).toEqual([
      'FORMAT_VALUE',
      'RULE_END_DATE_BEFORE_START_DATE',
    ]);
  });

  it('tells an agent that the client must authorise them', async () => {
    const notAuthorised = {
      status: 403,
      body: {
        code: 'CLIENT_OR_AGENT_NOT_AUTHORISED',
        message: 'The client or agent is not authorised',
      },
    };
    const agent = await start([notAuthorised], { kind: 'agent' });
    const e = await caught(listBusinesses(agent.client, NINO));
    expect(e.message).toBe('HMRC says you are not authorised for this client.');
    expect(e.action).toBe(
      'Ask the client to authorise you in your agent services account, or check you signed in with the right agent account.',
    );
    expect(e.fixedBy).toBe('the-client');
  });

  it('still explains a response with no readable body, from its status', async () => {
    const { client } = await start([{ status: 406, body: '<html>nope</html>' }]);
    const e = await caught(listBusinesses(client, NINO));
    expect(e).toMatchObject({ code: 'ACCEPT_HEADER_INVALID', fixedBy: 'ledgerlink' });
  });
});

describe('the transport', () => {
  it('validates any response schema it is given and records usage', async () => {
    const { client, used } = await start([{ status: 200, body: { n: 1 } }]);
    const { data } = await client.send({
      api: 'obligations',
      method: 'GET',
      template: '/x',
      path: '/x',
      response: z.object({ n: z.number() }),
    });
    expect(data).toEqual({ n: 1 });
    expect(used()).toBe(1);
  });
});
