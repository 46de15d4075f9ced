import { describe, expect, it } from 'vitest';
import { refusalFrom } from '../../../src/main/profiles/authorisation';
import { HmrcError } from '../../../src/main/hmrc/errors/hmrc-error';
import { AppError } from '../../../src/main/ipc/app-error';

const hmrcError = (code: string, status: number) =>
  new HmrcError({
    code,
    message: 'm',
    action: 'a',
    fixedBy: 'you',
    status,
    correlationId: 'corr-123',
  });
const at = '2026-11-29T10:00:00.000Z';

describe('authorisation from HMRC’s answer (reference §2.10)', () => {
  it('tells an agent to ask the client to authorise them, keeping HMRC’s correlation id', () => {
    const a = refusalFrom(hmrcError('CLIENT_OR_AGENT_NOT_AUTHORISED', 403), {
      accountKind: 'agent',
      nino: 'AJ100006B',
      checkedAt: at,
    });
    expect(a).toMatchObject({
      status: 'not-authorised',
      code: 'CLIENT_OR_AGENT_NOT_AUTHORISED',
      correlationId: 'corr-123',
      checkedAt: at,
    });
    expect(a!.message).toMatch(/^Not authorised — ask the client to authorise you\./);
    expect(a!.message).toContain('AJ 10 00 06 B');
  });

  it('tells an individual the NINO is not theirs or not signed up', () => {
    const a = refusalFrom(hmrcError('CLIENT_OR_AGENT_NOT_AUTHORISED', 403), {
      accountKind: 'individual',
      nino: 'AB100002B',
      checkedAt: at,
    });
    expect(a).toMatchObject({ status: 'not-signed-up' });
    expect(a!.message).toContain('not signed up to Making Tax Digital for Income Tax');
  });

  it('reads “no businesses” as not signed up', () => {
    expect(
      refusalFrom(hmrcError('MATCHING_RESOURCE_NOT_FOUND', 404), {
        accountKind: 'agent',
        nino: 'AB100002B',
        checkedAt: at,
      }),
    ).toMatchObject({ status: 'not-signed-up' });
  });

  it('says nothing about authorisation for other failures (offline, HMRC busy, not an HMRC error)', () => {
    expect(
      refusalFrom(hmrcError('HMRC_UNREACHABLE', 0), {
        accountKind: 'agent',
        nino: 'AB100002B',
        checkedAt: at,
      }),
    ).toBeUndefined();
    expect(
      refusalFrom(hmrcError('SERVER_ERROR', 503), {
        accountKind: 'agent',
        nino: 'AB100002B',
        checkedAt: at,
      }),
    ).toBeUndefined();
    expect(
      refusalFrom(new AppError('X', 'm', 'a'), {
        accountKind: 'agent',
        nino: 'AB100002B',
        checkedAt: at,
      }),
    ).toBeUndefined();
  });
});
