import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type {
  CallOptions,
  HmrcRequest,
  HmrcResult,
  HmrcTransport,
} from '../../../src/main/hmrc/hmrc-http-client';
import {
  listCalculations,
  retrieveCalculation,
  submitFinalDeclaration,
  triggerCalculation,
} from '../../../src/main/hmrc/endpoints/calculations';
import { loadHmrcSpecs, readSpecFile } from '../../support/hmrc-specs';

/**
 * Every request the year end makes (trigger intent-to-finalise / intent-to-amend, retrieve,
 * list filtered by declaration type, final-declaration, confirm-amendment) matches an
 * operation in HMRC's Individual Calculations OAS, with no body where HMRC defines none, and
 * path and query values HMRC lists for 2025-26 onwards [IC common/pathParameters.yaml,
 * common/queryParameters.yaml].
 */
const { specs, reason } = loadHmrcSpecs();
const API = 'individual-calculations-api';
const NINO = 'AA100001A';
const ID = '0b8d3e1c-6f1a-4c55-9d1e-2f3a4b5c6d7e';

/** A transport that records what the endpoint would send (a fake at the true boundary). */
function recorder(): { transport: HmrcTransport; sent: HmrcRequest<unknown>[] } {
  const sent: HmrcRequest<unknown>[] = [];
  const transport: HmrcTransport = {
    accountId: 'acc',
    environment: 'practice',
    send<T>(request: HmrcRequest<T>, _options?: CallOptions): Promise<HmrcResult<T>> {
      sent.push(request);
      return Promise.reject(new Error('recorded only'));
    },
  };
  return { transport, sent };
}

const descriptionOf = (file: string, name: string) => {
  const doc = readSpecFile(join(specs!.dir, API, 'common', file)) as {
    components: { parameters: Record<string, { description?: string }> };
  };
  return doc.components.parameters[name]?.description ?? '';
};

describe.skipIf(!specs)(`year-end requests against HMRC's OAS (${reason})`, () => {
  it('each request matches an operation, with no body, and values HMRC lists for 2025-26 on', async () => {
    const { transport, sent } = recorder();
    const calls = [
      () => triggerCalculation(transport, NINO, '2025-26', 'intent-to-finalise'),
      () => triggerCalculation(transport, NINO, '2025-26', 'intent-to-amend'),
      () => retrieveCalculation(transport, NINO, '2025-26', ID),
      () => listCalculations(transport, NINO, '2025-26', { calculationType: 'final-declaration' }),
      () => listCalculations(transport, NINO, '2025-26', { calculationType: 'confirm-amendment' }),
      () => submitFinalDeclaration(transport, NINO, '2025-26', ID, 'final-declaration'),
      () => submitFinalDeclaration(transport, NINO, '2025-26', ID, 'confirm-amendment'),
    ];
    for (const call of calls) await call().catch(() => undefined);
    expect(sent).toHaveLength(calls.length);
    const trigger = descriptionOf('pathParameters.yaml', 'triggerCalculationType');
    const declare = descriptionOf('pathParameters.yaml', 'finalDeclarationCalculationType');
    const query = descriptionOf('queryParameters.yaml', 'listCalculationType');
    for (const r of sent) {
      const template = specs!.matchPath(API, r.method, r.path);
      expect(template, `${r.method} ${r.path}`).toBeDefined();
      expect(specs!.requestSchema(API, r.method, template!)).toBeUndefined();
      expect(r.body).toBeUndefined();
      const last = r.path.split('/').at(-1)!;
      if (template!.endsWith('/trigger/{calculationType}'))
        expect(trigger).toContain(`\`${last}\``);
      if (r.method === 'POST' && !template!.includes('/trigger/'))
        expect(declare).toContain(`\`${last}\``);
      if (r.query?.calculationType) expect(query).toContain(`\`${r.query.calculationType}\``);
    }
  });
});
