import { afterEach, describe, expect, it } from 'vitest';
import { formatPence } from '@shared/domain/money';
import type { SignOffSubject } from '@shared/ipc/channels/agents';
import type { AnnualLine, AnnualView } from '@shared/ipc/channels/year-end-annual';
import { annualPack, type AnnualPackInput } from '../../../src/main/agents/sign-off/annual-pack';
import { packHtml } from '../../../src/main/agents/sign-off/pack-html';
import { createSignOffService } from '../../../src/main/agents/sign-off/sign-off-service';
import type { PdfPrinter } from '../../../src/main/agents/sign-off/pdf-printer';
import type { Profile } from '../../../src/main/profiles/profile-record';
import { cancelledFileDialogs } from '../../../src/main/records-ipc/file-dialogs';
import { createSignOffRecords } from '../../../src/main/agents/sign-off/sign-off-records';
import { tempLedger } from '../ledger/ledger-fixture';

const ctx = {
  profileId: '3f1c1d7e-8f0a-4a55-9a0b-2b7f4a1e9c11',
  clientName: 'Carys Clarke',
  clientNino: 'AC100003C',
  agentName: 'Green & Co Accountants',
  preparedOn: '2026-12-04',
};
const subject = { kind: 'annual', businessId: 7, taxYear: '2025-26' } as const;

const view: AnnualPackInput['view'] = {
  businessName: 'Clarke Catering',
  kind: 'self-employment',
  taxYear: '2025-26',
  figuresNote: 'The figures you approved, waiting in the outbox to be sent.',
};

const line = (l: Partial<AnnualLine> & Pick<AnnualLine, 'key' | 'label'>): AnnualLine => ({
  hmrcField: l.key,
  changed: l.now !== l.before,
  ...l,
});

const lines: AnnualLine[] = [
  line({
    key: 'allowances.annualInvestmentAllowance',
    label: 'Annual Investment Allowance',
    now: '£1,200.00',
    nowPence: 120_000,
    before: '£1,000.00',
    beforePence: 100_000,
  }),
  line({
    key: 'adjustments.goodsAndServicesOwnUse',
    label: 'Goods or services taken for your own use',
    now: '£150.00',
    nowPence: 15_000,
    before: '£150.00',
    beforePence: 15_000,
  }),
  line({
    key: 'adjustments.balancingChargeOther',
    label: 'Balancing charge (other)',
    before: '£80.00',
    beforePence: 8_000,
  }),
  line({
    key: 'allowances.zeroEmissionsCarAllowance',
    label: 'Zero-emission car allowance',
    now: '£300.00',
    nowPence: 30_000,
  }),
  line({
    key: 'nonFinancials.businessDetailsChangedRecently',
    label: 'Business details changed recently',
    now: 'Yes',
    before: 'No',
  }),
];

const review = (over: Partial<AnnualPackInput['review']> = {}): AnnualPackInput['review'] => ({
  lines,
  comparedWith: 'The annual figures HMRC accepted from this computer on 1 November 2026.',
  payloadHash: 'c'.repeat(64),
  ...over,
});

