import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHmrcSpecs } from '../../support/hmrc-specs';
import { type ApiClient, codeOf } from './helpers/contract-client';
import { REFERENCE_NOW, SEEDED, type Session, startSession } from './helpers/practice-session';

let s: Session;
let alice: ApiClient;
const { specs } = loadHmrcSpecs();
const A = SEEDED.individualA;
const calcs = (ty: string, nino: string = A.nino) =>
  `/individuals/calculations/${nino}/self-assessment/${ty}`;
/** Calculations take HMRC's recommended 5 s here; tests move the practice clock instead of waiting. */
const CALCULATION_MS = 5_000;
const calculationDone = () => s.clock.advance(CALCULATION_MS);

beforeAll(async () => {
  // Time stands still: a calculation is ready only when the test says so, however slow the machine.
  s = await startSession({ at: REFERENCE_NOW, calculationDelayMs: CALCULATION_MS, standing: true });
  alice = await s.as(SEEDED.individualA);
});
afterAll(async () => {
  await s.practice.stop();
});

async function triggered(api: ApiClient, path: string): Promise<string> {
  const res = await api.post(path);
  expect(res.status).toBe(202);
  const id = (res.body as { calculationId: string }).calculationId;
  expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  return id;
}

describe('Individual Calculations 8.0 [reference §3.4, §5.7]', () => {
  let inYear: string;

  it('trigger in-year -> 202 {calculationId}; retrieve is 404 until it is ready; a second trigger meanwhile is refused', async () => {
    inYear = await triggered(alice, `${calcs('2025-26')}/trigger/in-year`);
    expect(await alice.get(`${calcs('2025-26')}/${inYear}`)).toMatchObject({
      status: 404,
      body: { code: 'MATCHING_RESOURCE_NOT_FOUND' },
    });
    expect(await alice.post(`${calcs('2025-26')}/trigger/in-year`)).toMatchObject({
      status: 400,
      body: { code: 'RULE_CALCULATION_IN_PROGRESS' },
    });
    calculationDone();
    expect((await alice.get(`${calcs('2025-26')}/${inYear}`)).status).toBe(200);
  });

  it('computes a practice estimate from the cumulative figures (2025-26 UK rates)', async () => {
    const res = await alice.get(`${calcs('2025-26')}/${inYear}`);
    const doc = res.body as {
      metadata: unknown;
      calculation: {
        businessProfitAndLoss: unknown;
        allowancesAndDeductions: { personalAllowance: number };
        taxCalculation: {
          incomeTax: unknown;
          nics: { class4Nics: { totalAmount: number } };
          totalIncomeTaxAndNicsDue: number;
        };
      };
      messages: { info: { text: string }[] };
    };
    expect(doc.metadata).toMatchObject({
      calculationId: inYear,
      taxYear: '2025-26',
      calculationType: 'in-year',
      periodFrom: '2025-04-06',
      periodTo: '2026-04-05',
    });
    const c = doc.calculation;
    expect(c.businessProfitAndLoss).toEqual([
      expect.objectContaining({
        incomeSourceId: A.selfEmploymentId,
        totalIncome: 42485,
        totalExpenses: 12711.49,
        netProfit: 29773.51,
        totalAdditions: 530.08,
        taxableProfit: 30303,
      }),
      expect.objectContaining({
        incomeSourceId: A.ukPropertyId,
        totalIncome: 9600,
        totalExpenses: 1550.5,
        netProfit: 8049.5,
        taxableProfit: 8049,
      }),
    ]);
    expect(c.allowancesAndDeductions.personalAllowance).toBe(12570);
    expect(c.taxCalculation.incomeTax).toMatchObject({
      totalIncomeReceivedFromAllSources: 38352,
      totalTaxableIncome: 25782,
      incomeTaxCharged: 5156.4,
      totalReliefs: 360,
      totalIncomeTaxDue: 4796.4,
    });
    expect(c.taxCalculation.nics.class4Nics.totalAmount).toBe(1063.98);
    expect(c.taxCalculation.totalIncomeTaxAndNicsDue).toBe(5860.38);
    expect(doc.messages.info[0]?.text).toMatch(/practice figures/);
    // Exactly HMRC's 2025-26 shape (the retrieve schema lists one shape per tax year).
    if (specs)
      expect(
        specs.schemaFile(
          'individual-calculations-api',
          'schemas/retrieve/def3/retrieve_response.json',
        )(doc).errors,
      ).toEqual([]);
  });

  it("a 2026-27 calculation has HMRC's 2026-27 shape (def4)", async () => {
    const id = await triggered(alice, `${calcs('2026-27')}/trigger/in-year`);
    calculationDone();
    const res = await alice.get(`${calcs('2026-27')}/${id}`);
    expect((res.body as { metadata: { periodTo: string } }).metadata.periodTo).toBe('2026-07-05');
    if (specs)
      expect(
        specs.schemaFile(
          'individual-calculations-api',
          'schemas/retrieve/def4/retrieve_response.json',
        )(res.body).errors,
      ).toEqual([]);
  });

  it('lists calculations with the liability', async () => {
    const res = await alice.get(calcs('2025-26'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      calculations: [
        expect.objectContaining({
          calculationId: inYear,
          calculationType: 'in-year',
          calculationTrigger: 'attended',
          calculationOutcome: 'PROCESSED',
          liabilityAmount: 5860.38,
        }),
      ],
    });
    expect(await alice.get(calcs('2024-25'))).toMatchObject({
      status: 404,
      body: { code: 'MATCHING_RESOURCE_NOT_FOUND' },
    });
    expect(codeOf((await alice.get(`${calcs('2025-26')}?calculationType=final`)).body)).toBe(
      'FORMAT_CALCULATION_TYPE',
    );
    expect(
      codeOf((await alice.get(`${calcs('2024-25')}?calculationType=intent-to-amend`)).body),
    ).toBe('RULE_CALCULATION_TYPE_NOT_ALLOWED');
  });

  it('refuses to finalise a year that has not ended', async () => {
    expect(await alice.post(`${calcs('2026-27')}/trigger/intent-to-finalise`)).toMatchObject({
      status: 400,
      body: { code: 'RULE_TAX_YEAR_NOT_ENDED' },
    });
  });

  it('final declaration: intent-to-finalise, retrieve, declare with that calculationId -> 204, obligation fulfilled', async () => {
    const intent = await triggered(alice, `${calcs('2025-26')}/trigger/intent-to-finalise`);
    expect(await alice.post(`${calcs('2025-26')}/${intent}/final-declaration`)).toMatchObject({
      status: 400,
      body: { code: 'RULE_FINAL_DECLARATION_IN_PROGRESS' },
    });
    calculationDone();
    expect((await alice.get(`${calcs('2025-26')}/${intent}`)).status).toBe(200);
    // An in-year calculation cannot be declared. [IC errors.yaml notFound]
    expect(await alice.post(`${calcs('2025-26')}/${inYear}/final-declaration`)).toMatchObject({
      status: 404,
      body: { code: 'MATCHING_RESOURCE_NOT_FOUND' },
    });
    const declared = await alice.post(`${calcs('2025-26')}/${intent}/final-declaration`);
    expect(declared.status).toBe(204);
    expect(declared.text).toBe('');
    const retrieved = await alice.get(`${calcs('2025-26')}/${intent}`);
    expect(
      (retrieved.body as { metadata: Record<string, unknown> }).metadata.finalisationTimestamp,
    ).toMatch(/^2026-11-29T/);
    const finalObligation = `/obligations/details/${A.nino}/crystallisation?taxYear=2025-26`;
    // HMRC may take up to an hour to show the obligation fulfilled. [reference §5.7 step 5]
    expect((await alice.get(finalObligation)).body).toMatchObject({
      obligations: [{ status: 'open' }],
    });
    s.clock.advance(60 * 60_000);
    const obligations = await alice.get(finalObligation);
    expect(obligations.body).toEqual({
      obligations: [
        {
          periodStartDate: '2025-04-06',
          periodEndDate: '2026-04-05',
          dueDate: '2027-01-31',
          status: 'fulfilled',
          receivedDate: '2026-11-29',
        },
      ],
    });
    expect(await alice.post(`${calcs('2025-26')}/${intent}/final-declaration`)).toMatchObject({
      status: 400,
      body: { code: 'RULE_FINAL_DECLARATION_RECEIVED' },
    });
    expect(await alice.post(`${calcs('2025-26')}/trigger/intent-to-finalise`)).toMatchObject({
      status: 400,
      body: { code: 'RULE_FINAL_DECLARATION_RECEIVED' },
    });
    const list = await alice.get(`${calcs('2025-26')}?calculationType=final-declaration`);
    expect(
      (list.body as { calculations: { calculationId: string }[] }).calculations.map(
        (c) => c.calculationId,
      ),
    ).toEqual([intent]);
  });

  it('after a final declaration: intent-to-amend then confirm-amendment', async () => {
    const amend = await triggered(alice, `${calcs('2025-26')}/trigger/intent-to-amend`);
    calculationDone();
    expect((await alice.post(`${calcs('2025-26')}/${amend}/confirm-amendment`)).status).toBe(204);
    const retrieved = await alice.get(`${calcs('2025-26')}/${amend}`);
    expect(retrieved.body).toMatchObject({
      metadata: {
        calculationType: 'intent-to-amend',
        confirmationTimestamp: expect.stringMatching(/^2026-11-29T/),
      },
    });
  });

  it('intent-to-amend before any declaration -> RULE_DECLARATION_NOT_RECEIVED; before 2025-26 -> RULE_CALCULATION_TYPE_NOT_ALLOWED', async () => {
    const u = s.practice.createIndividual({ businesses: [{ typeOfBusiness: 'self-employment' }] });
    const api = await s.as(u);
    expect(
      codeOf((await api.post(`${calcs('2025-26', u.nino)}/trigger/intent-to-amend`)).body),
    ).toBe('RULE_DECLARATION_NOT_RECEIVED');
    expect(
      codeOf((await api.post(`${calcs('2024-25', u.nino)}/trigger/intent-to-amend`)).body),
    ).toBe('RULE_CALCULATION_TYPE_NOT_ALLOWED');
  });

  it('no income submitted -> RULE_NO_INCOME_SUBMISSIONS_EXIST', async () => {
    const u = s.practice.createIndividual({ businesses: [{ typeOfBusiness: 'self-employment' }] });
    const api = await s.as(u);
    expect(await api.post(`${calcs('2026-27', u.nino)}/trigger/in-year`)).toMatchObject({
      status: 400,
      body: { code: 'RULE_NO_INCOME_SUBMISSIONS_EXIST' },
    });
  });

  it('declaring against figures that changed since the calculation -> RULE_RECENT_SUBMISSIONS_EXIST', async () => {
    const u = s.practice.createIndividual({
      businesses: [{ typeOfBusiness: 'self-employment', commencementDate: '2010-01-01' }],
    });
    const api = await s.as(u);
    const path = `/individuals/business/self-employment/${u.nino}/${u.businesses?.[0]?.businessId}/cumulative/2025-26`;
    const body = (turnover: number) => ({
      periodDates: { periodStartDate: '2025-04-06', periodEndDate: '2026-04-05' },
      periodIncome: { turnover },
    });
    expect((await api.put(path, body(20_000))).status).toBe(204);
    const intent = await triggered(api, `${calcs('2025-26', u.nino)}/trigger/intent-to-finalise`);
    calculationDone();
    s.clock.advance(1000);
    expect((await api.put(path, body(21_000))).status).toBe(204);
    expect(await api.post(`${calcs('2025-26', u.nino)}/${intent}/final-declaration`)).toMatchObject(
      { status: 400, body: { code: 'RULE_RECENT_SUBMISSIONS_EXIST' } },
    );
  });

  it.each([
    [`/trigger/final`, 'POST', 'FORMAT_CALCULATION_TYPE'],
    [`/not-a-uuid`, 'GET', 'FORMAT_CALCULATION_ID'],
    [`/f2fb30e5-4ab6-4a29-b3c1-c7264259ff1c/declare`, 'POST', 'FORMAT_CALCULATION_TYPE'],
  ])('%s (%s) -> 400 %s', async (suffix, method, code) => {
    const res = await alice.call({
      method: method as 'GET' | 'POST',
      path: `${calcs('2025-26')}${suffix}`,
    });
    expect(res).toMatchObject({ status: 400, body: { code } });
  });

  it('tax years before 2017-18 are not supported', async () => {
    expect(codeOf((await alice.post(`${calcs('2016-17')}/trigger/in-year`)).body)).toBe(
      'RULE_TAX_YEAR_NOT_SUPPORTED',
    );
  });

  it.each([
    ['NO_INCOME_SUBMISSIONS_EXIST', 'RULE_NO_INCOME_SUBMISSIONS_EXIST'],
    ['FINAL_DECLARATION_RECEIVED', 'RULE_FINAL_DECLARATION_RECEIVED'],
    ['INCOME_SOURCES_CHANGED', 'RULE_INCOME_SOURCES_CHANGED'],
    ['RECENT_SUBMISSIONS_EXIST', 'RULE_RECENT_SUBMISSIONS_EXIST'],
    ['RESIDENCY_CHANGED', 'RULE_RESIDENCY_CHANGED'],
    ['CALCULATION_IN_PROGRESS', 'RULE_CALCULATION_IN_PROGRESS'],
    ['BUSINESS_VALIDATION_FAILURE', 'RULE_BUSINESS_VALIDATION_FAILURE'],
    ['TAX_YEAR_NOT_ENDED', 'RULE_TAX_YEAR_NOT_ENDED'],
  ])('trigger with Gov-Test-Scenario %s -> 400 %s', async (scenario, code) => {
    expect(
      await alice.post(`${calcs('2026-27')}/trigger/in-year`, undefined, { scenario }),
    ).toMatchObject({ status: 400, body: { code } });
  });

  it.each([
    ['OUTSIDE_AMENDMENT_WINDOW', 400, 'RULE_OUTSIDE_AMENDMENT_WINDOW'],
    ['FINAL_DECLARATION_IN_PROGRESS', 400, 'RULE_FINAL_DECLARATION_IN_PROGRESS'],
    ['FINAL_DECLARATION_TAX_YEAR', 400, 'RULE_FINAL_DECLARATION_TAX_YEAR'],
    ['INCOME_SOURCES_INVALID', 400, 'RULE_INCOME_SOURCES_INVALID'],
    ['SUBMISSION_FAILED', 400, 'RULE_SUBMISSION_FAILED'],
    ['TAX_YEAR_NOT_SUPPORTED', 400, 'RULE_TAX_YEAR_NOT_SUPPORTED'],
    ['NOT_FOUND', 404, 'MATCHING_RESOURCE_NOT_FOUND'],
  ])('final declaration with Gov-Test-Scenario %s -> %i %s', async (scenario, status, code) => {
    const res = await alice.post(
      `${calcs('2025-26')}/f2fb30e5-4ab6-4a29-b3c1-c7264259ff1c/final-declaration`,
      undefined,
      { scenario },
    );
    expect(res.status).toBe(status);
    expect(codeOf(res.body)).toBe(code);
  });

  it('retrieve with ERROR_MESSAGES_EXIST returns messages.errors and no calculation; list NOT_FOUND -> 404', async () => {
    const res = await alice.get(`${calcs('2025-26')}/${inYear}`, {
      scenario: 'ERROR_MESSAGES_EXIST',
    });
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('calculation');
    expect((res.body as { messages: { errors: unknown[] } }).messages.errors).toHaveLength(1);
    expect(await alice.get(calcs('2025-26'), { scenario: 'NOT_FOUND' })).toMatchObject({
      status: 404,
    });
    expect(
      codeOf(
        (
          await alice.get(`${calcs('2025-26')}/${inYear}`, {
            scenario: 'UK_PROP_DIVIDENDS_EXAMPLE',
          })
        ).body,
      ),
    ).toBe('RULE_INCORRECT_GOV_TEST_SCENARIO');
  });
});
