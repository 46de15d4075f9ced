import { describe, expect, it } from 'vitest';
import {
  describeError,
  ERROR_CATALOGUE,
  LEDGERLINK_HMRC_CODES,
} from '../../../src/main/hmrc/errors/error-catalogue';
import { loadHmrcSpecs, PLATFORM_ERROR_CODES } from '../../support/hmrc-specs';

/** The APIs the client wraps, and the operations it calls (reference §3.4). */
const WRAPPED: Record<string, [method: string, path: string][]> = {
  'business-details-api': [
    ['get', '/individuals/business/details/{nino}/list'],
    ['get', '/individuals/business/details/{nino}/{businessId}'],
    ['put', '/individuals/business/details/{nino}/{businessId}/{taxYear}'],
  ],
  'obligations-api': [
    ['get', '/obligations/details/{nino}/income-and-expenditure'],
    ['get', '/obligations/details/{nino}/crystallisation'],
  ],
  'self-employment-business-api': [
    ['put', '/individuals/business/self-employment/{nino}/{businessId}/cumulative/{taxYear}'],
    ['get', '/individuals/business/self-employment/{nino}/{businessId}/cumulative/{taxYear}'],
  ],
  'property-business-api': [
    ['put', '/individuals/business/property/uk/{nino}/{businessId}/cumulative/{taxYear}'],
    ['get', '/individuals/business/property/uk/{nino}/{businessId}/cumulative/{taxYear}'],
  ],
  'individuals-savings-income-api': [
    ['post', '/individuals/savings-income/uk-accounts/{nino}'],
    ['get', '/individuals/savings-income/uk-accounts/{nino}'],
    ['put', '/individuals/savings-income/uk-accounts/{nino}/account-name/{savingsId}'],
    ['put', '/individuals/savings-income/uk-accounts/{nino}/{taxYear}/{savingsId}'],
  ],
  'individuals-dividends-income-api': [
    ['put', '/individuals/dividends-income/uk/{nino}/{taxYear}'],
    ['delete', '/individuals/dividends-income/uk/{nino}/{taxYear}'],
  ],
  'individuals-reliefs-api': [
    ['put', '/individuals/reliefs/pensions/{nino}/{taxYear}'],
    ['delete', '/individuals/reliefs/pensions/{nino}/{taxYear}'],
    ['put', '/individuals/reliefs/charitable-giving/{nino}/{taxYear}'],
    ['delete', '/individuals/reliefs/charitable-giving/{nino}/{taxYear}'],
  ],
  'individual-calculations-api': [
    [
      'post',
      '/individuals/calculations/{nino}/self-assessment/{taxYear}/trigger/{calculationType}',
    ],
    ['get', '/individuals/calculations/{nino}/self-assessment/{taxYear}'],
    ['get', '/individuals/calculations/{nino}/self-assessment/{taxYear}/{calculationId}'],
    [
      'post',
      '/individuals/calculations/{nino}/self-assessment/{taxYear}/{calculationId}/{calculationType}',
    ],
  ],
};

const { specs, reason } = loadHmrcSpecs();

describe.skipIf(!specs)(`every error code in HMRC's specs has plain English (${reason})`, () => {
  it.each(Object.entries(WRAPPED))(
    '%s: every code of every operation Ledgerlink calls',
    (api, ops) => {
      for (const [method, path] of ops) {
        const codes = specs!.errorCodes(api, method, path);
        expect(
          codes.length,
          `${method} ${path} lists no errors: is the path right?`,
        ).toBeGreaterThan(0);
        const missing = codes.filter((c) => !ERROR_CATALOGUE[c]);
        expect(missing, `${method.toUpperCase()} ${path}`).toEqual([]);
      }
    },
  );

  // Ledgerlink calls only some endpoints of these (UK savings accounts, UK dividends, pensions
  // and Gift Aid): the codes of those are checked above, not the codes of the rest.
  const partlyUsed = new Set([
    'individuals-savings-income-api',
    'individuals-dividends-income-api',
    'individuals-reliefs-api',
  ]);
  it.each(Object.keys(WRAPPED).filter((api) => !partlyUsed.has(api)))(
    '%s: every code the API defines at all',
    (api) => {
      const missing = specs!.errorCodes(api).filter((c) => !ERROR_CATALOGUE[c]);
      expect(missing).toEqual([]);
    },
  );
});

describe('the error catalogue', () => {
  it('covers the API platform codes (reference §3.6)', () => {
    const missing = Object.keys(PLATFORM_ERROR_CODES).filter((c) => !ERROR_CATALOGUE[c]);
    expect(missing).toEqual([]);
  });

  it('says what happened, who can fix it and what to do next, in plain words', () => {
    for (const [code, entry] of Object.entries({ ...ERROR_CATALOGUE, ...LEDGERLINK_HMRC_CODES })) {
      for (const words of [entry, { ...entry, ...entry.agent }]) {
        expect(words.message, code).toMatch(/^[A-Z“‘]/);
        expect(words.message, code).toMatch(/[.?]$/);
        expect(words.action, code).toMatch(/[.]$/);
        // No HMRC codes or JSON field names in what a person reads.
        expect(`${words.message} ${words.action}`, code).not.toMatch(
          /[A-Z]{3,}_[A-Z_]+|[a-z][A-Z]\w*[A-Z]/,
        );
        expect(['you', 'your-agent', 'the-client', 'hmrc', 'ledgerlink']).toContain(words.fixedBy);
      }
    }
  });

  it('tells an agent about their client, and an individual about themselves', () => {
    expect(describeError('CLIENT_OR_AGENT_NOT_AUTHORISED', 'agent')).toEqual({
      message: 'HMRC says you are not authorised for this client.',
      action:
        'Ask the client to authorise you in your agent services account, or check you signed in with the right agent account.',
      fixedBy: 'the-client',
    });
    expect(describeError('CLIENT_OR_AGENT_NOT_AUTHORISED', 'individual').message).toMatch(
      /signed up to Making Tax Digital/,
    );
  });

  it('never pretends to know an unknown code', () => {
    expect(describeError('RULE_SOMETHING_NEW')).toMatchObject({
      message: 'HMRC refused the request (HMRC’s code: RULE_SOMETHING_NEW).',
      fixedBy: 'hmrc',
    });
  });
});
