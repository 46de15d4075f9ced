import type { SignOffApproval, SignOffPack, SignOffSubject } from '@shared/ipc/channels/agents';
import type { UpdateView } from '@shared/ipc/channels/review';
import type { DeclarationStateView } from '@shared/ipc/channels/year-end-declaration';
import type { AnnualService } from '../../year-end/annual/annual-service';
import type { Clock } from '../../clock/clock';
import { AppError } from '../../ipc/app-error';
import type { Profile } from '../../profiles/profile-record';
import type { FileDialogs } from '../../records-ipc/file-dialogs';
import { annualPack } from './annual-pack';
import { packHtml } from './pack-html';
import type { PdfPrinter } from './pdf-printer';
import { quarterlyPack, yearEndPack, type PackContext } from './sign-off-pack';
import type { SignOffRecords } from './sign-off-records';

export interface SignOffDeps {
  profiles: { require(profileId: string): Profile };
  accountLabel: (accountId: string) => string | undefined;
  review: {
    prepare(request: {
      profileId: string;
      businessId: number;
      taxYear: string;
      periodEnd: string;
    }): Promise<UpdateView>;
  };
  /** The annual figures as the annual screen has them (no HMRC call: its recent copy only). */
  annual: Pick<AnnualService, 'view' | 'prepare'>;
  declaration: {
    state(profileId: string, taxYear: string): DeclarationStateView;
    recordClientApproval(input: {
      profileId: string;
      taxYear: string;
      calculationId: string;
      approvedOn: string;
      method: SignOffApproval['method'];
      note: string;
    }): DeclarationStateView;
  };
  /**
   * The client's quarterly and annual approvals, in their ledger (0013-client-sign-offs), with
   * anything the old `agent-sign-offs` document still held for them carried over first.
   */
  approvals: (profileId: string) => SignOffRecords;
  clock: Clock;
  /** Electron's printToPDF (desktop); absent in the browser host, where the browser prints. */
  pdfPrinter?: PdfPrinter | undefined;
  files: FileDialogs;
  writeFile: (path: string, data: Uint8Array) => Promise<void>;
}

export type SignOffService = ReturnType<typeof createSignOffService>;

/**
 * Client sign-off packs and the client's approval. A year-end calculation's approval is the
 * very record the final declaration requires (the declaration's `ye_client_approvals`), so it
 * is written and read there; approvals of quarterly updates and annual figures are kept in
 * the same ledger beside it (`ag_sign_off_approvals`), against the pack's reference (which
 * holds the payload's hash).
 */
export function createSignOffService(deps: SignOffDeps) {
  const today = () => deps.clock.now().toISOString().slice(0, 10);

  const contextOf = (profileId: string): PackContext => {
    const profile = deps.profiles.require(profileId);
    if (profile.kind !== 'client')
      throw new AppError(
        'NOT_AN_AGENT_CLIENT',
        'A sign-off pack is for a client an agent acts for.',
        'Choose one of your clients.',
      );
    const agent = profile.accountId ? deps.accountLabel(profile.accountId) : undefined;
    return {
      profileId,
      clientName: profile.name,
      clientNino: profile.nino,
      agentName: agent ?? 'Your agent',
      preparedOn: today(),
    };
  };

  async function annualPackOf(
    ctx: PackContext,
    subject: Extract<SignOffSubject, { kind: 'annual' }>,
  ) {
    const ref = {
      profileId: ctx.profileId,
      businessId: subject.businessId,
      taxYear: subject.taxYear,
    };
    const view = await deps.annual.view(ref);
    if (view.figuresFrom === 'none')
      throw new AppError(
        'NO_ANNUAL_FIGURES',
        'There are no annual figures for this business and year yet.',
        'Enter the annual figures and approve them on the annual figures page first.',
      );
    // The review reads the figures back from the body HMRC will receive, with what came before.
    const review = deps.annual.prepare({ ...ref, figures: view.figures });
    return annualPack(ctx, subject, { view, review });
  }

  async function pack(profileId: string, subject: SignOffSubject): Promise<SignOffPack> {
    const ctx = contextOf(profileId);
    if (subject.kind === 'quarterly') {
      const update = await deps.review.prepare({ profileId, ...subject });
      const built = quarterlyPack(ctx, subject, update);
      const approval = deps.approvals(profileId).get(built.reference);
      return { ...built, ...(approval ? { approval } : {}) };
    }
    if (subject.kind === 'annual') {
      const built = await annualPackOf(ctx, subject);
      const approval = deps.approvals(profileId).get(built.reference);
      return { ...built, ...(approval ? { approval } : {}) };
    }
    const state = deps.declaration.state(profileId, subject.taxYear);
    const built = yearEndPack(ctx, subject, state);
    if (!built)
      throw new AppError(
        'NO_CALCULATION',
        'There is no final calculation for this year yet.',
        'Ask HMRC for the final calculation on the year-end page first.',
      );
    const a = state.clientApproval;
    return {
      ...built,
      ...(a && a.calculationId === state.latest?.calculationId
        ? {
            approval: {
              approvedOn: a.approvedOn,
              method: a.method,
              note: a.note,
              recordedBy: a.recordedBy,
              recordedAt: a.recordedAt,
            },
          }
        : {}),
    };
  }

  async function record(input: {
    profileId: string;
    subject: SignOffSubject;
    reference: string;
    approvedOn: string;
    method: SignOffApproval['method'];
    note: string;
  }): Promise<SignOffPack> {
    const current = await pack(input.profileId, input.subject);
    if (current.reference !== input.reference)
      throw new AppError(
        'PACK_CHANGED',
        'The figures have changed since this pack was made, so the approval would not match what the client saw.',
        'Make the pack again, show it to the client, then record their approval.',
      );
    if (input.approvedOn > today())
      throw new AppError(
        'APPROVAL_DATE',
        'The approval date cannot be in the future.',
        'Enter the date the client approved.',
      );
    if (input.subject.kind === 'year-end-calculation') {
      // The declaration's own record: it checks the role, the calculation and the date.
      deps.declaration.recordClientApproval({
        profileId: input.profileId,
        taxYear: input.subject.taxYear,
        calculationId: current.hmrcCalculation?.calculationId ?? '',
        approvedOn: input.approvedOn,
        method: input.method,
        note: input.note,
      });
    } else {
      deps.approvals(input.profileId).put(current.reference, {
        approvedOn: input.approvedOn,
        method: input.method,
        note: input.note,
        recordedBy: current.agentName,
        recordedAt: deps.clock.now().toISOString(),
      });
    }
    return pack(input.profileId, input.subject);
  }

  async function savePdf(
    profileId: string,
    subject: SignOffSubject,
  ): Promise<{ saved: boolean; browserPrint: boolean; fileName?: string }> {
    if (!deps.pdfPrinter) return { saved: false, browserPrint: true };
    const p = await pack(profileId, subject);
    const path = await deps.files.chooseSaveLocation({
      title: 'Save the sign-off pack',
      defaultName: `${p.clientName} - ${p.title}.pdf`.replace(/[\\/:*?"<>|]/g, '-').slice(0, 150),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (!path) return { saved: false, browserPrint: false };
    const pdf = await deps.pdfPrinter.printHtmlToPdf(packHtml(p));
    await deps.writeFile(path, pdf);
    await deps.files.delivered?.(path);
    return { saved: true, browserPrint: false, fileName: path.split(/[\\/]/).pop() ?? 'pack.pdf' };
  }

  return { pack, record, savePdf };
}