describe('the sign-off pack for annual figures', () => {
  it('says the figures in pounds and plain words, each change against what HMRC last accepted', () => {
    const pack = annualPack(ctx, subject, { view, review: review() });
    expect(pack.title).toBe('Annual figures for Clarke Catering: tax year 2025-26');
    expect(pack.summary).toContain(
      'Green & Co Accountants has prepared the annual figures for Clarke Catering for the tax year 2025-26',
    );
    expect(pack.summary).toContain('waiting in the outbox to be sent');
    expect(pack.summary).toContain('4 figures have changed');
    expect(pack.comparedWith).toBe(
      'Compared with: The annual figures HMRC accepted from this computer on 1 November 2026.',
    );
    expect(pack.sections.map((s) => s.heading)).toEqual([
      'Adjustments to the profit',
      'Allowances claimed',
      'Other facts about the business',
    ]);
    const all = pack.sections.flatMap((s) => s.lines);
    expect(all).toEqual([
      {
        label: 'Goods or services taken for your own use',
        amount: '£150.00',
        pence: 15_000,
        change: 'no change',
      },
      {
        label: 'Balancing charge (other)',
        amount: 'Not included',
        change: 'taken out (was £80.00)',
      },
      {
        label: 'Annual Investment Allowance',
        amount: '£1,200.00',
        pence: 120_000,
        change: 'up £200.00 (was £1,000.00)',
      },
      { label: 'Zero-emission car allowance', amount: '£300.00', pence: 30_000, change: 'new' },
      { label: 'Business details changed recently', amount: 'Yes', change: 'changed (was No)' },
    ]);
    expect(pack.hmrcCalculation).toBeUndefined();
    expect(pack.confirmations).toEqual([
      'The annual figures above for Clarke Catering are complete and correct to the best of my knowledge.',
      'I agree that Green & Co Accountants sends these annual figures to HMRC for me for 2025-26.',
    ]);
    expect(pack.agentName).toBe('Green & Co Accountants');
    // The approval is tied to exactly this body.
    expect(pack.reference).toBe(`annual:7:2025-26:${'c'.repeat(16)}`);
  });

  it('a fall is "down", and the first figures for a year say so once', () => {
    const down = annualPack(ctx, subject, {
      view,
      review: review({
        lines: [
          line({
            key: 'allowances.annualInvestmentAllowance',
            label: 'Annual Investment Allowance',
            now: '£950.50',
            nowPence: 95_050,
            before: '£1,000.00',
            beforePence: 100_000,
          }),
        ],
      }),
    });
    expect(down.sections[0]?.lines[0]?.change).toBe('down £49.50 (was £1,000.00)');
    expect(down.summary).toContain('1 figure has changed');

    const first = annualPack(ctx, subject, {
      view,
      review: review({
        comparedWith: 'HMRC holds no annual figures for this business and year yet.',
        lines: lines.filter((l) => l.now !== undefined).map(({ before: _b, ...l }) => l),
      }),
    });
    expect(first.summary).toContain('These are the first annual figures');
    expect(new Set(first.sections.flatMap((s) => s.lines.map((l) => l.change)))).toEqual(
      new Set(['first annual figures']),
    );
  });

  it('prints with every ledger text escaped: names and notes are data, never markup', () => {
    const evil = (what: string) => `<b data-x="${what}" onclick='x'>${what}</b> & co`;
    const pack = annualPack(
      { ...ctx, clientName: evil('client'), agentName: evil('agent') },
      subject,
      {
        view: { ...view, businessName: evil('business'), figuresNote: evil('note') },
        review: review({
          comparedWith: evil('compared'),
          lines: [
            line({
              key: 'adjustments.goodsAndServicesOwnUse',
              label: evil('label'),
              now: evil('now'),
            }),
          ],
        }),
      },
    );
    const html = packHtml({
      ...pack,
      approval: {
        approvedOn: '2026-12-03',
        method: 'letter',
        note: evil('approval'),
        recordedBy: evil('recorder'),
        recordedAt: '2026-12-03T10:00:00Z',
      },
    });
    expect(html).not.toMatch(/<b\b|onclick='/);
    for (const what of ['client', 'agent', 'business', 'note', 'compared', 'label', 'now'])
      expect(html).toContain(
        `&lt;b data-x=&quot;${what}&quot; onclick=&#39;x&#39;&gt;${what}&lt;/b&gt; &amp; co`,
      );
    expect(html).toContain('Approved</strong> on 2026-12-03 by letter: &lt;b data-x=');
  });
});

/** The service with typed fakes of the annual screen's service: the approval's own rules. */
const disposals: (() => void)[] = [];
afterEach(() => {
  for (const dispose of disposals.splice(0)) dispose();
});

function service(opts: { pdfPrinter?: PdfPrinter } = {}) {
  let figuresNow = 120_000;
  let figuresFrom: AnnualView['figuresFrom'] = 'outbox';
  const written: { path: string; data: Uint8Array }[] = [];
  const profile: Profile = {
    id: ctx.profileId,
    environment: 'practice',
    kind: 'client',
    name: 'Carys Clarke',
    nino: 'AC100003C',
    accountId: 'agent-1',
    agentRole: 'main',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    authorisation: { status: 'authorised' },
    hmrc: {},
  };
  // The client's own ledger file, where the approvals are kept.
  const temp = tempLedger();
  disposals.push(() => temp.dispose());
  const { ledger } = temp;
  const signOff = createSignOffService({
    profiles: { require: () => profile },
    accountLabel: () => 'Green & Co Accountants',
    review: { prepare: () => Promise.reject(new Error('not used')) },
    declaration: {
      state: () => {
        throw new Error('not used');
      },
      recordClientApproval: () => {
        throw new Error('not used');
      },
    },
    annual: {
      view: (ref) =>
        Promise.resolve({
          profileId: ref.profileId,
          businessId: ref.businessId,
          hmrcBusinessId: 'XAIS30000000001',
          businessName: 'Clarke Catering',
          kind: 'self-employment',
          taxYear: ref.taxYear,
          figures: [{ key: 'allowances.annualInvestmentAllowance', value: figuresNow }],
          figuresFrom,
          figuresNote: 'The figures you approved, waiting in the outbox to be sent.',
          hints: {
            ledgerExpensesPence: 0,
            incomeAllowanceCapPence: 100_000,
            incomeAllowanceAdvice: 'x',
            capitalCandidates: [],
            capitalCandidatesPence: 0,
          },
        }),
      prepare: (ref) => {
        const pence = ref.figures[0]?.value as number;
        return {
          lines: [
            line({
              key: 'allowances.annualInvestmentAllowance',
              label: 'Annual Investment Allowance',
              now: formatPence(pence),
              nowPence: pence,
            }),
          ],
          comparedWith:
            'No annual figures for this business and year were sent from this computer.',
          payloadJson: '{}',
          payloadHash: String(pence).padEnd(64, '0'),
          errors: [],
          warnings: [],
        };
      },
    },
    approvals: () => createSignOffRecords(ledger.database),
    clock: { now: () => new Date('2026-12-04T09:30:00Z') },
    ...(opts.pdfPrinter ? { pdfPrinter: opts.pdfPrinter } : {}),
    files: { ...cancelledFileDialogs, chooseSaveLocation: () => Promise.resolve('/tmp/p.pdf') },
    writeFile: (path, data) => Promise.resolve(void written.push({ path, data })),
  });
  return {
    signOff,
    written,
    change: (p: number) => (figuresNow = p),
    nothing: () => (figuresFrom = 'none'),
  };
}

describe('recording the client’s approval of annual figures', () => {
  const annual: SignOffSubject = subject;

  it('is kept against the exact figures, and changed figures need a new approval', async () => {
    const { signOff, change } = service();
    const pack = await signOff.pack(ctx.profileId, annual);
    expect(pack.approval).toBeUndefined();
    const approved = await signOff.record({
      profileId: ctx.profileId,
      subject: annual,
      reference: pack.reference,
      approvedOn: '2026-12-03',
      method: 'email',
      note: 'Carys replied “agreed” by email.',
    });
    expect(approved.approval).toEqual({
      approvedOn: '2026-12-03',
      method: 'email',
      note: 'Carys replied “agreed” by email.',
      recordedBy: 'Green & Co Accountants',
      recordedAt: '2026-12-04T09:30:00.000Z',
    });
    expect((await signOff.pack(ctx.profileId, annual)).approval?.approvedOn).toBe('2026-12-03');

    change(125_000);
    const changed = await signOff.pack(ctx.profileId, annual);
    expect(changed.reference).not.toBe(pack.reference);
    expect(changed.approval).toBeUndefined();
    await expect(
      signOff.record({
        profileId: ctx.profileId,
        subject: annual,
        reference: pack.reference,
        approvedOn: '2026-12-03',
        method: 'email',
        note: '',
      }),
    ).rejects.toMatchObject({ code: 'PACK_CHANGED' });
  });

  it('refuses a date in the future and a pack with no figures', async () => {
    const { signOff, nothing } = service();
    const pack = await signOff.pack(ctx.profileId, annual);
    await expect(
      signOff.record({
        profileId: ctx.profileId,
        subject: annual,
        reference: pack.reference,
        approvedOn: '2026-12-05',
        method: 'phone',
        note: '',
      }),
    ).rejects.toMatchObject({ code: 'APPROVAL_DATE' });
    nothing();
    await expect(signOff.pack(ctx.profileId, annual)).rejects.toMatchObject({
      code: 'NO_ANNUAL_FIGURES',
    });
  });

  it('saves the annual pack as a PDF through the printer port', async () => {
    const printed: string[] = [];
    const { signOff, written } = service({
      pdfPrinter: {
        printHtmlToPdf: (html) => {
          printed.push(html);
          return Promise.resolve(new TextEncoder().encode('%PDF'));
        },
      },
    });
    const answer = await signOff.savePdf(ctx.profileId, annual);
    expect(answer).toEqual({ saved: true, browserPrint: false, fileName: 'p.pdf' });
    expect(printed[0]).toContain('Annual figures for Clarke Catering: tax year 2025-26');
    expect(printed[0]).toContain('£1,200.00');
    expect(written).toEqual([{ path: '/tmp/p.pdf', data: new TextEncoder().encode('%PDF') }]);
  });
});
