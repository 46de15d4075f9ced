import { useState, type JSX } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ANNUAL_DEFINITIONS,
  type AnnualField,
  type AnnualKind,
  type AnnualSection,
} from '@shared/domain/annual-fields';
import { formatPence, parseMoney, penceToDecimalString } from '@shared/domain/money';
import type { AnnualFigureEntry, AnnualView } from '@shared/ipc/channels/year-end-annual';
import { profileKey } from '@renderer/app/use-active-profile';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { AnnualHintsPanel } from './AnnualHintsPanel';
import { AnnualReviewPanel } from './AnnualReviewPanel';

const SECTION_TITLES: Record<AnnualSection, string> = {
  adjustments: 'Adjustments',
  allowances: 'Allowances',
  nonFinancials: 'Other facts',
};

type Draft = Record<string, string | boolean>;

const draftOf = (view: AnnualView, kind: AnnualKind): Draft => {
  const draft: Draft = {};
  for (const f of ANNUAL_DEFINITIONS[kind].fields) {
    const v = view.figures.find((e) => e.key === f.key)?.value;
    if (f.value.type === 'boolean') draft[f.key] = v === true;
    else if (f.value.type === 'money')
      draft[f.key] = typeof v === 'number' ? penceToDecimalString(v) : '';
    else draft[f.key] = typeof v === 'string' ? v : '';
  }
  return draft;
};

/** The draft as figures, or the first field that is not an amount. */
function figuresOf(
  kind: AnnualKind,
  draft: Draft,
): { figures: AnnualFigureEntry[]; problems: Record<string, string> } {
  const figures: AnnualFigureEntry[] = [];
  const problems: Record<string, string> = {};
  for (const f of ANNUAL_DEFINITIONS[kind].fields) {
    const v = draft[f.key];
    if (f.value.type === 'boolean') {
      if (v === true || f.alwaysSent) figures.push({ key: f.key, value: v === true });
    } else if (typeof v === 'string' && v.trim() !== '') {
      if (f.value.type === 'choice') figures.push({ key: f.key, value: v });
      else {
        const parsed = parseMoney(v);
        if (parsed.ok) figures.push({ key: f.key, value: parsed.pence });
        else problems[f.key] = parsed.message;
      }
    }
  }
  return { figures, problems };
}

export function AnnualForm({ view }: { view: AnnualView }): JSX.Element {
  const kind: AnnualKind = view.kind;
  const def = ANNUAL_DEFINITIONS[kind];
  const [draft, setDraft] = useState<Draft>(() => draftOf(view, kind));
  const [submitted, setSubmitted] = useState<AnnualFigureEntry[] | null>(null);
  const { figures, problems } = figuresOf(kind, draft);
  const queryClient = useQueryClient();
  const ref = { profileId: view.profileId, businessId: view.businessId, taxYear: view.taxYear };

  const prepare = useMutation({
    mutationFn: (f: AnnualFigureEntry[]) =>
      unwrap(api.yearEnd.annualPrepare({ ...ref, figures: f })),
  });
  const remove = useMutation({
    mutationFn: () => unwrap(api.yearEnd.annualDelete(ref)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profileKey(view.profileId) }),
  });
  const set = (key: string, value: string | boolean) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSubmitted(null);
    prepare.reset();
  };

  const field = (f: AnnualField): JSX.Element => {
    const id = `annual-${f.key.replace(/\./g, '-')}`;
    const hintId = `${id}-hint`;
    const problem = problems[f.key];
    const name = <span className="figures-path mono">{f.hmrcPath.join('.')}</span>;
    if (f.value.type === 'boolean') {
      return (
        <div className="choice annual-field" key={f.key}>
          <input
            id={id}
            type="checkbox"
            checked={draft[f.key] === true}
            aria-describedby={hintId}
            onChange={(e) => set(f.key, e.target.checked)}
          />
          <label htmlFor={id}>
            {f.label}
            {name}
          </label>
          <p className="hint" id={hintId}>
            {f.hint}
          </p>
        </div>
      );
    }
    return (
      <div className="field annual-field" key={f.key}>
        <label htmlFor={id}>
          {f.label}
          {name}
        </label>
        <p className="hint" id={hintId}>
          {f.hint}
        </p>
        {f.value.type === 'choice' ? (
          <select
            id={id}
            value={String(draft[f.key] ?? '')}
            aria-describedby={hintId}
            onChange={(e) => set(f.key, e.target.value)}
          >
            <option value="">Not exempt</option>
            {f.value.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={id}
            className="annual-amount"
            inputMode="decimal"
            autoComplete="off"
            value={String(draft[f.key] ?? '')}
            aria-describedby={problem ? `${hintId} ${id}-error` : hintId}
            aria-invalid={problem ? true : undefined}
            onChange={(e) => set(f.key, e.target.value)}
          />
        )}
        {problem ? (
          <p className="field-error" id={`${id}-error`}>
            {problem}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <section className="card annual" aria-labelledby="annual-heading">
      <h2 id="annual-heading">
        {view.businessName} <span className="hint">({def.title})</span>
      </h2>
      <p className="hint" data-testid="annual-source">
        {view.figuresNote}
        {view.hmrc?.status === 'unavailable' && view.hmrc.reason
          ? ` HMRC’s copy could not be read: ${view.hmrc.reason}`
          : ''}
      </p>
      {view.outbox && view.outbox.state !== 'accepted' ? (
        <p className="notice">
          {view.outbox.submission === 'annual-delete'
            ? 'Deleting HMRC’s annual figures is approved and waits in the outbox.'
            : 'Annual figures you approved wait in the outbox.'}{' '}
          <a href="#/review/sync">Open the outbox</a>.
        </p>
      ) : null}
      <AnnualHintsPanel
        view={view}
        onUseAia={(pence) =>
          set('allowances.annualInvestmentAllowance', penceToDecimalString(pence))
        }
      />
      <form
        className="annual-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (Object.keys(problems).length > 0) return;
          setSubmitted(figures);
          prepare.mutate(figures);
        }}
      >
        {(['adjustments', 'allowances', 'nonFinancials'] as const).map((section) => {
          const fields = def.fields.filter((f) => f.section === section);
          if (fields.length === 0) return null;
          return (
            <fieldset key={section} className="annual-section">
              <legend>{SECTION_TITLES[section]}</legend>
              {fields.map(field)}
            </fieldset>
          );
        })}
        <div className="actions">
          <button type="submit" className="button primary" disabled={prepare.isPending}>
            Review these figures
          </button>
          <button
            type="button"
            className="button"
            disabled={remove.isPending}
            onClick={() => {
              if (
                window.confirm(
                  `Ask HMRC to delete the ${view.taxYear} annual figures for ${view.businessName}? This is sent at the next sync.`,
                )
              )
                remove.mutate();
            }}
          >
            Delete HMRC’s annual figures
          </button>
        </div>
      </form>
      {remove.isSuccess ? (
        <p className="notice notice-ok" role="status">
          Deleting the annual figures is approved. It is sent at the next sync.{' '}
          <a href="#/review/sync">Open the outbox</a>.
        </p>
      ) : null}
      {remove.error ? <ErrorNotice error={toIpcError(remove.error)} /> : null}
      {prepare.error ? <ErrorNotice error={toIpcError(prepare.error)} /> : null}
      {prepare.data && submitted ? (
        <AnnualReviewPanel
          key={prepare.data.payloadHash}
          refs={ref}
          figures={submitted}
          review={prepare.data}
        />
      ) : null}
      <p className="hint">
        Totals in your records for the year: expenses {formatPence(view.hints.ledgerExpensesPence)}.
      </p>
    </section>
  );
}
