import { z } from 'zod';
import {
  SHORT,
  LONG,
  DOCUMENT,
  id,
  ref,
  count,
  flag,
  text,
  nonBlank,
  date,
  time,
  taxYear,
  sha256,
  pence,
  category,
  json,
  jsonArrayOf,
  businessKind,
  periodType,
  declarationKind,
  table,
  type LedgerTable,
} from './ledger-columns';
import { MAX_RECEIPT_BYTES } from '../../receipts/receipt-files';
import { parseStoredReceiptPath } from '../../receipts/receipt-paths';

/**
 * Every table of a ledger file an archive may bring, with each column's type and the values the
 * app itself would write (the ledger's migrations, 0001…0013). An archive's rows are data: each one is
 * checked against its table here before it is inserted, with a fixed statement, into a ledger
 * the app has just created with its own migrations; the fresh ledger's own constraints and
 * foreign keys check them again. Columns added by a later migration are optional, so an archive
 * from an older version still imports (their defaults apply).
 *
 * `daily_totals` is not here: it is a summary of the transactions, rebuilt by the fresh ledger's
 * own triggers as the transactions go in, never taken from the file.
 */

export type { LedgerTable };

export const OUTBOX_STATES = [
  'approved',
  'sending',
  'accepted',
  'failed',
  'needs-relink',
  'stale',
  'superseded',
] as const;

/** The update both the outbox and the submission log keep: its business, period and payload. */
const updateColumns = {
  business_id: id,
  hmrc_business_id: text(40),
  kind: businessKind,
  tax_year: taxYear,
  period_start: date,
  period_end: date,
  payload: json(DOCUMENT),
  payload_hash: sha256,
  /** What the item sends (0009): the cumulative PUT, the annual PUT or the annual DELETE. */
  submission: z.enum(['cumulative', 'annual', 'annual-delete']).optional(),
};

