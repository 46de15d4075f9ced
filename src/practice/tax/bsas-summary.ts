import { FOREIGN_INCOME, PROPERTY_ADJUSTABLE, SE_ADJUSTABLE } from '../rules/bsas-bodies';
import { PROPERTY_ITEMISED_EXPENSES, SE_EXPENSE_FIELDS } from '../rules/cumulative-bodies';
import { FOREIGN_ITEMISED_EXPENSES } from '../rules/foreign-cumulative-body';
import { type BusinessRecord, type PenceTree, type TaxpayerRecord } from '../state/model';
import { type BsasRecord } from '../state/return-model';
import { businessFigures, foreignCountryOf } from './business-figures';
import { type BusinessFigures } from './business-figures-shape';
import { type Pence, penceToPounds, wholePoundsDown } from './money';
import { amount, entries, subtree, text } from './pence-tree';
import { type TaxYear } from './tax-year';

/**
 * A Business Source Adjustable Summary's figures: the year's figures of one business item by
 * item (the adjustable lines), the totals the calculation uses, and how accounting adjustments
 * change both. An adjustment is added to the line it names (a negative one reduces it).
 * [BSAS self_employment_adjustments_submit.yaml, schemas/retrieve_self_employment/def3/response.json,
 * retrieve_uk_property/def2, retrieve_foreign_property/def2]
 */
export interface SummaryLines {
  countryCode?: string;
  income: Record<string, Pence>;
  expenses: Record<string, Pence>;
  additions: Record<string, Pence>;
}

export interface SummaryTotals {
  income: Pence;
  /** Expenses the profit is worked from (residential finance costs are a tax reduction, not one). */
  expenses: Pence;
  additions: Pence;
  deductions: Pence;
  accountingAdjustments: Pence;
}

const pick = (tree: PenceTree | undefined, fields: readonly string[]): Record<string, Pence> =>
  Object.fromEntries(
    fields.map((f): [string, Pence] => [f, amount(tree, f)]).filter(([, v]) => v !== 0),
  );

/** The adjustable lines of a business's year, from its cumulative summary. */
export function summaryLines(business: BusinessRecord, ty: TaxYear): SummaryLines[] {
  const a = business.cumulative[ty.label]?.amounts;
  if (business.typeOfBusiness === 'self-employment') {
    return [
      {
        income: pick(subtree(a, 'periodIncome'), SE_ADJUSTABLE.income),
        expenses: pick(subtree(a, 'periodExpenses'), [
          ...SE_EXPENSE_FIELDS,
          'consolidatedExpenses',
        ]),
        additions: pick(subtree(a, 'periodDisallowableExpenses'), SE_ADJUSTABLE.additions),
      },
    ];
  }
  if (business.typeOfBusiness === 'uk-property') {
    const income = subtree(a, 'ukProperty', 'income');
    const expenses = subtree(a, 'ukProperty', 'expenses');
    return [
      {
        income: {
          ...pick({ totalRentsReceived: amount(income, 'periodAmount') }, ['totalRentsReceived']),
          ...pick(income, ['premiumsOfLeaseGrant', 'reversePremiums']),
          ...pick({ otherPropertyIncome: amount(income, 'otherIncome') }, ['otherPropertyIncome']),
        },
        expenses: pick(expenses, [
          'consolidatedExpenses',
          ...PROPERTY_ITEMISED_EXPENSES,
          'residentialFinancialCost',
        ]),
        additions: {},
      },
    ];
  }
  const byCountry = new Map<string, SummaryLines>();
  for (const entry of entries(a, 'foreignProperty')) {
    const country = foreignCountryOf(business, entry);
    const lines = byCountry.get(country) ?? {
      countryCode: country,
      income: {},
      expenses: {},
      additions: {},
    };
    const income = subtree(entry, 'income');
    const add = (into: Record<string, Pence>, field: string, value: Pence) => {
      if (value !== 0) into[field] = (into[field] ?? 0) + value;
    };
    add(lines.income, 'totalRentsReceived', amount(income, 'rentIncome', 'rentAmount'));
    add(lines.income, 'premiumsOfLeaseGrant', amount(income, 'premiumsOfLeaseGrant'));
    add(lines.income, 'otherPropertyIncome', amount(income, 'otherPropertyIncome'));
    const expenses = subtree(entry, 'expenses');
    for (const f of [
      'consolidatedExpenses',
      ...FOREIGN_ITEMISED_EXPENSES,
      'residentialFinancialCost',
    ])
      add(lines.expenses, f, amount(expenses, f));
    byCountry.set(country, lines);
  }
  return [...byCountry.values()];
}

