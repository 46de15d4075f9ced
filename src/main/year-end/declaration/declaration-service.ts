import { addDays, taxYearEnd, ukDateOf } from '@shared/domain/tax-year';
import type {
  AmendmentCompareView,
  CalculationProgressView,
  CalculationView,
  DeclarationKind,
  DeclarationStateView,
} from '@shared/ipc/channels/year-end-declaration';
import type { Environment } from '@shared/ipc/channels/settings';
import type { Clock } from '../../clock/clock';
import { AppError } from '../../ipc/app-error';
import type { Logger } from '../../logging/logger';
import type { Profile } from '../../profiles/profile-record';
import type { SyncProfilesPort } from '../../sync/profile-sync';
import { compareCalculations } from '../amendment/amendment-compare';
import { createCalculationStore } from '../calculation/calculation-store';
import {
  calculationTiming,
  runFinalCalculation,
  type CalculationTiming,
} from '../calculation/final-calculation';
import { actorOf, blockersFor } from './declaration-gate';
import { createDeclarationStore } from './declaration-store';
import { calculationViewOf, declarationState } from './declaration-state';
import { declarationWording } from './declaration-wording';
import { sendDeclaration, type Checkpoint } from './final-declaration';
import type { InterruptedDeclarations } from './interrupted-declarations';

export interface DeclarationServiceDeps {
  profiles: SyncProfilesPort & { get(profileId: string): Profile | undefined };
  /** Who the HMRC account acting for the profile is (for "agreed by"). */
  accountLabel: (accountId: string) => string | undefined;
  clock: Clock;
  logger: Logger;
  sleep: (ms: number) => Promise<void>;
  timing?: (environment: Environment) => CalculationTiming;
  emitProgress?: (p: CalculationProgressView) => void;
  emitChanged?: (profileId: string) => void;
  /** Tests: called at each step of sending a declaration (crash points). */
  checkpoint?: Checkpoint;
  /** Which profiles may have a declaration left `sending` (finished at the next start-up). */
  interrupted?: Pick<InterruptedDeclarations, 'mark' | 'clear'>;
}

