import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient } from './helpers/contract-client';
import { validFraudHeaders } from './helpers/fraud-headers';
import { REFERENCE_NOW, SEEDED, type Session, startSession } from './helpers/practice-session';

let s: Session;
let alice: ApiClient;
beforeAll(async () => {
  s = await startSession({ at: REFERENCE_NOW });
  alice = await s.as(SEEDED.individualA);
});
afterAll(async () => {
  await s.practice.stop();
});

const VALIDATE = '/test/fraud-prevention-headers/validate';
type Report = {
  specVersion: string;
  code: string;
  message: string;
  errors: { code: string; headers: string[] }[];
  warnings: { code: string; headers: string[] }[];
};

describe('Test Fraud Prevention Headers API: GET /test/fraud-prevention-headers/validate [reference §4.5]', () => {
  it('a complete DESKTOP_APP_DIRECT set -> VALID_HEADERS', async () => {
    const res = await alice.get(VALIDATE);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      specVersion: '3.3',
      code: 'VALID_HEADERS',
      message: 'All headers appear to be valid',
      errors: [],
      warnings: [],
    });
  });

  it('an empty Gov-Client-Multi-Factor -> POTENTIALLY_INVALID_HEADERS with warning EMPTY_HEADER', async () => {
    const res = await alice.get(VALIDATE, {
      noFraudHeaders: true,
      headers: validFraudHeaders({ 'Gov-Client-Multi-Factor': '' }),
    });
    const report = res.body as Report;
    expect(report.code).toBe('POTENTIALLY_INVALID_HEADERS');
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([
      expect.objectContaining({ code: 'EMPTY_HEADER', headers: ['gov-client-multi-factor'] }),
    ]);
  });

  it('missing and badly encoded headers -> INVALID_HEADERS naming each header', async () => {
    const res = await alice.get(VALIDATE, {
      noFraudHeaders: true,
      headers: validFraudHeaders({
        'Gov-Client-Device-ID': undefined,
        'Gov-Client-Timezone': undefined,
        'Gov-Client-Local-IPs': 'fe80::1',
      }),
    });
    const report = res.body as Report;
    expect(report.code).toBe('INVALID_HEADERS');
    expect(report.errors).toContainEqual(
      expect.objectContaining({
        code: 'MISSING_HEADER',
        headers: ['gov-client-device-id', 'gov-client-timezone'],
      }),
    );
    expect(report.errors).toContainEqual(
      expect.objectContaining({ code: 'INVALID_HEADER', headers: ['gov-client-local-ips'] }),
    );
  });

  it('needs Accept application/vnd.hmrc.1.0+json and a token', async () => {
    expect((await alice.get(VALIDATE, { accept: 'application/vnd.hmrc.2.0+json' })).status).toBe(
      406,
    );
    expect((await alice.get(VALIDATE, { token: 'nope' })).status).toBe(401);
  });
});

describe('validation feedback: the last request per API, per client id', () => {
  it('records what each API call sent, without blocking it', async () => {
    const res = await alice.get(`/individuals/business/details/${SEEDED.individualA.nino}/list`, {
      noFraudHeaders: true,
      headers: validFraudHeaders({ 'Gov-Vendor-Version': undefined }),
    });
    expect(res.status).toBe(200);
    const feedback = s.practice.fraudHeaderFeedback()['business-details-api'];
    expect(feedback?.path).toBe(`/individuals/business/details/${SEEDED.individualA.nino}/list`);
    expect(feedback?.report.code).toBe('INVALID_HEADERS');
    expect(feedback?.report.errors[0]).toMatchObject({
      code: 'MISSING_HEADER',
      headers: ['gov-vendor-version'],
    });

    const http = await alice.get(
      '/test/fraud-prevention-headers/business-details-api/validation-feedback?connectionMethod=DESKTOP_APP_DIRECT',
    );
    expect(http.status).toBe(200);
    expect(http.body).toMatchObject({
      connectionMethod: 'DESKTOP_APP_DIRECT',
      requests: [{ method: 'GET', code: 'INVALID_HEADERS' }],
    });

    await alice.get(`/individuals/business/details/${SEEDED.individualA.nino}/list`);
    expect(s.practice.fraudHeaderFeedback()['business-details-api']?.report.code).toBe(
      'VALID_HEADERS',
    );
  });

  it('no feedback yet for an API -> 404; other connection methods are refused', async () => {
    expect(
      (await alice.get('/test/fraud-prevention-headers/vat-api/validation-feedback')).status,
    ).toBe(404);
    expect(
      (
        await alice.get(
          '/test/fraud-prevention-headers/business-details-api/validation-feedback?connectionMethod=WEB_APP_VIA_SERVER',
        )
      ).status,
    ).toBe(400);
  });
});
