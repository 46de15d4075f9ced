import { useId, type JSX } from 'react';
import {
  SELF_EMPLOYMENT_CATEGORIES,
  UK_PROPERTY_CATEGORIES,
  FOREIGN_PROPERTY_CATEGORIES,
  EXCLUDED_CATEGORIES,
} from '@shared/domain/categories';
import { previousTaxYear } from '@shared/domain/tax-year';
import type { RecordsBusiness, RecordsSortInput } from '@shared/ipc/channels/records';
import { EMPTY_FILTER, isFiltered, type FilterState } from '../filter-state';
import { kindName } from '../format';

const SORTS: { value: RecordsSortInput; label: string }[] = [
  { value: 'date-desc', label: 'Newest first' },
  { value: 'date-asc', label: 'Oldest first' },
  { value: 'amount-desc', label: 'Largest money in first' },
  { value: 'amount-asc', label: 'Largest money out first' },
];

/** The tax year of today and the five before it. */
export function recentTaxYears(current: string): string[] {
  const years = [current];
  for (let i = 0; i < 5; i++) years.push(previousTaxYear(years.at(-1)!));
  return years;
}

/** Filters of the records list: year and period, business, category, uncategorised, words. */
export function RecordsFilters({
  value,
  onChange,
  searchText,
  onSearchText,
  sort,
  onSort,
  businesses,
  currentTaxYear,
}: {
  value: FilterState;
  onChange: (next: FilterState) => void;
  searchText: string;
  onSearchText: (text: string) => void;
  sort: RecordsSortInput;
  onSort: (sort: RecordsSortInput) => void;
  businesses: readonly RecordsBusiness[];
  currentTaxYear: string;
}): JSX.Element {
  const id = useId();
  const set = (patch: Partial<FilterState>) => onChange({ ...value, ...patch });
  const years = recentTaxYears(currentTaxYear);
  if (value.taxYear && !years.includes(value.taxYear)) years.push(value.taxYear);
  const kinds = new Set(businesses.map((b) => b.kind));

  return (
    <div className="records-filters" role="search" aria-label="Filter the records">
      <div className="field records-filter-text">
        <label htmlFor={`${id}-text`}>Search</label>
        <input
          id={`${id}-text`}
          type="search"
          value={searchText}
          placeholder="Description, payee or notes"
          onChange={(e) => onSearchText(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-year`}>Tax year</label>
        <select
          id={`${id}-year`}
          value={value.taxYear}
          onChange={(e) =>
            set({ taxYear: e.target.value, quarter: e.target.value ? value.quarter : null })
          }
        >
          <option value="">All years</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-quarter`}>Update period</label>
        <select
          id={`${id}-quarter`}
          value={value.quarter ?? ''}
          disabled={!value.taxYear}
          onChange={(e) =>
            set({ quarter: e.target.value ? (Number(e.target.value) as 1 | 2 | 3 | 4) : null })
          }
        >
          <option value="">Whole year</option>
          {[1, 2, 3, 4].map((q) => (
            <option key={q} value={q}>
              Quarter {q}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-business`}>Business</label>
        <select
          id={`${id}-business`}
          value={String(value.business)}
          onChange={(e) =>
            set({
              business:
                e.target.value === 'all' || e.target.value === 'none'
                  ? e.target.value
                  : Number(e.target.value),
            })
          }
        >
          <option value="all">All businesses</option>
          <option value="none">No business yet</option>
          {businesses.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-category`}>Category</label>
        <select
          id={`${id}-category`}
          value={value.categoryId}
          disabled={value.uncategorised}
          onChange={(e) => set({ categoryId: e.target.value })}
        >
          <option value="">Any category</option>
          {kinds.has('self-employment') ? (
            <optgroup label={kindName('self-employment')}>
              {SELF_EMPLOYMENT_CATEGORIES.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </optgroup>
          ) : null}
          {kinds.has('uk-property') ? (
            <optgroup label={kindName('uk-property')}>
              {UK_PROPERTY_CATEGORIES.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </optgroup>
          ) : null}
          {kinds.has('foreign-property') ? (
            <optgroup label={kindName('foreign-property')}>
              {FOREIGN_PROPERTY_CATEGORIES.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </optgroup>
          ) : null}
          <optgroup label="Not reported to HMRC">
            {EXCLUDED_CATEGORIES.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-sort`}>Order</label>
        <select
          id={`${id}-sort`}
          value={sort}
          onChange={(e) => onSort(e.target.value as RecordsSortInput)}
        >
          {SORTS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <div className="records-filter-checks">
        <label className="records-check-label">
          <input
            type="checkbox"
            checked={value.uncategorised}
            onChange={(e) => set({ uncategorised: e.target.checked })}
          />{' '}
          Uncategorised only
        </label>
        <label className="records-check-label">
          <input
            type="checkbox"
            checked={value.deleted}
            onChange={(e) => set({ deleted: e.target.checked })}
          />{' '}
          Deleted records
        </label>
        {isFiltered(value) ? (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              onSearchText('');
              onChange(EMPTY_FILTER);
            }}
          >
            Clear filters
          </button>
        ) : null}
      </div>
      {value.importBatchId !== null ? (
        <p className="records-filter-note">
          Showing only the records of one import.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => set({ importBatchId: null })}
          >
            Show all records
          </button>
        </p>
      ) : null}
    </div>
  );
}
