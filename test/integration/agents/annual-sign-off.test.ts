import { afterEach, describe, expect, it } from 'vitest';
import { SEEDED } from '../../../src/practice/server';
import { startSyncHarness, type SyncHarness } from '../sync/support/sync-harness';

/**
 * The client sign-off pack for annual figures, with the real services, ledger and Practice HMRC:
 * Grace (main agent for Gwen Galbraith) sends Gwen's 2025-26 annual figures, then prepares
 * changed ones; the pack shows each figure against the figures HMRC accepted, in pounds and
 * words, and Gwen's approval is recorded against exactly those figures.
 */
let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const gwen = SEEDED.scottishTaxpayer;
const TY = '2025-26';

describe('the annual figures sign-off pack', () => {
  it('shows the change from what HMRC accepted and keeps the client’s approval', async () => {
    h = await startSyncHarness();
    const accountId = await h.link(SEEDED.agent, 'agent');
    const profile = await h.ok('profiles.create', {
      kind: 'client',
      name: 'Gwen Galbraith',
      nino: gwen.nino,
      accountId,
      agentRole: 'main',
    });
    await h.services.profiles.refresh(profile.id);
    const se = h.services.profiles.ledger(profile.id).businesses.findByHmrcId(gwen.businessId)!;
    const ref = { profileId: profile.id, businessId: se.id, taxYear: TY };
    const approve = async (figures: { key: string; value: number | boolean }[]) => {
      const review = await h!.ok('yearEnd.annualPrepare', { ...ref, figures });
      expect(review.errors).toEqual([]);
      await h!.ok('yearEnd.annualApprove', {
        ...ref,
        figures,
        payloadHash: review.payloadHash,
        acknowledgedWarnings: review.warnings.map((w) => w.code),
      });
    };

    // Sent and accepted: £1,000 AIA, £150 own use.
    await approve([
      { key: 'adjustments.goodsAndServicesOwnUse', value: 15_000 },
      { key: 'allowances.annualInvestmentAllowance', value: 100_000 },
    ]);
    expect(await h.services.sync.syncNow(profile.id)).toMatchObject({ accepted: 1, failed: 0 });

    // Changed, approved into the outbox, not yet sent: the pack the client signs.
    const subject = { kind: 'annual', businessId: se.id, taxYear: TY } as const;
    await approve([
      { key: 'adjustments.goodsAndServicesOwnUse', value: 15_000 },
      { key: 'allowances.annualInvestmentAllowance', value: 120_000 },
    ]);
    const pack = await h.ok('agents.signOffPack', { profileId: profile.id, subject });
    expect(pack.title).toBe(`Annual figures for ${se.name}: tax year ${TY}`);
    expect(pack.summary).toContain('waiting in the outbox to be sent');
    expect(pack.summary).toContain('1 figure has changed');
    expect(pack.comparedWith).toMatch(
      /^Compared with: The annual figures HMRC accepted from this computer on \d+ \w+ \d{4}\.$/,
    );
    expect(pack.sections).toEqual([
      {
        heading: 'Adjustments to the profit',
        lines: [
          {
            label: 'Goods or services taken for your own use',
            amount: '£150.00',
            pence: 15_000,
            change: 'no change',
          },
        ],
      },
      {
        heading: 'Allowances claimed',
        lines: [
          {
            label: 'Annual Investment Allowance',
            amount: '£1,200.00',
            pence: 120_000,
            change: 'up £200.00 (was £1,000.00)',
          },
        ],
      },
    ]);
    expect(pack.agentName).not.toBe('');
    expect(pack.confirmations[1]).toContain(`sends these annual figures to HMRC for me for ${TY}`);

    const approved = await h.ok('agents.recordSignOff', {
      profileId: profile.id,
      subject,
      reference: pack.reference,
      approvedOn: '2026-11-19',
      method: 'video',
      note: 'Gwen agreed on a video call.',
    });
    expect(approved.approval).toMatchObject({
      approvedOn: '2026-11-19',
      method: 'video',
      note: 'Gwen agreed on a video call.',
    });
    // Made again, the pack carries the approval: it is kept against these figures.
    expect((await h.ok('agents.signOffPack', { profileId: profile.id, subject })).approval).toEqual(
      approved.approval,
    );
    // No PDF printer in this host: the window prints with the browser's own print.
    expect(await h.ok('agents.savePackPdf', { profileId: profile.id, subject })).toEqual({
      saved: false,
      browserPrint: true,
    });
  });
});
