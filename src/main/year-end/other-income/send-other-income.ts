import * as api from '../../hmrc/endpoints/other-income';
import { isHmrcError } from '../../hmrc/errors/hmrc-error';
import type { HmrcAccountClient } from '../../hmrc/hmrc-service';
import { classifyFailure, nextRetryDelayMs } from '../../sync/classify-failure';
import type { OiItem, OtherIncomeStore } from './other-income-store';

/**
 * Sends the other-income outbox of one profile, oldest first (an account's "add" goes before
 * its interest). PUT and DELETE are idempotent, so an item left `sending` by a crash is sent
 * again. Adding an account is a POST: an item found `sending` is first resolved by listing
 * HMRC's accounts (HMRC refuses two accounts of the same name, RULE_DUPLICATE_ACCOUNT_NAME
 * [SI savings_uk_accounts_add.yaml]), so the account is never added twice; a repeat answered
 * with that refusal is checked the same way.
 */
export type OiOutcome = 'accepted' | 'queued' | 'failed' | 'needs-relink' | 'cancelled';

export interface OiSendResult {
  total: number;
  accepted: number;
  queued: number;
  failed: number;
  needsRelink: number;
  cancelled: boolean;
  acceptedTaxYears: string[];
  firstProblem?: { code: string; message: string; action: string };
}

export interface OiSendDeps {
  store: OtherIncomeStore;
  client: Pick<HmrcAccountClient, 'transport'>;
  nino: string;
  profileId: string;
  environment: string;
  now: () => Date;
  signal?: AbortSignal;
  onItem?: (outcome: OiOutcome) => void;
  /** Tests: called at each step (crash points). */
  checkpoint?: (step: string) => void;
}

const DUPLICATE_NAME = 'RULE_DUPLICATE_ACCOUNT_NAME';

const callOptions = (deps: OiSendDeps) => (deps.signal ? { signal: deps.signal } : {});

/** HMRC's id for the account named so, if HMRC holds one. */
async function heldAccountId(deps: OiSendDeps, name: string): Promise<string | undefined> {
  try {
    const { data } = await api.listSavingsAccounts(deps.client.transport, deps.nino);
    return data.savingsAccounts.find((a) => a.accountName === name)?.savingsAccountId;
  } catch (error) {
    if (isHmrcError(error) && error.status === 404) return undefined;
    throw error;
  }
}

/** One item: what HMRC answered (its correlation id and the reference it is known by). */
async function sendOne(
  deps: OiSendDeps,
  item: OiItem,
): Promise<{ correlationId: string; hmrcRef: string; how: 'answered' | 'confirmed' }> {
  const t = deps.client.transport;
  const step = deps.checkpoint ?? (() => undefined);
  const body: unknown = JSON.parse(item.payload);
  const year = item.taxYear ?? '';
  const account = item.accountRef ? deps.store.account(item.accountRef) : undefined;
  if (item.submission === 'savings-account-add') {
    const name = (body as { accountName: string }).accountName;
    if (item.state === 'sending') {
      step('recovering');
      const held = await heldAccountId(deps, name);
      if (held) return { correlationId: 'confirmed', hmrcRef: held, how: 'confirmed' };
    }
    deps.store.markSending(item.id, deps.now().toISOString());
    step('marked-sending');
    try {
      const r = await api.addSavingsAccount(t, deps.nino, body, callOptions(deps));
      step('answered');
      return {
        correlationId: r.correlationId ?? 'unknown',
        hmrcRef: r.data.savingsAccountId,
        how: 'answered',
      };
    } catch (error) {
      if (isHmrcError(error) && error.code === DUPLICATE_NAME) {
        const held = await heldAccountId(deps, name);
        if (held) return { correlationId: 'confirmed', hmrcRef: held, how: 'confirmed' };
      }
      throw error;
    }
  }
  deps.store.markSending(item.id, deps.now().toISOString());
  step('marked-sending');
  const options = callOptions(deps);
  let r: { correlationId?: string | undefined };
  let hmrcRef = `${item.submission.replace(/-delete$/, '')} ${year}`;
  switch (item.submission) {
    case 'savings-account-rename':
    case 'savings-interest': {
      const id = account?.savingsAccountId;
      if (!id) throw new Error('The account has no HMRC id yet');
      hmrcRef = id;
      r =
        item.submission === 'savings-interest'
          ? await api.putSavingsInterest(t, deps.nino, year, id, body, options)
          : await api.renameSavingsAccount(t, deps.nino, id, body, options);
      break;
    }
    case 'dividends':
    case 'pension-relief':
    case 'charitable-giving':
      r = await api.putYearly(t, item.submission, deps.nino, year, body, options);
      break;
    case 'dividends-delete':
    case 'pension-relief-delete':
    case 'charitable-giving-delete': {
      const what = item.submission.replace(/-delete$/, '') as api.YearlyResource;
      r = await api.deleteYearly(t, what, deps.nino, year, options);
      break;
    }
  }
  step('answered');
  return { correlationId: r.correlationId ?? 'unknown', hmrcRef, how: 'answered' };
}

