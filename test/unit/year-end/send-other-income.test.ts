import { afterEach, describe, expect, it } from 'vitest';
import { HmrcError } from '../../../src/main/hmrc/errors/hmrc-error';
import type {
  HmrcRequest,
  HmrcResult,
  HmrcTransport,
} from '../../../src/main/hmrc/hmrc-http-client';
import { createOtherIncomeStore } from '../../../src/main/year-end/other-income/other-income-store';
import { sendOtherIncome } from '../../../src/main/year-end/other-income/send-other-income';
import { tempLedger } from '../ledger/ledger-fixture';

/**
 * The other-income outbox after a crash: adding a savings account is a POST, so an add left
 * `sending` is settled by asking HMRC for its accounts, never sent twice; a repeat answered
 * "duplicate name" adopts HMRC's account; an interest PUT left `sending` is simply sent again.
 * Receipts are chained and written once.
 */
const NOW = new Date('2026-06-15T10:00:00Z');
let fixture: ReturnType<typeof tempLedger> | undefined;
afterEach(() => {
  fixture?.dispose();
  fixture = undefined;
});

/** HMRC at the true boundary: a list of held accounts and a script of answers per request. */
function hmrc(
  held: { savingsAccountId: string; accountName: string }[],
  addAnswer: 'ok' | 'duplicate',
) {
  const sent: string[] = [];
  const transport: HmrcTransport = {
    accountId: 'acc',
    environment: 'practice',
    send<T>(request: HmrcRequest<T>): Promise<HmrcResult<T>> {
      sent.push(`${request.method} ${request.template}`);
      if (request.method === 'GET')
        return Promise.resolve({
          data: { savingsAccounts: held } as T,
          correlationId: 'list',
          status: 200,
        });
      if (request.method === 'POST') {
        if (addAnswer === 'duplicate')
          return Promise.reject(
            new HmrcError({
              code: 'RULE_DUPLICATE_ACCOUNT_NAME',
              message: 'Duplicate name.',
              action: 'Rename.',
              fixedBy: 'you',
              status: 400,
            }),
          );
        return Promise.resolve({
          data: { savingsAccountId: 'SAVNEW000000001' } as T,
          correlationId: 'add',
          status: 200,
        });
      }
      return Promise.resolve({ data: undefined as T, correlationId: 'put', status: 204 });
    },
  };
  return { transport, sent };
}

function setUp() {
  fixture = tempLedger();
  const store = createOtherIncomeStore(fixture.ledger.database);
  const account = store.newAccount('Rainy Day Saver', NOW.toISOString());
  const add = store.enqueue({
    submission: 'savings-account-add',
    target: `account:${account.id}`,
    accountRef: account.id,
    payload: JSON.stringify({ accountName: 'Rainy Day Saver' }),
    approvedBy: 'Priya',
    now: NOW.toISOString(),
  })!;
  const interest = store.enqueue({
    submission: 'savings-interest',
    target: `account:${account.id}`,
    accountRef: account.id,
    taxYear: '2025-26',
    payload: JSON.stringify({ untaxedUkInterest: 12.5 }),
    approvedBy: 'Priya',
    now: NOW.toISOString(),
  })!;
  return { store, account, add, interest };
}

const send = (store: ReturnType<typeof createOtherIncomeStore>, transport: HmrcTransport) =>
  sendOtherIncome({
    store,
    client: { transport },
    nino: 'AA123456A',
    profileId: 'p',
    environment: 'practice',
    now: () => NOW,
  });

describe('sending other income after a crash', () => {
  it('an add left sending that HMRC already holds is confirmed from HMRC’s list, not added again', async () => {
    const { store, account, add, interest } = setUp();
    store.markSending(add.id, NOW.toISOString());
    store.markSending(interest.id, NOW.toISOString());
    const { transport, sent } = hmrc(
      [{ savingsAccountId: 'SAVHELD00000001', accountName: 'Rainy Day Saver' }],
      'ok',
    );
    const result = await send(store, transport);
    expect(result).toMatchObject({ total: 2, accepted: 2, failed: 0 });
    expect(sent).toEqual([
      'GET /individuals/savings-income/uk-accounts/{nino}',
      'PUT /individuals/savings-income/uk-accounts/{nino}/{taxYear}/{savingsId}',
    ]);
    expect(store.account(account.id)?.savingsAccountId).toBe('SAVHELD00000001');
    expect(store.receipts().map((r) => [r.submission, r.how, r.hmrcRef])).toEqual([
      ['savings-account-add', 'confirmed', 'SAVHELD00000001'],
      ['savings-interest', 'answered', 'SAVHELD00000001'],
    ]);
    expect(store.verifyReceipts()).toEqual([]);
    // Nothing left: a second run sends nothing and writes no second receipt.
    expect((await send(store, transport)).total).toBe(0);
    expect(store.receipts()).toHaveLength(2);
  });

  it('an add left sending that HMRC does not hold is sent once; a “duplicate name” answer adopts HMRC’s account', async () => {
    const first = setUp();
    first.store.markSending(first.add.id, NOW.toISOString());
    const fresh = hmrc([], 'ok');
    await send(first.store, fresh.transport);
    expect(fresh.sent.filter((s) => s.startsWith('POST'))).toHaveLength(1);
    expect(first.store.account(first.account.id)?.savingsAccountId).toBe('SAVNEW000000001');
    fixture?.dispose();

    const second = setUp();
    const dup = hmrc(
      [{ savingsAccountId: 'SAVDUP000000001', accountName: 'Rainy Day Saver' }],
      'duplicate',
    );
    const result = await send(second.store, dup.transport);
    expect(result.accepted).toBe(2);
    expect(second.store.account(second.account.id)?.savingsAccountId).toBe('SAVDUP000000001');
  });

  it('interest for an account HMRC refused to add fails with the reason, and is not sent', async () => {
    const { store, add } = setUp();
    store.markFailed(
      add.id,
      { code: 'X', message: 'Refused.', action: 'Fix it.' },
      NOW.toISOString(),
    );
    const { transport, sent } = hmrc([], 'ok');
    const result = await send(store, transport);
    expect(result).toMatchObject({ total: 1, failed: 1 });
    expect(result.firstProblem?.code).toBe('ACCOUNT_NOT_ADDED');
    expect(sent).toEqual([]);
  });

  it('the receipts are append-only', () => {
    const { store } = setUp();
    expect(() => fixture!.ledger.database.prepare('DELETE FROM oi_receipts').run()).not.toThrow(); // nothing to delete yet
    store.accept(1, {
      correlationId: 'c',
      how: 'answered',
      hmrcRef: 'SAVHELD00000001',
      profileId: 'p',
      environment: 'practice',
      now: NOW.toISOString(),
    });
    expect(() => fixture!.ledger.database.prepare('DELETE FROM oi_receipts').run()).toThrow(
      /append-only/,
    );
  });
});
