import { AppError } from '../ipc/app-error';

/**
 * What a person pasted for the "copy and paste a code" way back: the code alone, or the whole
 * page title HMRC shows ("Success code=…&state=…"), whose state must then be this attempt's.
 * Throws CODE_INVALID when it does not look like one of HMRC's codes.
 */
export function parsePastedCode(input: string): { code: string; state: string | undefined } {
  const text = input.trim().replace(/^success\s+/i, '');
  const fromTitle = text.includes('=') ? new URLSearchParams(text) : undefined;
  const code = fromTitle ? fromTitle.get('code') : text;
  const pastedState = fromTitle?.get('state');
  if (!code || !/^[A-Za-z0-9._~+/-]{8,512}$/.test(code)) {
    throw new AppError(
      'CODE_INVALID',
      'That does not look like the code HMRC showed.',
      'Copy the whole code from HMRC’s page and paste it again.',
      { fields: [{ path: 'code', message: 'Paste the code HMRC showed you' }] },
    );
  }
  return { code, state: pastedState ?? undefined };
}
