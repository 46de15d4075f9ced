import { describe, expect, it } from 'vitest';
import { readBody, toStoredBody } from '../../../src/practice/rules/body-shape';
import { checkCountryCode } from '../../../src/practice/rules/country-codes';
import { foreignCumulativeSpec } from '../../../src/practice/rules/foreign-cumulative-body';
import { itsaStatusDetails } from '../../../src/practice/rules/itsa-status';
import {
  checkSeAnnualRules,
  seAnnualDef,
  seAnnualSpec,
} from '../../../src/practice/rules/se-annual-body';
import { SEEDED } from '../../../src/practice/server';
import { seedState } from '../../../src/practice/state/seed';
import { topUpSeededUsers } from '../../../src/practice/state/seed-top-up';
import { estimate } from '../../../src/practice/tax/estimate';
import { applyBands, scottishBands } from '../../../src/practice/tax/income-tax-bands';
import { penceTreeToJson } from '../../../src/practice/tax/pence-tree';
import { ratesFor } from '../../../src/practice/tax/rates';
import { taxYearFromLabel } from '../../../src/practice/tax/tax-year';

const ty = taxYearFromLabel;

describe('bodies with lists and flags, read as HMRC reads them', () => {
  const spec = foreignCumulativeSpec(false);

  it('a list item of the wrong type or a wrong field in an item is reported with its index', () => {
    const read = readBody(
      { foreignProperty: [{ countryCode: 'FRA', income: { foreignTaxCreditRelief: 'yes' } }, 'x'] },
      spec,
    );
    expect(read.ok ? [] : read.errors[0]?.paths).toEqual([
      '/foreignProperty/0/income/foreignTaxCreditRelief',
      '/foreignProperty/1',
    ]);
  });

  it('an empty list is an empty path, like an empty object [EmptinessChecker.scala]', () => {
    const read = readBody({ foreignProperty: [] }, spec);
    expect(read.ok ? [] : read.errors[0]?.paths).toEqual(['/foreignProperty']);
  });

  it('stores amounts as pence and keeps texts, flags and lists; reads back exactly', () => {
    const body = {
      foreignProperty: [
        {
          countryCode: 'ESP',
          income: { rentIncome: { rentAmount: 1000.1 }, foreignTaxCreditRelief: false },
          expenses: { consolidatedExpenses: -0.5 },
        },
      ],
    };
    const read = readBody(body, spec);
    if (!read.ok) throw new Error('should read');
    const stored = toStoredBody(read.body, spec);
    expect(stored).toEqual({
      foreignProperty: [
        {
          countryCode: 'ESP',
          income: { rentIncome: { rentAmount: 100010 }, foreignTaxCreditRelief: false },
          expenses: { consolidatedExpenses: -50 },
        },
      ],
    });
    expect(penceTreeToJson(stored)).toEqual(body);
  });
});

describe("country codes HMRC's property APIs permit", () => {
  it.each([
    ['FRA', undefined],
    ['XKX', undefined],
    ['ZZZ', undefined],
    ['GBR', 'RULE_COUNTRY_CODE'],
    ['ATA', 'RULE_COUNTRY_CODE'],
    ['ABC', 'RULE_COUNTRY_CODE'],
    ['FR', 'FORMAT_COUNTRY_CODE'],
    ['FRANCE', 'FORMAT_COUNTRY_CODE'],
  ])('%s -> %s', (code, expected) => {
    expect(checkCountryCode(code)?.code).toBe(expected);
  });
});

describe('self-employment annual submission rules by tax year', () => {
  it('picks the schema HMRC picks: def1 to 2023-24, def2 2024-25, def3 2025-26, def4 after', () => {
    expect(
      ['2023-24', '2024-25', '2025-26', '2026-27', '2030-31'].map((y) => seAnnualDef(ty(y))),
    ).toEqual([1, 2, 3, 4, 4]);
  });

  it('2026-27 knows adjustmentToProfitsForClass4 and the first year allowance; 2025-26 does not', () => {
    const body = {
      adjustments: { adjustmentToProfitsForClass4: 10 },
      allowances: { firstYearAllowanceOnPlantAndMachinery: 20 },
    };
    expect(readBody(body, seAnnualSpec(4)).ok).toBe(true);
    const older = readBody(body, seAnnualSpec(3));
    expect(older.ok ? [] : older.errors[0]?.paths).toEqual(['/adjustments', '/allowances']);
  });

  it('the trading income allowance stands alone, and only overlap relief before 2024-25 is allowed', () => {
    const read = readBody(
      {
        adjustments: { overlapReliefUsed: 5, transitionProfitAccelerationAmount: 1 },
        allowances: { tradingIncomeAllowance: 1000, annualInvestmentAllowance: 1 },
      },
      seAnnualSpec(2),
    );
    if (!read.ok) throw new Error('should read');
    expect(checkSeAnnualRules(read.body, 2).map((e) => e.code)).toEqual([
      'RULE_WRONG_TPA_AMOUNT_SUBMITTED',
      'RULE_OVERLAP_RELIEF_USED_NOT_ALLOWED',
      'RULE_BOTH_ALLOWANCES_SUPPLIED',
    ]);
  });
});

