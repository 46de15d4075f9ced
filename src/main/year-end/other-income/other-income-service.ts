import { actionPermission, type OtherIncomeAction } from '@shared/domain/agent-permissions';
import {
  NOT_COVERED_RULES,
  NOT_COVERED_TOPICS,
  notCoveredStatus,
  type NotCoveredTopic,
} from '@shared/domain/not-covered';
import {
  OTHER_INCOME_DEFINITIONS,
  otherIncomeBody,
  otherIncomeProblem,
  otherIncomeValues,
  type OtherIncomeResource,
} from '@shared/domain/other-income-fields';
import type {
  NotCoveredView,
  OtherIncomeApproval,
  OtherIncomeSection,
  OtherIncomeView,
} from '@shared/ipc/channels/year-end-other-income';
import type { Clock } from '../../clock/clock';
import { listSavingsAccounts } from '../../hmrc/endpoints/other-income';
import { ACCOUNT_NAME_PATTERN } from '../../hmrc/schemas/other-income';
import { isHmrcError } from '../../hmrc/errors/hmrc-error';
import { AppError } from '../../ipc/app-error';
import type { Logger } from '../../logging/logger';
import type { Profile } from '../../profiles/profile-record';
import type { SyncProfilesPort } from '../../sync/profile-sync';
import { createNotCoveredStore } from './not-covered-store';
import {
  createOtherIncomeStore,
  type OiItem,
  type OtherIncomeStore,
  type OtherIncomeSubmission,
} from './other-income-store';
import { sendOtherIncome, type OiOutcome, type OiSendResult } from './send-other-income';

/**
 * Other income and reliefs of a tax year: what the person approved (offline), what waits for
 * "Sync now", what HMRC accepted (receipts), and the questions about what Ledgerlink does not
 * cover. The sync run sends the outbox through `send` (sync-runs' extra outbox hook).
 */
export interface OtherIncomeServiceDeps {
  profiles: Pick<SyncProfilesPort, 'require' | 'ledger' | 'hmrcFor'>;
  clock: Clock;
  logger: Logger;
  emitChanged?: (profileId: string) => void;
  /** Tests: called at each step of sending (crash points). */
  checkpoint?: (step: string) => void;
}

const ACTION_OF: Record<OtherIncomeResource, OtherIncomeAction> = {
  'savings-interest': 'savings',
  dividends: 'dividends',
  'pension-relief': 'pension-relief',
  'charitable-giving': 'charitable-giving',
};

const WHAT: Record<OtherIncomeSubmission, string> = {
  'savings-account-add': 'Savings account added',
  'savings-account-rename': 'Savings account renamed',
  'savings-interest': 'Savings interest',
  dividends: 'UK dividends',
  'dividends-delete': 'UK dividends deleted',
  'pension-relief': 'Pension contributions',
  'pension-relief-delete': 'Pension contributions deleted',
  'charitable-giving': 'Gift Aid and gifts to charity',
  'charitable-giving-delete': 'Gift Aid and gifts to charity deleted',
};

const roleOf = (p: Profile) => (p.kind === 'client' ? p.agentRole : undefined);

const definedValues = (v: Partial<Record<string, number>>): Record<string, number> =>
  Object.fromEntries(Object.entries(v).filter((e): e is [string, number] => e[1] !== undefined));

/** The newest item (not replaced) for a thing, as a section of the view. */
function sectionOf(
  items: OiItem[],
  resource: OtherIncomeResource,
  match: (i: OiItem) => boolean,
): OtherIncomeSection {
  const latest = items.find((i) => match(i) && i.state !== 'replaced');
  if (!latest) return { status: 'not-sent', values: {} };
  const deleting = latest.submission.endsWith('-delete');
  const status =
    latest.state === 'accepted'
      ? deleting
        ? 'deleted'
        : 'sent'
      : latest.state === 'failed'
        ? 'failed'
        : 'waiting';
  return {
    status,
    values: deleting ? {} : definedValues(otherIncomeValues(resource, JSON.parse(latest.payload))),
    approvedAt: latest.createdAt,
    ...(latest.acceptedAt ? { acceptedAt: latest.acceptedAt } : {}),
    ...(latest.error && latest.state === 'failed' ? { error: latest.error } : {}),
  };
}

