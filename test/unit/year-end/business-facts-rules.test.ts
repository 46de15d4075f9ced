import { describe, expect, it } from 'vitest';
import {
  cashBasisCheck,
  consequencesOf,
  PROPERTY_CASH_BASIS_LIMIT_PENCE,
} from '@shared/domain/accounting-type';
import {
  accountingTypeRefusal,
  lateAccountingDateRuleFact,
  windowClosed,
  type YearFacts,
} from '../../../src/main/year-end/business-facts/facts-rules';

const ended: YearFacts = {
  taxYear: '2025-26',
  yearEnded: true,
  windowEnd: '2028-01-31',
  withinWindow: true,
  role: undefined,
};
const AFTER = '2026-04-06';

describe('the property cash-basis limit', () => {
  it('lets property use the cash basis up to £150,000 of receipts and not a penny more', () => {
    expect(cashBasisCheck('uk-property', PROPERTY_CASH_BASIS_LIMIT_PENCE)).toEqual({
      allowed: true,
    });
    const over = cashBasisCheck('uk-property', PROPERTY_CASH_BASIS_LIMIT_PENCE + 1);
    expect(over).toMatchObject({ allowed: false, receiptsPence: 150_000_01 });
    expect(over.allowed === false && over.reason).toMatch(/£150,000\.01.*£150,000\.00/);
  });

  it('never limits self-employment', () => {
    expect(cashBasisCheck('self-employment', 10_000_000_00)).toEqual({ allowed: true });
  });

  it('explains each type differently before a change', () => {
    expect(consequencesOf('cash')[0]).toMatch(/reaches you/);
    expect(consequencesOf('accruals')[0]).toMatch(/earn it/);
  });
});

describe('who may change what, and when', () => {
  it('refuses a supporting agent the accounting type, as HMRC does', () => {
    expect(accountingTypeRefusal({ ...ended, role: 'supporting' })).toMatch(/supporting agent/);
    expect(accountingTypeRefusal({ ...ended, role: 'main' })).toBeUndefined();
    expect(accountingTypeRefusal(ended)).toBeUndefined();
  });

  it('says when the amendment window closed', () => {
    expect(windowClosed(ended)).toBeUndefined();
    expect(windowClosed({ ...ended, withinWindow: false })).toMatch(/closed on 31 January 2028/);
  });
});

describe('the late accounting date rule', () => {
  const eligible = { eligible: true, disapplied: false };

  it('offers disapplying only after the year ended, for an eligible business', () => {
    expect(lateAccountingDateRuleFact(eligible, ended, AFTER)).toMatchObject({
      canDisapply: true,
      canWithdraw: false,
    });
    const early = lateAccountingDateRuleFact(eligible, { ...ended, yearEnded: false }, AFTER);
    expect(early).toMatchObject({ canDisapply: false, why: expect.stringMatching(/6 April 2026/) });
    const notEligible = lateAccountingDateRuleFact(
      { eligible: false, disapplied: false },
      ended,
      AFTER,
    );
    expect(notEligible).toMatchObject({
      canDisapply: false,
      why: expect.stringMatching(/31 March/),
    });
  });

  it('offers withdrawing only for the year the election was made', () => {
    const made = {
      eligible: true,
      disapplied: true,
      election: { from: '2025-26', until: '2029-30' },
    };
    expect(lateAccountingDateRuleFact(made, ended, AFTER)).toMatchObject({
      canDisapply: false,
      canWithdraw: true,
    });
    const later = lateAccountingDateRuleFact(made, { ...ended, taxYear: '2026-27' }, '2027-04-06');
    expect(later).toMatchObject({
      canWithdraw: false,
      why: expect.stringMatching(/made for 2025-26.*until 2029-30/),
    });
  });

  it('offers nothing once the amendment window has closed', () => {
    const closed = lateAccountingDateRuleFact(eligible, { ...ended, withinWindow: false }, AFTER);
    expect(closed).toMatchObject({ canDisapply: false, canWithdraw: false });
  });
});
