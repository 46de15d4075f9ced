import { describe, expect, it } from 'vitest';
import {
  amountCheckKey,
  currentAnswer,
  defaultMapping,
  questionKey,
  withAmountKind,
  withAnswer,
} from '@renderer/features/records/import/mapping-edit';
import type { ImportPreviewView } from '@shared/ipc/channels/records';

type Question = NonNullable<ImportPreviewView['question']>;

const base = { ...defaultMapping({ columnCount: 5, hasHeaderNames: true }) };
const card: Question = { kind: 'card-sign', reasons: [], examples: [], columns: null };
const pair: Question = { kind: 'in-out-columns', reasons: [], examples: [], columns: [2, 3] };

describe('answering which way round the amounts are', () => {
  it('sets the card statement’s sign, and reads the answer back from the mapping', () => {
    const spending = withAnswer(base, card, 'second');
    expect(spending.amount).toEqual({ kind: 'single', column: 2, invert: true });
    expect(currentAnswer(card, spending)).toBe('second');
    expect(currentAnswer(card, withAnswer(spending, card, 'first'))).toBe('first');
  });

  it('sets which column is money out, either way round', () => {
    const split = withAmountKind(base, 'debit-credit');
    const swapped = withAnswer(split, pair, 'second');
    expect(swapped.amount).toEqual({ kind: 'debit-credit', debitColumn: 3, creditColumn: 2 });
    expect(currentAnswer(pair, swapped)).toBe('second');
    expect(currentAnswer(pair, withAnswer(swapped, pair, 'first'))).toBe('first');
  });

  it('keeps an answer given while the same question comes back with the re-read preview', () => {
    expect(questionKey(card, base)).toBe(questionKey(card, withAnswer(base, card, 'second')));
    expect(questionKey(card, base)).not.toBe(
      questionKey(card, { ...base, amount: { kind: 'single', column: 4, invert: false } }),
    );
    const split = withAmountKind(base, 'debit-credit');
    expect(questionKey(pair, split)).toBe(questionKey(pair, withAnswer(split, pair, 'second')));
  });

  it('switches to an amount with its direction in another column', () => {
    expect(withAmountKind(base, 'direction').amount).toEqual({
      kind: 'direction',
      column: 2,
      directionColumn: 3,
      blank: null,
    });
    expect(withAmountKind(withAmountKind(base, 'direction'), 'single').amount).toMatchObject({
      kind: 'single',
      column: 2,
    });
  });

  it('ties “these amounts are right” to the rows that were shown', () => {
    const check = {
      columns: [1],
      message: '',
      rows: [{ line: 2, text: '1', reason: '' }],
      better: null,
    };
    expect(amountCheckKey(check)).not.toBe(
      amountCheckKey({ ...check, rows: [...check.rows, { line: 7, text: '9', reason: '' }] }),
    );
  });
});
