import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptHeaderFor } from '../../../src/main/hmrc/api-versions';
import * as aa from '../../../src/main/hmrc/endpoints/agent-authorisation';
import { ERROR_CATALOGUE } from '../../../src/main/hmrc/errors/error-catalogue';
import type {
  HmrcRequest,
  HmrcResult,
  HmrcTransport,
} from '../../../src/main/hmrc/hmrc-http-client';
import {
  createInvitationRequestSchema,
  invitationResponseSchema,
} from '../../../src/main/hmrc/schemas/agent-authorisation';
import { findSpecsDir, loadHmrcSpecs, readSpecFile } from '../../support/hmrc-specs';

/**
 * The app's Agent Authorisation requests against HMRC's spec, and HMRC's answers read whichever
 * way `service` comes: the spec declares an array of one, the API (and the spec's own examples)
 * send a string. [agent-authorisation-api application.yaml; SOURCES.md "Schema bugs"]
 */
const { specs, reason } = loadHmrcSpecs();
const API = 'agent-authorisation-api';
const dir = findSpecsDir().dir;
const example = (name: string) => readSpecFile(join(dir as string, API, 'examples', name));

/** Records what would be sent and answers as HMRC does (204 with a Location for a create). */
function capturing(answer: Partial<HmrcResult<unknown>> = {}) {
  const sent: HmrcRequest<unknown>[] = [];
  const transport: HmrcTransport = {
    accountId: 'agent',
    environment: 'practice',
    send<T>(request: HmrcRequest<T>): Promise<HmrcResult<T>> {
      sent.push(request);
      return Promise.resolve({
        data: undefined as T,
        correlationId: 'c',
        status: 204,
        ...answer,
      } as HmrcResult<T>);
    },
  };
  return { sent, transport };
}

const itsa = { service: 'MTD-IT', clientIdType: 'ni', clientId: 'AJ100006B' } as const;

