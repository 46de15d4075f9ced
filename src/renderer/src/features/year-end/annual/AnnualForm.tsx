import { useState, type JSX } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ANNUAL_DEFINITIONS,
  type AnnualField,
  type AnnualKind,
  type AnnualSection,
} from '@shared/domain/annual-fields';
import { formatPence, parseMoney, penceToDecimalString } from '@shared/domain/money';
import type {
  AnnualEntryView,
  AnnualFigureEntry,
  AnnualView,
} from '@shared/ipc/channels/year-end-annual';
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

/** One input of the form: a field of the kind's table, for the whole business or one entry. */
interface Slot {
  key: string;
  f: AnnualField;
  entry?: AnnualEntryView;
}

/**
 * Foreign property: the countries (2025-26) or properties (2026-27 on) the figures are entered
 * for, plus any HMRC holds that no property here has (shown so they can be cleared).
 */
function entriesOf(view: AnnualView): AnnualEntryView[] {
  const known = view.entries ?? [];
  const extra = [...new Set(view.figures.map((e) => e.key.split('/')[0]!))]
    .filter((key) => !known.some((e) => e.key === key))
    .map((key) => ({ key, label: `${key} (not one of your properties here)`, places: [] }));
  return [...known, ...extra];
}

function slotsOf(view: AnnualView): Slot[] {
  const def = ANNUAL_DEFINITIONS[view.kind];
  if (!def.entries) return def.fields.map((f) => ({ key: f.key, f }));
  return entriesOf(view).flatMap((entry) =>
    def.fields.map((f) => ({ key: `${entry.key}/${f.key}`, f, entry })),
  );
}

const draftOf = (view: AnnualView, slots: readonly Slot[]): Draft => {
  const draft: Draft = {};
  for (const { key, f } of slots) {
    const v = view.figures.find((e) => e.key === key)?.value;
    if (f.value.type === 'boolean') draft[key] = v === true;
    else if (f.value.type === 'money')
      draft[key] = typeof v === 'number' ? penceToDecimalString(v) : '';
    else draft[key] = typeof v === 'string' ? v : '';
  }
  return draft;
};

/** The draft as figures, or the first field that is not an amount. */
function figuresOf(
  slots: readonly Slot[],
  draft: Draft,
): { figures: AnnualFigureEntry[]; problems: Record<string, string> } {
  const figures: AnnualFigureEntry[] = [];
  const problems: Record<string, string> = {};
  for (const { key, f } of slots) {
    const v = draft[key];
    if (f.value.type === 'boolean') {
      if (v === true || f.alwaysSent) figures.push({ key, value: v === true });
    } else if (typeof v === 'string' && v.trim() !== '') {
      if (f.value.type === 'choice') figures.push({ key, value: v });
      else {
        const parsed = parseMoney(v);
        if (parsed.ok) figures.push({ key, value: parsed.pence });
        else problems[key] = parsed.message;
      }
    }
  }
  return { figures, problems };
}

export function AnnualForm({ view }: { view: AnnualView }): JSX.Element {
  const kind: AnnualKind = view.kind;
  const def = ANNUAL_DEFINITIONS[kind];
  const [slots] = useState(() => slotsOf(view));
  const [draft, setDraft] = useState<Draft>(() => draftOf(view, slots));
  const [submitted, setSubmitted] = useState<AnnualFigureEntry[] | null>(null);
  const { figures, problems } = figuresOf(slots, draft);
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

  const field = ({ key, f }: Slot): JSX.Element => {
    const id = `annual-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
    const hintId = `${id}-hint`;
    const problem = problems[key];
    const name = <span className="figures-path mono">{f.hmrcPath.join('.')}</span>;
    if (f.value.type === 'boolean') {
      return (
        <div className="choice annual-field" key={key}>
          <input
            id={id}
            type="checkbox"
            checked={draft[key] === true}
            aria-describedby={hintId}
            onChange={(e) => set(key, e.target.checked)}
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
      <div className="field annual-field" key={key}>
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
            value={String(draft[key] ?? '')}
            aria-describedby={hintId}
            onChange={(e) => set(key, e.target.value)}
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
            value={String(draft[key] ?? '')}
            aria-describedby={problem ? `${hintId} ${id}-error` : hintId}
            aria-invalid={problem ? true : undefined}
            onChange={(e) => set(key, e.target.value)}
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

  const sectionsOf = (own: readonly Slot[]) =>
    (['adjustments', 'allowances', 'nonFinancials'] as const).map((section) => {
      const fields = own.filter((s) => s.f.section === section);
      if (fields.length === 0) return null;
      return (
        <fieldset key={section} className="annual-section">
          <legend>{SECTION_TITLES[section]}</legend>
          {fields.map(field)}
        </fieldset>
      );
    });

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
        {...(def.entries
          ? {}
          : {
              onUseAia: (pence: number) =>
                set('allowances.annualInvestmentAllowance', penceToDecimalString(pence)),
            })}
      />
      {def.entries ? <EntriesIntro view={view} /> : null}
      <form
        className="annual-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (Object.keys(problems).length > 0) return;
          setSubmitted(figures);
          prepare.mutate(figures);
        }}
      >
        {def.entries
          ? entriesOf(view).map((entry) => (
              <fieldset key={entry.key} className="annual-entry">
                <legend>{entry.label}</legend>
                {sectionsOf(slots.filter((s) => s.entry?.key === entry.key))}
              </fieldset>
            ))
          : sectionsOf(slots)}
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

/** Foreign property: what the entries are, and the properties that cannot have one yet. */
function EntriesIntro({ view }: { view: AnnualView }): JSX.Element {
  const perProperty = view.taxYear >= '2026-27';
  const unplaced = view.unplaced ?? [];
  return (
    <div className="annual-entries-intro">
      <p>
        {perProperty
          ? `From 2026-27 HMRC takes these figures for each foreign property, by the property ID it gave it.`
          : `For ${view.taxYear} HMRC takes these figures for each country: properties in the same country share one set.`}{' '}
        Leave a property’s boxes empty if there is nothing to adjust or claim.
      </p>
      {unplaced.length > 0 ? (
        <p className="notice" role="note">
          {perProperty
            ? 'These properties have no HMRC property ID yet, so no figures can be sent for them: '
            : 'These properties have no country yet, so no figures can be sent for them: '}
          {unplaced.join(', ')}. <a href="#/records/businesses">Open Businesses</a>.
        </p>
      ) : null}
      {(view.entries ?? []).length === 0 ? (
        <p className="hint">There is no foreign property to enter figures for.</p>
      ) : null}
    </div>
  );
}
