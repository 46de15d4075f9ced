import type { FraudHeadersCheckResponse } from '../schemas/fraud-headers-check';
import { FRAUD_HEADER_NAMES, type FraudHeaderName } from './build-headers';

/**
 * HMRC's Test Fraud Prevention Headers API answers in codes and terse messages (reference
 * §4.5); these are the same results in plain English for the Diagnostics page.
 */
export const CHECK_SUMMARIES: Record<string, string> = {
  VALID_HEADERS: 'HMRC’s check found no problems with the headers Ledgerlink sends.',
  POTENTIALLY_INVALID_HEADERS:
    'HMRC’s check found no errors, but has advice about some headers. The advice is listed below.',
  INVALID_HEADERS:
    'HMRC’s check found problems with some headers. Each one is listed below with what it means.',
};

/** Why an empty header is expected here (HMRC flags every empty header as advice). */
const EXPECTED_EMPTY: Partial<Record<FraudHeaderName, string>> = {
  'Gov-Client-Multi-Factor':
    'This is expected: Ledgerlink has no sign-in of its own, so there is no multi-factor check to report.',
  'Gov-Vendor-License-IDs':
    'This is expected: Ledgerlink is free and has no licence keys to report.',
};

const displayName = (header: string): string =>
  FRAUD_HEADER_NAMES.find((n) => n.toLowerCase() === header.toLowerCase()) ?? header;

function explain(code: string, headers: string[], message: string): string {
  const names = headers.map(displayName);
  const list = names.join(', ') || 'a header';
  switch (code) {
    case 'MISSING_HEADER':
      return `Ledgerlink did not send ${list}. HMRC expects every header for a desktop app, so this needs fixing unless HMRC has agreed otherwise.`;
    case 'INVALID_HEADER':
      return `HMRC says the value of ${list} is not what it expects (HMRC’s words are below).`;
    case 'EMPTY_HEADER': {
      const reasons = names.map((n) => EXPECTED_EMPTY[n as FraudHeaderName]).filter(Boolean);
      return `${list} was sent empty. ${reasons.join(' ') || 'HMRC asks to be told why a value cannot be sent.'}`;
    }
    case 'UNEXPECTED_HEADER':
      return `Ledgerlink sent ${list}, which does not belong to its connection method (a desktop app talking to HMRC directly).`;
    default:
      return message ? `HMRC says about ${list}: ${message}` : `HMRC flagged ${list}.`;
  }
}

/** HMRC's text is shown as given, but never more of it than a screen can hold. */
const clip = (text: string, max = 1000): string =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

export function explainCheck(response: FraudHeadersCheckResponse) {
  const issues = (list: FraudHeadersCheckResponse['errors']) =>
    (list ?? []).slice(0, 100).map((i) => ({
      code: clip(i.code, 100),
      headers: i.headers.slice(0, 50).map((h) => clip(h, 100)),
      message: clip(i.message),
      explanation: clip(explain(i.code, i.headers.slice(0, 50), clip(i.message))),
    }));
  return {
    code: clip(response.code, 100),
    summary:
      CHECK_SUMMARIES[response.code] ??
      clip(
        `HMRC’s check answered “${response.code}”${response.message ? `: ${response.message}` : '.'}`,
      ),
    ...(response.specVersion ? { specVersion: clip(response.specVersion, 20) } : {}),
    errors: issues(response.errors),
    warnings: issues(response.warnings),
  };
}
