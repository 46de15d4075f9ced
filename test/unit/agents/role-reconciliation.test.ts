import { describe, expect, it } from 'vitest';
import { reconcileRole } from '../../../src/main/agents/role-reconciliation';
import { validateArn, validatePostcode } from '@shared/domain/agent-authorisation';

const base = {
  name: 'Fiona Fox',
  nino: 'AJ100006B',
  postcode: 'NE1 4ST',
  pendingInvitation: false,
};

describe('the role typed on a profile against HMRC’s answer', () => {
  it('asks for the postcode before anything can be checked', () => {
    expect(
      reconcileRole({ ...base, postcode: null, typedRole: 'main', hmrcRole: null }),
    ).toMatchObject({
      status: 'needs-postcode',
    });
  });

  it('a typed role is only a hint until HMRC answers', () => {
    const r = reconcileRole({ ...base, typedRole: 'main', hmrcRole: null });
    expect(r.status).toBe('unchecked');
    expect(r.message).toContain('what you typed');
  });

  it.each([
    ['main', 'main', 'confirmed'],
    ['supporting', 'supporting', 'confirmed'],
    ['main', 'supporting', 'mismatch'],
    ['supporting', 'main', 'mismatch'],
    [null, 'main', 'mismatch'],
  ] as const)('typed %s, HMRC says %s → %s', (typedRole, hmrcRole, status) => {
    expect(reconcileRole({ ...base, typedRole, hmrcRole }).status).toBe(status);
  });

  it('a mismatch names both roles and says what to do', () => {
    const r = reconcileRole({ ...base, typedRole: 'main', hmrcRole: 'supporting' });
    expect(r.message).toContain('supporting agent');
    expect(r.message).toContain('profile says main');
    expect(r.message).toContain('Use HMRC’s role');
  });

  it('a confirmed supporting agent is told what HMRC withholds', () => {
    expect(
      reconcileRole({ ...base, typedRole: 'supporting', hmrcRole: 'supporting' }).message,
    ).toContain('final declaration');
  });

  it('an unauthorised client says so, and whether a request is waiting', () => {
    expect(reconcileRole({ ...base, typedRole: 'main', hmrcRole: 'none' })).toMatchObject({
      status: 'not-authorised',
      message: expect.stringContaining('Ask them for authority'),
    });
    expect(
      reconcileRole({ ...base, typedRole: 'main', hmrcRole: 'none', pendingInvitation: true })
        .message,
    ).toContain('waiting for their answer');
  });
});

describe('format rules for an authorisation request [AA KnownFactPostcode, arnParameter]', () => {
  it.each([
    ['ne1 4st', 'NE1 4ST'],
    ['NE14ST', 'NE14ST'],
    ['  sw1a   2aa ', 'SW1A 2AA'],
    ['BFPO 123', 'BFPO 123'],
  ])('postcode %s is read as %s', (input, value) => {
    expect(validatePostcode(input)).toEqual({ ok: true, value });
  });

  it.each(['', 'NE1', '12345', 'NE1 4S', 'N1E 4ST X'])(
    'postcode %j is refused with an example',
    (input) => {
      const r = validatePostcode(input);
      expect(r.ok).toBe(false);
      expect(r.ok ? '' : r.message).toMatch(/postcode/);
    },
  );

  it('an ARN is a letter, ARN and 7 digits', () => {
    expect(validateArn('xarn 000 0001')).toEqual({ ok: true, value: 'XARN0000001' });
    expect(validateArn('ARN0000001').ok).toBe(false);
    expect(validateArn('').ok).toBe(false);
  });
});
