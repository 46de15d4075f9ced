import { NOT_COVERED_RULES } from '@shared/domain/not-covered';
import { taxYearEnd, taxYearStartYear } from '@shared/domain/tax-year';
import type {
  CalculationView,
  DeclarationKind,
  DeclarationStateView,
} from '@shared/ipc/channels/year-end-declaration';
import type { SqliteDatabase } from '../../ledger';
import { retrieveCalculationResponseSchema } from '../../hmrc/schemas/calculations';
import type { Profile } from '../../profiles/profile-record';
import type { CalculationStore, StoredCalculation } from '../calculation/calculation-store';
import { calculationView } from '../calculation/calculation-view';
import { notCoveredOf } from '../other-income/not-covered-status';
import { actorOf, amendmentWindowEnd, declarationBlockers, type Blocker } from './declaration-gate';
import type { DeclarationStore, Receipt } from './declaration-store';
import { declarationWording } from './declaration-wording';

/**
 * What the declaration screen shows for a profile's tax year, read from the ledger only
 * (offline): HMRC's latest calculation as kept, the gate's blockers, the wording to agree to,
 * the outbox and the receipts. A supporting agent sees no calculation (reference §2.10).
 */

export const FULFILMENT_NOTE =
  'HMRC has your final declaration. HMRC may take up to an hour to show it as fulfilled in your obligations; the receipt below is your proof.';

export interface StateInput {
  profileId: string;
  taxYear: string;
  profile: Profile;
  calcs: CalculationStore;
  store: DeclarationStore;
  ledgerDb: SqliteDatabase;
  /** Today in the UK (YYYY-MM-DD). */
  today: string;
}

/** A kept calculation as the screens show it; the stored document is parsed again, never trusted. */
export const calculationViewOf = (c: StoredCalculation): CalculationView =>
  calculationView(retrieveCalculationResponseSchema.parse(JSON.parse(c.document)));

const receiptView = (r: Receipt) => ({
  seq: r.seq,
  declaration: r.declaration,
  calculationId: r.calculationId,
  recordedAt: r.recordedAt,
  agreedBy: r.agreedBy,
  agreedAt: r.agreedAt,
  correlationId: r.correlationId.slice(0, 100),
  how: r.how,
  entryHash: r.entryHash,
});

export function declarationState(input: StateInput): DeclarationStateView {
  const { profileId, taxYear, profile, calcs, store, ledgerDb } = input;
  const today = input.today;
  const actor = actorOf(profile);
  const receipts = store.receipts(taxYear);
  const declared = receipts.find((r) => r.declaration === 'final-declaration');
  const purpose: DeclarationKind = declared ? 'confirm-amendment' : 'final-declaration';
  const wanted = purpose === 'final-declaration' ? 'intent-to-finalise' : 'intent-to-amend';
  const stored = calcs.list(taxYear);
  const latestStored = stored.find((c) => c.calculationType === wanted);
  const latest =
    latestStored && actor !== 'supporting-agent' ? calculationViewOf(latestStored) : undefined;
  const yearEnded = today > taxYearEnd(taxYear);
  const windowEnd = amendmentWindowEnd(taxYear);
  const within = today <= windowEnd;
  const agreement = latest ? store.agreement(taxYear, latest.calculationId) : undefined;
  const approval = latest ? store.clientApproval(taxYear, latest.calculationId) : undefined;
  const notCovered = actor === 'supporting-agent' ? undefined : notCoveredOf(ledgerDb, taxYear);
  const blockers: Blocker[] = declarationBlockers({
    actor,
    purpose,
    yearEnded,
    declared: declared !== undefined,
    withinAmendmentWindow: within,
    latest: latest
      ? { calculationId: latest.calculationId, errors: latest.messages.errors.length }
      : undefined,
    agreedCalculationId: agreement?.declaration === purpose ? agreement.calculationId : undefined,
    clientApprovedCalculationId: approval?.calculationId,
    notCovered: notCovered
      ? { ...notCovered, applies: notCovered.applies.map((t) => NOT_COVERED_RULES[t].label) }
      : undefined,
  });
  const item = store.latest(taxYear, purpose) ?? store.latest(taxYear);
  const wording = declarationWording(actor === 'individual' ? 'individual' : 'agent');
  const readOnlyReason =
    actor === 'supporting-agent'
      ? blockers[0]?.message
      : !yearEnded
        ? `The ${taxYear} tax year ends on 5 April ${taxYearStartYear(taxYear) + 1}. HMRC's final calculation and the declaration open the day after.`
        : undefined;
  return {
    profileId,
    taxYear,
    profileName: profile.name.slice(0, 300),
    actor,
    ...(readOnlyReason ? { readOnlyReason } : {}),
    yearEnded,
    amendmentWindowEnd: windowEnd,
    withinAmendmentWindow: within,
    ...(latest ? { latest } : {}),
    calculations:
      actor === 'supporting-agent'
        ? []
        : stored.slice(0, 500).map((c) => ({
            calculationId: c.calculationId,
            calculationType: c.calculationType.slice(0, 300),
            retrievedAt: c.retrievedAt,
            hasErrors: c.hasErrors,
          })),
    wording: { leadIn: wording.leadIn, statement: wording.statement, variant: wording.variant },
    ...(approval
      ? {
          clientApproval: {
            calculationId: approval.calculationId,
            approvedOn: approval.approvedOn,
            method: approval.method,
            note: approval.note,
            recordedBy: approval.recordedBy.slice(0, 300),
            recordedAt: approval.recordedAt,
          },
        }
      : {}),
    ...(agreement
      ? {
          agreement: {
            calculationId: agreement.calculationId,
            declaration: agreement.declaration,
            wording: agreement.wording,
            agreedBy: agreement.agreedBy.slice(0, 300),
            agreedAt: agreement.agreedAt,
          },
        }
      : {}),
    blockers,
    ...(item
      ? {
          outbox: {
            state: item.state,
            declaration: item.declaration,
            calculationId: item.calculationId,
            ...(item.error ? { error: item.error } : {}),
          },
        }
      : {}),
    ...(notCovered
      ? {
          notCovered: {
            unanswered: notCovered.unanswered,
            applies: notCovered.applies.map((t) => ({
              label: NOT_COVERED_RULES[t].label,
              whereToReport: NOT_COVERED_RULES[t].whereToReport,
            })),
            confirmedElsewhere: notCovered.confirmedElsewhere,
          },
        }
      : {}),
    ...(declared ? { declared: receiptView(declared) } : {}),
    amended: receipts.filter((r) => r.declaration === 'confirm-amendment').map(receiptView),
    ...(declared ? { note: FULFILMENT_NOTE } : {}),
  };
}
