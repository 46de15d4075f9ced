import { lazy, Suspense, useId, useState, type JSX } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  FieldTotalView,
  PeriodTotalsView,
  RecordsBusiness,
} from '@shared/ipc/channels/records';
import { profileKey } from '@renderer/app/use-active-profile';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { recentTaxYears } from '../list/RecordsFilters';
import { dateText, kindName, money, plural } from '../format';
import { useRecordsMutation } from '../use-records-data';
import { QuarterTable } from './QuarterTable';

// uPlot is only needed here: it loads when the totals are first shown, not with the app.
const QuarterChart = lazy(() => import('./QuarterChart'));

function FieldRows({
  fields,
  expenses,
}: {
  fields: FieldTotalView[];
  expenses: boolean;
}): JSX.Element {
  return (
    <>
      {fields.map((f) => (
        <tr key={f.categoryId} className={f.transactionCount === 0 ? 'records-zero' : undefined}>
          <th scope="row">
            {f.name}
            <span className="records-field-name mono">{f.hmrcField}</span>
          </th>
          <td className="num">{money(f.valuePence)}</td>
          {expenses ? (
            <>
              <td className="num">{f.disallowableField ? money(f.disallowablePence) : '—'}</td>
              <td className="num">{money(f.allowablePence)}</td>
            </>
          ) : null}
          <td className="num">{f.transactionCount.toLocaleString('en-GB')}</td>
        </tr>
      ))}
    </>
  );
}

/**
 * #/records/totals: what a quarterly update for a business would say — the year-to-date figure
 * of every HMRC field, in plain words, from 6 April (1 April for calendar quarters) to the
 * chosen period end — with income and expenses per quarter as a chart and a table.
 */
