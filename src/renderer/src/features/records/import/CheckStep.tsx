import { useId, useState, type JSX } from 'react';
import type {
  ImportAnalysisView,
  ImportDecisionsInput,
  RecordsBusiness,
} from '@shared/ipc/channels/records';
import { dateText, kindName, money, moneyWithDirection, plural } from '../format';
import {
  initialChoices,
  rowsToImport,
  toDecisions,
  unresolvedBadRows,
  type CheckChoices,
} from './check-choices';
import { ScrollRegion } from '@renderer/ui/ScrollRegion';
import { BalanceCheck } from './BalanceCheck';
import { FixRowForm } from './FixRowForm';

/**
 * What the whole file holds before anything is saved: how many rows, the money in and out,
 * the duplicates (already in the records: skipped unless kept; repeated in the file: kept
 * unless left out) and every row that cannot be read, with its line and reason, to fix or skip.
 */
export function CheckStep({
  analysis,
  format,
  businesses,
  busy,
  onBack,
  onImport,
}: {
  analysis: ImportAnalysisView;
  /** An OFX statement has no columns to go back to or remember. */
  format: 'csv' | 'ofx';
  businesses: readonly RecordsBusiness[];
  busy: boolean;
  onBack: () => void;
  onImport: (decisions: ImportDecisionsInput) => void;
}): JSX.Element {
  const id = useId();
  const [choices, setChoices] = useState<CheckChoices>(initialChoices);
  const [fixing, setFixing] = useState<number | null>(null);
  const set = (patch: Partial<CheckChoices>) => setChoices((c) => ({ ...c, ...patch }));
  const toggleIn = (key: 'keepLines' | 'skipLines', line: number, on: boolean) => {
    const next = new Set(choices[key]);
    if (on) next.add(line);
    else next.delete(line);
    set({ [key]: next });
  };
  const a = analysis;
  const unresolved = unresolvedBadRows(a, choices);
  const willImport = rowsToImport(a, choices);
  const inLedger = a.duplicates.items.filter((d) => d.kind === 'in-ledger');
  const repeated = a.duplicates.items.filter((d) => d.kind === 'repeated-in-file');
  const cut = (shown: number, total: number) =>
    shown < total ? (
      <p className="hint">
        The first {shown} of {total.toLocaleString('en-GB')} are listed.
      </p>
    ) : null;

  return (
    <div className="records-check">
      <dl className="facts">
        <div className="facts-row">
          <dt>File</dt>
          <dd>{a.fileName}</dd>
        </div>
        <div className="facts-row">
          <dt>Rows read</dt>
          <dd>{a.rowsRead.toLocaleString('en-GB')}</dd>
        </div>
        <div className="facts-row">
          <dt>New rows’ dates</dt>
          <dd>
            {a.totals.firstDate && a.totals.lastDate
              ? `${dateText(a.totals.firstDate)} to ${dateText(a.totals.lastDate)}`
              : '—'}
            {a.rowsByTaxYear.length > 0
              ? ` (${a.rowsByTaxYear.map((y) => `${y.rows.toLocaleString('en-GB')} in tax year ${y.taxYear}`).join(', ')})`
              : ''}
          </dd>
        </div>
        <div className="facts-row">
          <dt>New rows’ money</dt>
          <dd>
            {money(a.totals.inPence)} in, {money(a.totals.outPence)} out
          </dd>
        </div>
        <div className="facts-row">
          <dt>Your rules</dt>
          <dd>{plural(a.ruleMatches, 'row matches', 'rows match')} a rule</dd>
        </div>
      </dl>

      {a.balanceCheck ? (
        <BalanceCheck
          check={a.balanceCheck}
          skipped={(line) => choices.skipLines.has(line)}
          canSkip={(line) => repeated.some((d) => d.line === line)}
          onSkip={(line, on) => toggleIn('skipLines', line, on)}
        />
      ) : null}

      <section aria-labelledby={`${id}-dup`}>
        <h3 id={`${id}-dup`}>Duplicates</h3>
        {a.duplicates.inLedger === 0 && a.duplicates.repeatedInFile === 0 ? (
          <p>No duplicates: nothing in this file is already in your records.</p>
        ) : null}
        {a.duplicates.inLedger > 0 ? (
          <fieldset>
            <legend>
              {plural(a.duplicates.inLedger, 'row is', 'rows are')} already in your records
            </legend>
            <p className="hint">
              Usually from importing an overlapping statement. They are skipped unless you keep
              them.
            </p>
            <div className="choice">
              <input
                id={`${id}-ledger-skip`}
                type="radio"
                name={`${id}-ledger`}
                checked={choices.inLedgerDuplicates === 'skip'}
                onChange={() => set({ inLedgerDuplicates: 'skip' })}
              />
              <label htmlFor={`${id}-ledger-skip`}>Skip them (except any ticked below)</label>
            </div>
            <div className="choice">
              <input
                id={`${id}-ledger-keep`}
                type="radio"
                name={`${id}-ledger`}
                checked={choices.inLedgerDuplicates === 'keep'}
                onChange={() => set({ inLedgerDuplicates: 'keep' })}
              />
              <label htmlFor={`${id}-ledger-keep`}>Import them all again</label>
            </div>
            {choices.inLedgerDuplicates === 'skip' ? (
              <DuplicateTable
                caption="Rows already in your records"
                rows={inLedger}
                checkLabel="Import anyway"
                checked={(line) => choices.keepLines.has(line)}
                onCheck={(line, on) => toggleIn('keepLines', line, on)}
              />
            ) : null}
            {cut(inLedger.length, a.duplicates.inLedger)}
          </fieldset>
        ) : null}
        {a.duplicates.repeatedInFile > 0 ? (
          <fieldset>
            <legend>
              {plural(a.duplicates.repeatedInFile, 'row repeats', 'rows repeat')} an identical row
              earlier in this file
            </legend>
            <p className="hint">
              Two identical payments on one day can be real (two coffees). They are imported unless
              you leave them out.
            </p>
            <div className="choice">
              <input
                id={`${id}-rep-keep`}
                type="radio"
                name={`${id}-rep`}
                checked={choices.repeatedInFile === 'keep'}
                onChange={() => set({ repeatedInFile: 'keep' })}
              />
              <label htmlFor={`${id}-rep-keep`}>Import them (except any ticked below)</label>
            </div>
            <div className="choice">
              <input
                id={`${id}-rep-skip`}
                type="radio"
                name={`${id}-rep`}
                checked={choices.repeatedInFile === 'skip'}
                onChange={() => set({ repeatedInFile: 'skip' })}
              />
              <label htmlFor={`${id}-rep-skip`}>Leave them all out</label>
            </div>
            {choices.repeatedInFile === 'keep' ? (
              <DuplicateTable
                caption="Rows repeated in this file"
                rows={repeated}
                checkLabel="Leave out"
                checked={(line) => choices.skipLines.has(line)}
                onCheck={(line, on) => toggleIn('skipLines', line, on)}
              />
            ) : null}
            {cut(repeated.length, a.duplicates.repeatedInFile)}
          </fieldset>
        ) : null}
      </section>

      <section aria-labelledby={`${id}-bad`}>
        <h3 id={`${id}-bad`}>Rows that cannot be read</h3>
        {a.badRows.count === 0 ? (
          <p>Every row could be read.</p>
        ) : (
          <>
            <p>
              {plural(a.badRows.count, 'row', 'rows')} could not be read. Fix a row to import it, or
              skip the rows you do not fix.
            </p>
            <ScrollRegion label="The unreadable rows, line by line">
              <table className="table">
                <caption className="visually-hidden">Rows that cannot be read</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      Line
                    </th>
                    <th scope="col">Why</th>
                    <th scope="col">What the row says</th>
                    <th scope="col">Fix</th>
                  </tr>
                </thead>
                <tbody>
                  {a.badRows.items.map((b) => {
                    const fix = choices.fixes.get(b.line);
                    return (
                      <tr key={b.line}>
                        <td className="num">{b.line}</td>
                        <td>{b.message}</td>
                        <td className="mono">{b.cells.join(', ').slice(0, 160)}</td>
                        <td>
                          {fixing === b.line ? (
                            <FixRowForm
                              line={b.line}
                              cells={b.cells}
                              initial={fix}
                              {...(b.readable ? { readable: b.readable } : {})}
                              onSave={(value) => {
                                set({ fixes: new Map(choices.fixes).set(b.line, value) });
                                setFixing(null);
                              }}
                              onCancel={() => setFixing(null)}
                            />
                          ) : fix ? (
                            <>
                              <span className="badge badge-ok">Fixed</span> {dateText(fix.date)} ·{' '}
                              {fix.description} · {moneyWithDirection(fix.amountPence)}{' '}
                              <button
                                type="button"
                                className="link-button"
                                onClick={() => setFixing(b.line)}
                              >
                                Change
                                <span className="visually-hidden"> the fix of line {b.line}</span>
                              </button>
                            </>
                          ) : (
                            <button
                              type="button"
                              className="button"
                              onClick={() => setFixing(b.line)}
                            >
                              Fix line {b.line}
                            </button>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollRegion>
            {cut(a.badRows.items.length, a.badRows.count)}
            <div className="choice">
              <input
                id={`${id}-skip-bad`}
                type="checkbox"
                checked={choices.skipUnfixed}
                onChange={(e) => set({ skipUnfixed: e.target.checked })}
              />
              <label htmlFor={`${id}-skip-bad`}>Skip the rows I have not fixed</label>
            </div>
          </>
        )}
      </section>

      <section aria-labelledby={`${id}-how`}>
        <h3 id={`${id}-how`}>How to import</h3>
        <div className="field">
          <label htmlFor={`${id}-business`}>Which business is this account for?</label>
          <select
            id={`${id}-business`}
            value={choices.businessId ?? ''}
            onChange={(e) => set({ businessId: e.target.value ? Number(e.target.value) : null })}
            aria-describedby={`${id}-business-hint`}
          >
            <option value="">Decide for each record later</option>
            {businesses
              .filter((b) => !b.archived)
              .map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name} ({kindName(b.kind)})
                </option>
              ))}
          </select>
          <p className="hint" id={`${id}-business-hint`}>
            Rows your rules place elsewhere go where the rule says.
          </p>
        </div>
        <div className="choice">
          <input
            id={`${id}-rules`}
            type="checkbox"
            checked={choices.applyRules}
            onChange={(e) => set({ applyRules: e.target.checked })}
          />
          <label htmlFor={`${id}-rules`}>Categorise rows with my rules as they are imported</label>
        </div>
        {format === 'csv' ? (
          <div className="choice">
            <input
              id={`${id}-remember`}
              type="checkbox"
              checked={choices.rememberMapping}
              onChange={(e) => set({ rememberMapping: e.target.checked })}
            />
            <label htmlFor={`${id}-remember`}>Remember these columns for this bank’s files</label>
          </div>
        ) : null}
      </section>

      <div className="actions">
        <button
          type="button"
          className="button primary"
          disabled={busy || unresolved > 0}
          onClick={() => onImport(toDecisions(choices))}
        >
          Import {plural(willImport, 'row', 'rows')}
        </button>
        <button type="button" className="button" onClick={onBack} disabled={busy}>
          {format === 'csv' ? 'Back to the columns' : 'Choose another file'}
        </button>
      </div>
      {unresolved > 0 ? (
        <p className="field-error">
          Fix the {plural(unresolved, 'row', 'rows')} that cannot be read, or tick “Skip the rows I
          have not fixed”.
        </p>
      ) : (
        <p className="hint">
          The import saves every row or none: stopping it leaves your records as they are.
        </p>
      )}
    </div>
  );
}

function DuplicateTable({
  caption,
  rows,
  checkLabel,
  checked,
  onCheck,
}: {
  caption: string;
  rows: ImportAnalysisView['duplicates']['items'];
  checkLabel: string;
  checked: (line: number) => boolean;
  onCheck: (line: number, on: boolean) => void;
}): JSX.Element {
  return (
    <ScrollRegion label={caption}>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Line
            </th>
            <th scope="col">Date</th>
            <th scope="col">Description</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">{checkLabel}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.line}>
              <td className="num">{d.line}</td>
              <td>{dateText(d.date)}</td>
              <td>
                {d.description}
                {d.existingDeleted ? (
                  <span className="hint"> (the copy in your records is deleted)</span>
                ) : null}
              </td>
              <td className="num">{moneyWithDirection(d.amountPence)}</td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${checkLabel}: line ${d.line}`}
                  checked={checked(d.line)}
                  onChange={(e) => onCheck(d.line, e.target.checked)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
