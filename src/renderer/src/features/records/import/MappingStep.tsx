import { useEffect, useId, useRef, useState, type JSX } from 'react';
import type { CsvMappingInput, ImportPreviewView } from '@shared/ipc/channels/records';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { fileSize } from '@renderer/ui/file-size';
import { AmountFields } from './AmountFields';
import { AmountWarning } from './AmountWarning';
import { DirectionQuestion } from './DirectionQuestion';
import {
  amountCheckKey,
  currentAnswer,
  defaultMapping,
  questionKey,
  withAnswer,
  DATE_ORDER_LABELS,
} from './mapping-edit';
import { PreviewTable } from './PreviewTable';

/**
 * The column-mapping step: which column is the date, the description, the amount (money out and
 * money in, or an amount with its direction in another column), how dates and amounts are
 * written. Every change re-reads the first rows so the person sees exactly what each row will
 * become. A mapping remembered for this bank's file shape is offered at once. When the file
 * cannot say which way round its amounts are, or the amounts do not look like money, the whole
 * file is not checked until the person has answered.
 */
export function MappingStep({
  profileId,
  preview: first,
  busy,
  onCheck,
  onCancel,
}: {
  profileId: string;
  preview: ImportPreviewView;
  busy: boolean;
  onCheck: (mapping: CsvMappingInput) => void;
  onCancel: () => void;
}): JSX.Element {
  const id = useId();
  const [mapping, setMapping] = useState<CsvMappingInput>(
    () => first.mapping ?? defaultMapping(first),
  );
  const [preview, setPreview] = useState(first);
  const [previewError, setPreviewError] = useState<ReturnType<typeof toIpcError> | null>(null);
  const [datesConfirmed, setDatesConfirmed] = useState(false);
  const [answeredKey, setAnsweredKey] = useState<string | null>(null);
  const [amountsOkKey, setAmountsOkKey] = useState<string | null>(null);
  const detectedHeader = useRef(first.mapping?.headerRowIndex ?? (first.hasHeaderNames ? 0 : null));
  const firstRun = useRef(true);

  // Re-read the preview with the changed mapping (after a short pause while choosing).
  useEffect(() => {
    if (firstRun.current) {
      firstRun.current = false;
      if (first.mapping) return undefined;
    }
    let current = true;
    const timer = setTimeout(() => {
      unwrap(api.records.importPreview({ profileId, importId: first.importId, mapping }))
        .then((p) => {
          if (!current) return;
          setPreview(p);
          setPreviewError(null);
        })
        .catch((e: unknown) => current && setPreviewError(toIpcError(e)));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [mapping, profileId, first.importId, first.mapping]);

  const set = (patch: Partial<CsvMappingInput>) => setMapping((m) => ({ ...m, ...patch }));
  const sample = preview.rows[0]?.cells ?? [];
  const columns = Array.from({ length: Math.max(preview.columnCount, 1) }, (_, i) => {
    const name = preview.hasHeaderNames ? preview.columnNames[i] : undefined;
    const example = sample[i]?.trim();
    return {
      value: i,
      label: `${name?.trim() || `Column ${i + 1}`}${example ? ` (e.g. ${example.slice(0, 30)})` : ''}`,
    };
  });
  const columnSelect = (
    key: string,
    label: string,
    value: number | null,
    onChange: (v: number | null) => void,
    optional = false,
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        value={value === null ? '' : String(value)}
        onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
      >
        {optional ? <option value="">None</option> : null}
        {columns.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );

  const ambiguous = preview.dateOrder?.ambiguous === true && mapping.dateOrder !== 'ymd';
  const readable = preview.rows.filter((r) => r.values.ok).length;
  const columnLabel = (c: number) =>
    `“${(preview.hasHeaderNames && preview.columnNames[c]?.trim()) || `Column ${c + 1}`}”`;
  const question = preview.question;
  const questionOpen = question !== null && answeredKey !== questionKey(question, mapping);
  const amountCheck = preview.amountCheck;
  const amountsOpen = amountCheck !== null && amountsOkKey !== amountCheckKey(amountCheck);
  const blockedBy =
    ambiguous && !datesConfirmed
      ? 'Confirm the dates above first.'
      : questionOpen
        ? 'Answer the question about which way round the amounts are first.'
        : amountsOpen
          ? 'Check the amounts that do not look like money first.'
          : null;
  const answer = (a: 'first' | 'second') => {
    if (!question) return;
    setAnsweredKey(questionKey(question, mapping));
    setMapping((m) => withAnswer(m, question, a));
  };

  return (
    <div className="records-mapping">
      <p>
        <strong>{first.fileName}</strong>{' '}
        <span className="hint">({fileSize(first.sizeBytes)})</span>
      </p>
      {first.mappingSource === 'remembered' ? (
        <p className="notice notice-ok">
          Ledgerlink remembers how to read this bank’s files from your last import. Check the
          preview, then continue.
        </p>
      ) : first.mappingSource === 'detected' ? (
        <p className="hint">
          Ledgerlink guessed the columns below. Check them against the preview.
        </p>
      ) : (
        <p className="notice notice-warn">
          Ledgerlink could not work out this file’s columns. Choose them below.
        </p>
      )}
      {preview.warnings.map((w) => (
        <p key={w} className="notice notice-warn">
          {w}
        </p>
      ))}
      {question ? (
        <DirectionQuestion
          question={question}
          columnLabel={columnLabel}
          answer={questionOpen ? null : currentAnswer(question, mapping)}
          onAnswer={answer}
        />
      ) : null}
      {amountCheck ? (
        <AmountWarning
          check={amountCheck}
          betterLabel={
            amountCheck.better && amountCheck.better.kind !== 'debit-credit'
              ? columnLabel(amountCheck.better.column)
              : null
          }
          onUseBetter={() => amountCheck.better && set({ amount: amountCheck.better })}
          confirmed={!amountsOpen}
          onConfirm={(ok) => setAmountsOkKey(ok ? amountCheckKey(amountCheck) : null)}
        />
      ) : null}

      <form
        className="records-mapping-form"
        onSubmit={(e) => {
          e.preventDefault();
          onCheck(mapping);
        }}
      >
        <fieldset>
          <legend>The file</legend>
          <div className="records-form-grid">
            <div className="field">
              <label htmlFor={`${id}-delimiter`}>Columns are separated by</label>
              <select
                id={`${id}-delimiter`}
                value={mapping.delimiter}
                onChange={(e) => set({ delimiter: e.target.value as CsvMappingInput['delimiter'] })}
              >
                <option value=",">Commas</option>
                <option value=";">Semicolons</option>
                <option value={'\t'}>Tabs</option>
                <option value="|">Bars (|)</option>
              </select>
            </div>
            <div className="choice">
              <input
                id={`${id}-header`}
                type="checkbox"
                checked={mapping.headerRowIndex !== null}
                onChange={(e) =>
                  set({ headerRowIndex: e.target.checked ? (detectedHeader.current ?? 0) : null })
                }
              />
              <label htmlFor={`${id}-header`}>The file starts with a row of column names</label>
            </div>
          </div>
        </fieldset>

        <fieldset>
          <legend>Date</legend>
          <div className="records-form-grid">
            {columnSelect('date', 'Date column', mapping.dateColumn, (v) =>
              set({ dateColumn: v ?? 0 }),
            )}
            <div className="field">
              <label htmlFor={`${id}-order`}>Dates are written</label>
              <select
                id={`${id}-order`}
                value={mapping.dateOrder}
                onChange={(e) => {
                  setDatesConfirmed(false);
                  set({ dateOrder: e.target.value as CsvMappingInput['dateOrder'] });
                }}
                aria-describedby={ambiguous ? `${id}-order-warning` : undefined}
              >
                {Object.entries(DATE_ORDER_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {ambiguous ? (
            <div className="notice notice-warn" id={`${id}-order-warning`}>
              <p className="notice-title">Check the dates</p>
              <p>
                Every date in the first rows could be read day first or month first, so Ledgerlink
                cannot tell which it is. Look at the dates in the preview below: 3 February and 2
                March are different quarters.
              </p>
              <div className="choice">
                <input
                  id={`${id}-dates-ok`}
                  type="checkbox"
                  checked={datesConfirmed}
                  onChange={(e) => setDatesConfirmed(e.target.checked)}
                />
                <label htmlFor={`${id}-dates-ok`}>
                  The dates in the preview are right ({DATE_ORDER_LABELS[mapping.dateOrder]})
                </label>
              </div>
            </div>
          ) : null}
        </fieldset>

        <fieldset>
          <legend>Description</legend>
          <div className="records-form-grid">
            {columnSelect(
              'description',
              'Description column',
              mapping.descriptionColumns[0] ?? 1,
              (v) => set({ descriptionColumns: [v ?? 0, ...mapping.descriptionColumns.slice(1)] }),
            )}
            {columnSelect(
              'counterparty',
              'Payee or payer column',
              mapping.counterpartyColumn,
              (v) => set({ counterpartyColumn: v }),
              true,
            )}
          </div>
        </fieldset>

        <AmountFields
          mapping={mapping}
          columnSelect={columnSelect}
          onChange={setMapping}
          onInvertChosen={() => {
            if (question?.kind === 'card-sign') setAnsweredKey(questionKey(question, mapping));
          }}
        />

        {previewError ? <ErrorNotice error={previewError} /> : null}

        <h3>Preview of the first rows</h3>
        <p className="hint" aria-live="polite">
          {readable} of the first {preview.rows.length} rows read correctly with these choices.
        </p>
        <PreviewTable
          rows={preview.rows}
          label="Preview of the first rows"
          caption="How the first rows will be imported"
        />

        <div className="actions">
          <button
            type="submit"
            className="button primary"
            disabled={busy || previewError !== null || blockedBy !== null}
          >
            Check the whole file
          </button>
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            Choose another file
          </button>
          {blockedBy ? <p className="hint">{blockedBy}</p> : null}
        </div>
      </form>
    </div>
  );
}