export function TotalsScreen({
  profileId,
  businesses,
  currentTaxYear,
  onShowUncategorised,
}: {
  profileId: string;
  businesses: readonly RecordsBusiness[];
  currentTaxYear: string;
  onShowUncategorised: (businessId: number, taxYear: string) => void;
}): JSX.Element {
  const id = useId();
  const live = businesses.filter((b) => !b.archived);
  const [businessId, setBusinessId] = useState<number | null>(live[0]?.id ?? null);
  const [taxYear, setTaxYear] = useState(currentTaxYear);
  const [periodEnd, setPeriodEnd] = useState<string>('');
  const totals = useQuery({
    queryKey: profileKey(profileId, 'records', 'totals', businessId, taxYear, periodEnd),
    queryFn: () =>
      unwrap(
        api.records.totals({
          profileId,
          businessId: businessId!,
          taxYear,
          ...(periodEnd ? { periodEnd } : {}),
        }),
      ),
    enabled: businessId !== null,
    placeholderData: keepPreviousData,
  });
  const consolidated = useRecordsMutation(profileId, (on: boolean) =>
    unwrap(
      api.records.setConsolidated({
        profileId,
        businessId: businessId!,
        taxYear,
        consolidated: on,
      }),
    ),
  );

  if (live.length === 0 || businessId === null) {
    return (
      <div className="empty-state">
        <p>
          Totals are worked out per business. <a href="#/records/businesses">Add a business</a>{' '}
          first.
        </p>
      </div>
    );
  }

  const t: PeriodTotalsView | undefined =
    totals.data?.profileId === profileId && totals.data.businessId === businessId
      ? totals.data
      : undefined;
  const income = t?.fields.filter((f) => f.direction === 'income') ?? [];
  // The single consolidated figure is listed only when it is used: HMRC takes it or the list.
  const expenses =
    t?.fields.filter(
      (f) =>
        f.direction === 'expense' &&
        (!f.categoryId.endsWith('.consolidatedExpenses') ||
          f.transactionCount > 0 ||
          t.consolidated.chosen),
    ) ?? [];

  return (
    <section className="records-totals-screen" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Totals for HMRC</h2>
      <div className="records-filters">
        <div className="field">
          <label htmlFor={`${id}-business`}>Business</label>
          <select
            id={`${id}-business`}
            value={businessId}
            onChange={(e) => {
              setBusinessId(Number(e.target.value));
              setPeriodEnd('');
            }}
          >
            {live.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name} ({kindName(b.kind)})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-year`}>Tax year</label>
          <select
            id={`${id}-year`}
            value={taxYear}
            onChange={(e) => {
              setTaxYear(e.target.value);
              setPeriodEnd('');
            }}
          >
            {recentTaxYears(currentTaxYear).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-end`}>Up to the end of</label>
          <select id={`${id}-end`} value={periodEnd} onChange={(e) => setPeriodEnd(e.target.value)}>
            <option value="">The whole year</option>
            {(t?.quarters ?? []).map((q) => (
              <option key={q.quarter} value={q.end}>
                Quarter {q.quarter} ({dateText(q.end)})
              </option>
            ))}
          </select>
        </div>
      </div>

      {totals.error ? <ErrorNotice error={toIpcError(totals.error)} /> : null}
      {!t && totals.isPending ? <Loading label="Adding up the records…" /> : null}
      {t ? (
        <>
          <p className="records-period" aria-live="polite">
            <strong>{t.businessName}</strong>, year to date: {dateText(t.from)} to {dateText(t.to)}
            {t.periodType === 'calendar' ? ' (calendar quarters)' : ''}.
          </p>
          {t.uncategorised.count > 0 ? (
            <div className="notice notice-warn">
              <p className="notice-title">
                {plural(t.uncategorised.count, 'record', 'records')} of this business in these dates{' '}
                {t.uncategorised.count === 1 ? 'has' : 'have'} no category
              </p>
              <p>They are not in the figures below until they have one.</p>
              <button
                type="button"
                className="button"
                onClick={() => onShowUncategorised(t.businessId, t.taxYear)}
              >
                Categorise them
              </button>
            </div>
          ) : null}
          {t.signProblems.map((p) => (
            <p key={p.categoryId} className="notice notice-error">
              {p.name} adds up to {money(p.valuePence)}. HMRC does not accept a negative figure
              here: check for a refund in the wrong category.
            </p>
          ))}

          <h3>Income</h3>
          <table className="table records-totals-table">
            <caption className="visually-hidden">Income per HMRC field, year to date</caption>
            <thead>
              <tr>
                <th scope="col">What it is (HMRC field)</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col" className="num">
                  Records
                </th>
              </tr>
            </thead>
            <tbody>
              <FieldRows fields={income} expenses={false} />
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total income</th>
                <td className="num">{money(t.incomePence)}</td>
                <td />
              </tr>
            </tfoot>
          </table>

          <h3>Expenses</h3>
          <table className="table records-totals-table">
            <caption className="visually-hidden">Expenses per HMRC field, year to date</caption>
            <thead>
              <tr>
                <th scope="col">What it is (HMRC field)</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col" className="num">
                  Not allowable
                </th>
                <th scope="col" className="num">
                  Allowable
                </th>
                <th scope="col" className="num">
                  Records
                </th>
              </tr>
            </thead>
            <tbody>
              <FieldRows fields={expenses} expenses />
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total expenses</th>
                <td className="num">{money(t.expensesPence)}</td>
                <td className="num">{money(t.disallowablePence)}</td>
                <td className="num">{money(t.allowableExpensesPence)}</td>
                <td />
              </tr>
            </tfoot>
          </table>
          {t.excluded.count > 0 ? (
            <p className="hint">
              {plural(t.excluded.count, 'record', 'records')} marked personal or a transfer{' '}
              {t.excluded.count === 1 ? 'is' : 'are'} left out of these figures.
            </p>
          ) : null}

          {t.consolidated.allowed || t.consolidated.chosen ? (
            <div className="choice records-consolidated">
              <input
                id={`${id}-consolidated`}
                type="checkbox"
                checked={t.consolidated.chosen}
                disabled={consolidated.isPending}
                onChange={(e) => consolidated.mutate(e.target.checked)}
                aria-describedby={`${id}-consolidated-hint`}
              />
              <label htmlFor={`${id}-consolidated`}>
                Report expenses as one total for {t.taxYear} (
                {money(t.consolidated.consolidatedPence)})
              </label>
              <p className="hint" id={`${id}-consolidated-hint`}>
                Allowed while turnover is under £90,000 (this year so far:{' '}
                {money(t.consolidated.thresholdIncomePence)}).
              </p>
            </div>
          ) : null}
          {consolidated.error ? <ErrorNotice error={toIpcError(consolidated.error)} /> : null}

          <h3 id={`${id}-chart`}>Income and expenses per quarter</h3>
          <Suspense fallback={<Loading label="Drawing the chart…" />}>
            <QuarterChart quarters={t.quarters} labelledBy={`${id}-chart`} />
          </Suspense>
          <QuarterTable quarters={t.quarters} />
        </>
      ) : null}
    </section>
  );
}
