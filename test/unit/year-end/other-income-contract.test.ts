import { describe, expect, it } from 'vitest';
import {
  OTHER_INCOME_DEFINITIONS,
  OTHER_INCOME_RESOURCES,
  otherIncomeBody,
  type OtherIncomeResource,
} from '@shared/domain/other-income-fields';
import * as api from '../../../src/main/hmrc/endpoints/other-income';
import type {
  HmrcRequest,
  HmrcResult,
  HmrcTransport,
} from '../../../src/main/hmrc/hmrc-http-client';
import {
  accountNameRequestSchema,
  charitableGivingRequestSchema,
  pensionReliefsRequestSchema,
  savingsInterestRequestSchema,
  ukDividendsRequestSchema,
} from '../../../src/main/hmrc/schemas/other-income';
import { loadHmrcSpecs } from '../../support/hmrc-specs';

/**
 * Every request of the other income and reliefs (Savings Income 2.0, Dividends Income 2.0,
 * Reliefs 3.0) against HMRC's OAS: its path is one of HMRC's operations, its body passes HMRC's
 * request schema, and HMRC's own example requests pass Ledgerlink's schema (those that do not
 * are listed, with why).
 */
const { specs, reason } = loadHmrcSpecs();
const NINO = 'AA123456A';
const YEAR = '2025-26';
const SAVINGS_ID = 'SAVKB2UVwUTBQGJ';

const FOLDER = {
  'savings-income': 'individuals-savings-income-api',
  'dividends-income': 'individuals-dividends-income-api',
  reliefs: 'individuals-reliefs-api',
} as const;

function recorder(): HmrcTransport & { sent: HmrcRequest<unknown>[] } {
  const sent: HmrcRequest<unknown>[] = [];
  return {
    accountId: 'acc',
    environment: 'practice',
    sent,
    send<T>(request: HmrcRequest<T>): Promise<HmrcResult<T>> {
      sent.push(request);
      return Promise.resolve({ data: {} as T, correlationId: 'c', status: 204 });
    },
  };
}

/** Every field of a resource set to a valid amount (5000.99 needs multipleOfPrecision). */
const everyField = (r: OtherIncomeResource) =>
  Object.fromEntries(OTHER_INCOME_DEFINITIONS[r].fields.map((f) => [f.key, 500_099]));

