import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SEEDED } from '../../../src/practice/state/seed';
import { isHmrcError } from '../../../src/main/hmrc/errors/hmrc-error';
import { startDeclareHarness, type DeclareHarness } from './support/declare-harness';

/**
 * The year end against Practice HMRC over HTTP: HMRC's final calculation, the declaration with
 * HMRC's wording, the final declaration and its receipt, amendments, and HMRC's refusals.
 */
const ALICE = { ...SEEDED.individualA, name: 'Alice Ashworth' };
const OWEN = { ...SEEDED.allowanceError, name: 'Owen Osei' };
const GWEN = { ...SEEDED.scottishTaxpayer, name: 'Gwen Galbraith' };
const EWAN = { ...SEEDED.agentClients.supporting, name: 'Ewan' };

let h: DeclareHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function practiceState(harness: DeclareHarness, dataFile: string) {
  await harness.practice.flush();
  return JSON.parse(readFileSync(dataFile, 'utf8')) as {
    taxpayers: Record<
      string,
      {
        finalDeclarations: Record<string, { calculationId: string }>;
        calculations: { calculationId: string; declaredAs?: string }[];
      }
    >;
  };
}

describe('year end: final calculation and declaration against Practice HMRC', () => {
  it('Alice: calculation as an SA302, agreement, final declaration, receipt once; a second is refused', async () => {
    const dataFile = join(
      (await import('node:fs')).mkdtempSync(join((await import('node:os')).tmpdir(), 'pr-')),
      'practice.json',
    );
    h = await startDeclareHarness({ practice: { dataFile } });
    const profileId = await h.profileFor(ALICE);
    const taxYear = '2025-26';

    const before = await h.ok('yearEnd.declarationState', { profileId, taxYear });
    expect(before).toMatchObject({ actor: 'individual', yearEnded: true });
    expect(before.latest).toBeUndefined();
    expect(before.blockers.map((b) => b.code)).toEqual(['NO_CALCULATION']);
    expect(before.wording.statement).toMatch(/^I declare that the information and self-assessment/);

    const progress: string[] = [];
    h.services.ipc.onEmit((event, payload) => {
      if (event === 'yearEnd.calculationProgress')
        progress.push((payload as { stage: string }).stage);
    });
    const calculated = await h.ok('yearEnd.finalCalculation', {
      profileId,
      taxYear,
      purpose: 'finalise',
    });
    expect(progress[0]).toBe('asking');
    expect(progress.at(-1)).toBe('done');
    const latest = calculated.latest!;
    expect(latest.calculationType).toBe('intent-to-finalise');
    expect(latest.messages.errors).toEqual([]);
    expect(latest.sources.length).toBe(2);
    expect(latest.totalLiabilityPence).toBeGreaterThan(0);
    expect(latest.bands.length).toBeGreaterThan(0);
    expect(latest.class4?.totalPence).toBeGreaterThan(0);
    expect(calculated.blockers.map((b) => b.code)).toEqual(['NO_AGREEMENT']);

    // Declaring without agreeing sends nothing.
    const refused = await h.fails('yearEnd.declare', {
      profileId,
      taxYear,
      calculationId: latest.calculationId,
    });
    expect(refused.code).toBe('NO_AGREEMENT');

    const agreed = await h.ok('yearEnd.agree', {
      profileId,
      taxYear,
      calculationId: latest.calculationId,
      agreed: true,
    });
    expect(agreed.agreement).toMatchObject({
      calculationId: latest.calculationId,
      wording: 'individual',
      agreedBy: 'Alice Ashworth',
    });
    expect(agreed.blockers).toEqual([]);

    const declared = await h.ok('yearEnd.declare', {
      profileId,
      taxYear,
      calculationId: latest.calculationId,
    });
    expect(declared.declared).toMatchObject({
      seq: 1,
      calculationId: latest.calculationId,
      how: 'answered',
      declaration: 'final-declaration',
    });
    expect(declared.note).toMatch(/up to an hour/);
    // What was agreed stays viewable.
    const kept = await h.ok('yearEnd.storedCalculation', {
      profileId,
      calculationId: latest.calculationId,
    });
    expect(kept.totalLiabilityPence).toBe(latest.totalLiabilityPence);

    // Obligation: fulfilled after HMRC's delay (up to an hour).
    h.advance(61 * 60_000);
    await h.services.profiles.refresh(profileId);

    // Practice HMRC holds exactly one final declaration, for the agreed calculation.
    const state = await practiceState(h, dataFile);
    expect(state.taxpayers[ALICE.nino]!.finalDeclarations[taxYear]!.calculationId).toBe(
      latest.calculationId,
    );

    // Here: refused locally, nothing sent.
    expect(
      (await h.fails('yearEnd.finalCalculation', { profileId, taxYear, purpose: 'finalise' })).code,
    ).toBe('ALREADY_DECLARED');
    // Another copy of the app (no local record): HMRC refuses a second declaration.
    const { client, nino } = h.services.profiles.hmrcFor(profileId);
    const second = await client.calculations
      .trigger(nino, taxYear, 'intent-to-finalise')
      .catch((e: unknown) => e);
    expect(isHmrcError(second) && second.code).toBe('RULE_FINAL_DECLARATION_RECEIVED');
  });

  it('the current tax year: refused locally before anything is sent; HMRC says RULE_TAX_YEAR_NOT_ENDED', async () => {
    h = await startDeclareHarness();
    const profileId = await h.profileFor(ALICE);
    const s = await h.ok('yearEnd.declarationState', { profileId, taxYear: '2026-27' });
    expect(s.yearEnded).toBe(false);
    expect(s.readOnlyReason).toMatch(/ends on 5 April 2027/);
    const local = await h.fails('yearEnd.finalCalculation', {
      profileId,
      taxYear: '2026-27',
      purpose: 'finalise',
    });
    expect(local.code).toBe('TAX_YEAR_NOT_ENDED');
    const { client, nino } = h.services.profiles.hmrcFor(profileId);
    const hmrc = await client.calculations
      .trigger(nino, '2026-27', 'intent-to-finalise')
      .catch((e: unknown) => e);
    expect(isHmrcError(hmrc) && hmrc.code).toBe('RULE_TAX_YEAR_NOT_ENDED');
  });

  it('Owen: the calculation error blocks the declaration until fixed and retriggered', async () => {
    h = await startDeclareHarness();
    const profileId = await h.profileFor(OWEN);
    const taxYear = '2025-26';
    const first = await h.ok('yearEnd.finalCalculation', {
      profileId,
      taxYear,
      purpose: 'finalise',
    });
    expect(first.latest!.messages.errors.length).toBeGreaterThan(0);
    expect(first.blockers.map((b) => b.code)).toContain('CALCULATION_ERRORS');
    expect(first.blockers.find((b) => b.code === 'CALCULATION_ERRORS')!.fixAt).toBe('review');
    expect(
      (
        await h.fails('yearEnd.agree', {
          profileId,
          taxYear,
          calculationId: first.latest!.calculationId,
          agreed: true,
        })
      ).code,
    ).toBe('CALCULATION_ERRORS');

    // Fix: the final cumulative update again, without expenses (income only), then retrigger.
    const ledger = h.services.profiles.ledger(profileId);
    const business = ledger.businesses.list()[0]!;
    ledger.transactions.add({
      date: '2026-03-01',
      description: 'Odd jobs for the year',
      amountPence: 1_850_000,
      businessId: business.id,
      categoryId: 'se.turnover',
    });
    const u = await h.services.review.prepare({
      profileId,
      businessId: business.id,
      taxYear,
      periodEnd: '2026-04-05',
    });
    await h.services.review.approve({
      profileId,
      businessId: business.id,
      taxYear,
      periodEnd: '2026-04-05',
      payloadHash: u.payloadHash,
      recordsFingerprint: u.records.fingerprint,
      acknowledgedWarnings: u.warnings.map((w) => w.code),
    });
    const run = await h.services.sync.syncNow(profileId, {
      estimate: false,
      refreshObligations: false,
    });
    expect(run.accepted).toBe(1);

    const second = await h.ok('yearEnd.finalCalculation', {
      profileId,
      taxYear,
      purpose: 'finalise',
    });
    expect(second.latest!.calculationId).not.toBe(first.latest!.calculationId);
    expect(second.latest!.messages.errors).toEqual([]);
    expect(second.blockers.map((b) => b.code)).toEqual(['NO_AGREEMENT']);
    // Both calculations are kept.
    expect(second.calculations.map((c) => c.calculationId)).toEqual([
      second.latest!.calculationId,
      first.latest!.calculationId,
    ]);
  });

  it('amendment inside the window: new calculation compared with the declared one, then confirmed; outside: refused before sending', async () => {
    h = await startDeclareHarness();
    const profileId = await h.profileFor(ALICE);
    const taxYear = '2025-26';
    const calc = await h.ok('yearEnd.finalCalculation', {
      profileId,
      taxYear,
      purpose: 'finalise',
    });
    const id = calc.latest!.calculationId;
    await h.ok('yearEnd.agree', { profileId, taxYear, calculationId: id, agreed: true });
    await h.ok('yearEnd.declare', { profileId, taxYear, calculationId: id });

    // Change a figure through the normal updates: more income in the final update.
    const ledger = h.services.profiles.ledger(profileId);
    const business = ledger.businesses.list().find((b) => b.kind === 'self-employment')!;
    ledger.transactions.add({
      date: '2026-03-20',
      description: 'Late invoice',
      amountPence: 250_000,
      businessId: business.id,
      categoryId: 'se.turnover',
    });
    h.advance(2 * 60 * 60_000);
    const u = await h.services.review.prepare({
      profileId,
      businessId: business.id,
      taxYear,
      periodEnd: '2026-04-05',
    });
    await h.services.review.approve({
      profileId,
      businessId: business.id,
      taxYear,
      periodEnd: '2026-04-05',
      payloadHash: u.payloadHash,
      recordsFingerprint: u.records.fingerprint,
      acknowledgedWarnings: u.warnings.map((w) => w.code),
    });
    expect(
      (await h.services.sync.syncNow(profileId, { estimate: false, refreshObligations: false }))
        .accepted,
    ).toBe(1);

    const amended = await h.ok('yearEnd.finalCalculation', {
      profileId,
      taxYear,
      purpose: 'amend',
    });
    expect(amended.latest!.calculationType).toBe('intent-to-amend');
    const compare = await h.ok('yearEnd.compareAmendment', { profileId, taxYear });
    expect(compare.declaredCalculationId).toBe(id);
    expect(compare.lines.length).toBeGreaterThan(0);
    expect(compare.taxChangePence).not.toBe(0);
    await h.ok('yearEnd.agree', {
      profileId,
      taxYear,
      calculationId: amended.latest!.calculationId,
      agreed: true,
    });
    const confirmed = await h.ok('yearEnd.declare', {
      profileId,
      taxYear,
      calculationId: amended.latest!.calculationId,
    });
    expect(confirmed.amended).toHaveLength(1);
    expect(confirmed.amended[0]).toMatchObject({ declaration: 'confirm-amendment', seq: 2 });

    // 1 February 2028: HMRC's window has closed; the app says so and sends nothing.
    h.advance(Date.parse('2028-02-01T10:00:00Z') - h.clock.now().getTime());
    const late = await h.ok('yearEnd.declarationState', { profileId, taxYear });
    expect(late.withinAmendmentWindow).toBe(false);
    const refused = await h.fails('yearEnd.finalCalculation', {
      profileId,
      taxYear,
      purpose: 'amend',
    });
    expect(refused.code).toBe('OUTSIDE_AMENDMENT_WINDOW');
    expect(refused.message).toMatch(/2028-01-31/);
  });

  it('Gwen (main agent client): client approval first, agent wording, Scottish bands; Ewan (supporting): read-only with the reason', async () => {
    h = await startDeclareHarness();
    const agentAccount = await h.link(SEEDED.agent, 'agent');
    const gwen = await h.profileFor(GWEN, { accountId: agentAccount, agentRole: 'main' });
    const taxYear = '2025-26';
    const calc = await h.ok('yearEnd.finalCalculation', {
      profileId: gwen,
      taxYear,
      purpose: 'finalise',
    });
    expect(calc.actor).toBe('main-agent');
    expect(calc.latest!.taxRegime).toBe('scotland');
    expect(calc.wording.variant).toBe('agent');
    expect(calc.wording.statement).toMatch(/^I confirm that my client has received a copy/);
    const id = calc.latest!.calculationId;
    expect(calc.blockers.map((b) => b.code)).toEqual(['NO_CLIENT_APPROVAL', 'NO_AGREEMENT']);
    expect(
      (
        await h.fails('yearEnd.agree', {
          profileId: gwen,
          taxYear,
          calculationId: id,
          agreed: true,
        })
      ).code,
    ).toBe('NO_CLIENT_APPROVAL');
    const approved = await h.ok('yearEnd.recordClientApproval', {
      profileId: gwen,
      taxYear,
      calculationId: id,
      approvedOn: '2026-06-14',
      method: 'email',
      note: 'Gwen replied to the SA302 email: approved.',
    });
    expect(approved.clientApproval).toMatchObject({ approvedOn: '2026-06-14', method: 'email' });
    await h.ok('yearEnd.agree', { profileId: gwen, taxYear, calculationId: id, agreed: true });
    const done = await h.ok('yearEnd.declare', { profileId: gwen, taxYear, calculationId: id });
    expect(done.declared).toMatchObject({ calculationId: id, how: 'answered' });

    const ewan = await h.profileFor(EWAN, { accountId: agentAccount, agentRole: 'supporting' });
    const view = await h.ok('yearEnd.declarationState', { profileId: ewan, taxYear });
    expect(view.actor).toBe('supporting-agent');
    expect(view.readOnlyReason).toMatch(/supporting agent/);
    expect(view.calculations).toEqual([]);
    expect(
      (await h.fails('yearEnd.finalCalculation', { profileId: ewan, taxYear, purpose: 'finalise' }))
        .code,
    ).toBe('NOT_ALLOWED_FOR_SUPPORTING_AGENT');
  });
});