describe('Scottish bands and the calculation', () => {
  it('2026-27 bands in taxable income: starter to £3,967, basic to £16,956, intermediate to £31,092', () => {
    const { bands, published } = scottishBands(ty('2026-27'));
    expect(published).toBe(true);
    expect(applyBands(40_000, bands).map((b) => [b.name, b.income, b.tax])).toEqual([
      ['starter-rate', 3_967, 75_373],
      ['basic-rate', 12_989, 259_780],
      ['intermediate-rate', 14_136, 296_856],
      ['higher-rate', 8_908, 374_136],
    ]);
    expect(scottishBands(ty('2030-31')).published).toBe(false);
  });

  it('a Class 4 exemption takes the business out of Class 4; annual deductions reduce profit', () => {
    const rates = ratesFor(ty('2026-27'));
    const e = estimate(
      [
        {
          businessId: 'XAIS00000000001',
          type: 'self-employment',
          income: 4_000_000,
          expenses: 0,
          disallowable: 0,
          taxDeducted: 0,
          financeCosts: 0,
          deductions: 500_000,
          additions: 10_000,
          class4Exempt: true,
        },
      ],
      rates,
    );
    expect(e.businesses[0]?.taxableProfit).toBe(35_100);
    expect(e.class4?.total).toBe(0);
  });

  it('foreign tax credit relief is the lower of the tax paid and the UK tax on that income', () => {
    const rates = ratesFor(ty('2025-26'));
    const foreign = (paid: number) => ({
      businessId: 'XFIS00000000001',
      type: 'foreign-property' as const,
      countryCode: 'FRA',
      income: 2_000_000,
      expenses: 0,
      disallowable: 0,
      taxDeducted: 0,
      financeCosts: 0,
      foreignTax: { paid, claimed: true },
    });
    // £20,000 taxable £7,430, all at 20%: the UK tax on the income is £1,486.
    expect(estimate([foreign(100_000)], rates).foreignTaxCredits[0]).toMatchObject({
      ukLiability: 148_600,
      credit: 100_000,
    });
    expect(estimate([foreign(300_000)], rates).foreignTaxCredits[0]?.credit).toBe(148_600);
  });
});

describe('seeded people', () => {
  it('a data file from before the year-end users gets them, keeping what it holds', () => {
    const fresh = seedState();
    const old = seedState();
    old.users = old.users.filter((u) => u.userId !== SEEDED.scottishTaxpayer.userId);
    delete old.taxpayers[SEEDED.scottishTaxpayer.nino];
    const agent = old.users.find((u) => u.userId === SEEDED.agent.userId);
    if (agent)
      agent.clients = (agent.clients ?? []).filter((c) => c.nino !== SEEDED.scottishTaxpayer.nino);
    old.taxpayers[SEEDED.individualA.nino]!.name = 'Alice (renamed in practice)';
    expect(topUpSeededUsers(old, fresh)).toBe(true);
    expect(old.taxpayers[SEEDED.scottishTaxpayer.nino]?.taxRegime).toBe('scotland');
    expect(old.users.find((u) => u.userId === SEEDED.agent.userId)?.clients).toContainEqual({
      nino: SEEDED.scottishTaxpayer.nino,
      relationship: 'main',
    });
    expect(old.taxpayers[SEEDED.individualA.nino]?.name).toBe('Alice (renamed in practice)');
    expect(topUpSeededUsers(old, fresh)).toBe(false);
  });

  it('every year from the MTD start to today has an ITSA status; earlier ones none', () => {
    const data = seedState();
    const carys = data.taxpayers[SEEDED.agentClients.mainSelfEmployed.nino]!;
    expect(itsaStatusDetails(carys, ty('2026-27'), '2026-11-29').map((d) => d.status)).toEqual([
      'MTD Mandated',
    ]);
    expect(itsaStatusDetails(carys, ty('2025-26'), '2026-11-29')).toEqual([]);
    const bilal = data.taxpayers[SEEDED.individualB.nino]!;
    expect(itsaStatusDetails(bilal, ty('2027-28'), '2027-05-01').map((d) => d.status)).toEqual([
      'MTD Voluntary',
    ]);
  });
});