/** The adjustments of a summary for one set of lines (one country for foreign property). */
function adjustmentsFor(
  type: BsasRecord['typeOfBusiness'],
  adjustments: PenceTree,
  country?: string,
): SummaryLines {
  const holder =
    type === 'self-employment'
      ? adjustments
      : type === 'uk-property'
        ? subtree(adjustments, 'ukProperty')
        : entries(adjustments, 'foreignProperty', 'countryLevelDetail').find(
            (e) => text(e, 'countryCode') === country,
          );
  const groups = type === 'self-employment' ? SE_ADJUSTABLE : PROPERTY_ADJUSTABLE;
  return {
    income: pick(
      subtree(holder, 'income'),
      type === 'foreign-property' ? FOREIGN_INCOME : groups.income,
    ),
    expenses: pick(subtree(holder, 'expenses'), groups.expenses),
    additions: 'additions' in groups ? pick(subtree(holder, 'additions'), groups.additions) : {},
  };
}

const total = (lines: Record<string, Pence>, except: readonly string[] = []) =>
  Object.entries(lines).reduce((t, [k, v]) => t + (except.includes(k) ? 0 : v), 0);

/** Residential finance costs are relieved as a tax reduction, so they stay out of expenses. [reference §5.4] */
const NOT_EXPENSES = ['residentialFinancialCost'];

function plus(a: Record<string, Pence>, b: Record<string, Pence>): Record<string, Pence> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}

/**
 * An adjusted line may not go below 0 where HMRC's adjusted summary has a minimum of 0: income
 * lines and residential finance costs. [BSAS common/errors.yaml ruleResultingValueNotPermitted;
 * retrieve_*_property/def2 adjustedSummaryCalculation income.* "minimum": 0]
 */
export function resultingValueNotPermitted(
  business: BusinessRecord,
  ty: TaxYear,
  type: BsasRecord['typeOfBusiness'],
  adjustments: PenceTree,
): boolean {
  return summaryLines(business, ty).some((lines) => {
    const adj = adjustmentsFor(type, adjustments, lines.countryCode);
    const income = plus(lines.income, adj.income);
    const expenses = plus(lines.expenses, adj.expenses);
    return Object.values(income).some((v) => v < 0) || (expenses.residentialFinancialCost ?? 0) < 0;
  });
}

/**
 * The business's figures with a summary's adjustments added: income, expenses (residential
 * finance costs to the finance costs) and disallowable additions. For foreign property, each
 * country's adjustments go to that country's figures.
 */
export function adjustFigures(figures: BusinessFigures[], bsas: BsasRecord): BusinessFigures[] {
  if (!bsas.adjustments) return figures;
  return figures.map((f) => {
    const adj = adjustmentsFor(bsas.typeOfBusiness, bsas.adjustments as PenceTree, f.countryCode);
    return {
      ...f,
      income: f.income + total(adj.income),
      expenses: f.expenses + total(adj.expenses, NOT_EXPENSES),
      financeCosts: f.financeCosts + (adj.expenses.residentialFinancialCost ?? 0),
      disallowable: f.disallowable + total(adj.additions),
    };
  });
}

/**
 * The summary whose adjustments count for a business's year: the latest one triggered, if it is
 * still valid and was adjusted. A newer summary supersedes an older one, and a summary whose
 * periodic data changed after it was made is invalid. [BSAS common/errors.yaml
 * ruleSummaryStatusSuperseded, ruleSummaryStatusInvalid]
 */
export function summaryInForce(
  taxpayer: TaxpayerRecord,
  businessId: string,
  ty: TaxYear,
): BsasRecord | undefined {
  const latest = latestSummary(taxpayer, businessId, ty);
  if (!latest?.adjustments) return undefined;
  const business = taxpayer.businesses.find((b) => b.businessId === businessId);
  return business && summaryStatus(taxpayer, business, latest) === 'valid' ? latest : undefined;
}

