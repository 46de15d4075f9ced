import { describe, expect, it } from 'vitest';
import { ACCOUNTING_TYPES } from '@shared/domain/accounting-type';
import {
  disapplyLateAccountingDateRule,
  retrieveAccountingType,
  retrieveLateAccountingDateRule,
  retrievePeriodsOfAccount,
  updateAccountingType,
  withdrawLateAccountingDateRule,
} from '../../../src/main/hmrc/endpoints/business-facts';
import type {
  HmrcRequest,
  HmrcResult,
  HmrcTransport,
} from '../../../src/main/hmrc/hmrc-http-client';
import {
  accountingTypeFromHmrc,
  accountingTypeRequest,
  lateAccountingDateRuleFromHmrc,
  periodsOfAccountFromHmrc,
} from '../../../src/main/hmrc/mappers/business-facts';
import {
  retrieveAccountingTypeResponseSchema,
  retrieveLateAccountingDateRuleResponseSchema,
  retrievePeriodsOfAccountResponseSchema,
  updateAccountingTypeRequestSchema,
} from '../../../src/main/hmrc/schemas/business-facts';
import { loadHmrcSpecs, readSpecFile } from '../../support/hmrc-specs';

/**
 * Every Business Details request the business facts make matches an operation of HMRC's OAS,
 * with the body its schema asks for; HMRC's own examples read through our response schemas
 * and mappers without loss [BD accounting_type.yaml, periods_of_account.yaml,
 * *_late_accounting_date_rule.yaml, examples/*].
 */
const { specs, reason } = loadHmrcSpecs();
const API = 'business-details-api';
const NINO = 'AA123456A';
const SE = 'XAIS12345678901';

/** A transport that records what would be sent and answers 204 (the true boundary). */
function recordingTransport(): HmrcTransport & { sent: HmrcRequest<unknown>[] } {
  const sent: HmrcRequest<unknown>[] = [];
  return {
    accountId: 'acc',
    environment: 'practice',
    sent,
    send<T>(request: HmrcRequest<T>): Promise<HmrcResult<T>> {
      sent.push(request);
      return Promise.resolve({ data: undefined as T, correlationId: 'c', status: 204 });
    },
  };
}

const example = (path: string): unknown => readSpecFile(`${specs!.dir}/${API}/examples/${path}`);

describe.skipIf(!specs)(`business facts against HMRC's Business Details OAS (${reason})`, () => {
  it('each request matches an operation, with HMRC’s body or none', async () => {
    const t = recordingTransport();
    for (const type of ACCOUNTING_TYPES)
      await updateAccountingType(t, NINO, SE, '2025-26', accountingTypeRequest(type));
    await retrieveAccountingType(t, NINO, SE, '2025-26');
    await retrievePeriodsOfAccount(t, NINO, SE, '2025-26');
    await retrieveLateAccountingDateRule(t, NINO, SE, '2025-26');
    await disapplyLateAccountingDateRule(t, NINO, SE, '2025-26');
    await withdrawLateAccountingDateRule(t, NINO, SE, '2025-26');
    expect(t.sent).toHaveLength(7);
    for (const r of t.sent) {
      const template = specs!.matchPath(API, r.method, r.path);
      expect(template, `${r.method} ${r.path}`).toBeDefined();
      expect(r.template).toBe(template);
      const schema = specs!.requestSchema(API, r.method.toLowerCase(), template!);
      if (r.method === 'PUT') {
        expect(schema).toBeDefined();
        expect(schema!(r.body).errors).toEqual([]);
      } else {
        expect(schema).toBeUndefined();
        expect(r.body).toBeUndefined();
      }
    }
  });

  it('HMRC’s request example is what the mapper builds for accruals', () => {
    const sent = updateAccountingTypeRequestSchema.parse(
      example('updateAccountingType/request.json'),
    );
    expect(accountingTypeRequest(accountingTypeFromHmrc(sent.accountingType))).toEqual(sent);
  });

  it('refuses before sending a body or path HMRC would refuse', async () => {
    const t = recordingTransport();
    await expect(
      updateAccountingType(t, NINO, SE, '2025-26', { accountingType: 'ACCRUALS' as 'ACCRUAL' }),
    ).rejects.toMatchObject({ code: 'REQUEST_NOT_VALID' });
    await expect(retrieveAccountingType(t, NINO, 'not-an-id', '2025-26')).rejects.toMatchObject({
      code: 'FORMAT_BUSINESS_ID',
    });
    await expect(disapplyLateAccountingDateRule(t, NINO, SE, '2025-27')).rejects.toMatchObject({
      code: 'FORMAT_TAX_YEAR',
    });
    expect(t.sent).toHaveLength(0);
  });

  it('reads every response example HMRC publishes, and its schema agrees', () => {
    const at = retrieveAccountingTypeResponseSchema.parse(
      example('retrieveAccountingType/response.json'),
    );
    expect(ACCOUNTING_TYPES).toContain(accountingTypeFromHmrc(at.accountingType));

    const ladrRaw = example('retrieveLateAccountingDateRule/response.json');
    const ladrTemplate = specs!.matchPath(
      API,
      'GET',
      `/individuals/business/details/${NINO}/${SE}/2025-26/late-accounting-date-rule-election`,
    )!;
    expect(specs!.responseSchema(API, 'get', ladrTemplate, 200)!(ladrRaw).errors).toEqual([]);
    const ladr = lateAccountingDateRuleFromHmrc(
      retrieveLateAccountingDateRuleResponseSchema.parse(ladrRaw),
    );
    const raw = ladrRaw as Record<string, unknown>;
    expect(ladr.disapplied).toBe(raw.disapply);
    expect(ladr.eligible).toBe(raw.eligible);
    if (raw.disapply) expect(ladr.election?.from).toBe(raw.taxYearOfElection);

    for (const file of ['periodOfAccountTrueResponse.json', 'periodOfAccountFalseResponse.json']) {
      const body = example(`retrievePeriodsOfAccount/${file}`) as {
        periodsOfAccount: boolean;
        periodsOfAccountDates?: unknown[];
      };
      const mapped = periodsOfAccountFromHmrc(retrievePeriodsOfAccountResponseSchema.parse(body));
      expect(mapped.declared).toBe(body.periodsOfAccount);
      expect(mapped.periods).toEqual(body.periodsOfAccountDates ?? []);
    }
  });
});
