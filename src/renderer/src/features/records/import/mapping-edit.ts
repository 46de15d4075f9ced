import type { CsvMappingInput, ImportPreviewView } from '@shared/ipc/channels/records';

export const DATE_ORDER_LABELS: Record<CsvMappingInput['dateOrder'], string> = {
  dmy: 'Day/month/year (31/01/2026)',
  mdy: 'Month/day/year (01/31/2026)',
  ymd: 'Year-month-day (2026-01-31)',
};

/** A starting point when nothing was detected: date, description, amount in the first columns. */
export function defaultMapping(
  preview: Pick<ImportPreviewView, 'columnCount' | 'hasHeaderNames'>,
): CsvMappingInput {
  const last = Math.max(preview.columnCount - 1, 0);
  return {
    delimiter: ',',
    headerRowIndex: preview.hasHeaderNames ? 0 : null,
    dateColumn: 0,
    dateOrder: 'dmy',
    descriptionColumns: [Math.min(1, last)],
    counterpartyColumn: null,
    amount: { kind: 'single', column: Math.min(2, last), invert: false },
    decimal: 'dot',
  };
}

/**
 * Switches between one signed amount column and separate paid-out/paid-in columns, keeping the
 * column already chosen as the first of the new choice.
 */
export function withAmountKind(
  mapping: CsvMappingInput,
  kind: CsvMappingInput['amount']['kind'],
): CsvMappingInput {
  if (mapping.amount.kind === kind) return mapping;
  if (kind === 'single') {
    const column = mapping.amount.kind === 'debit-credit' ? mapping.amount.debitColumn : 0;
    return { ...mapping, amount: { kind: 'single', column, invert: false } };
  }
  const debit = mapping.amount.kind === 'single' ? mapping.amount.column : 0;
  return {
    ...mapping,
    amount: { kind: 'debit-credit', debitColumn: debit, creditColumn: debit + 1 },
  };
}