function latestSummary(
  taxpayer: TaxpayerRecord,
  businessId: string,
  ty: TaxYear,
): BsasRecord | undefined {
  return (taxpayer.bsas ?? [])
    .filter((s) => s.businessId === businessId && s.taxYear === ty.label)
    .reduce<BsasRecord | undefined>(
      (l, s) => (!l || s.requestedAt >= l.requestedAt ? s : l),
      undefined,
    );
}

export function summaryStatus(
  taxpayer: TaxpayerRecord,
  business: BusinessRecord,
  summary: BsasRecord,
): 'valid' | 'invalid' | 'superseded' {
  const record = business.cumulative[summary.taxYear];
  const annual = business.annual?.[summary.taxYear];
  const changed = Math.max(record?.submittedAt ?? 0, annual?.submittedAt ?? 0);
  if (changed > summary.requestedAt) return 'invalid';
  const ty = { label: summary.taxYear, startYear: Number(summary.taxYear.slice(0, 4)) } as TaxYear;
  return latestSummary(taxpayer, summary.businessId, ty) === summary ? 'valid' : 'superseded';
}

/** A business's figures for the year as the calculation takes them: with the summary in force's adjustments. */
export function figuresForYear(
  taxpayer: TaxpayerRecord,
  business: BusinessRecord,
  ty: TaxYear,
): BusinessFigures[] {
  const record = business.cumulative[ty.label];
  if (!record) return [];
  const figures = businessFigures(business, record, business.annual?.[ty.label]);
  const bsas = summaryInForce(taxpayer, business.businessId, ty);
  return bsas ? adjustFigures(figures, bsas) : figures;
}

export function totalsOf(f: BusinessFigures[]): SummaryTotals {
  const sum = (g: (x: BusinessFigures) => number) => f.reduce((t, x) => t + g(x), 0);
  return {
    income: sum((x) => x.income),
    expenses: sum((x) => x.expenses),
    additions: sum((x) => x.disallowable + (x.additions ?? 0)),
    deductions: sum((x) => x.deductions ?? 0),
    accountingAdjustments: sum((x) => x.accountingAdjustments ?? 0),
  };
}

const pounds = (lines: Record<string, Pence>) =>
  Object.fromEntries(Object.entries(lines).map(([k, v]) => [k, penceToPounds(v)]));

/** One summary calculation (adjustable or adjusted) in HMRC's JSON. */
export function summaryJson(
  type: BsasRecord['typeOfBusiness'],
  lines: SummaryLines,
  totals: SummaryTotals,
): Record<string, unknown> {
  const net = totals.income - totals.expenses;
  const taxable = net + totals.additions - totals.deductions + totals.accountingAdjustments;
  const nonEmpty = (name: string, value: Record<string, Pence>) =>
    Object.keys(value).length > 0 ? { [name]: pounds(value) } : {};
  return {
    ...(lines.countryCode ? { countryCode: lines.countryCode } : {}),
    totalIncome: penceToPounds(totals.income),
    ...nonEmpty('income', lines.income),
    totalExpenses: penceToPounds(totals.expenses),
    ...nonEmpty('expenses', lines.expenses),
    ...(net >= 0 ? { netProfit: penceToPounds(net) } : { netLoss: penceToPounds(-net) }),
    totalAdditions: penceToPounds(totals.additions),
    ...nonEmpty('additions', lines.additions),
    totalDeductions: penceToPounds(totals.deductions),
    ...(type === 'self-employment'
      ? { totalAccountingAdjustments: penceToPounds(totals.accountingAdjustments) }
      : {}),
    ...(taxable >= 0
      ? { taxableProfit: wholePoundsDown(taxable) }
      : { adjustedIncomeTaxLoss: wholePoundsDown(-taxable) }),
  };
}

/** The adjusted lines: each adjustment added to its line. */
export function adjustLines(
  type: BsasRecord['typeOfBusiness'],
  lines: SummaryLines,
  adjustments: PenceTree,
): SummaryLines {
  const adj = adjustmentsFor(type, adjustments, lines.countryCode);
  return {
    ...(lines.countryCode ? { countryCode: lines.countryCode } : {}),
    income: plus(lines.income, adj.income),
    expenses: plus(lines.expenses, adj.expenses),
    additions: plus(lines.additions, adj.additions),
  };
}
