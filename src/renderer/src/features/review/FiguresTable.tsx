import { useId, useState, type JSX } from 'react';
import type { ComparisonView, ReviewLine } from '@shared/ipc/channels/review';
import { money, ukDate } from '../sync/format';

const SECTIONS: { id: ReviewLine['section']; title: string }[] = [
  { id: 'dates', title: 'Dates' },
  { id: 'income', title: 'Income' },
  { id: 'expenses', title: 'Expenses' },
  { id: 'disallowable', title: 'Not allowable for tax' },
];

const BEFORE_HEADING: Record<ComparisonView['source'], string> = {
  hmrc: 'HMRC holds now',
  'submission-log': 'Last accepted',
  none: 'Before',
};

function value(line: ReviewLine, which: 'now' | 'before'): string {
  if (line.section === 'dates') {
    const text = which === 'now' ? line.text : line.previousText;
    return text ? ukDate(text) : '—';
  }
  const pence = which === 'now' ? line.pence : line.previousPence;
  return pence === undefined ? '—' : money(pence);
}

function change(line: ReviewLine, compared: boolean): string {
  if (!compared) return 'New';
  if (!line.changed) return 'No change';
  if (line.section === 'dates') return 'Changed';
  const delta = (line.pence ?? 0) - (line.previousPence ?? 0);
  return `Changed by ${delta > 0 ? '+' : ''}${money(delta)}`;
}

/**
 * The update line by line in plain words, beside what it replaces at HMRC. A changed line is
 * highlighted and also says "Changed by …" in words, so colour is never the only signal.
 * Zero lines that did not change are folded away behind a button.
 */
export function FiguresTable({
  lines,
  comparison,
  caption,
  hmrcNames = false,
  foldDates = false,
}: {
  lines: ReviewLine[];
  comparison: ComparisonView;
  caption: string;
  /** Show HMRC's field name (`periodIncome.turnover`) under each line. */
  hmrcNames?: boolean;
  /**
   * The compact card's dates line says the dates ("Changed" too): the date lines leave the
   * table, and its caption (the same dates) is left to screen readers.
   */
  foldDates?: boolean;
}): JSX.Element {
  const [showAll, setShowAll] = useState(false);
  const tableId = useId();
  const compared = comparison.source !== 'none';
  const quiet = (l: ReviewLine) =>
    l.section !== 'dates' && !l.changed && (l.pence ?? 0) === 0 && (l.previousPence ?? 0) === 0;
  const hidden = lines.filter(quiet).length;
  const listed = foldDates ? lines.filter((l) => l.section !== 'dates') : lines;
  const shown = showAll ? listed : listed.filter((l) => !quiet(l));

  return (
    <div className="figures">
      {/* Nothing but zero lines (a nil update with its dates folded away): say so rather than
          show a table of headings alone; the button below still opens it. */}
      {shown.length === 0 ? (
        <p className="figures-all-zero">Every figure in this update is £0.00.</p>
      ) : null}
      <table className="table figures-table" id={tableId} hidden={shown.length === 0}>
        <caption className={foldDates ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">What HMRC receives</th>
            {compared ? (
              <th scope="col" className="num">
                {BEFORE_HEADING[comparison.source]}
              </th>
            ) : null}
            <th scope="col" className="num">
              This update
            </th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        {SECTIONS.map((section) => {
          const rows = shown.filter((l) => l.section === section.id);
          if (rows.length === 0) return null;
          return (
            <tbody key={section.id}>
              <tr className="figures-group">
                <th scope="rowgroup" colSpan={compared ? 4 : 3}>
                  {section.title}
                </th>
              </tr>
              {rows.map((line) => (
                <tr
                  key={line.path}
                  className={line.changed ? 'figures-changed' : undefined}
                  data-path={line.path}
                >
                  <th scope="row">
                    {line.label}
                    {hmrcNames ? <span className="figures-path mono">{line.path}</span> : null}
                  </th>
                  {compared ? <td className="num">{value(line, 'before')}</td> : null}
                  <td className="num">{value(line, 'now')}</td>
                  <td className="figures-change">
                    {line.changed ? <span aria-hidden="true">▲ </span> : null}
                    {change(line, compared)}
                  </td>
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
      {hidden > 0 ? (
        <button
          type="button"
          className="link-button"
          aria-controls={tableId}
          aria-expanded={showAll}
          onClick={() => setShowAll((v) => !v)}
        >
          {showAll
            ? 'Hide the lines that are zero'
            : shown.length === 0
              ? `Show the ${hidden} ${hidden === 1 ? 'line' : 'lines'}`
              : `Show ${hidden} more ${hidden === 1 ? 'line' : 'lines'} that ${hidden === 1 ? 'is' : 'are'} zero`}
        </button>
      ) : null}
    </div>
  );
}