describe.skipIf(!specs)(`Agent Authorisation requests fit HMRC's schemas (${reason})`, () => {
  it.each(['main', 'supporting'] as const)(
    'a %s invitation is the spec’s ITSA request, sent as 1.0, and its id is read from the Location',
    async (agentType) => {
      const { sent, transport } = capturing({
        location: '/agents/XARN0000001/invitations/ABBBBBBBBBBCK',
      });
      const created = await aa.createInvitation(transport, 'XARN0000001', {
        ...itsa,
        clientType: 'personal',
        knownFact: 'NE1 4ST',
        agentType,
      });
      expect(created.invitationId).toBe('ABBBBBBBBBBCK');
      expect(sent[0]).toMatchObject({
        api: 'agent-authorisation',
        method: 'POST',
        path: '/agents/XARN0000001/invitations',
      });
      const check = specs!.requestSchema(API, 'post', '/agents/{arn}/invitations')!;
      expect(check(sent[0]!.body).errors).toEqual([]);
      expect(acceptHeaderFor('agent-authorisation')).toBe('application/vnd.hmrc.1.0+json');
    },
  );

  it('the relationship check and de-authorise bodies fit; de-authorise alone is sent as 2.0', async () => {
    const { sent, transport } = capturing();
    expect(
      await aa.checkRelationship(transport, 'XARN0000001', {
        ...itsa,
        knownFact: 'NE14ST',
        agentType: 'supporting',
      }),
    ).toMatchObject({ held: true });
    await aa.deauthoriseClient(transport, 'XARN0000001', {
      ...itsa,
      clientType: 'personal',
      agentType: 'main',
    });
    expect(
      specs!.requestSchema(API, 'post', '/agents/{arn}/relationships')!(sent[0]!.body).errors,
    ).toEqual([]);
    expect(
      specs!.requestSchema(API, 'put', '/agents/{arn}/deauthorise-client')!(sent[1]!.body).errors,
    ).toEqual([]);
    expect(sent[1]!.api).toBe('agent-authorisation-deauthorise');
    expect(acceptHeaderFor('agent-authorisation-deauthorise')).toBe(
      'application/vnd.hmrc.2.0+json',
    );
  });

  it.each([
    'post-agency-invitations-itsa-main-example.json',
    'post-agency-invitations-itsa-supp-example.json',
  ])('HMRC’s example %s passes the app’s request schema', (file) => {
    expect(createInvitationRequestSchema.safeParse(example(file)).success).toBe(true);
  });

  it('nothing HMRC would refuse on form leaves the app: bad NINO, postcode or ARN stop before sending', async () => {
    const { sent, transport } = capturing();
    const body = {
      ...itsa,
      clientType: 'personal',
      knownFact: 'NE1 4ST',
      agentType: 'main',
    } as const;
    await expect(
      aa.createInvitation(transport, 'XARN0000001', { ...body, clientId: 'AB123456X' }),
    ).rejects.toMatchObject({ code: 'REQUEST_NOT_VALID' });
    await expect(
      aa.createInvitation(transport, 'XARN0000001', { ...body, knownFact: 'ne1 4st' }),
    ).rejects.toMatchObject({ code: 'REQUEST_NOT_VALID' });
    await expect(aa.createInvitation(transport, 'ARN1', body)).rejects.toMatchObject({
      code: 'AGENT_REFERENCE_FORMAT',
    });
    await expect(aa.cancelInvitation(transport, 'XARN0000001', '../x')).rejects.toMatchObject({
      code: 'INVITATION_ID_FORMAT',
    });
    expect(sent).toEqual([]);
  });

  it('reads an invitation whose service is a string (as the API sends) and one whose service is an array (as the spec declares)', () => {
    for (const file of [
      'get-agency-invitation-pending-example.json',
      'get-agency-invitation-responded-example.json',
    ]) {
      const sentByHmrc = example(file) as Record<string, unknown>;
      expect(typeof sentByHmrc.service).toBe('string');
      const asString = invitationResponseSchema.parse(sentByHmrc);
      const asArray = invitationResponseSchema.parse({
        ...sentByHmrc,
        service: [sentByHmrc.service],
      });
      expect(asString.service).toBe(sentByHmrc.service);
      expect(asArray.service).toBe(sentByHmrc.service);
      // Apart from the time formats of HMRC's own examples (SOURCES.md), the example fits the
      // spec's response schema as the test loader reads it.
      const check = specs!.responseSchema(
        API,
        'get',
        '/agents/{arn}/invitations/{invitationId}',
        200,
      )!;
      const other = check(sentByHmrc).errors.filter(
        (e) => !/^\/(created|updated|expiresOn) /.test(e),
      );
      expect(other).toEqual([]);
    }
  });

  it('an empty list (204) is no requests; a list of HMRC’s examples is read whole', async () => {
    const empty = capturing({ data: '' });
    const none = await aa.listInvitations(empty.transport, 'XARN0000001');
    const schema = empty.sent[0]!.response!;
    expect(schema.parse('')).toEqual([]);
    expect(none.status).toBe(204);
    const list = schema.parse(example('get-agency-invitations-example.json')) as unknown[];
    expect(list.length).toBeGreaterThan(0);
  });

  it('every code in the spec’s error examples has plain English', () => {
    const codes = readdirSync(join(dir as string, API, 'examples', 'errors')).map(
      (f) => (example(`errors/${f}`) as { code: string }).code,
    );
    const all = [
      ...new Set([...codes, 'INVITATION_NOT_FOUND', 'RELATIONSHIP_NOT_FOUND', 'NO_RELATIONSHIP']),
    ];
    expect(all.filter((c) => !ERROR_CATALOGUE[c])).toEqual([]);
  });
});

describe('invitation ids from HMRC’s Location', () => {
  it.each([
    ['/agents/XARN0000001/invitations/CS5AK7O8FPC43', 'CS5AK7O8FPC43'],
    ['/agents/XARN0000001/invitations/short', undefined],
    ['/elsewhere', undefined],
    [undefined, undefined],
  ])('%s → %s', (location, id) => {
    expect(aa.invitationIdFromLocation(location)).toBe(id);
  });
});
