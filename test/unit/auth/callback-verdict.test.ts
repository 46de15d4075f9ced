import { describe, expect, it } from 'vitest';
import type { TransportId } from '@shared/ipc/channels/auth';
import { DROP_LOG, type DropReason } from '../../../src/main/auth/callback-refusal';
import { callbackVerdict } from '../../../src/main/auth/callback-verdict';
import { exchangeFailure } from '../../../src/main/auth/link-failures';
import {
  AuthorizationDeclined,
  CallbackRefused,
  OAuthFailure,
} from '../../../src/main/auth/oauth-client';
import { parsePastedCode } from '../../../src/main/auth/pasted-code';
import { AppError } from '../../../src/main/ipc/app-error';

const STATE = 'x'.repeat(43);
const LABEL = 'Practice HMRC';
type VerdictFlow = Parameters<typeof callbackVerdict>[0];
const flow: VerdictFlow = {
  state: STATE,
  used: false,
  phase: 'waiting',
  route: {
    transport: 'loopback',
    redirectUri: 'http://localhost:9000/cb',
    port: 9000,
    path: '/cb',
  },
  expiresAt: 1_000,
};
const params = (query: string) => new URLSearchParams(query);

describe('callbackVerdict', () => {
  it('accepts the pending attempt’s redirect with a code, or with an error', () => {
    expect(callbackVerdict(flow, params(`code=abc&state=${STATE}`), 'loopback', 999)).toEqual({
      accept: true,
    });
    expect(
      callbackVerdict(flow, params(`error=access_denied&state=${STATE}`), 'loopback', 999),
    ).toEqual({ accept: true });
  });

  it.each([
    ['a foreign state', `code=abc&state=other`, flow, 'loopback', 'state-mismatch'],
    [
      'a foreign state when no attempt waits',
      `code=abc&state=other`,
      { ...flow, phase: 'linked' },
      'loopback',
      'not-waiting',
    ],
    ['two states', `code=abc&state=${STATE}&state=${STATE}`, flow, 'loopback', 'state-mismatch'],
    ['a replay', `code=abc&state=${STATE}`, { ...flow, used: true }, 'loopback', 'replay'],
    [
      'an ended attempt',
      `code=abc&state=${STATE}`,
      { ...flow, phase: 'failed' },
      'loopback',
      'ended',
    ],
    ['another transport', `code=abc&state=${STATE}`, flow, 'custom-scheme', 'wrong-transport'],
    ['a repeated code', `code=a&code=b&state=${STATE}`, flow, 'loopback', 'repeated-parameter'],
    ['no code and no error', `state=${STATE}`, flow, 'loopback', 'no-code-or-error'],
    [
      'a grant after the person cancelled',
      `code=abc&state=${STATE}`,
      { ...flow, phase: 'cancelled' },
      'loopback',
      'granted-after-cancel',
    ],
    [
      'a refusal after the person cancelled',
      `error=access_denied&state=${STATE}`,
      { ...flow, phase: 'cancelled' },
      'loopback',
      'ended',
    ],
  ] satisfies [string, string, VerdictFlow, TransportId, DropReason][])(
    'refuses %s',
    (_what, query, f, via, reason) => {
      expect(callbackVerdict(f, params(query), via, 999)).toEqual({ accept: false, reason });
      // The log says why in words, never the URL or its values.
      expect(DROP_LOG[reason]).not.toContain(STATE);
    },
  );

  it('says when the attempt itself has run out of time', () => {
    expect(callbackVerdict(flow, params(`code=abc&state=${STATE}`), 'loopback', 1_001)).toEqual({
      accept: false,
      reason: 'too-late',
      expired: true,
    });
  });
});

describe('parsePastedCode', () => {
  it('takes the code alone, or HMRC’s whole page title with its state', () => {
    expect(parsePastedCode('  abcdefgh1234 ')).toEqual({ code: 'abcdefgh1234', state: undefined });
    expect(parsePastedCode(`Success code=abcdefgh1234&state=${STATE}`)).toEqual({
      code: 'abcdefgh1234',
      state: STATE,
    });
  });

  it('refuses what does not look like HMRC’s code, naming the field', () => {
    expect(() => parsePastedCode('short')).toThrow(AppError);
    const thrown = (() => {
      try {
        return parsePastedCode('not a code!');
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).toIpcError()).toMatchObject({
      code: 'CODE_INVALID',
      fields: [{ path: 'code' }],
    });
  });
});

describe('exchangeFailure', () => {
  it('puts each way the exchange fails into the words the person reads', () => {
    expect(exchangeFailure(new AuthorizationDeclined('access_denied'), LABEL)).toMatchObject({
      step: 'grant',
      failure: { code: 'DECLINED' },
    });
    expect(exchangeFailure(new AuthorizationDeclined('server_error'), LABEL).failure).toMatchObject(
      {
        code: 'HMRC_REFUSED_LINK',
        message: 'HMRC did not finish the link (it said “server_error”).',
      },
    );
    expect(
      exchangeFailure(new OAuthFailure('unreachable', 'ECONNREFUSED'), LABEL).failure.code,
    ).toBe('HMRC_UNREACHABLE');
    expect(exchangeFailure(new OAuthFailure('invalid_client', 'x'), LABEL).failure.code).toBe(
      'APP_NOT_RECOGNISED',
    );
    expect(exchangeFailure(new OAuthFailure('invalid_grant', 'x'), LABEL).failure.code).toBe(
      'CODE_REFUSED',
    );
    expect(exchangeFailure(new AppError('PRACTICE_UNAVAILABLE', 'm', 'a'), LABEL)).toMatchObject({
      step: 'token-issued',
      failure: { code: 'PRACTICE_UNAVAILABLE', message: 'm', action: 'a' },
    });
  });

  it('says an answer Ledgerlink refused before using its code was refused by Ledgerlink, not HMRC', () => {
    const refused = exchangeFailure(new CallbackRefused('issuer-mismatch'), LABEL);
    expect(refused).toMatchObject({
      step: 'token-issued',
      failure: { code: 'CALLBACK_REFUSED' },
      log: { fields: { reason: 'issuer-mismatch' } },
    });
    expect(refused.failure.message).toMatch(/^Ledgerlink refused the answer/);
    expect(refused.failure.message).toContain(`other than ${LABEL}’s`);
  });
});
