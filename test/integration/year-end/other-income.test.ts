import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OtherIncomeApproval } from '@shared/ipc/channels/year-end-other-income';
import { SEEDED } from '../../../src/practice/state/seed';
import { RETURN_SEEDED } from '../../../src/practice/state/seed-return';
import { startDeclareHarness, type DeclareHarness } from './support/declare-harness';

/**
 * The rest of the return against Practice HMRC over HTTP: a sole trader's savings interest
 * (HMRC's account and a new one), UK dividends, a pension contribution and Gift Aid approved
 * into the outbox, sent by Sync now, with receipts; then the year is completed and declared
 * with the year-end services, once the person has said what else they had.
 */
const PRIYA = { ...RETURN_SEEDED.savingsAndDividends, name: 'Priya Patel' };
const EWAN = { ...SEEDED.agentClients.supporting, name: 'Ewan' };
const taxYear = '2025-26';

let h: DeclareHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('other income and reliefs against Practice HMRC', () => {
  it('Priya: savings, dividends, a pension contribution and Gift Aid sent by Sync now, then the year declared', async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'pr-oi-')), 'practice.json');
    h = await startDeclareHarness({ practice: { dataFile } });
    const profileId = await h.profileFor(PRIYA);

    const empty = await h.ok('yearEnd.otherIncome', { profileId, taxYear });
    expect(empty.accounts).toEqual([]);
    expect(empty.permissions.savings).toEqual({ allowed: true });

    // HMRC's own list of her accounts comes first, so the app never adds Harbour Saver twice.
    const listed = await h.ok('yearEnd.refreshSavingsAccounts', { profileId, taxYear });
    expect(listed.accounts.map((a) => [a.accountName, a.atHmrc])).toEqual([
      ['Harbour Saver', true],
    ]);
    const harbour = listed.accounts[0]!.id;

    const approve = (request: {
      profileId: string;
      taxYear: string;
      approval: OtherIncomeApproval;
    }) => h!.ok('yearEnd.approveOtherIncome', request);
    await approve({
      profileId,
      taxYear,
      approval: {
        kind: 'savings-interest',
        accountId: harbour,
        values: { untaxedUkInterest: 185_000 },
      },
    });
    const added = await approve({
      profileId,
      taxYear,
      approval: { kind: 'savings-account-add', accountName: 'Rainy Day Saver' },
    });
    const rainy = added.accounts.find((a) => a.accountName === 'Rainy Day Saver')!;
    expect(rainy.atHmrc).toBe(false);
    await approve({
      profileId,
      taxYear,
      approval: { kind: 'savings-interest', accountId: rainy.id, values: { untaxedUkInterest: 0 } },
    });
    await approve({
      profileId,
      taxYear,
      approval: { kind: 'dividends', values: { ukDividends: 320_000 } },
    });
    await approve({
      profileId,
      taxYear,
      approval: { kind: 'pension-relief', values: { regularPensionContributions: 240_000 } },
    });
    const queued = await approve({
      profileId,
      taxYear,
      approval: {
        kind: 'charitable-giving',
        values: { totalAmount: 80_000, oneOffAmount: 20_000 },
      },
    });
    expect(queued.waiting).toBe(6);
    expect(queued['charitable-giving']).toMatchObject({
      status: 'waiting',
      values: { totalAmount: 80_000, oneOffAmount: 20_000 },
    });
    // One-off donations are part of the total: refused before anything is queued.
    const tooMuch = await h.fails('yearEnd.approveOtherIncome', {
      profileId,
      taxYear,
      approval: { kind: 'charitable-giving', values: { totalAmount: 100, oneOffAmount: 200 } },
    });
    expect(tooMuch.code).toBe('NOTHING_TO_SEND');

    const run = await h.ok('sync.now', { profileId });
    expect(run.accepted).toBe(6);

    const sent = await h.ok('yearEnd.otherIncome', { profileId, taxYear });
    expect(sent.waiting).toBe(0);
    expect(sent.accounts.map((a) => [a.accountName, a.atHmrc, a.interest.status])).toEqual([
      ['Harbour Saver', true, 'sent'],
      ['Rainy Day Saver', true, 'sent'],
    ]);
    expect(sent.dividends.status).toBe('sent');
    expect(sent['pension-relief'].status).toBe('sent');
    expect(sent['charitable-giving'].status).toBe('sent');
    expect(sent.receipts.map((r) => r.submission)).toEqual([
      'savings-interest',
      'savings-account-add',
      'savings-interest',
      'dividends',
      'pension-relief',
      'charitable-giving',
    ]);
    expect(sent.receiptsIntact).toBe(true);

    // Practice HMRC holds what was approved, and the new account once.
    await h.practice.flush();
    const practice = JSON.parse(readFileSync(dataFile, 'utf8')) as {
      taxpayers: Record<string, { savingsAccounts: { accountName: string }[] }>;
    };
    expect(practice.taxpayers[PRIYA.nino]!.savingsAccounts.map((a) => a.accountName)).toEqual([
      'Harbour Saver',
      'Rainy Day Saver',
    ]);

    // Something Ledgerlink does not cover applies: named, and the declaration waits.
    await h.ok('yearEnd.answerNotCovered', {
      profileId,
      taxYear,
      topic: 'capital-gains',
      applies: true,
    });
    const calc = await h.ok('yearEnd.finalCalculation', {
      profileId,
      taxYear,
      purpose: 'finalise',
    });
    const latest = calc.latest!;
    expect(latest.messages.errors).toEqual([]);
    // Worked by hand for Priya (Practice HMRC's seed note): savings, dividends, pension and
    // Gift Aid all counted.
    expect(latest.totalLiabilityPence).toBe(961_805);
    expect(calc.notCovered).toMatchObject({
      unanswered: 0,
      applies: [{ label: 'Capital gains' }],
      confirmedElsewhere: false,
    });
    expect(calc.blockers.map((b) => b.code)).toContain('NOT_COVERED_NOT_REPORTED');
    const blocked = await h.fails('yearEnd.agree', {
      profileId,
      taxYear,
      calculationId: latest.calculationId,
      agreed: true,
    });
    expect(blocked.code).toBe('NOT_COVERED_NOT_REPORTED');

    const confirmed = await h.ok('yearEnd.confirmReportedElsewhere', { profileId, taxYear });
    expect(confirmed.confirmedElsewhere).toBe(true);
    await h.ok('yearEnd.agree', {
      profileId,
      taxYear,
      calculationId: latest.calculationId,
      agreed: true,
    });
    const declared = await h.ok('yearEnd.declare', {
      profileId,
      taxYear,
      calculationId: latest.calculationId,
    });
    expect(declared.declared).toMatchObject({ calculationId: latest.calculationId });
  });

  it('deletes what HMRC holds where the API allows; a supporting agent is refused, with the reason', async () => {
    h = await startDeclareHarness();
    const profileId = await h.profileFor(PRIYA);
    await h.ok('yearEnd.approveOtherIncome', {
      profileId,
      taxYear,
      approval: { kind: 'delete', what: 'dividends' },
    });
    const run = await h.ok('sync.now', { profileId });
    expect(run.accepted).toBe(1);
    const view = await h.ok('yearEnd.otherIncome', { profileId, taxYear });
    expect(view.dividends.status).toBe('deleted');
    expect(view.receipts.map((r) => r.what)).toEqual(['UK dividends deleted']);

    const agentAccount = await h.link(SEEDED.agent, 'agent');
    const ewan = await h.profileFor(EWAN, { accountId: agentAccount, agentRole: 'supporting' });
    const seen = await h.ok('yearEnd.otherIncome', { profileId: ewan, taxYear });
    expect(seen.permissions.savings.allowed).toBe(false);
    expect(seen.permissions['charitable-giving'].reason).toMatch(
      /^HMRC does not let a supporting agent .*Gift Aid.*main agent/,
    );
    const refused = await h.fails('yearEnd.approveOtherIncome', {
      profileId: ewan,
      taxYear,
      approval: { kind: 'dividends', values: { ukDividends: 100 } },
    });
    expect(refused.code).toBe('NOT_ALLOWED_FOR_SUPPORTING_AGENT');
    const checklist = await h.ok('yearEnd.checklist', { profileId: ewan, taxYear });
    expect(checklist.items.find((i) => i.id === 'other-income')?.status).toBe('refused');
  });
});
