import { describe, expect, it } from 'vitest';
import {
  createAmendLossesAndClaims,
  createBroughtForwardLoss,
  createLossClaim,
  listBroughtForwardLosses,
  listLossClaims,
  lossesVersionFor,
  retrieveLossesAndClaims,
} from '../../../src/main/hmrc/endpoints/losses';
import type {
  HmrcRequest,
  HmrcResult,
  HmrcTransport,
} from '../../../src/main/hmrc/hmrc-http-client';
import {
  createBroughtForwardLossRequestSchema,
  createLossClaimRequestSchema,
  lossesAndClaimsRequestSchema,
} from '../../../src/main/hmrc/schemas/losses';
import { loadHmrcSpecs } from '../../support/hmrc-specs';

const { specs, reason } = loadHmrcSpecs();

/** A transport that records what would be sent and answers 2xx (the true boundary). */
function recordingTransport(): HmrcTransport & { sent: HmrcRequest<unknown>[] } {
  const sent: HmrcRequest<unknown>[] = [];
  return {
    accountId: 'acc',
    environment: 'practice',
    sent,
    send<T>(request: HmrcRequest<T>): Promise<HmrcResult<T>> {
      sent.push(request);
      return Promise.resolve({ data: {} as T, correlationId: 'c', status: 200 });
    },
  };
}

const FOLDER = { '7.0': 'individual-losses-api', '6.0': 'individual-losses-api-6.0' } as const;
const folderOf = (r: HmrcRequest<unknown>) =>
  r.api === 'individual-losses' ? FOLDER['7.0'] : FOLDER['6.0'];

describe('the losses API version follows the tax year', () => {
  it.each([
    ['2024-25', '6.0'],
    ['2025-26', '6.0'],
    ['2026-27', '7.0'],
    ['2030-31', '7.0'],
  ])('%s → %s', (ty, version) => {
    expect(lossesVersionFor(ty)).toBe(version);
  });
});

describe.skipIf(!specs)(`every losses request matches HMRC's OAS (${reason})`, () => {
  it('paths are HMRC’s and bodies fit HMRC’s request schemas', async () => {
    const t = recordingTransport();
    const nino = 'AA123456A';
    const id = 'XAIS12345678901';
    await retrieveLossesAndClaims(t, nino, id, '2026-27');
    await createAmendLossesAndClaims(t, nino, id, '2026-27', {
      losses: { broughtForwardLosses: 1800 },
      claims: { carryForward: { currentYearLosses: 250.5 } },
    });
    await createBroughtForwardLoss(t, nino, {
      taxYearBroughtForwardFrom: '2024-25',
      typeOfLoss: 'self-employment',
      businessId: id,
      lossAmount: 6000,
    });
    await listBroughtForwardLosses(t, nino, '2024-25', { businessId: id });
    await createLossClaim(t, nino, {
      taxYearClaimedFor: '2025-26',
      typeOfLoss: 'self-employment',
      typeOfClaim: 'carry-sideways',
      businessId: id,
    });
    await listLossClaims(t, nino, '2025-26');
    for (const request of t.sent) {
      const folder = folderOf(request);
      const template = specs!.matchPath(folder, request.method, request.path);
      expect(template, `${request.method} ${request.path}`).toBeDefined();
      expect(request.template).toBe(template);
      if (request.body !== undefined) {
        const check = specs!.requestSchema(folder, request.method.toLowerCase(), template!)!(
          request.body,
        );
        expect(check.errors, `${request.method} ${request.path}`).toEqual([]);
      }
    }
  });

  it.each([
    [
      'losses and claims',
      FOLDER['7.0'],
      'put',
      '/individuals/losses/{nino}/businesses/{businessId}/loss-claims/{taxYear}',
      lossesAndClaimsRequestSchema,
    ],
    [
      'brought forward loss',
      FOLDER['6.0'],
      'post',
      '/individuals/losses/{nino}/brought-forward-losses/tax-year/brought-forward-from/{taxYear}',
      createBroughtForwardLossRequestSchema,
    ],
    [
      'loss claim',
      FOLDER['6.0'],
      'post',
      '/individuals/losses/{nino}/loss-claims',
      createLossClaimRequestSchema,
    ],
  ])(
    '%s: HMRC’s example requests pass its schema and the app’s',
    (_n, api, method, path, schema) => {
      const examples = specs!.exampleRequests(api, method, path);
      expect(examples.length).toBeGreaterThan(0);
      const validate = specs!.requestSchema(api, method, path)!;
      for (const ex of examples) {
        // Examples failing HMRC's own schema are listed in SOURCES.md; none of these does.
        expect(validate(ex.body).errors, ex.name).toEqual([]);
        expect(schema.safeParse(ex.body).success, ex.name).toBe(true);
      }
    },
  );

  it('refuses, before sending, a body HMRC’s schema would refuse', async () => {
    const t = recordingTransport();
    await expect(
      createAmendLossesAndClaims(t, 'AA123456A', 'XAIS12345678901', '2026-27', {
        losses: { broughtForwardLosses: -1 },
      }),
    ).rejects.toMatchObject({ code: 'REQUEST_NOT_VALID' });
    expect(t.sent).toEqual([]);
  });
});
