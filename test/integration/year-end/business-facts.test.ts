import { afterEach, describe, expect, it } from 'vitest';
import { SEEDED } from '../../../src/practice/state/seed';
import { startDeclareHarness, type DeclareHarness } from './support/declare-harness';

/**
 * The business facts for a year against Practice HMRC over HTTP (Business Details 2.0): the
 * accounting type read and changed, the property cash-basis limit said before anything is sent,
 * the late accounting date rule disapplied and withdrawn, and a supporting agent refused the
 * accounting type, as HMRC's configuration says.
 */
const ALICE = { ...SEEDED.individualA, name: 'Alice Ashworth' };
const GWEN = { ...SEEDED.scottishTaxpayer, name: 'Gwen Galbraith' };
const EWAN = { ...SEEDED.agentClients.supporting, name: 'Ewan' };
const taxYear = '2025-26';

let h: DeclareHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const ledgerIdOf = (harness: DeclareHarness, profileId: string, hmrcId: string): number =>
  harness.services.profiles.ledger(profileId).businesses.findByHmrcId(hmrcId)!.id;

describe('business facts for the year against Practice HMRC', () => {
  it('Alice: the accounting type is read and changed, with what a change means', async () => {
    h = await startDeclareHarness();
    const profileId = await h.profileFor(ALICE);
    const joinery = ledgerIdOf(h, profileId, ALICE.selfEmploymentId);

    const view = await h.ok('yearEnd.businessFacts', { profileId, taxYear, businessId: joinery });
    expect(view.yearEnded).toBe(true);
    expect(view.businesses).toHaveLength(2);
    const facts = view.facts!;
    expect(facts.accountingType).toEqual({ status: 'known', value: 'cash', changeable: true });
    expect(facts.cashBasis).toEqual({ allowed: true });
    expect(facts.consequences.accruals.join(' ')).toMatch(/when you earn it/);
    // Alice's joinery has no accounting date between 31 March and 4 April: nothing to choose.
    expect(facts.lateAccountingDateRule).toMatchObject({
      status: 'found',
      eligible: false,
      disapplied: false,
      canDisapply: false,
      canWithdraw: false,
    });
    expect(facts.periodsOfAccount).toEqual({ status: 'none' });

    const changed = await h.ok('yearEnd.setAccountingType', {
      profileId,
      taxYear,
      businessId: joinery,
      accountingType: 'accruals',
    });
    expect(changed.done).toMatch(/traditional accounting/);
    expect(changed.facts!.accountingType).toMatchObject({ status: 'known', value: 'accruals' });
    // Another year is untouched.
    const next = await h.ok('yearEnd.businessFacts', {
      profileId,
      taxYear: '2026-27',
      businessId: joinery,
    });
    expect(next.facts!.accountingType).toMatchObject({ value: 'cash' });

    const back = await h.ok('yearEnd.setAccountingType', {
      profileId,
      taxYear,
      businessId: joinery,
      accountingType: 'cash',
    });
    expect(back.facts!.accountingType).toMatchObject({ value: 'cash' });
  });

  it('a property business over the cash-basis limit is told before anything is sent', async () => {
    h = await startDeclareHarness();
    const profileId = await h.profileFor(ALICE);
    const property = ledgerIdOf(h, profileId, ALICE.ukPropertyId);
    const ledger = h.services.profiles.ledger(profileId);
    ledger.transactions.add({
      date: '2025-09-30',
      description: 'Rents, block of flats',
      amountPence: 160_000_00,
      businessId: property,
      categoryId: 'ukp.periodAmount',
    });

    const view = await h.ok('yearEnd.businessFacts', { profileId, taxYear, businessId: property });
    const facts = view.facts!;
    // HMRC holds the cash basis; the screen says it is not allowed before anyone is refused.
    expect(facts.accountingType).toMatchObject({ status: 'known', value: 'cash' });
    expect(facts.cashBasis).toMatchObject({ allowed: false, receiptsPence: 160_000_00 });
    expect(facts.cashBasis.allowed === false && facts.cashBasis.reason).toMatch(
      /£160,000\.00.*must use traditional accounting/,
    );
    expect(facts.periodsOfAccount.status).toBe('not-applicable');
    expect(facts.lateAccountingDateRule.status).toBe('not-applicable');

    // Choosing the cash basis again is refused here (Practice would have answered 204).
    const refused = await h.fails('yearEnd.setAccountingType', {
      profileId,
      taxYear,
      businessId: property,
      accountingType: 'cash',
    });
    expect(refused.code).toBe('CASH_BASIS_NOT_ALLOWED');
    expect(refused.message).toMatch(/Nothing was sent/);

    const fixed = await h.ok('yearEnd.setAccountingType', {
      profileId,
      taxYear,
      businessId: property,
      accountingType: 'accruals',
    });
    expect(fixed.facts!.accountingType).toMatchObject({ value: 'accruals' });
    // A late accounting date rule change for property is refused locally too.
    const ladr = await h.fails('yearEnd.disapplyLateAccountingDateRule', {
      profileId,
      taxYear,
      businessId: property,
    });
    expect(ladr.code).toBe('LADR_NOT_APPLICABLE');
  });

  it('Gwen (main agent): the late accounting date rule disapplied, then withdrawn', async () => {
    h = await startDeclareHarness();
    const agentAccount = await h.link(SEEDED.agent, 'agent');
    const profileId = await h.profileFor(GWEN, { accountId: agentAccount, agentRole: 'main' });
    const glass = ledgerIdOf(h, profileId, GWEN.businessId);

    const before = await h.ok('yearEnd.businessFacts', { profileId, taxYear, businessId: glass });
    expect(before.facts!.lateAccountingDateRule).toMatchObject({
      status: 'found',
      eligible: true,
      disapplied: false,
      canDisapply: true,
      canWithdraw: false,
    });

    const disapplied = await h.ok('yearEnd.disapplyLateAccountingDateRule', {
      profileId,
      taxYear,
      businessId: glass,
    });
    expect(disapplied.done).toMatch(/disapplied for 2025-26/);
    expect(disapplied.facts!.lateAccountingDateRule).toMatchObject({
      disapplied: true,
      election: { from: '2025-26', until: '2029-30' },
      canDisapply: false,
      canWithdraw: true,
    });

    // The election made for 2025-26 covers 2026-27 too, but is withdrawn only for 2025-26
    // (and 2026-27 has not ended yet anyway).
    const later = await h.ok('yearEnd.businessFacts', {
      profileId,
      taxYear: '2026-27',
      businessId: glass,
    });
    expect(later.facts!.lateAccountingDateRule).toMatchObject({
      disapplied: true,
      canWithdraw: false,
    });
    const early = await h.fails('yearEnd.withdrawLateAccountingDateRule', {
      profileId,
      taxYear: '2026-27',
      businessId: glass,
    });
    expect(early.code).toBe('LADR_NOT_APPLICABLE');

    const withdrawn = await h.ok('yearEnd.withdrawLateAccountingDateRule', {
      profileId,
      taxYear,
      businessId: glass,
    });
    expect(withdrawn.done).toMatch(/applies again/);
    expect(withdrawn.facts!.lateAccountingDateRule).toMatchObject({
      disapplied: false,
      canDisapply: true,
    });
  });

  it('Ewan (supporting agent): the accounting type is refused with the reason, the rest is shown', async () => {
    h = await startDeclareHarness();
    const agentAccount = await h.link(SEEDED.agent, 'agent');
    const profileId = await h.profileFor(EWAN, {
      accountId: agentAccount,
      agentRole: 'supporting',
    });
    const business = ledgerIdOf(h, profileId, EWAN.businessId);

    const view = await h.ok('yearEnd.businessFacts', { profileId, taxYear, businessId: business });
    expect(view.facts!.accountingType).toMatchObject({
      status: 'refused',
      reason: expect.stringMatching(/supporting agent/),
    });
    expect(view.facts!.lateAccountingDateRule.status).toBe('found');
    const refused = await h.fails('yearEnd.setAccountingType', {
      profileId,
      taxYear,
      businessId: business,
      accountingType: 'accruals',
    });
    expect(refused.code).toBe('ACCOUNTING_TYPE_REFUSED');
  });

  it('after HMRC’s amendment window closes nothing is offered or sent', async () => {
    h = await startDeclareHarness({ at: '2028-02-01T10:00:00Z' });
    const profileId = await h.profileFor(ALICE);
    const joinery = ledgerIdOf(h, profileId, ALICE.selfEmploymentId);
    const view = await h.ok('yearEnd.businessFacts', { profileId, taxYear, businessId: joinery });
    expect(view.facts!.accountingType).toMatchObject({
      status: 'known',
      changeable: false,
      notChangeableReason: expect.stringMatching(/closed on 31 January 2028/),
    });
    const refused = await h.fails('yearEnd.setAccountingType', {
      profileId,
      taxYear,
      businessId: joinery,
      accountingType: 'accruals',
    });
    expect(refused.code).toBe('RULE_OUTSIDE_AMENDMENT_WINDOW');
  });
});
