import {
  ANNUAL_DEFINITIONS,
  entryFigureKey,
  entryRuleFor,
  splitEntryFigureKey,
  type AnnualField,
  type AnnualFigures,
  type AnnualKind,
  type AnnualKindDefinition,
} from './annual-fields';
import { formatPence, hmrcAmountToPence, penceToHmrcAmount } from './money';
import { compareTaxYears } from './tax-year';

/**
 * Annual figures → HMRC's body, and back, from the kind's table alone (annual-fields.ts). The
 * body keeps the table's order so the JSON the person reviews, the outbox freezes and the sync
 * sends is the same text every time for the same figures.
 */

const isSet = (f: AnnualField, v: AnnualFigures[string] | undefined): boolean =>
  v !== undefined && !(f.value.type === 'boolean' && v === false);

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const part of path.slice(0, -1)) {
    node[part] ??= {};
    node = node[part] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

function getPath(source: unknown, path: readonly string[]): unknown {
  let node = source;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** The sections (adjustments, allowances…) for one set of figures, in the table's order. */
function sectionsOf(def: AnnualKindDefinition, figures: AnnualFigures): Record<string, unknown> {
  const sections: Record<string, unknown> = {};
  // A section goes when it holds anything; then the fields HMRC requires in it go too (as no).
  const present = new Set(def.fields.filter((f) => isSet(f, figures[f.key])).map((f) => f.section));
  for (const f of def.fields) {
    const value = figures[f.key];
    if (f.alwaysSent) {
      if (present.has(f.section)) setPath(sections, f.hmrcPath, value === true);
      continue;
    }
    if (!isSet(f, value)) continue;
    setPath(
      sections,
      f.hmrcPath,
      f.value.type === 'money' && typeof value === 'number' ? penceToHmrcAmount(value) : value,
    );
  }
  return sections;
}

/** Per-entry figures (`FRA/allowances.x`) by entry, in key order so the body is stable. */
export function figuresByEntry(figures: AnnualFigures): Map<string, AnnualFigures> {
  const out = new Map<string, AnnualFigures>();
  for (const key of Object.keys(figures).sort()) {
    const split = splitEntryFigureKey(key);
    if (!split) continue;
    const entry = out.get(split.entry) ?? {};
    entry[split.fieldKey] = figures[key]!;
    out.set(split.entry, entry);
  }
  return out;
}

/**
 * The HMRC body for the figures (money as HMRC decimals). Assumes the figures passed the checks.
 * Per-entry kinds (foreign property) send one entry per country or property id, as the tax
 * year's schema names it [PB foreign_property_annual_submission_create_and_amend def2 / def3].
 */
export function annualBody(
  kind: AnnualKind,
  figures: AnnualFigures,
  taxYear?: string,
): Record<string, unknown> {
  const def = ANNUAL_DEFINITIONS[kind];
  const rule = entryRuleFor(def, taxYear ?? def.fromTaxYear);
  if (rule && def.root) {
    const list = [...figuresByEntry(figures)].map(([entry, own]) => ({
      [rule.keyField]: entry,
      ...sectionsOf(def, own),
    }));
    return { [def.root]: list };
  }
  const sections = sectionsOf(def, figures);
  // HMRC's UK property schema requires jointlyLet whenever rentARoom is sent: it is only sent as true.
  return def.root ? { [def.root]: sections } : sections;
}

function figuresOfSections(def: AnnualKindDefinition, base: unknown): AnnualFigures {
  const figures: AnnualFigures = {};
  for (const f of def.fields) {
    const value = getPath(base, f.hmrcPath);
    if (f.value.type === 'money' && typeof value === 'number') {
      figures[f.key] = hmrcAmountToPence(value);
    } else if (f.value.type === 'boolean' && typeof value === 'boolean') {
      figures[f.key] = value;
    } else if (f.value.type === 'choice' && typeof value === 'string') {
      figures[f.key] = value;
    }
  }
  return figures;
}

/** HMRC's copy (a retrieve response) → figures, ignoring fields this table does not know. */
export function figuresFromBody(kind: AnnualKind, body: unknown): AnnualFigures {
  const def = ANNUAL_DEFINITIONS[kind];
  const base = def.root ? getPath(body, [def.root]) : body;
  if (!def.entries) return figuresOfSections(def, base);
  const figures: AnnualFigures = {};
  for (const item of Array.isArray(base) ? (base as unknown[]) : []) {
    const entry = getPath(item, ['countryCode']) ?? getPath(item, ['propertyId']);
    if (typeof entry !== 'string' || entry.includes('/')) continue;
    for (const [key, value] of Object.entries(figuresOfSections(def, item))) {
      figures[entryFigureKey(entry, key)] = value;
    }
  }
  return figures;
}

/** One check made before anything is sent (the same shape as a quarterly update's checks). */
export interface AnnualIssue {
  code: string;
  /** HMRC itself would refuse the submission with this code. */
  hmrcRule: boolean;
  message: string;
  action: string;
  field?: string;
}

export interface AnnualCheckContext {
  taxYear: string;
  /**
   * Expenses in the year's cumulative update as HMRC last accepted it (pence), if known, and in
   * the ledger now: claiming the income allowance means there may be no other expenses.
   */
  cumulativeExpensesPence?: number;
  ledgerExpensesPence?: number;
  /**
   * Per-entry kinds (foreign property): each entry's name for messages, and its expenses (the
   * allowance is claimed per country or property, so only that entry's expenses matter).
   */
  entries?: Record<
    string,
    { label: string; cumulativeExpensesPence?: number; ledgerExpensesPence?: number }
  >;
}

/**
 * Every rule HMRC states for the body, checked here first, plus Ledgerlink's own: the income
 * allowance and expenses. [SE Def3_CreateAmendAnnualSubmissionRulesValidator via
 * create_and_amend_annual_submission.yaml errors; PB uk_property_annual_submission_create_and_amend.yaml,
 * foreign_property_annual_submission_create_and_amend.yaml (RULE_BOTH_ALLOWANCES_SUPPLIED,
 * RULE_PROPERTY_INCOME_ALLOWANCE, RULE_DUPLICATE_COUNTRY_CODE / _PROPERTY_ID); reference §5.4, §5.5]
 */
export function checkAnnualFigures(
  kind: AnnualKind,
  figures: AnnualFigures,
  context: AnnualCheckContext,
): { errors: AnnualIssue[]; warnings: AnnualIssue[] } {
  const def = ANNUAL_DEFINITIONS[kind];
  const out = { errors: [] as AnnualIssue[], warnings: [] as AnnualIssue[] };

  if (compareTaxYears(context.taxYear, def.fromTaxYear) < 0) {
    out.errors.push({
      code: 'RULE_TAX_YEAR_NOT_SUPPORTED',
      hmrcRule: true,
      message: `Annual figures in this form are for ${def.fromTaxYear} onwards.`,
      action: 'Choose a later tax year.',
    });
  }
  let anything: boolean;
  if (def.entries) {
    // One entry per key (a map), so HMRC's duplicate country / property id rules cannot arise.
    for (const key of Object.keys(figures)) {
      if (!splitEntryFigureKey(key)) out.errors.push(unknownField(key));
    }
    const groups = figuresByEntry(figures);
    anything = false;
    for (const [entry, own] of groups) {
      const about = context.entries?.[entry];
      checkSet(def, own, about ?? {}, `${about?.label ?? entry}: `, entry, out);
      anything ||= def.fields.some((f) => isSet(f, own[f.key]));
    }
    // A warning is acknowledged by its code: one per code, naming every entry it is about.
    const byCode = new Map<string, AnnualIssue>();
    for (const w of out.warnings) {
      const seen = byCode.get(w.code);
      byCode.set(w.code, seen ? { ...seen, message: `${seen.message} ${w.message}` } : w);
    }
    out.warnings = [...byCode.values()];
  } else {
    checkSet(def, figures, context, '', undefined, out);
    anything = def.fields.some((f) => isSet(f, figures[f.key]));
  }
  if (!anything) {
    out.errors.push({
      code: 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED',
      hmrcRule: true,
      message: 'There is nothing to send: every figure is empty.',
      action:
        'Enter at least one figure, or delete the annual submission if HMRC should hold none.',
    });
  }
  return out;
}

const unknownField = (key: string): AnnualIssue => ({
  code: 'UNKNOWN_FIELD',
  hmrcRule: false,
  message: `“${key.slice(0, 80)}” is not one of HMRC’s annual figures for this business.`,
  action: 'Remove it.',
});

/** The rules for one set of figures: the whole body, or one foreign property entry. */
function checkSet(
  def: AnnualKindDefinition,
  figures: AnnualFigures,
  context: { cumulativeExpensesPence?: number; ledgerExpensesPence?: number },
  prefix: string,
  entry: string | undefined,
  out: { errors: AnnualIssue[]; warnings: AnnualIssue[] },
): void {
  const { errors, warnings } = out;
  const kind = def.kind;
  const known = new Map(def.fields.map((f) => [f.key, f]));
  const at = (key: string) => (entry === undefined ? key : entryFigureKey(entry, key));
  for (const [key, value] of Object.entries(figures)) {
    const f = known.get(key);
    if (!f) {
      errors.push(unknownField(at(key)));
      continue;
    }
    const problem = valueProblem(f, value);
    if (problem) {
      errors.push({
        code: 'FORMAT_VALUE',
        hmrcRule: true,
        message: `${prefix}${f.label}: ${problem}`,
        action: 'Correct the amount.',
        field: at(f.key),
      });
    }
  }
  const allowance = def.fields.find((f) => f.incomeAllowance)!;
  const claimed = figures[allowance.key];
  const claiming = typeof claimed === 'number' && claimed > 0;
  const otherAllowances = def.fields.filter(
    (f) => f.section === 'allowances' && !f.incomeAllowance && isSet(f, figures[f.key]),
  );
  if (allowance.key in figures && otherAllowances.length > 0) {
    errors.push({
      code: 'RULE_BOTH_ALLOWANCES_SUPPLIED',
      hmrcRule: true,
      message: `${prefix}The ${def.incomeAllowanceName} cannot be claimed together with other allowances (${otherAllowances.map((f) => f.label).join(', ')}).`,
      action: `Either claim the ${def.incomeAllowanceName}, or the other allowances, not both.`,
      field: at(allowance.key),
    });
  }
  if (
    (kind === 'uk-property' || kind === 'foreign-property') &&
    allowance.key in figures &&
    'adjustments.privateUseAdjustment' in figures
  ) {
    errors.push({
      code: 'RULE_PROPERTY_INCOME_ALLOWANCE',
      hmrcRule: true,
      message: `${prefix}The property allowance cannot be claimed with a private use adjustment.`,
      action: 'Remove one of them.',
      field: at(allowance.key),
    });
  }
  if (
    kind === 'self-employment' &&
    'adjustments.transitionProfitAccelerationAmount' in figures &&
    !('adjustments.transitionProfitAmount' in figures)
  ) {
    errors.push({
      code: 'RULE_WRONG_TPA_AMOUNT_SUBMITTED',
      hmrcRule: true,
      message:
        'Extra transition profit can only be brought forward with a transition profit amount.',
      action: 'Enter the transition profit, or remove the extra amount.',
      field: 'adjustments.transitionProfitAccelerationAmount',
    });
  }
  if (claiming) {
    const held = context.cumulativeExpensesPence;
    if (held !== undefined && held !== 0) {
      errors.push({
        code: 'INCOME_ALLOWANCE_WITH_EXPENSES',
        hmrcRule: false,
        message: `${prefix}Claiming the ${def.incomeAllowanceName} means no other expenses, but the year’s cumulative update HMRC holds includes ${formatPence(held)} of expenses.`,
        action:
          'First amend the last cumulative update of the year with no expenses (mark them as not claimed in your records, review and send it), then come back and claim the allowance.',
        field: at(allowance.key),
      });
    } else if (context.ledgerExpensesPence !== undefined && context.ledgerExpensesPence !== 0) {
      warnings.push({
        code: 'INCOME_ALLOWANCE_LEDGER_EXPENSES',
        hmrcRule: false,
        message: `${prefix}Your records for the year still hold ${formatPence(context.ledgerExpensesPence)} of expenses for this business.`,
        action: `If you claim the ${def.incomeAllowanceName}, make sure the cumulative update you send has no expenses.`,
      });
    }
  }
}

function valueProblem(f: AnnualField, value: unknown): string | undefined {
  switch (f.value.type) {
    case 'money':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) return 'must be an amount.';
      if (value < f.value.minPence || value > f.value.maxPence) {
        return `must be between ${formatPence(f.value.minPence)} and ${formatPence(f.value.maxPence)}.`;
      }
      return undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be yes or no.';
    case 'choice':
      return f.value.options.some((o) => o.value === value)
        ? undefined
        : 'is not one of the choices.';
  }
}

/** The table a kind's form is drawn from (re-exported for the renderer). */
export const annualDefinition = (kind: AnnualKind): AnnualKindDefinition =>
  ANNUAL_DEFINITIONS[kind];
