import type { JSX } from 'react';
import type { QuarterTotalView } from '@shared/ipc/channels/records';
import { dateText, money } from '../format';

/** The chart's figures as a table: the text alternative, and exact to the penny. */
export function QuarterTable({ quarters }: { quarters: readonly QuarterTotalView[] }): JSX.Element {
  return (
    <table className="table records-quarter-table">
      <caption className="visually-hidden">Income and expenses per quarter</caption>
      <thead>
        <tr>
          <th scope="col">Quarter</th>
          <th scope="col" className="num">
            Income
          </th>
          <th scope="col" className="num">
            Expenses
          </th>
        </tr>
      </thead>
      <tbody>
        {quarters.map((q) => (
          <tr key={q.quarter}>
            <th scope="row">
              Quarter {q.quarter}{' '}
              <span className="hint">
                ({dateText(q.start)} to {dateText(q.end)})
              </span>
            </th>
            <td className="num">{money(q.incomePence)}</td>
            <td className="num">{money(q.expensesPence)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