describe.skipIf(!specs)(`other income requests against HMRC's OAS (${reason})`, () => {
  it('every path is one of HMRC’s operations, and every body passes HMRC’s request schema', async () => {
    const t = recorder();
    await api.addSavingsAccount(t, NINO, { accountName: 'Harbour Saver' });
    await api.listSavingsAccounts(t, NINO);
    await api.renameSavingsAccount(t, NINO, SAVINGS_ID, { accountName: 'Rainy Day (joint)' });
    await api.putSavingsInterest(
      t,
      NINO,
      YEAR,
      SAVINGS_ID,
      otherIncomeBody('savings-interest', everyField('savings-interest')),
    );
    await api.getSavingsInterest(t, NINO, YEAR, SAVINGS_ID);
    for (const what of ['dividends', 'pension-relief', 'charitable-giving'] as const) {
      await api.putYearly(t, what, NINO, YEAR, otherIncomeBody(what, everyField(what)));
      await api.getYearly(t, what, NINO, YEAR);
      await api.deleteYearly(t, what, NINO, YEAR);
    }
    expect(t.sent).toHaveLength(14);
    for (const request of t.sent) {
      const folder = FOLDER[request.api as keyof typeof FOLDER];
      const template = specs!.matchPath(folder, request.method, request.path);
      expect(template, `${request.method} ${request.path}`).toBeDefined();
      expect(request.template).toBe(template);
      if (request.body === undefined) continue;
      if (request.template.includes('/charitable-giving/')) {
        // HMRC offers def1 (to 2024-25) or def2 (2025-26 on) under oneOf; Ledgerlink sends only
        // the fields both share, so the body must pass each definition.
        for (const def of ['def1', 'def2'])
          expect(
            specs!.schemaFile(
              folder,
              `schemas/amend_charitable_giving/${def}/request.json`,
            )(request.body).errors,
          ).toEqual([]);
        continue;
      }
      const check = specs!.requestSchema(folder, request.method.toLowerCase(), template!)!(
        request.body,
      );
      expect(check.errors, `${request.method} ${request.path}`).toEqual([]);
    }
  });

  it('builds only HMRC’s field names for every resource, in pence turned into decimals', () => {
    for (const r of OTHER_INCOME_RESOURCES) {
      const body = otherIncomeBody(r, everyField(r));
      expect(JSON.stringify(body)).toContain('5000.99');
      expect(JSON.stringify(body)).not.toContain('500099');
    }
    expect(otherIncomeBody('pension-relief', {})).toEqual({ pensionReliefs: {} });
  });

  it('HMRC’s example requests pass Ledgerlink’s schemas, except those listed', () => {
    const cases: [string, string, string, { safeParse(v: unknown): { success: boolean } }][] = [
      [
        FOLDER['savings-income'],
        'post',
        '/individuals/savings-income/uk-accounts/{nino}',
        accountNameRequestSchema,
      ],
      [
        FOLDER['savings-income'],
        'put',
        '/individuals/savings-income/uk-accounts/{nino}/account-name/{savingsId}',
        accountNameRequestSchema,
      ],
      [
        FOLDER['savings-income'],
        'put',
        '/individuals/savings-income/uk-accounts/{nino}/{taxYear}/{savingsId}',
        savingsInterestRequestSchema,
      ],
      [
        FOLDER['dividends-income'],
        'put',
        '/individuals/dividends-income/uk/{nino}/{taxYear}',
        ukDividendsRequestSchema,
      ],
      [
        FOLDER.reliefs,
        'put',
        '/individuals/reliefs/pensions/{nino}/{taxYear}',
        pensionReliefsRequestSchema,
      ],
      [
        FOLDER.reliefs,
        'put',
        '/individuals/reliefs/charitable-giving/{nino}/{taxYear}',
        charitableGivingRequestSchema,
      ],
    ];
    const refused: string[] = [];
    let passed = 0;
    for (const [folder, method, template, schema] of cases) {
      const examples = specs!.exampleRequests(folder, method, template);
      expect(examples.length, `${method} ${template} has examples`).toBeGreaterThan(0);
      for (const ex of examples) {
        if (schema.safeParse(ex.body).success) passed += 1;
        else refused.push(`${method.toUpperCase()} ${template}: ${ex.name}`);
      }
    }
    // The only one refused: up to 2024-25 HMRC also takes Gift Aid to non-UK charities
    // (`nonUkCharities`), which Ledgerlink does not ask about.
    expect(refused).toEqual([
      'PUT /individuals/reliefs/charitable-giving/{nino}/{taxYear}: TY 2024-25 or before',
    ]);
    expect(passed).toBeGreaterThanOrEqual(6);
  });

  it('refuses, before sending, what HMRC would refuse: a bad account name or id, a third decimal', async () => {
    const t = recorder();
    await expect(
      api.addSavingsAccount(t, NINO, { accountName: 'Ünïcode saver' }),
    ).rejects.toMatchObject({
      code: 'REQUEST_NOT_VALID',
    });
    await expect(
      api.putSavingsInterest(t, NINO, YEAR, 'short', { untaxedUkInterest: 1 }),
    ).rejects.toMatchObject({ code: 'FORMAT_SAVINGS_ACCOUNT_ID' });
    await expect(
      api.putYearly(t, 'dividends', NINO, YEAR, { ukDividends: 1.005 }),
    ).rejects.toMatchObject({ code: 'REQUEST_NOT_VALID' });
    expect(t.sent).toEqual([]);
  });
});
