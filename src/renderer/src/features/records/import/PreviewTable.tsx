import type { JSX } from 'react';
import type { ImportPreviewView } from '@shared/ipc/channels/records';
import { dateText, moneyWithDirection } from '../format';
import { ScrollRegion } from '@renderer/ui/ScrollRegion';

/**
 * The first rows of a bank file exactly as they will be imported, line by line; a row that
 * cannot be read says why. Shared by the CSV mapping step and the OFX statement summary.
 */
export function PreviewTable({
  rows,
  label,
  caption,
}: {
  rows: ImportPreviewView['rows'];
  label: string;
  caption: string;
}): JSX.Element {
  return (
    <ScrollRegion label={label}>
      <table className="table records-preview-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Line
            </th>
            <th scope="col">Date</th>
            <th scope="col">Description</th>
            <th scope="col">Payee or payer</th>
            <th scope="col" className="num">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) =>
            r.values.ok ? (
              <tr key={r.line}>
                <td className="num">{r.line}</td>
                <td>{dateText(r.values.date)}</td>
                <td>{r.values.description}</td>
                <td>{r.values.counterparty ?? ''}</td>
                <td className="num">{moneyWithDirection(r.values.amountPence)}</td>
              </tr>
            ) : (
              <tr key={r.line} className="records-row-bad">
                <td className="num">{r.line}</td>
                <td colSpan={4}>
                  <span className="field-error">Cannot be read: {r.values.message}</span>{' '}
                  <span className="hint">{r.cells.join(', ').slice(0, 120)}</span>
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