/** In an order that satisfies the foreign keys (they are also deferred to the commit). */
export const LEDGER_TABLES: readonly LedgerTable[] = [
  table('businesses', {
    id,
    kind: businessKind,
    name: nonBlank(SHORT),
    hmrc_business_id: text(40).nullable().optional(),
    commencement_date: date.nullable().optional(),
    archived_at: time.nullable().optional(),
    created_at: time,
    updated_at: time,
    /** A foreign property kept under the foreign property business linked to HMRC (0011). */
    parent_id: ref.optional(),
    country_code: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .nullable()
      .optional(),
    hmrc_property_id: z
      .string()
      .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
      .nullable()
      .optional(),
    foreign_tax_credit_relief: flag.optional(),
  }),
  table('business_years', {
    business_id: id,
    tax_year: taxYear,
    period_type: periodType.nullable().optional(),
    consolidated_expenses: flag.optional(),
    updated_at: time,
  }),
  table('import_batches', {
    id,
    file_name: text(SHORT),
    file_sha256: text(128),
    file_size: count,
    format: z.enum(['csv', 'ofx']),
    shape_fingerprint: text(200).nullable().optional(),
    mapping_json: json(LONG).nullable().optional(),
    statements_json: json(LONG).nullable().optional(),
    rows_read: count.optional(),
    rows_imported: count.optional(),
    rows_duplicate_skipped: count.optional(),
    rows_bad_skipped: count.optional(),
    rows_fixed: count.optional(),
    rows_categorised: count.optional(),
    started_at: time,
    finished_at: time.nullable().optional(),
    undone_at: time.nullable().optional(),
  }),
  table('csv_mappings', {
    fingerprint: text(200),
    mapping_json: json(LONG),
    label: text(SHORT).nullable().optional(),
    times_used: count.optional(),
    updated_at: time,
  }),
  table('rules', {
    id,
    name: text(SHORT),
    priority: z.int(),
    enabled: flag.optional(),
    description_contains: text(SHORT).nullable().optional(),
    description_pattern: text(SHORT).nullable().optional(),
    counterparty_is: text(SHORT).nullable().optional(),
    amount_min_pence: pence.nullable().optional(),
    amount_max_pence: pence.nullable().optional(),
    direction: z.enum(['in', 'out']).nullable().optional(),
    business_id: ref.optional(),
    category_id: category,
    disallowable_bp: z.int().min(0).max(10_000).optional(),
    created_at: time,
    updated_at: time,
    deleted_at: time.nullable().optional(),
  }),
  table('transactions', {
    id,
    date,
    description: text(LONG),
    counterparty: text(LONG).nullable().optional(),
    amount_pence: pence,
    business_id: ref.optional(),
    category_id: category.nullable().optional(),
    disallowable_pence: pence.optional(),
    notes: text(LONG).nullable().optional(),
    parent_id: ref.optional(),
    is_split_parent: flag.optional(),
    deleted_at: time.nullable().optional(),
    created_at: time,
    updated_at: time,
    import_batch_id: ref.optional(),
    source_line: count.nullable().optional(),
    content_hash: text(200).nullable().optional(),
    rule_id: ref.optional(),
    bank_account_key: text(200).nullable().optional(),
    fitid: text(SHORT).nullable().optional(),
  }),
  table('change_log', {
    id,
    at: time,
    actor: text(SHORT),
    entity: text(100),
    entity_id: text(200),
    action: text(100),
    before_json: json(DOCUMENT).nullable().optional(),
    after_json: json(DOCUMENT).nullable().optional(),
  }),
  table('receipts', {
    id,
    sha256,
    stored_path: z
      .string()
      .max(200)
      .refine((p) => parseStoredReceiptPath(p) !== null, 'not a receipt file name'),
    original_name: text(SHORT),
    mime: z.enum([
      'application/pdf',
      'image/png',
      'image/jpeg',
      'image/gif',
      'image/webp',
      'image/heic',
    ]),
    size_bytes: z.int().min(1).max(MAX_RECEIPT_BYTES),
    created_at: time,
  }),
  table('receipt_links', { transaction_id: id, receipt_id: id, linked_at: time }),
  table('hmrc_businesses', {
    hmrc_business_id: text(40),
    type_of_business: text(100),
    trading_name: text(SHORT).nullable().optional(),
    commencement_date: text(40).nullable().optional(),
    cessation_date: text(40).nullable().optional(),
    period_type: periodType.nullable().optional(),
    period_type_tax_year: text(20).nullable().optional(),
    accounting_period_start: text(40).nullable().optional(),
    accounting_period_end: text(40).nullable().optional(),
    // A new or latent source's reporting in its first two years (0008).
    latency_tax_year1: text(20).nullable().optional(),
    latency_indicator1: z.enum(['A', 'Q']).nullable().optional(),
    latency_tax_year2: text(20).nullable().optional(),
    latency_indicator2: z.enum(['A', 'Q']).nullable().optional(),
    fetched_at: time,
  }),
  table('hmrc_obligations', {
    id,
    kind: z.enum(['quarterly', 'final-declaration']),
    hmrc_business_id: text(40).nullable().optional(),
    type_of_business: text(100).nullable().optional(),
    period_start: date,
    period_end: date,
    due_date: date,
    status: z.enum(['open', 'fulfilled']),
    received_date: text(40).nullable().optional(),
    fetched_at: time,
  }),
  table('hmrc_checks', {
    id,
    checked_at: time,
    scope: z.enum(['full', 'obligations', 'authorisation']),
    outcome: z.enum(['authorised', 'not-authorised', 'not-signed-up', 'failed']),
    code: text(200).nullable().optional(),
    correlation_id: text(200).nullable().optional(),
    message: text(LONG).nullable().optional(),
  }),
  table('sync_outbox', {
    id,
    ...updateColumns,
    records_fingerprint: text(200),
    records_count: count,
    records_from: date,
    records_to: date,
    records_ids: jsonArrayOf(id, DOCUMENT).optional(),
    acknowledged: jsonArrayOf(z.string().max(200), LONG).optional(),
    state: z.enum(OUTBOX_STATES),
    approved_at: time,
    approved_by: text(SHORT),
    attempts: count.optional(),
    next_retry_at: time.nullable().optional(),
    error_code: text(200).nullable().optional(),
    error_message: text(LONG).nullable().optional(),
    error_action: text(LONG).nullable().optional(),
    error_fields: json(LONG).nullable().optional(),
    correlation_id: text(200).nullable().optional(),
    sending_since: time.nullable().optional(),
    accepted_at: time.nullable().optional(),
    updated_at: time,
  }),
  table('sync_submission_log', {
    seq: id,
    outbox_id: id,
    recorded_at: time,
    profile_id: text(200),
    environment: z.enum(['practice', 'sandbox', 'production']),
    ...updateColumns,
    correlation_id: text(200),
    prev_hash: sha256,
    entry_hash: sha256,
  }),
  table('sync_estimates', {
    tax_year: taxYear,
    requested_at: time,
    calculation_id: text(200).nullable().optional(),
    status: text(100),
    document: json(DOCUMENT),
  }),
  table('sync_state', { key: text(200), value: text(LONG) }),
  // The year end's calculation and declaration (0010): HMRC's calculations as received, the
  // person's agreements, a main agent's record of the client's approval, the declaration
  // outbox and its hash-chained receipts. Copied as they are, so the receipts' chain (which
  // names the profile id it was recorded for) still verifies after the import.
  table('ye_calculations', {
    calculation_id: nonBlank(200),
    tax_year: taxYear,
    calculation_type: text(100),
    retrieved_at: time,
    has_errors: flag,
    document: json(DOCUMENT),
  }),
  table('ye_client_approvals', {
    id,
    tax_year: taxYear,
    calculation_id: nonBlank(200),
    approved_on: date,
    method: z.enum(['in-person', 'phone', 'email', 'letter', 'video']),
    note: text(LONG),
    recorded_by: text(SHORT),
    recorded_at: time,
  }),
  table('ye_agreements', {
    id,
    tax_year: taxYear,
    calculation_id: nonBlank(200),
    declaration: declarationKind,
    wording: z.enum(['individual', 'agent']),
    wording_hash: sha256,
    agreed_by: text(SHORT),
    agreed_at: time,
  }),
  table('ye_outbox', {
    id,
    tax_year: taxYear,
    calculation_id: nonBlank(200),
    declaration: declarationKind,
    agreement_id: id,
    state: z.enum(['approved', 'sending', 'accepted', 'failed']),
    attempts: count.optional(),
    sending_since: time.nullable().optional(),
    error_code: text(200).nullable().optional(),
    error_message: text(LONG).nullable().optional(),
    error_action: text(LONG).nullable().optional(),
    correlation_id: text(200).nullable().optional(),
    accepted_at: time.nullable().optional(),
    how: z.enum(['answered', 'confirmed']).nullable().optional(),
    created_at: time,
    updated_at: time,
  }),
  table('ye_receipts', {
    seq: id,
    outbox_id: id,
    recorded_at: time,
    profile_id: text(200),
    environment: z.enum(['practice', 'sandbox', 'production']),
    tax_year: taxYear,
    declaration: declarationKind,
    calculation_id: nonBlank(200),
    agreed_by: text(SHORT),
    agreed_at: time,
    correlation_id: text(200),
    how: z.enum(['answered', 'confirmed']),
    sync_log_head: sha256,
    prev_hash: sha256,
    entry_hash: sha256,
  }),
  // Other income and reliefs (0012): savings accounts, their own outbox and receipts, and the
  // answers about income Ledgerlink does not cover.
  table('oi_savings_accounts', {
    id,
    savings_account_id: z
      .string()
      .regex(/^[A-Za-z0-9]{15}$/)
      .nullable()
      .optional(),
    account_name: nonBlank(100),
    created_at: time,
    updated_at: time,
  }),
  table('oi_outbox', {
    id,
    submission: z.enum([
      'savings-account-add',
      'savings-account-rename',
      'savings-interest',
      'dividends',
      'dividends-delete',
      'pension-relief',
      'pension-relief-delete',
      'charitable-giving',
      'charitable-giving-delete',
    ]),
    target: text(100),
    tax_year: taxYear.nullable().optional(),
    account_ref: ref.optional(),
    payload: json(LONG),
    state: z.enum(['approved', 'sending', 'accepted', 'failed', 'replaced']),
    attempts: count.optional(),
    sending_since: time.nullable().optional(),
    next_retry_at: time.nullable().optional(),
    error_code: text(200).nullable().optional(),
    error_message: text(LONG).nullable().optional(),
    error_action: text(LONG).nullable().optional(),
    correlation_id: text(200).nullable().optional(),
    accepted_at: time.nullable().optional(),
    how: z.enum(['answered', 'confirmed']).nullable().optional(),
    approved_by: text(SHORT),
    created_at: time,
    updated_at: time,
  }),
  table('oi_receipts', {
    seq: id,
    outbox_id: id,
    recorded_at: time,
    profile_id: text(200),
    environment: z.enum(['practice', 'sandbox', 'production']),
    submission: text(100),
    tax_year: text(20),
    hmrc_ref: text(200),
    payload: json(LONG),
    payload_hash: sha256,
    correlation_id: text(200),
    how: z.enum(['answered', 'confirmed']),
    sync_log_head: sha256,
    prev_hash: sha256,
    entry_hash: sha256,
  }),
  table('oi_not_covered', {
    tax_year: taxYear,
    topic: text(100),
    applies: flag,
    answered_at: time,
  }),
  table('oi_elsewhere', {
    id,
    tax_year: taxYear,
    topics: jsonArrayOf(z.string().max(100), SHORT),
    confirmed_by: text(SHORT),
    confirmed_at: time,
  }),
  // A client's approvals of an agent's quarterly update or annual figures (0013), against the
  // pack's reference with the payload's hash: they travel with the figures they approve.
  table('ag_sign_off_approvals', {
    id,
    kind: z.enum(['quarterly-update', 'annual-figures']),
    reference: z
      .string()
      .max(300)
      .regex(/^(quarterly|annual):./),
    approved_on: date,
    method: z.enum(['in-person', 'phone', 'email', 'letter', 'video']),
    note: text(1000),
    recorded_by: text(300),
    recorded_at: time,
    origin: z.enum(['recorded', 'carried-over']).optional(),
  }),
];

/** Tables of the ledger file that are not copied: the version record and derived summaries. */
export const NOT_COPIED = new Set(['schema_version', 'daily_totals']);