export function createDeclarationService(deps: DeclarationServiceDeps) {
  const running = new Map<string, AbortController>();
  const timing = deps.timing ?? calculationTiming;
  const nowIso = () => deps.clock.now().toISOString();
  const today = () => ukDateOf(deps.clock.now());

  const open = (profileId: string) => {
    const profile = deps.profiles.require(profileId);
    const db = deps.profiles.ledger(profileId).database;
    return { profile, calcs: createCalculationStore(db), store: createDeclarationStore(db) };
  };
  const whoOf = (profile: Profile) => {
    const account = profile.accountId ? deps.accountLabel(profile.accountId) : undefined;
    return (
      profile.kind === 'client' ? `${account ?? 'Agent'} for ${profile.name}` : profile.name
    ).slice(0, 300);
  };
  const state = (profileId: string, taxYear: string): DeclarationStateView => {
    const { profile, calcs, store } = open(profileId);
    const ledgerDb = deps.profiles.ledger(profileId).database;
    return declarationState({
      profileId,
      taxYear,
      profile,
      calcs,
      store,
      ledgerDb,
      today: today(),
    });
  };

  async function finalCalculation(
    profileId: string,
    taxYear: string,
    purpose: 'finalise' | 'amend',
  ): Promise<DeclarationStateView> {
    const before = state(profileId, taxYear);
    if (before.actor === 'supporting-agent')
      throw new AppError(
        'NOT_ALLOWED_FOR_SUPPORTING_AGENT',
        before.blockers[0]!.message,
        'Ask the client, or their main agent.',
      );
    // HMRC refuses intent-to-finalise before the year ends (RULE_TAX_YEAR_NOT_ENDED): say so here.
    if (!before.yearEnded)
      throw new AppError(
        'TAX_YEAR_NOT_ENDED',
        before.readOnlyReason ?? 'The tax year has not ended.',
        'Come back after 5 April. Nothing was sent to HMRC.',
      );
    if (purpose === 'finalise' && before.declared)
      throw new AppError(
        'ALREADY_DECLARED',
        `HMRC already has your final declaration for ${taxYear}.`,
        'To change anything, amend it instead.',
      );
    if (purpose === 'amend' && !before.declared)
      throw new AppError(
        'NOT_DECLARED',
        'There is no final declaration to amend yet.',
        'Make the final declaration first.',
      );
    if (purpose === 'amend' && !before.withinAmendmentWindow)
      throw new AppError(
        'OUTSIDE_AMENDMENT_WINDOW',
        `HMRC's window for amending ${taxYear} closed on ${before.amendmentWindowEnd}. Nothing was sent.`,
        'Contact HMRC to correct the return.',
      );
    const key = `${profileId}:${taxYear}`;
    if (running.has(key))
      throw new AppError(
        'CALCULATION_RUNNING',
        'HMRC is already working on a calculation for this year.',
        'Wait for it to finish, or cancel it.',
      );
    const { profile, calcs } = open(profileId);
    const { client, nino } = deps.profiles.hmrcFor(profileId);
    const controller = new AbortController();
    running.set(key, controller);
    try {
      await runFinalCalculation({
        client,
        store: calcs,
        nino,
        taxYear,
        type: purpose === 'finalise' ? 'intent-to-finalise' : 'intent-to-amend',
        timing: timing(profile.environment),
        now: () => deps.clock.now(),
        sleep: deps.sleep,
        signal: controller.signal,
        progress: (p) => deps.emitProgress?.({ profileId, taxYear, ...p }),
      });
    } finally {
      running.delete(key);
    }
    deps.emitChanged?.(profileId);
    return state(profileId, taxYear);
  }

  function cancelCalculation(profileId: string, taxYear: string): boolean {
    const c = running.get(`${profileId}:${taxYear}`);
    c?.abort();
    return c !== undefined;
  }

  function storedCalculation(profileId: string, calculationId: string): CalculationView {
    const { profile, calcs } = open(profileId);
    if (actorOf(profile) === 'supporting-agent')
      throw new AppError(
        'NOT_ALLOWED_FOR_SUPPORTING_AGENT',
        'HMRC does not let a supporting agent see the client’s calculations.',
        'Ask the client, or their main agent.',
      );
    const c = calcs.get(calculationId);
    if (!c)
      throw new AppError(
        'NOT_FOUND',
        'Ledgerlink has no calculation with that id for this profile.',
        'Choose one from the list.',
      );
    return calculationViewOf(c);
  }

  function recordClientApproval(input: {
    profileId: string;
    taxYear: string;
    calculationId: string;
    approvedOn: string;
    method: 'in-person' | 'phone' | 'email' | 'letter' | 'video';
    note: string;
  }): DeclarationStateView {
    const { profile, store } = open(input.profileId);
    const s = state(input.profileId, input.taxYear);
    if (s.actor !== 'main-agent')
      throw new AppError(
        'NOT_AN_AGENT_CLIENT',
        'Only a main agent records a client’s approval.',
        'Declare for yourself instead.',
      );
    if (s.latest?.calculationId !== input.calculationId)
      throw new AppError(
        'WRONG_CALCULATION',
        'That is not the calculation shown now.',
        'Record the approval for the newest calculation.',
      );
    if (input.approvedOn > today() || input.approvedOn < addDays(taxYearEnd(input.taxYear), 1))
      throw new AppError(
        'APPROVAL_DATE',
        'The approval date must be after the tax year ended and not in the future.',
        'Enter the date the client approved.',
      );
    store.recordClientApproval({
      taxYear: input.taxYear,
      calculationId: input.calculationId,
      approvedOn: input.approvedOn,
      method: input.method,
      note: input.note,
      recordedBy: whoOf(profile),
      recordedAt: nowIso(),
    });
    deps.emitChanged?.(input.profileId);
    return state(input.profileId, input.taxYear);
  }

  function agree(profileId: string, taxYear: string, calculationId: string): DeclarationStateView {
    const { profile, store } = open(profileId);
    const s = state(profileId, taxYear);
    const blocking = s.blockers.filter((b) => b.code !== 'NO_AGREEMENT');
    const wrong = s.latest?.calculationId !== calculationId;
    if (blocking.length > 0 || wrong) {
      const b = wrong
        ? { code: 'WRONG_CALCULATION', message: 'That is not the calculation shown now.' }
        : blocking[0]!;
      throw new AppError(b.code, b.message, 'Fix this first, then agree to HMRC’s statement.');
    }
    const wording = declarationWording(s.wording.variant);
    store.agree({
      taxYear,
      calculationId,
      declaration: s.declared ? 'confirm-amendment' : 'final-declaration',
      wording: wording.variant,
      wordingHash: wording.hash,
      agreedBy: whoOf(profile),
      agreedAt: nowIso(),
    });
    deps.emitChanged?.(profileId);
    return state(profileId, taxYear);
  }

  /**
   * One send at a time per profile: start-up's resume and a press of Send can never both POST
   * the same declaration; the second finds the item already settled and does nothing.
   */
  const sending = new Map<string, Promise<void>>();
  function send(profileId: string, itemId: number): Promise<void> {
    const before = sending.get(profileId) ?? Promise.resolve();
    const next = before.catch(() => undefined).then(() => sendNow(profileId, itemId));
    sending.set(profileId, next);
    return next;
  }

  async function sendNow(profileId: string, itemId: number): Promise<void> {
    const { profile, store } = open(profileId);
    const item = store.get(itemId);
    if (!item || (item.state !== 'approved' && item.state !== 'sending')) return;
    const { client, nino } = deps.profiles.hmrcFor(profileId);
    // Marked before anything can be `sending`, so a crash from here on is found at start-up.
    deps.interrupted?.mark(profileId);
    const outcome = await sendDeclaration({
      store,
      client,
      nino,
      profileId,
      environment: profile.environment,
      now: () => deps.clock.now(),
      ...(deps.checkpoint ? { checkpoint: deps.checkpoint } : {}),
      item,
    });
    if (!store.unfinished().some((i) => i.state === 'sending')) deps.interrupted?.clear(profileId);
    if (outcome.kind === 'accepted') {
      try {
        await deps.profiles.refresh(profileId);
      } catch (error) {
        deps.logger.warn('Obligations could not be refreshed after the declaration', {
          profileId,
          code: error instanceof AppError ? error.code : 'INTERNAL',
        });
      }
    }
    deps.emitChanged?.(profileId);
  }

  async function declare(
    profileId: string,
    taxYear: string,
    calculationId: string,
  ): Promise<DeclarationStateView> {
    const { store } = open(profileId);
    const s = state(profileId, taxYear);
    const purpose: DeclarationKind = s.declared ? 'confirm-amendment' : 'final-declaration';
    const open_ = store.latest(taxYear, purpose);
    // An interrupted send for this year is finished first (asking HMRC), never sent twice.
    if (open_ && (open_.state === 'sending' || open_.state === 'approved')) {
      await send(profileId, open_.id);
      return state(profileId, taxYear);
    }
    const blockers = blockersFor(s, purpose, calculationId);
    if (blockers.length > 0)
      throw new AppError(
        blockers[0]!.code,
        blockers[0]!.message,
        'Nothing was sent to HMRC. Fix this first.',
      );
    const agreement = store.agreement(taxYear, calculationId)!;
    const item = store.enqueue({
      taxYear,
      calculationId,
      declaration: purpose,
      agreementId: agreement.id,
      now: nowIso(),
    });
    await send(profileId, item.id);
    return state(profileId, taxYear);
  }

  /**
   * After a restart: finishes every declaration a crash left `sending` (asking HMRC what it
   * holds before any repeat). One merely `approved` was never sent: it waits for Send. True
   * when nothing is left `sending`.
   */
  async function resumeInterrupted(profileId: string): Promise<boolean> {
    const { store } = open(profileId);
    for (const item of store.unfinished())
      if (item.state === 'sending') await send(profileId, item.id);
    const left = store.unfinished().some((i) => i.state === 'sending');
    if (!left) deps.interrupted?.clear(profileId);
    return !left;
  }

  function compareAmendment(profileId: string, taxYear: string): AmendmentCompareView {
    const { calcs } = open(profileId);
    const s = state(profileId, taxYear);
    if (!s.declared)
      throw new AppError(
        'NOT_DECLARED',
        'There is no final declaration to compare with.',
        'Declare first.',
      );
    const declared = calcs.get(s.declared.calculationId);
    const latest = calcs.list(taxYear).find((c) => c.calculationType === 'intent-to-amend');
    if (!declared || !latest)
      throw new AppError(
        'NO_CALCULATION',
        'Ask HMRC for the amended calculation first.',
        'Select “Ask HMRC for the amended calculation”.',
      );
    return compareCalculations(calculationViewOf(declared), calculationViewOf(latest));
  }

  return {
    state,
    finalCalculation,
    cancelCalculation,
    storedCalculation,
    recordClientApproval,
    agree,
    declare,
    resumeInterrupted,
    compareAmendment,
  };
}

export type DeclarationService = ReturnType<typeof createDeclarationService>;
