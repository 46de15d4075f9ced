import { describe, expect, it } from 'vitest';
import { balanceFit } from '../../../src/main/ledger/import/csv/balance-column';
import {
  cardSignQuestion,
  type ExampleRow,
} from '../../../src/main/ledger/import/csv/sign-convention';

/** Rows as written in the file: a plus is read as money in until the person says otherwise. */
const rows = (...amounts: [string, number][]): ExampleRow[] =>
  amounts.map(([description, amountPence], i) => ({
    line: i + 2,
    date: `2025-04-${String(i + 6).padStart(2, '0')}`,
    description,
    amountPence,
  }));

const ask = (
  r: ExampleRow[],
  more: { fileName?: string; headers?: string[]; balance?: 'adds' | 'subtracts' | null } = {},
) =>
  cardSignQuestion({
    rows: r,
    fileName: more.fileName ?? 'statement.csv',
    headerNames: more.headers ?? ['Date', 'Description', 'Amount'],
    balance: more.balance ?? null,
  });

describe('the card-statement sign convention', () => {
  it('asks when purchases are plus and the one minus is a payment (the Amex case)', () => {
    const q = ask(
      rows(
        ['ADOBE *CREATIVE CLD', 1998],
        ['UBER *TRIP', 1450],
        ['PAYMENT RECEIVED - THANK YOU', -25000],
        ['PRET A MANGER', 866],
        ['AMAZON.CO.UK', 5000],
        ['TRAINLINE', 1400],
      ),
    );
    expect(q).toMatchObject({ kind: 'card-sign', columns: null });
    expect(q!.reasons).toEqual([
      '5 of the first 6 amounts are positive.',
      'The negative one looks like a payment or refund (“PAYMENT RECEIVED - THANK YOU”).',
    ]);
    // Two example rows, one each way, in file order, read as written.
    expect(q!.examples.map((e) => [e.description, e.amountPence])).toEqual([
      ['ADOBE *CREATIVE CLD', 1998],
      ['PAYMENT RECEIVED - THANK YOU', -25000],
    ]);
  });

  it('asks when every amount is positive, with the first two rows as examples', () => {
    const q = ask(rows(['PAYPAL *ETSY', 1250], ['ADOBE SYSTEMS', 1999], ['ZOOM.US', 1199]));
    expect(q!.reasons[0]).toBe('Every amount in the first 3 rows is positive.');
    expect(q!.examples.map((e) => e.line)).toEqual([2, 3]);
  });

  it('does not ask about a current account that spends more often than it receives', () => {
    expect(
      ask(rows(['ACME LTD', 85000], ['TESCO', -2340], ['SHELL', -6212], ['BT', -3800])),
    ).toBeNull();
  });

  it('asks about a half-positive file only when its name or columns say card', () => {
    const half = rows(['SHOP', 1200], ['REFUND', -500], ['SHOP', 800], ['PAYMENT', -2000]);
    expect(ask(half)).toBeNull();
    expect(ask(half, { fileName: 'Barclaycard-April.csv' })!.reasons).toContain(
      'The file’s name or its columns say it is a card statement.',
    );
    expect(ask(half, { headers: ['Date', 'Card Member', 'Amount'] })).not.toBeNull();
  });

  it('says what the balance shows: rising with purchases, or falling when an amount is positive', () => {
    const card = rows(['SHOP', 1200], ['SHOP', 800], ['PAYMENT', -2000]);
    expect(ask(card, { balance: 'adds' })!.reasons).toContain(
      'The balance goes up with the positive amounts, as the balance owed on a card does.',
    );
    // Mostly negative, but the balance falls with the positive ones: a plus is money out.
    const odd = rows(['SHOP', 1200], ['CLIENT', -90000], ['RENT', -50000]);
    expect(ask(odd, { balance: 'subtracts' })!.reasons).toContain(
      'The balance goes down when an amount is positive, so a plus looks like money out.',
    );
  });

  it('has nothing to ask with no readable amounts', () => {
    expect(ask([])).toBeNull();
    expect(ask(rows(['NOTHING', 0]))).toBeNull();
  });
});

describe('how a running balance moves with the amounts', () => {
  it('adds: a bank balance (or a card balance owed) rising by each positive amount', () => {
    expect(balanceFit([null, -500, 2000, -300], [10000, 9500, 11500, 11200])).toEqual({
      relation: 'adds',
      share: 1,
    });
  });

  it('subtracts: the balance falls when an amount is positive', () => {
    expect(balanceFit([null, 500, 1200, -300], [10000, 9500, 8300, 8600])).toMatchObject({
      relation: 'subtracts',
    });
  });

  it('reads statements listed newest first', () => {
    // Newest first: each balance is the one below it plus that row's amount.
    expect(balanceFit([-500, 2000, null], [11500, 12000, 10000])).toMatchObject({
      relation: 'adds',
    });
  });

  it('says nothing when the balance does not follow the amounts', () => {
    expect(balanceFit([100, 200, 300, 400], [5, 17, 3, 99])).toBeNull();
    expect(balanceFit([100], [5])).toBeNull();
  });
});
