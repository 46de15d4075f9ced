import { useId, type JSX } from 'react';
import type { ImportPreviewView } from '@shared/ipc/channels/records';
import { dateText, moneyWithDirection } from '../format';
import type { QuestionAnswer } from './mapping-edit';

type Question = NonNullable<ImportPreviewView['question']>;

/**
 * The one question that settles which way round a statement's amounts are, when the file cannot
 * say: a card statement that may write spending as a plus, or two unnamed money columns. Each
 * answer shows the same example rows read its way, so the person can pick by what they know
 * happened (a purchase is money out) rather than by a rule about signs.
 */
export function DirectionQuestion({
  question,
  columnLabel,
  answer,
  onAnswer,
}: {
  question: Question;
  /** The name the mapping step shows for a column. */
  columnLabel: (column: number) => string;
  /** Null until the person answers. */
  answer: QuestionAnswer | null;
  onAnswer: (answer: QuestionAnswer) => void;
}): JSX.Element {
  const id = useId();
  const [first, second] = question.columns ?? [0, 0];
  const options: { value: QuestionAnswer; label: string; sign: 1 | -1 }[] =
    question.kind === 'card-sign'
      ? [
          {
            value: 'first',
            label: 'A plus is money in and a minus is money out, as on a bank account',
            sign: 1,
          },
          {
            value: 'second',
            label:
              'A plus is spending (money out) and a minus is a payment or refund (money in), as on most card statements',
            sign: -1,
          },
        ]
      : [
          {
            value: 'first',
            label: `${columnLabel(first)} is money out and ${columnLabel(second)} is money in`,
            sign: 1,
          },
          {
            value: 'second',
            label: `${columnLabel(second)} is money out and ${columnLabel(first)} is money in`,
            sign: -1,
          },
        ];

  return (
    <fieldset className="notice notice-warn records-question" aria-describedby={`${id}-why`}>
      <legend className="notice-title">
        {question.kind === 'card-sign'
          ? 'Which way round is this statement?'
          : 'Which column is money out?'}
      </legend>
      <div id={`${id}-why`}>
        <p>
          {question.kind === 'card-sign'
            ? 'This looks like a card statement. Card statements often show spending as a plus, bank accounts as a minus, and reading it the wrong way round would turn spending into income.'
            : 'The file has two money columns without names. Reading them the wrong way round would turn spending into income.'}
        </p>
        <ul className="records-question-reasons">
          {question.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
        <p>Choose the answer whose examples match what happened.</p>
      </div>
      {options.map((o) => (
        <div key={o.value} className="records-question-option">
          <div className="choice">
            <input
              id={`${id}-${o.value}`}
              type="radio"
              name={`${id}-answer`}
              checked={answer === o.value}
              onChange={() => onAnswer(o.value)}
              aria-describedby={`${id}-${o.value}-examples`}
            />
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          </div>
          <ul className="records-question-examples" id={`${id}-${o.value}-examples`}>
            {question.examples.map((e) => (
              <li key={e.line}>
                <span className="records-question-example-text">
                  Line {e.line}, {dateText(e.date)}, {e.description}:
                </span>{' '}
                <strong>{moneyWithDirection(o.sign * e.amountPence)}</strong>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </fieldset>
  );
}
