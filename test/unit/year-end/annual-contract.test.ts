import { describe, expect, it } from 'vitest';
import { ANNUAL_DEFINITIONS, ANNUAL_KINDS, type AnnualKind } from '@shared/domain/annual-fields';
import { annualBody } from '@shared/domain/annual-payload';
import {
  deleteAnnualSubmission,
  getAnnualSubmission,
  putAnnualSubmission,
} from '../../../src/main/hmrc/endpoints/annual-submission';
import type {
  HmrcRequest,
  HmrcResult,
  HmrcTransport,
} from '../../../src/main/hmrc/hmrc-http-client';
import { loadHmrcSpecs } from '../../support/hmrc-specs';

const { specs, reason } = loadHmrcSpecs();
const API_FOLDER: Record<AnnualKind, string> = {
  'self-employment': 'self-employment-business-api',
  'uk-property': 'property-business-api',
  'foreign-property': 'property-business-api',
};

/** A transport that records what would be sent and answers 204 (the true boundary). */
function recordingTransport(): HmrcTransport & { sent: HmrcRequest<unknown>[] } {
  const sent: HmrcRequest<unknown>[] = [];
  return {
    accountId: 'acc',
    environment: 'practice',
    sent,
    send<T>(request: HmrcRequest<T>): Promise<HmrcResult<T>> {
      sent.push(request);
      return Promise.resolve({ data: {} as T, correlationId: 'c', status: 204 });
    },
  };
}

describe.skipIf(!specs)(`every annual request matches HMRC's OAS (${reason})`, () => {
  it.each(ANNUAL_KINDS)(
    '%s: PUT, GET and DELETE paths are HMRC’s, and the PUT body its schema',
    async (kind) => {
      const t = recordingTransport();
      const allowance = ANNUAL_DEFINITIONS[kind].fields.find((f) => f.incomeAllowance)!;
      // Foreign property: figures per country (2025-26), keyed `<country>/<field>`.
      const key = ANNUAL_DEFINITIONS[kind].entries ? `FRA/${allowance.key}` : allowance.key;
      const body = annualBody(kind, { [key]: 50_000 }, '2025-26');
      const id = kind === 'self-employment' ? 'XAIS12345678901' : 'XPIS12345678901';
      await putAnnualSubmission(t, kind, 'AA123456A', id, '2025-26', body);
      await getAnnualSubmission(t, kind, 'AA123456A', id, '2025-26');
      await deleteAnnualSubmission(t, kind, 'AA123456A', id, '2025-26');
      for (const request of t.sent) {
        const template = specs!.matchPath(API_FOLDER[kind], request.method, request.path);
        expect(template, `${request.method} ${request.path}`).toBeDefined();
        expect(request.template).toBe(template);
        if (request.method === 'PUT') {
          const check = specs!.requestSchema(API_FOLDER[kind], 'put', template!)!(request.body);
          expect(check.errors).toEqual([]);
        }
      }
    },
  );

  it('refuses, before sending, a body HMRC’s schema would refuse', async () => {
    const t = recordingTransport();
    await expect(
      putAnnualSubmission(t, 'self-employment', 'AA123456A', 'XAIS12345678901', '2025-26', {
        allowances: { tradingIncomeAllowance: 1000.01 },
      }),
    ).rejects.toMatchObject({ code: 'REQUEST_NOT_VALID' });
    expect(t.sent).toEqual([]);
  });
});