export function createOtherIncomeService(deps: OtherIncomeServiceDeps) {
  const nowIso = () => deps.clock.now().toISOString();
  const open = (profileId: string) => {
    const profile = deps.profiles.require(profileId);
    const db = deps.profiles.ledger(profileId).database;
    return {
      profile,
      store: createOtherIncomeStore(db),
      notCovered: createNotCoveredStore(db),
    };
  };
  const permissionOf = (profile: Profile, action: OtherIncomeAction) => {
    const p = actionPermission(roleOf(profile), action);
    return p.allowed ? { allowed: true } : { allowed: false, reason: p.reason };
  };
  const refuseUnlessAllowed = (profile: Profile, action: OtherIncomeAction) => {
    const p = actionPermission(roleOf(profile), action);
    if (!p.allowed)
      throw new AppError(
        'NOT_ALLOWED_FOR_SUPPORTING_AGENT',
        p.reason,
        'Nothing was queued or sent to HMRC.',
      );
  };

  function view(profileId: string, taxYear: string): OtherIncomeView {
    const { profile, store } = open(profileId);
    const items = store.items(taxYear);
    const ofYear = (i: OiItem) => i.taxYear === taxYear;
    const yearly = (r: Exclude<OtherIncomeResource, 'savings-interest'>) =>
      sectionOf(items, r, (i) => ofYear(i) && i.target === r);
    return {
      profileId,
      taxYear,
      profileName: profile.name.slice(0, 300),
      permissions: {
        savings: permissionOf(profile, 'savings'),
        dividends: permissionOf(profile, 'dividends'),
        'pension-relief': permissionOf(profile, 'pension-relief'),
        'charitable-giving': permissionOf(profile, 'charitable-giving'),
      },
      accounts: store
        .accounts()
        .slice(0, 1000)
        .map((a) => {
          const target = `account:${a.id}`;
          const change = items.find(
            (i) =>
              i.target === target &&
              i.state !== 'replaced' &&
              (i.submission === 'savings-account-add' || i.submission === 'savings-account-rename'),
          );
          const pendingChange =
            change && change.state !== 'accepted'
              ? {
                  ...sectionOf([change], 'savings-interest', () => true),
                  values: {},
                  accountName: (JSON.parse(change.payload) as { accountName: string }).accountName,
                }
              : undefined;
          return {
            id: a.id,
            accountName: a.accountName,
            atHmrc: a.savingsAccountId !== undefined,
            ...(pendingChange ? { change: pendingChange } : {}),
            interest: sectionOf(
              items,
              'savings-interest',
              (i) => ofYear(i) && i.target === target && i.submission === 'savings-interest',
            ),
          };
        }),
      dividends: yearly('dividends'),
      'pension-relief': yearly('pension-relief'),
      'charitable-giving': yearly('charitable-giving'),
      waiting: store.waiting().length,
      receipts: store
        .receipts()
        .filter((r) => r.taxYear === taxYear || r.taxYear === '')
        .slice(-500)
        .map((r) => ({
          seq: r.seq,
          submission: r.submission,
          what: WHAT[r.submission],
          recordedAt: r.recordedAt,
          correlationId: r.correlationId.slice(0, 100),
          entryHash: r.entryHash,
        })),
      receiptsIntact: store.verifyReceipts().length === 0,
    };
  }

  const whoOf = (profile: Profile) =>
    (profile.kind === 'client' ? `Agent for ${profile.name}` : profile.name).slice(0, 300);

  function enqueue(
    store: OtherIncomeStore,
    profile: Profile,
    item: Omit<Parameters<OtherIncomeStore['enqueue']>[0], 'approvedBy' | 'now'>,
  ) {
    const queued = store.enqueue({ ...item, approvedBy: whoOf(profile), now: nowIso() });
    if (!queued)
      throw new AppError(
        'BEING_SENT',
        'The last approval of this is being sent to HMRC right now.',
        'Wait for the sync to finish, then approve your change again.',
      );
  }

  const checkedName = (name: string) => {
    const trimmed = name.trim();
    if (!ACCOUNT_NAME_PATTERN.test(trimmed))
      throw new AppError(
        'ACCOUNT_NAME',
        "HMRC accepts account names of 1 to 32 letters, digits, spaces and & ' ( ) * , - . / @ £.",
        'Change the name and approve again.',
      );
    return trimmed;
  };

  function approve(
    profileId: string,
    taxYear: string,
    approval: OtherIncomeApproval,
  ): OtherIncomeView {
    const { profile, store } = open(profileId);
    const resource: OtherIncomeResource =
      approval.kind === 'delete'
        ? approval.what
        : approval.kind === 'savings-account-add' || approval.kind === 'savings-account-rename'
          ? 'savings-interest'
          : approval.kind;
    refuseUnlessAllowed(profile, ACTION_OF[resource]);
    switch (approval.kind) {
      case 'savings-account-add': {
        const name = checkedName(approval.accountName);
        if (store.accounts().some((a) => a.accountName === name))
          throw new AppError(
            'DUPLICATE_ACCOUNT_NAME',
            `There is already an account called “${name}”.`,
            'Give each account its own name.',
          );
        const account = store.newAccount(name, nowIso());
        enqueue(store, profile, {
          submission: 'savings-account-add',
          target: `account:${account.id}`,
          accountRef: account.id,
          payload: JSON.stringify({ accountName: name }),
        });
        break;
      }
      case 'savings-account-rename': {
        const name = checkedName(approval.accountName);
        if (!store.account(approval.accountId)) throw notFound();
        enqueue(store, profile, {
          submission: 'savings-account-rename',
          target: `account:${approval.accountId}`,
          accountRef: approval.accountId,
          payload: JSON.stringify({ accountName: name }),
        });
        break;
      }
      case 'delete': {
        if (!OTHER_INCOME_DEFINITIONS[approval.what].deletable) throw notFound();
        enqueue(store, profile, {
          submission: `${approval.what}-delete`,
          target: approval.what,
          taxYear,
          payload: '{}',
        });
        break;
      }
      default: {
        const problem = otherIncomeProblem(resource, approval.values);
        if (problem)
          throw new AppError('NOTHING_TO_SEND', problem, 'Correct it and approve again.');
        const payload = JSON.stringify(otherIncomeBody(resource, approval.values));
        if (approval.kind === 'savings-interest') {
          if (!store.account(approval.accountId)) throw notFound();
          enqueue(store, profile, {
            submission: 'savings-interest',
            target: `account:${approval.accountId}`,
            accountRef: approval.accountId,
            taxYear,
            payload,
          });
        } else {
          enqueue(store, profile, {
            submission: approval.kind,
            target: approval.kind,
            taxYear,
            payload,
          });
        }
      }
    }
    deps.emitChanged?.(profileId);
    return view(profileId, taxYear);
  }

  const notFound = () =>
    new AppError(
      'NOT_FOUND',
      'Ledgerlink has no such savings account.',
      'Choose one from the list.',
    );

  async function refreshSavingsAccounts(profileId: string, taxYear: string) {
    const { profile, store } = open(profileId);
    refuseUnlessAllowed(profile, 'savings');
    const { client, nino } = deps.profiles.hmrcFor(profileId);
    try {
      const { data } = await listSavingsAccounts(client.transport, nino);
      store.mergeHmrcAccounts(
        data.savingsAccounts.map((a) => ({
          savingsAccountId: a.savingsAccountId,
          ...(a.accountName ? { accountName: a.accountName } : {}),
        })),
        nowIso(),
      );
    } catch (error) {
      // HMRC answers 404 when the person has no savings accounts at all.
      if (!(isHmrcError(error) && error.status === 404)) throw error;
    }
    deps.emitChanged?.(profileId);
    return view(profileId, taxYear);
  }

  function notCoveredView(profileId: string, taxYear: string): NotCoveredView {
    const { notCovered } = open(profileId);
    const answers = notCovered.answers(taxYear);
    const confirmation = notCovered.lastConfirmation(taxYear);
    const status = notCoveredStatus(answers, confirmation?.topics);
    return {
      profileId,
      taxYear,
      topics: NOT_COVERED_TOPICS.map((t) => ({
        ...NOT_COVERED_RULES[t],
        ...(answers[t] !== undefined ? { applies: answers[t] } : {}),
      })),
      unanswered: status.unanswered.length,
      applies: status.applies,
      confirmedElsewhere: status.confirmedElsewhere,
      ...(confirmation && status.applies.length > 0 && status.confirmedElsewhere
        ? { confirmedAt: confirmation.at }
        : {}),
    };
  }

  function answerNotCovered(
    profileId: string,
    taxYear: string,
    topic: NotCoveredTopic,
    applies: boolean,
  ): NotCoveredView {
    open(profileId).notCovered.answer(taxYear, topic, applies, nowIso());
    deps.emitChanged?.(profileId);
    return notCoveredView(profileId, taxYear);
  }

  function confirmReportedElsewhere(profileId: string, taxYear: string): NotCoveredView {
    const { profile, notCovered } = open(profileId);
    const before = notCoveredView(profileId, taxYear);
    if (before.unanswered > 0)
      throw new AppError(
        'NOT_ANSWERED',
        'Answer every question about income Ledgerlink does not cover first.',
        'Answer yes or no to each one.',
      );
    notCovered.confirm(taxYear, before.applies, whoOf(profile), nowIso());
    deps.emitChanged?.(profileId);
    return notCoveredView(profileId, taxYear);
  }

  /** The sync run's hook: how many items wait, and sending them. */
  const outbox = {
    queued(profileId: string): number {
      return open(profileId).store.waiting().length;
    },
    async send(
      profileId: string,
      ctx: { signal?: AbortSignal; onItem?: (outcome: OiOutcome) => void },
    ): Promise<OiSendResult> {
      const { profile, store } = open(profileId);
      if (store.waiting().length === 0)
        return {
          total: 0,
          accepted: 0,
          queued: 0,
          failed: 0,
          needsRelink: 0,
          cancelled: false,
          acceptedTaxYears: [],
        };
      const { client, nino } = deps.profiles.hmrcFor(profileId);
      const result = await sendOtherIncome({
        store,
        client,
        nino,
        profileId,
        environment: profile.environment,
        now: () => deps.clock.now(),
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        ...(ctx.onItem ? { onItem: ctx.onItem } : {}),
        ...(deps.checkpoint ? { checkpoint: deps.checkpoint } : {}),
      });
      if (result.total > 0) deps.emitChanged?.(profileId);
      return result;
    },
  };

  return {
    view,
    approve,
    refreshSavingsAccounts,
    notCoveredView,
    answerNotCovered,
    confirmReportedElsewhere,
    outbox,
  };
}

export type OtherIncomeService = ReturnType<typeof createOtherIncomeService>;
