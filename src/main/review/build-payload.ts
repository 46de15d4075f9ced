import type { Pence } from '@shared/domain/money';
import {
  foreignPropertyCumulativeBody,
  type ForeignPropertyTotals,
} from '../hmrc/mappers/foreign-property-summary';
import { foreignPropertyCumulativeRequestSchema } from '../hmrc/schemas/foreign-property';
import {
  selfEmploymentCumulativeBody,
  type SelfEmploymentCumulativeTotals,
} from '../hmrc/mappers/self-employment-summary';
import {
  ukPropertyCumulativeBody,
  type UkPropertyCumulativeTotals,
} from '../hmrc/mappers/uk-property-summary';
import {
  SE_EXPENSE_FIELDS,
  selfEmploymentCumulativeRequestSchema,
  type SeExpenseField,
} from '../hmrc/schemas/self-employment';
import {
  UK_PROPERTY_ITEMISED_EXPENSE_FIELDS,
  ukPropertyCumulativeRequestSchema,
  type UkPropertyItemisedExpenseField,
} from '../hmrc/schemas/uk-property';
import type { PeriodTotals } from '../ledger';
import { sha256Hex } from '../sync/canonical-json';

/**
 * The cumulative update of one business, built from the ledger's year-to-date totals (reference
 * §3.5, §5.3–5.5): itemised or consolidated expenses as the business is set for the year, dates
 * from the start of the year (or of trading) to the period end. The JSON is the exact text the
 * HMRC client sends — the endpoint validates the body with the same schema and sends
 * `JSON.stringify` of the result — so the review shows, the outbox freezes and the sync sends
 * the very same bytes, and the hash is over those bytes.
 */
export interface BuiltPayload {
  kind: PeriodTotals['kind'];
  /** The body as an object, in HMRC's shape. */
  body: Record<string, unknown>;
  /** The exact text of the PUT body. */
  json: string;
  /** SHA-256 of `json`. */
  hash: string;
  /** Amounts HMRC would refuse (out of range) or the schema rejects: listed, never sent. */
  schemaProblems: { path: string; message: string }[];
}

const valueOf = (totals: PeriodTotals, categoryId: string): Pence =>
  totals.fields.find((f) => f.categoryId === categoryId)?.valuePence ?? 0;
const disallowableOf = (totals: PeriodTotals, categoryId: string): Pence =>
  totals.fields.find((f) => f.categoryId === categoryId)?.disallowablePence ?? 0;

/** Dates go out for quarterly reporting only (dates-rule.ts). */
export interface PayloadOptions {
  withDates: boolean;
  /** Foreign property: the figures per country or per property (foreign-property-places.ts). */
  foreignEntries?: readonly ForeignPropertyTotals[];
}

export function selfEmploymentTotals(
  totals: PeriodTotals,
  options: PayloadOptions = { withDates: true },
): SelfEmploymentCumulativeTotals {
  const se = (field: string) => valueOf(totals, `se.${field}`);
  const amounts: Partial<Record<SeExpenseField, Pence>> = {};
  const disallowable: Partial<Record<SeExpenseField, Pence>> = {};
  for (const field of SE_EXPENSE_FIELDS) {
    amounts[field] = se(field);
    disallowable[field] = disallowableOf(totals, `se.${field}`);
  }
  return {
    ...(options.withDates ? { period: { start: totals.from, end: totals.to } } : {}),
    income: {
      turnover: se('turnover'),
      other: se('other'),
      taxTakenOffTradingIncome: se('taxTakenOffTradingIncome'),
    },
    // Consolidated: allowable itemised lines folded with anything recorded as one total
    // (ledger totals' `consolidated`, reference §5.4). Itemised: a total recorded directly as
    // consolidated cannot go too — that is RULE_BOTH_EXPENSES_SUPPLIED (local-checks.ts).
    expenses: totals.consolidated.chosen
      ? { kind: 'consolidated', total: totals.consolidated.consolidatedPence }
      : { kind: 'itemised', amounts, disallowable },
  };
}

export function ukPropertyTotals(
  totals: PeriodTotals,
  options: PayloadOptions = { withDates: true },
): UkPropertyCumulativeTotals {
  const ukp = (field: string) => valueOf(totals, `ukp.${field}`);
  const amounts: Partial<Record<UkPropertyItemisedExpenseField, Pence>> = {};
  for (const field of UK_PROPERTY_ITEMISED_EXPENSE_FIELDS) amounts[field] = ukp(field);
  const rentsReceived = ukp('rentARoom.rentsReceived');
  const amountClaimed = ukp('rentARoom.amountClaimed');
  return {
    ...(options.withDates ? { period: { start: totals.from, end: totals.to } } : {}),
    income: {
      periodAmount: ukp('periodAmount'),
      premiumsOfLeaseGrant: ukp('premiumsOfLeaseGrant'),
      reversePremiums: ukp('reversePremiums'),
      otherIncome: ukp('otherIncome'),
      taxDeducted: ukp('taxDeducted'),
    },
    expenses: totals.consolidated.chosen
      ? { kind: 'consolidated', total: totals.consolidated.consolidatedPence }
      : { kind: 'itemised', amounts },
    // Sent beside either kind of expenses, zeros included as in HMRC's examples (§3.5).
    residentialFinancialCost: ukp('residentialFinancialCost'),
    residentialFinancialCostsCarriedForward: ukp('residentialFinancialCostsCarriedForward'),
    // Only for a landlord using Rent a Room relief (§5.5).
    ...(rentsReceived !== 0 || amountClaimed !== 0
      ? { rentARoom: { rentsReceived, amountClaimed } }
      : {}),
  };
}

/** The wire text of a body: what the HMRC client's `validBody` + `JSON.stringify` produce. */
export function wireJson(
  kind: PeriodTotals['kind'],
  body: unknown,
): { json: string; problems: BuiltPayload['schemaProblems'] } {
  const schema =
    kind === 'self-employment'
      ? selfEmploymentCumulativeRequestSchema
      : kind === 'uk-property'
        ? ukPropertyCumulativeRequestSchema
        : foreignPropertyCumulativeRequestSchema;
  const parsed = schema.safeParse(body);
  if (parsed.success) return { json: JSON.stringify(parsed.data), problems: [] };
  return {
    json: JSON.stringify(body),
    problems: parsed.error.issues.map((i) => ({
      path: `/${i.path.map(String).join('/')}`,
      message: i.message,
    })),
  };
}

export function buildPayload(
  totals: PeriodTotals,
  options: PayloadOptions = { withDates: true },
): BuiltPayload {
  let body: Record<string, unknown>;
  const amountProblems: BuiltPayload['schemaProblems'] = [];
  try {
    body =
      totals.kind === 'self-employment'
        ? selfEmploymentCumulativeBody(selfEmploymentTotals(totals, options))
        : totals.kind === 'uk-property'
          ? ukPropertyCumulativeBody(ukPropertyTotals(totals, options))
          : foreignPropertyCumulativeBody(
              options.foreignEntries ?? [],
              options.withDates ? { start: totals.from, end: totals.to } : undefined,
            );
  } catch (error) {
    // penceToHmrcAmount refuses amounts beyond ±99,999,999,999.99 (§3.5): keep the review
    // going with a placeholder body; the update is blocked by the range check.
    if (!(error instanceof RangeError)) throw error;
    amountProblems.push({ path: '/', message: error.message });
    body = {};
  }
  const { json, problems } = wireJson(totals.kind, body);
  return {
    kind: totals.kind,
    body,
    json,
    hash: sha256Hex(json),
    schemaProblems: [...amountProblems, ...problems],
  };
}
