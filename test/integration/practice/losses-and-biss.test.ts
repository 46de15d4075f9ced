import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, codeOf } from './helpers/contract-client';
import { REFERENCE_NOW, SEEDED, type Session, startSession } from './helpers/practice-session';

/**
 * Individual Losses 7.0 (Losses and Claims, from 2026-27) feeding the calculation, and Business
 * Income Source Summary 3.0 for a business's year, over HTTP; answers checked against HMRC's
 * schemas by the client.
 */
const CALCULATION_MS = 5_000;
let s: Session;

beforeAll(async () => {
  s = await startSession({ at: REFERENCE_NOW, calculationDelayMs: CALCULATION_MS, standing: true });
});
afterAll(async () => {
  await s.practice.stop();
});

async function profitAfterLosses(api: ApiClient, nino: string, ty: string): Promise<unknown> {
  const res = await api.post(
    `/individuals/calculations/${nino}/self-assessment/${ty}/trigger/in-year`,
  );
  expect(res.status).toBe(202);
  s.clock.advance(CALCULATION_MS);
  const id = (res.body as { calculationId: string }).calculationId;
  const doc = (await api.get(`/individuals/calculations/${nino}/self-assessment/${ty}/${id}`))
    .body as {
    calculation: {
      businessProfitAndLoss: { taxableProfitAfterIncomeTaxLossesDeduction?: number }[];
    };
  };
  return doc.calculation.businessProfitAndLoss[0]?.taxableProfitAfterIncomeTaxLossesDeduction;
}

describe('Losses and Claims (7.0)', () => {
  const Q = SEEDED.lossBroughtForward;
  it('losses brought forward into 2026-27 are set against its profit; deleting them undoes it', async () => {
    const quinn = await s.as(Q);
    const path = `/individuals/losses/${Q.nino}/businesses/${Q.businessId}/loss-claims/2026-27`;
    expect(await profitAfterLosses(quinn, Q.nino, '2026-27')).toBe(4_700);
    const body = { losses: { broughtForwardLosses: 500 } };
    // The year has not ended: refused, unless HMRC's switch suspends that check.
    expect(codeOf((await quinn.put(path, body)).body)).toBe('RULE_TAX_YEAR_NOT_ENDED');
    const early = { headers: { 'suspend-temporal-validations': 'true' } };
    const put = await quinn.put(path, body, early);
    expect(put.status, JSON.stringify(put.body)).toBeLessThan(300);
    expect((await quinn.get(path)).body).toMatchObject({ losses: { broughtForwardLosses: 500 } });
    expect(await profitAfterLosses(quinn, Q.nino, '2026-27')).toBe(4_200);
    expect((await quinn.delete(path, early)).status).toBe(204);
    expect(await profitAfterLosses(quinn, Q.nino, '2026-27')).toBe(4_700);
  });

  it('a 6.0 path for 2026-27 is refused: that year belongs to 7.0', async () => {
    const quinn = await s.as(Q);
    const res = await quinn.get(`/individuals/losses/${Q.nino}/loss-claims/tax-year/2026-27`);
    expect(res.status).toBe(400);
  });
});

describe('Business Income Source Summary (3.0)', () => {
  const P = SEEDED.savingsAndDividends;
  const biss = (type: string, ty: string, id: string = P.businessId) =>
    `/individuals/self-assessment/income-summary/${P.nino}/${type}/${ty}/${id}`;

  it('gives the year’s totals and profit for a business', async () => {
    const priya = await s.as(P);
    expect((await priya.get(biss('self-employment', '2025-26'))).body).toEqual({
      total: { income: 62_000, expenses: 14_000 },
      profit: { net: 48_000, taxable: 48_000 },
      loss: { net: 0, taxable: 0 },
    });
  });

  it.each([
    [
      'a year without updates',
      biss('self-employment', '2026-27'),
      400,
      'RULE_NO_INCOME_SUBMISSIONS_EXIST',
    ],
    ['a type of business not known', biss('employment', '2025-26'), 400, 'FORMAT_TYPE_OF_BUSINESS'],
    ['FHL from 2025-26', biss('uk-property-fhl', '2025-26'), 400, 'FORMAT_TYPE_OF_BUSINESS'],
    ['before 2022-23', biss('self-employment', '2021-22'), 400, 'RULE_TAX_YEAR_NOT_SUPPORTED'],
    [
      'a business id in the wrong format',
      biss('self-employment', '2025-26', 'X1'),
      400,
      'FORMAT_BUSINESS_ID',
    ],
    [
      'the wrong type for the business',
      biss('uk-property', '2025-26'),
      404,
      'MATCHING_RESOURCE_NOT_FOUND',
    ],
  ])('%s: %s → %i %s', async (_what, path, status, code) => {
    const priya = await s.as(P);
    const res = await priya.get(path);
    expect(res.status).toBe(status);
    expect(codeOf(res.body)).toBe(code);
  });
});