export async function sendOtherIncome(deps: OiSendDeps): Promise<OiSendResult> {
  const result: OiSendResult = {
    total: 0,
    accepted: 0,
    queued: 0,
    failed: 0,
    needsRelink: 0,
    cancelled: false,
    acceptedTaxYears: [],
  };
  const nowIso = () => deps.now().toISOString();
  const problem = (e: { code: string; message: string; action: string }) => {
    result.firstProblem ??= e;
  };
  for (const item of deps.store.waiting()) {
    result.total += 1;
    if (deps.signal?.aborted) {
      result.cancelled = true;
      result.queued += 1;
      deps.onItem?.('cancelled');
      continue;
    }
    if (item.nextRetryAt && item.nextRetryAt > nowIso()) {
      result.queued += 1;
      deps.onItem?.('queued');
      continue;
    }
    const account = item.accountRef ? deps.store.account(item.accountRef) : undefined;
    if (item.submission !== 'savings-account-add' && account && !account.savingsAccountId) {
      // Its account's "add" did not go: this cannot go either.
      const error = {
        code: 'ACCOUNT_NOT_ADDED',
        message: `HMRC does not have the savings account “${account.accountName}” yet, so its interest could not be sent.`,
        action: 'Add the account again from the savings screen, then approve the interest again.',
      };
      deps.store.markFailed(item.id, error, nowIso());
      result.failed += 1;
      problem(error);
      deps.onItem?.('failed');
      continue;
    }
    try {
      const answer = await sendOne(deps, item);
      deps.store.accept(item.id, {
        ...answer,
        profileId: deps.profileId,
        environment: deps.environment,
        now: nowIso(),
      });
      deps.checkpoint?.('recorded');
      result.accepted += 1;
      if (item.taxYear && !result.acceptedTaxYears.includes(item.taxYear))
        result.acceptedTaxYears.push(item.taxYear);
      deps.onItem?.('accepted');
    } catch (error) {
      const failure = classifyFailure(error, deps.signal);
      const plain = {
        code: failure.error.code,
        message: failure.error.message,
        action: failure.error.action,
      };
      if (failure.kind === 'failed') {
        deps.store.markFailed(item.id, plain, nowIso());
        result.failed += 1;
        problem(plain);
        deps.onItem?.('failed');
      } else if (failure.kind === 'cancelled') {
        result.cancelled = true;
        result.queued += 1;
        deps.onItem?.('cancelled');
      } else {
        const retryAt = new Date(
          deps.now().getTime() + nextRetryDelayMs(item.attempts + 1),
        ).toISOString();
        deps.store.requeue(item.id, plain, failure.kind === 'retry' ? retryAt : nowIso(), nowIso());
        if (failure.kind === 'relink') result.needsRelink += 1;
        else result.queued += 1;
        problem(plain);
        deps.onItem?.(failure.kind === 'relink' ? 'needs-relink' : 'queued');
      }
    }
  }
  return result;
}
