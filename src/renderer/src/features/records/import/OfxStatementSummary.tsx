import { useId, type JSX } from 'react';
import type { OfxPreviewView } from '@shared/ipc/channels/records';
import { fileSize } from '@renderer/ui/file-size';
import { plural } from '../format';
import { PreviewTable } from './PreviewTable';
import { statementLine } from './statement-text';

/**
 * What an OFX statement holds, in place of the column-mapping step a CSV needs: the account
 * (masked), the dates and the number of transactions in one plain line, then the first
 * transactions exactly as they will be imported.
 */
export function OfxStatementSummary({ preview }: { preview: OfxPreviewView }): JSX.Element {
  const id = useId();
  return (
    <section className="records-statement" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>
        {preview.fileName} <span className="hint">({fileSize(preview.sizeBytes)})</span>
      </h3>
      {preview.statements.length === 0 ? null : (
        <ul className="records-statement-lines">
          {preview.statements.map((s, i) => (
            <li key={i}>{statementLine(s)}.</li>
          ))}
        </ul>
      )}
      <p className="hint">
        An OFX file says which value is the date, the amount and the description, so there are no
        columns to match.
      </p>
      {preview.warnings.map((w) => (
        <p key={w} className="notice notice-warn">
          {w}
        </p>
      ))}
      {preview.rows.length > 0 ? (
        <>
          <p className="hint">
            {preview.rows.length < preview.transactions
              ? `The first ${preview.rows.length} of ${plural(preview.transactions, 'transaction', 'transactions')}, as they will be imported:`
              : 'The transactions, as they will be imported:'}
          </p>
          <PreviewTable
            rows={preview.rows}
            label="The statement’s transactions"
            caption="How the statement’s transactions will be imported"
          />
        </>
      ) : (
        <p>This statement has no transactions.</p>
      )}
    </section>
  );
}
