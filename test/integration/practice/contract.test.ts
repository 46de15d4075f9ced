import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHmrcSpecs } from '../../support/hmrc-specs';
import { type ApiClient, codeOf, errorCodesOf } from './helpers/contract-client';
import { REFERENCE_NOW, type Session, startSession } from './helpers/practice-session';

/**
 * The contract suite: HMRC's own example requests are accepted, deliberately broken bodies are
 * refused both by HMRC's request schema and by Practice HMRC (with the right code), and every
 * response in these (and all other integration) tests validates against HMRC's response
 * schema for the endpoint (checked inside ApiClient).
 */
const { specs, reason } = loadHmrcSpecs();

const SE = 'self-employment-business-api';
const PB = 'property-business-api';
const SE_PUT = '/individuals/business/self-employment/{nino}/{businessId}/cumulative/{taxYear}';
const PB_PUT = '/individuals/business/property/uk/{nino}/{businessId}/cumulative/{taxYear}';

describe.skipIf(!specs)(`contract with HMRC's OAS specs (${reason})`, () => {
  let s: Session;
  let api: ApiClient;
  let nino: string;
  let seId: string;
  let pbId: string;

  beforeAll(async () => {
    s = await startSession({ at: REFERENCE_NOW });
    const u = s.practice.createIndividual({
      mtdStartTaxYear: '2025-26',
      businesses: [
        {
          typeOfBusiness: 'self-employment',
          tradingName: 'Contract Co',
          commencementDate: '2010-01-01',
        },
        { typeOfBusiness: 'uk-property', commencementDate: '2010-01-01' },
      ],
    });
    nino = u.nino as string;
    seId = u.businesses?.[0]?.businessId as string;
    pbId = u.businesses?.[1]?.businessId as string;
    api = await s.as(u);
  });
  afterAll(async () => {
    await s.practice.stop();
  });

  const sePath = (ty = '2025-26') =>
    `/individuals/business/self-employment/${nino}/${seId}/cumulative/${ty}`;
  const pbPath = (ty = '2025-26') =>
    `/individuals/business/property/uk/${nino}/${pbId}/cumulative/${ty}`;

  it('accepts every example request HMRC gives for the SE cumulative PUT (and returns it on GET)', async () => {
    const examples = specs?.exampleRequests(SE, 'put', SE_PUT) ?? [];
    expect(examples.map((e) => e.name)).toEqual([
      'Non-consolidated request',
      'Consolidated request',
    ]);
    for (const example of examples) {
      expect(specs?.requestSchema(SE, 'put', SE_PUT)?.(example.body).errors).toEqual([]);
      expect((await api.put(sePath(), example.body)).status, example.name).toBe(204);
      expect((await api.get(sePath())).body).toEqual(example.body);
    }
  });

  it('accepts every example request HMRC gives for the UK property cumulative PUT', async () => {
    const examples = specs?.exampleRequests(PB, 'put', PB_PUT) ?? [];
    expect(examples).toHaveLength(2);
    for (const example of examples) {
      expect((await api.put(pbPath(), example.body)).status, example.name).toBe(204);
    }
  });

  it('accepts the quarterly period type and Test Support example requests', async () => {
    const qpt = '/individuals/business/details/{nino}/{businessId}/{taxYear}';
    for (const example of specs?.exampleRequests('business-details-api', 'put', qpt) ?? []) {
      expect(
        (await api.put(`/individuals/business/details/${nino}/${seId}/2026-27`, example.body))
          .status,
      ).toBe(204);
    }
    const create = '/individuals/self-assessment-test-support/business/{nino}';
    const examples = specs?.exampleRequests('mtd-sa-test-support-api', 'post', create) ?? [];
    expect(examples).toHaveLength(3);
    for (const example of examples) {
      const person = s.practice.createIndividual();
      const fresh = await s.as(person);
      const res = await fresh.post(
        `/individuals/self-assessment-test-support/business/${person.nino}`,
        example.body,
      );
      expect(res.status, example.name).toBe(201);
    }
    const status = '/individuals/self-assessment-test-support/itsa-status/{nino}/{taxYear}';
    for (const example of specs?.exampleRequests('mtd-sa-test-support-api', 'post', status) ?? []) {
      expect(
        (
          await api.post(
            `/individuals/self-assessment-test-support/itsa-status/${nino}/2024-25`,
            example.body,
          )
        ).status,
      ).toBe(204);
    }
  });

  describe("deliberately broken bodies: HMRC's schema and Practice HMRC both refuse them", () => {
    const example = () =>
      structuredClone(specs?.exampleRequests(SE, 'put', SE_PUT)[0]?.body) as Record<
        string,
        Record<string, unknown>
      >;
    const breakages: [string, (b: Record<string, Record<string, unknown>>) => void, string][] = [
      [
        'three decimal places',
        (b) => ((b.periodIncome as Record<string, unknown>).turnover = 10.001),
        'FORMAT_VALUE',
      ],
      [
        'negative income',
        (b) => ((b.periodIncome as Record<string, unknown>).other = -1),
        'FORMAT_VALUE',
      ],
      [
        'amount too large',
        (b) => ((b.periodExpenses as Record<string, unknown>).costOfGoods = 100000000000),
        'FORMAT_VALUE',
      ],
      [
        'a string that is not an amount',
        (b) => ((b.periodIncome as Record<string, unknown>).turnover = '10 pounds'),
        'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED',
      ],
      [
        'an object holding only an unknown field',
        (b) => (b.periodIncome = { bonus: 1 }),
        'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED',
      ],
      [
        'a missing start date',
        (b) => delete (b.periodDates as Record<string, unknown>).periodStartDate,
        'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED',
      ],
      [
        'an impossible date',
        (b) => ((b.periodDates as Record<string, unknown>).periodEndDate = '2025-02-30'),
        'FORMAT_END_DATE',
      ],
    ];
    it.each(breakages)('%s', async (_name, breakIt, code) => {
      const body = example();
      breakIt(body);
      expect(specs?.requestSchema(SE, 'put', SE_PUT)?.(body).valid).toBe(false);
      const res = await api.put(sePath(), body);
      expect(res.status).toBe(400);
      expect(errorCodesOf(res.body)).toContain(code);
    });

    // HMRC's API reads bodies more leniently than its published schema: it ignores fields it
    // does not know and reads amounts from numeric strings. Practice does the same; the app's
    // own contract tests keep it sending only what the schema allows. [SE
    // ResolveNonEmptyJsonObject.scala; Def1_CreateAmendCumulativePeriodSummaryValidatorSpec.scala
    // "given a valid request with consolidated expenses"]
    it.each([
      ['an unknown field', (b: Record<string, Record<string, unknown>>) => (b.periodExtras = {})],
      [
        'an unknown expense',
        (b: Record<string, Record<string, unknown>>) =>
          ((b.periodExpenses as Record<string, unknown>).bribes = 1),
      ],
      [
        'an amount as a numeric string',
        (b: Record<string, Record<string, unknown>>) =>
          ((b.periodIncome as Record<string, unknown>).turnover = '10.50'),
      ],
    ])('schema refuses, HMRC and Practice accept: %s', async (_name, change) => {
      const body = example();
      change(body);
      expect(specs?.requestSchema(SE, 'put', SE_PUT)?.(body).valid).toBe(false);
      expect((await api.put(sePath(), body)).status).toBe(204);
    });

    it('business rules the schema cannot express are refused too (both expenses)', async () => {
      const body = example();
      (body.periodExpenses as Record<string, unknown>).consolidatedExpenses = 10;
      expect(specs?.requestSchema(SE, 'put', SE_PUT)?.(body).valid).toBe(true);
      expect(codeOf((await api.put(sePath(), body)).body)).toBe('RULE_BOTH_EXPENSES_SUPPLIED');
    });
  });

  it("property: for any amounts, Practice HMRC accepts a body exactly when HMRC's schema does", async () => {
    const schema = specs?.requestSchema(SE, 'put', SE_PUT);
    // Amounts as a client would write them: whole pence, tenths of a penny, or whole pounds, across
    // and beyond HMRC's range. (Arbitrary doubles like 5e-324 are left out: Ajv checks multipleOf
    // with a tolerance, so it is not an exact oracle for them.)
    const money = fc.oneof(
      fc.integer({ min: -10_000_000_000_000, max: 10_000_000_000_000 }).map((p) => p / 100),
      fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map((p) => p / 1000),
      fc.integer({ min: -200_000_000_000, max: 200_000_000_000 }),
    );
    await fc.assert(
      fc.asyncProperty(money, money, money, async (turnover, costOfGoods, disallowable) => {
        const body = {
          periodDates: { periodStartDate: '2025-04-06', periodEndDate: '2026-04-05' },
          periodIncome: { turnover },
          periodExpenses: { costOfGoods },
          periodDisallowableExpenses: { costOfGoodsDisallowable: disallowable },
        };
        const schemaSays = schema?.(body).valid;
        const res = await api.put(sePath(), body);
        expect(res.status === 204, `${JSON.stringify(body)} -> ${res.status} ${res.text}`).toBe(
          schemaSays,
        );
        if (!schemaSays) expect(codeOf(res.body)).toMatch(/^(FORMAT_VALUE|INVALID_REQUEST)$/);
      }),
      { numRuns: 60, seed: 20261129 },
    );
  });

  it("lists every error code Practice HMRC uses for the cumulative PUT in HMRC's spec for that endpoint", () => {
    const listed = new Set(specs?.errorCodes(SE, 'put', SE_PUT));
    const used = [
      'FORMAT_NINO',
      'FORMAT_BUSINESS_ID',
      'FORMAT_TAX_YEAR',
      'FORMAT_VALUE',
      'FORMAT_START_DATE',
      'FORMAT_END_DATE',
      'RULE_END_DATE_BEFORE_START_DATE',
      'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED',
      'RULE_TAX_YEAR_NOT_SUPPORTED',
      'RULE_TAX_YEAR_RANGE_INVALID',
      'RULE_BOTH_EXPENSES_SUPPLIED',
      'RULE_INCORRECT_GOV_TEST_SCENARIO',
      'RULE_EARLY_DATA_SUBMISSION_NOT_ACCEPTED',
      'RULE_ADVANCE_SUBMISSION_REQUIRES_PERIOD_END_DATE',
      'RULE_START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
      'RULE_START_DATE_NOT_ALIGNED_TO_COMMENCEMENT_DATE',
      'RULE_END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
      'RULE_MISSING_SUBMISSION_DATES',
      'RULE_START_AND_END_DATE_NOT_ALLOWED',
      'RULE_OUTSIDE_AMENDMENT_WINDOW',
      'RULE_SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS',
      'CLIENT_OR_AGENT_NOT_AUTHORISED',
      'MATCHING_RESOURCE_NOT_FOUND',
    ];
    expect(used.filter((c) => !listed.has(c))).toEqual([]);
  });
});
