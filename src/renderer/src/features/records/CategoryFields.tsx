import { useId, type JSX } from 'react';
import { EXCLUDED_CATEGORIES, categoriesForKind, getCategory } from '@shared/domain/categories';
import type { RecordsBusiness } from '@shared/ipc/channels/records';
import { kindName } from './format';

export interface Placement {
  /** 'keep': bulk categorising leaves each record's business as it is. */
  businessId: number | null | 'keep';
  categoryId: string | null;
}

/**
 * Business and category, chosen together: the categories offered are the HMRC fields of the
 * chosen business's kind (plain-English names, HMRC's order) plus the two "not for HMRC"
 * ones; the chosen category's hint says what belongs there.
 */
export function CategoryFields({
  businesses,
  value,
  onChange,
  errors = {},
  legend,
  keepBusinessOption,
  direction,
}: {
  businesses: readonly RecordsBusiness[];
  value: Placement;
  onChange: (next: Placement) => void;
  errors?: { businessId?: string; categoryId?: string };
  legend?: string;
  /** Bulk categorising: offer "keep each one's business". */
  keepBusinessOption?: boolean;
  /** The money's direction: only income categories for money in, expenses for money out. */
  direction?: 'in' | 'out' | undefined;
}): JSX.Element {
  const id = useId();
  const live = businesses.filter((b) => !b.archived || b.id === value.businessId);
  const business = businesses.find((b) => b.id === value.businessId) ?? null;
  // Keeping each record's business: offer the categories of every kind the profile has.
  const kinds =
    value.businessId === 'keep'
      ? [...new Set(live.map((b) => b.kind))]
      : business
        ? [business.kind]
        : [];
  const chosen = value.categoryId ? getCategory(value.categoryId) : undefined;

  const setBusiness = (raw: string) => {
    const businessId = raw === 'keep' ? 'keep' : raw === '' ? null : Number(raw);
    const next = businesses.find((b) => b.id === businessId);
    const category = value.categoryId ? getCategory(value.categoryId) : undefined;
    // A category of another kind of business no longer fits: clear it rather than send it.
    const fits =
      !category ||
      !category.reportable ||
      businessId === 'keep' ||
      (next !== undefined && category.kind === next.kind);
    onChange({ businessId, categoryId: fits ? value.categoryId : null });
  };

  return (
    <fieldset className="records-placement">
      {legend ? <legend>{legend}</legend> : null}
      <div className="field">
        <label htmlFor={`${id}-business`}>Business</label>
        <select
          id={`${id}-business`}
          value={value.businessId === null ? '' : String(value.businessId)}
          onChange={(e) => setBusiness(e.target.value)}
          aria-invalid={errors.businessId ? true : undefined}
          aria-describedby={errors.businessId ? `${id}-business-error` : undefined}
        >
          {keepBusinessOption ? <option value="keep">Keep each record’s business</option> : null}
          <option value="">No business (not for HMRC)</option>
          {live.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name} ({kindName(b.kind)})
            </option>
          ))}
        </select>
        {errors.businessId ? (
          <p className="field-error" id={`${id}-business-error`}>
            {errors.businessId}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-category`}>Category</label>
        <select
          id={`${id}-category`}
          value={value.categoryId ?? ''}
          onChange={(e) => onChange({ ...value, categoryId: e.target.value || null })}
          aria-invalid={errors.categoryId ? true : undefined}
          aria-describedby={`${id}-category-hint${errors.categoryId ? ` ${id}-category-error` : ''}`}
        >
          <option value="">Not categorised yet</option>
          {kinds.flatMap((kind) =>
            (['income', 'expense'] as const).flatMap((group) => {
              // The other direction's categories are left out, except one already chosen.
              const shown = categoriesForKind(kind).filter(
                (c) =>
                  c.direction === group &&
                  (direction === undefined ||
                    (direction === 'in') === (group === 'income') ||
                    c.id === value.categoryId),
              );
              return shown.length === 0
                ? []
                : [
                    <optgroup
                      key={`${kind}-${group}`}
                      label={`${kinds.length > 1 ? `${kindName(kind)}: ` : ''}${group === 'income' ? 'Income' : 'Expenses'}`}
                    >
                      {shown.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.name}
                        </option>
                      ))}
                    </optgroup>,
                  ];
            }),
          )}
          <optgroup label="Not reported to HMRC">
            {EXCLUDED_CATEGORIES.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </optgroup>
        </select>
        <p className="hint" id={`${id}-category-hint`}>
          {chosen
            ? chosen.hint
            : kinds.length > 0
              ? 'Choose where this belongs in your figures for HMRC.'
              : 'Choose a business to see its HMRC categories.'}
        </p>
        {errors.categoryId ? (
          <p className="field-error" id={`${id}-category-error`}>
            {errors.categoryId}
          </p>
        ) : null}
      </div>
    </fieldset>
  );
}
