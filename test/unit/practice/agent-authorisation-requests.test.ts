import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invitationJson, readItsaRequest } from '../../../src/practice/apis/agent-authorisation';
import { ApiError } from '../../../src/practice/http/mtd-errors';
import { type InvitationRecord } from '../../../src/practice/state/invitation-model';
import { findSpecsDir, loadHmrcSpecs, readSpecFile } from '../../support/hmrc-specs';

/**
 * Agent Authorisation requests and answers against the spec: its own request examples are read
 * as HMRC reads them (VAT is not a service Practice HMRC offers), and an invitation as Practice
 * HMRC answers it fits the response schema with `service` as the string HMRC sends.
 * [agent-authorisation-api application.yaml; SOURCES.md "Schema bugs"]
 */
const { specs, reason } = loadHmrcSpecs();
const dir = findSpecsDir().dir;
const example = (name: string) =>
  readSpecFile(join(dir as string, 'agent-authorisation-api', 'examples', name));
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err instanceof ApiError ? err.errors[0]?.code : 'not an ApiError';
  }
};

describe.skipIf(!specs)(`Agent Authorisation against its spec (${reason})`, () => {
  it.each([
    ['post-agency-invitations-itsa-example.json', 'main'],
    ['post-agency-invitations-itsa-main-example.json', 'main'],
    ['post-agency-invitations-itsa-supp-example.json', 'supporting'],
  ])('invitation example %s is read, agent type %s', (file, agentType) => {
    const body = example(file);
    expect(
      specs?.requestSchema('agent-authorisation-api', 'POST', '/agents/{arn}/invitations')?.(body)
        .errors,
    ).toEqual([]);
    expect(readItsaRequest(body, { clientType: true, knownFact: true })).toMatchObject({
      agentType,
    });
  });

  it.each([
    'post-agency-check-relationship-itsa-example.json',
    'post-agency-check-relationship-itsa-main-example.json',
    'post-agency-check-relationship-itsa-supp-example.json',
  ])('relationship check example %s is read', (file) => {
    expect(readItsaRequest(example(file), { clientType: false, knownFact: true }).nino).toMatch(
      /^[A-Z]{2}\d{6}[A-D]$/,
    );
  });

  it('VAT examples are refused: SERVICE_NOT_SUPPORTED', () => {
    expect(
      codeOf(() =>
        readItsaRequest(example('post-agency-invitations-vat-example.json'), {
          clientType: true,
          knownFact: true,
        }),
      ),
    ).toBe('SERVICE_NOT_SUPPORTED');
  });

  it('a pending invitation fits the response schema with service as a string', () => {
    const inv: InvitationRecord = {
      invitationId: 'ABCDEFGHJKLMN',
      arn: 'XARN0000001',
      agentUserId: '300000000001',
      clientId: 'AA999999A',
      service: 'MTD-IT',
      agentType: 'supporting',
      clientType: 'personal',
      status: 'Pending',
      created: Date.parse('2026-11-29T12:00:00Z'),
      lastUpdated: Date.parse('2026-11-29T12:00:00Z'),
      expiryDate: '2026-12-20',
    };
    const body = invitationJson(inv, Date.parse('2026-11-30T12:00:00Z'), 'http://127.0.0.1:4000');
    expect(body).toMatchObject({ service: 'MTD-IT', status: 'Pending', expiresOn: '2026-12-20' });
    const schema = specs?.responseSchema(
      'agent-authorisation-api',
      'GET',
      '/agents/{arn}/invitations/{invitationId}',
      200,
    );
    expect(schema?.(body).errors).toEqual([]);
    // Past its expiry date it reads Expired, without a link.
    expect(invitationJson(inv, Date.parse('2026-12-21T12:00:00Z'), 'http://x')).not.toHaveProperty(
      'clientActionUrl',
    );
  });
});
