import { categoriesForKind } from '@shared/domain/categories';
import type { BusinessKind } from '@shared/domain/business-kinds';
import { summariseFieldTotals, type PeriodTotals } from '../../../../src/main/ledger';

/**
 * Ledger year-to-date totals made by hand (the shape `ledger.totals.yearToDate` returns), for
 * tests that need exact figures — HMRC's example requests include amounts a ledger of real
 * transactions would never produce (a disallowable part larger than the expense).
 */
export function periodTotals(input: {
  kind: BusinessKind;
  from?: string;
  to?: string;
  taxYear?: string;
  values?: Record<string, number>;
  disallowable?: Record<string, number>;
  counts?: Record<string, number>;
  consolidated?: boolean;
  uncategorised?: { count: number; netPence: number };
}): PeriodTotals {
  const prefix = input.kind === 'self-employment' ? 'se.' : 'ukp.';
  const fields = categoriesForKind(input.kind).map((c) => {
    const field = c.id.slice(prefix.length);
    const value = input.values?.[field] ?? 0;
    const disallowable = input.disallowable?.[field] ?? 0;
    return {
      categoryId: c.id,
      hmrcSection: c.hmrcSection,
      hmrcField: c.hmrcField,
      disallowableField: c.disallowableField,
      direction: c.direction,
      name: c.name,
      valuePence: value,
      disallowablePence: disallowable,
      allowablePence: value - disallowable,
      transactionCount: input.counts?.[field] ?? (value !== 0 ? 1 : 0),
    };
  });
  return {
    businessId: 1,
    kind: input.kind,
    taxYear: input.taxYear ?? '2026-27',
    basis: { type: 'standard' },
    from: input.from ?? '2026-04-06',
    to: input.to ?? '2026-10-05',
    fields,
    ...summariseFieldTotals(input.kind, fields, input.consolidated ?? false),
    uncategorised: input.uncategorised ?? { count: 0, netPence: 0 },
    excluded: { count: 0, netPence: 0 },
    // As a ledger counts them: every transaction behind a field, plus the uncategorised ones.
    records: {
      count: fields.reduce((n, f) => n + f.transactionCount, 0) + (input.uncategorised?.count ?? 0),
      fingerprint: 'f'.repeat(64),
    },
  };
}
