import { useId, useState, type JSX } from 'react';
import { readAmount, signed } from '../money-entry';

interface Fix {
  date: string;
  description: string;
  amountPence: number;
}

/** Corrects one unreadable bank row in place: its date, description and amount. */
export function FixRowForm({
  line,
  cells,
  initial,
  readable,
  onSave,
  onCancel,
}: {
  line: number;
  cells: readonly string[];
  initial: Fix | undefined;
  /** What the bank row says apart from its date: the starting point when there is no fix yet. */
  readable?: { description: string; amountPence: number };
  onSave: (fix: Fix) => void;
  onCancel: () => void;
}): JSX.Element {
  const id = useId();
  const guessDescription =
    cells.filter((c) => /[a-z]{3}/i.test(c)).sort((a, b) => b.length - a.length)[0] ?? '';
  const [date, setDate] = useState(initial?.date ?? '');
  const start = initial ?? readable;
  const [description, setDescription] = useState(start?.description || guessDescription.trim());
  const [direction, setDirection] = useState<'in' | 'out'>(
    start && start.amountPence > 0 ? 'in' : 'out',
  );
  const [amount, setAmount] = useState(start ? (Math.abs(start.amountPence) / 100).toFixed(2) : '');
  const [problem, setProblem] = useState<string | null>(null);

  const save = () => {
    const read = readAmount(amount);
    if (!date) return setProblem('Enter the date.');
    if (!description.trim()) return setProblem('Enter a description.');
    if (!read.ok) return setProblem(read.message);
    setProblem(null);
    onSave({ date, description: description.trim(), amountPence: signed(read.pence, direction) });
  };

  return (
    <fieldset className="records-fix">
      <legend>Fix line {line}</legend>
      <div className="field">
        <label htmlFor={`${id}-date`}>Date</label>
        <input
          id={`${id}-date`}
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-desc`}>Description</label>
        <input
          id={`${id}-desc`}
          type="text"
          value={description}
          maxLength={500}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-dir`}>Money</label>
        <select
          id={`${id}-dir`}
          value={direction}
          onChange={(e) => setDirection(e.target.value as 'in' | 'out')}
        >
          <option value="out">Out</option>
          <option value="in">In</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-amount`}>Amount (£)</label>
        <input
          id={`${id}-amount`}
          type="text"
          inputMode="decimal"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
        />
      </div>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="button primary" onClick={save}>
          Use this
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}
