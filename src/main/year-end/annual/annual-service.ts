import {
  ANNUAL_DEFINITIONS,
  isAnnualKind,
  type AnnualFigures,
  type AnnualKind,
} from '@shared/domain/annual-fields';
import { annualBody, checkAnnualFigures, figuresFromBody } from '@shared/domain/annual-payload';
import { formatPence } from '@shared/domain/money';
import { taxYearEnd, taxYearStart } from '@shared/domain/tax-year';
import type {
  AnnualFigureEntry,
  AnnualLine,
  AnnualReview,
  AnnualView,
} from '@shared/ipc/channels/year-end-annual';
import type { Clock } from '../../clock/clock';
import { AppError } from '../../ipc/app-error';
import type { Logger } from '../../logging/logger';
import type { Profile } from '../../profiles/profile-record';
import { sha256Hex } from '../../sync/canonical-json';
import type { NetworkStatus } from '../../sync/network-status';
import { createOutboxStore } from '../../sync/outbox-store';
import type { SyncProfilesPort } from '../../sync/profile-sync';
import { createSubmissionLog } from '../../sync/submission-log';
import { createHeldCopies } from './annual-held-copy';
import { capitalCandidates, incomeAllowanceAdvice } from './annual-hints';
import {
  entriesContext,
  entrySlots,
  foreignAnnualEntries,
  unknownEntries,
} from './foreign-entries';

export interface AnnualServiceDeps {
  profiles: Pick<SyncProfilesPort, 'require' | 'ledger' | 'hmrcFor'>;
  network: NetworkStatus;
  clock: Clock;
  logger: Logger;
  actorFor?: (profile: Profile) => string;
}

export interface AnnualRef {
  profileId: string;
  businessId: number;
  taxYear: string;
}

export interface AnnualService {
  view(ref: AnnualRef & { compareWithHmrc?: boolean }): Promise<AnnualView>;
  prepare(ref: AnnualRef & { figures: AnnualFigureEntry[] }): AnnualReview;
  approve(
    ref: AnnualRef & {
      figures: AnnualFigureEntry[];
      payloadHash: string;
      acknowledgedWarnings: string[];
    },
  ): { outboxId: number; state: 'approved' };
  approveDelete(ref: AnnualRef): { outboxId: number; state: 'approved' };
}

const WAITING = ['approved', 'sending', 'failed', 'needs-relink'] as const;

export const toEntries = (figures: AnnualFigures): AnnualFigureEntry[] =>
  Object.entries(figures).map(([key, value]) => ({ key, value }));
const fromEntries = (entries: AnnualFigureEntry[]): AnnualFigures =>
  Object.fromEntries(entries.map((e) => [e.key, e.value]));

/**
 * Annual figures (issue: the year end; reference §5.4, §5.5, §5.7): the person's adjustments,
 * allowances and non-financials for one business and year, checked against every rule HMRC
 * states, shown against what HMRC holds, and approved into the same outbox as quarterly
 * updates (submission `annual`, or `annual-delete` to remove HMRC's copy). Sync sends them.
 */
export function createAnnualService(deps: AnnualServiceDeps): AnnualService {
  const nowIso = () => deps.clock.now().toISOString();

  const open = (ref: AnnualRef) => {
    const profile = deps.profiles.require(ref.profileId);
    const ledger = deps.profiles.ledger(ref.profileId);
    const chosen = ledger.businesses.get(ref.businessId);
    // A foreign property kept under the business linked to HMRC is part of that one's figures.
    const business = chosen.foreign?.parentId
      ? ledger.businesses.get(chosen.foreign.parentId)
      : chosen;
    if (!isAnnualKind(business.kind)) {
      throw new AppError(
        'ANNUAL_NOT_SUPPORTED',
        'Ledgerlink does not prepare annual figures for this kind of business yet.',
        'Send them with other software, or through HMRC’s online services.',
      );
    }
    const kind: AnnualKind = business.kind;
    return { profile, ledger, business, kind, def: ANNUAL_DEFINITIONS[kind] };
  };

  const { recentCopy, readHmrc, heldExpenses, heldByEntry, before } = createHeldCopies(deps);

  const prepare: AnnualService['prepare'] = (ref) => {
    const { ledger, business, kind, def } = open(ref);
    const figures = fromEntries(ref.figures);
    const totals = ledger.totals.yearToDate(business.id, ref.taxYear);
    const held = heldExpenses(ref);
    const places = def.entries
      ? foreignAnnualEntries(ledger, business.id, ref.taxYear)
      : { entries: [], unplaced: [] };
    const heldEntries = def.entries ? heldByEntry({ ...ref, businessId: business.id }) : undefined;
    const checks = checkAnnualFigures(kind, figures, {
      taxYear: ref.taxYear,
      ledgerExpensesPence: totals.consolidated.chosen
        ? totals.consolidated.consolidatedPence
        : totals.expensesPence,
      ...(held !== undefined ? { cumulativeExpensesPence: held } : {}),
      ...(def.entries ? { entries: entriesContext(places, heldEntries) } : {}),
    });
    if (def.entries) checks.errors.push(...unknownEntries(def, places, figures, ref.taxYear));
    if (!business.hmrcBusinessId) {
      checks.errors.push({
        code: 'NO_HMRC_BUSINESS_ID',
        hmrcRule: false,
        message: 'This business has no HMRC business ID yet.',
        action: 'Refresh the profile from HMRC, then try again.',
      });
    }
    const body = checks.errors.some((e) => e.code === 'FORMAT_VALUE' || e.code === 'UNKNOWN_FIELD')
      ? {}
      : annualBody(kind, figures, ref.taxYear);
    const json = JSON.stringify(body);
    // The lines show what HMRC will receive, read back from the body itself.
    const sent = figuresFromBody(kind, body);
    const previous = before(ref, kind);
    // Per-entry kinds: every field of every entry in either column, named after its entry.
    const slots = def.entries
      ? entrySlots(def, places, [...Object.keys(sent), ...Object.keys(previous.figures)])
      : def.fields.map((f) => ({ f, key: f.key, label: f.label, hmrcField: f.hmrcPath.join('.') }));
    const lines: AnnualLine[] = slots
      .map(({ f, key, label, hmrcField }) => {
        const now = shown(f, sent[key]);
        const was = shown(f, previous.figures[key]);
        return {
          key,
          label: label.slice(0, 600),
          hmrcField: hmrcField.slice(0, 300),
          ...(now !== undefined ? { now } : {}),
          ...(was !== undefined ? { before: was } : {}),
          ...penceOf('nowPence', sent[f.key]),
          ...penceOf('beforePence', previous.figures[f.key]),
          changed: now !== was,
        };
      })
      .filter((l) => l.now !== undefined || l.before !== undefined);
    return {
      lines,
      comparedWith: previous.said,
      payloadJson: json,
      payloadHash: sha256Hex(json),
      errors: checks.errors.map(({ field: _f, ...issue }) => issue),
      warnings: checks.warnings.map(({ field: _f, ...issue }) => issue),
    };
  };

  const approveItem = (
    ref: AnnualRef,
    submission: 'annual' | 'annual-delete',
    payload: string,
    acknowledged: string[],
  ) => {
    const { profile, ledger, business, kind } = open(ref);
    if (!business.hmrcBusinessId) {
      throw new AppError(
        'NO_HMRC_BUSINESS_ID',
        'This business has no HMRC business ID yet.',
        'Refresh the profile from HMRC, then try again.',
      );
    }
    const from = taxYearStart(ref.taxYear);
    const to = taxYearEnd(ref.taxYear);
    const records = ledger.totals.recordsFingerprint(business.id, from, to);
    const item = createOutboxStore(ledger.database).approve(
      {
        businessId: business.id,
        hmrcBusinessId: business.hmrcBusinessId,
        kind,
        submission,
        taxYear: ref.taxYear,
        periodStart: from,
        periodEnd: to,
        payload,
        payloadHash: sha256Hex(payload),
        records: { ...records, from, to },
        acknowledged,
        approvedAt: nowIso(),
        approvedBy: deps.actorFor?.(profile) ?? profile.name,
      },
      nowIso(),
    );
    deps.logger.info('Annual submission approved into the outbox', {
      profileId: profile.id,
      outboxId: item.id,
      submission,
      taxYear: ref.taxYear,
      payloadHash: item.payloadHash,
    });
    return { outboxId: item.id, state: 'approved' as const };
  };

  return {
    async view(ref) {
      const { ledger, business, kind } = open(ref);
      const outbox = createOutboxStore(ledger.database);
      const log = createSubmissionLog(ledger.database);
      const latest = outbox.latestFor(business.id, ref.taxYear, ['annual', 'annual-delete']);
      const copy =
        ref.compareWithHmrc && business.hmrcBusinessId
          ? await readHmrc(ref, kind, business.hmrcBusinessId)
          : recentCopy(ref);
      const logged = log.latestFor(business.id, ref.taxYear, ['annual', 'annual-delete']);

      let figures: AnnualFigures = {};
      let figuresFrom: AnnualView['figuresFrom'] = 'none';
      let figuresNote = 'Nothing has been entered for this year yet.';
      if (
        latest &&
        latest.submission === 'annual' &&
        (WAITING as readonly string[]).includes(latest.state)
      ) {
        figures = figuresFromBody(kind, JSON.parse(latest.payload));
        figuresFrom = 'outbox';
        figuresNote = 'The figures you approved, waiting in the outbox to be sent.';
      } else if (copy?.annual?.status === 'found') {
        figures = copy.annual.figures;
        figuresFrom = 'hmrc';
        figuresNote = 'What HMRC holds now.';
      } else if (logged?.submission === 'annual' && copy?.annual?.status !== 'none') {
        figures = figuresFromBody(kind, JSON.parse(logged.payload));
        figuresFrom = 'submission-log';
        figuresNote = 'The figures HMRC last accepted from this computer.';
      }

      const from = taxYearStart(ref.taxYear);
      const to = taxYearEnd(ref.taxYear);
      const totals = ledger.totals.yearToDate(business.id, ref.taxYear);
      const expenses = totals.consolidated.chosen
        ? totals.consolidated.consolidatedPence
        : totals.expensesPence;
      const held = heldExpenses(ref);
      const allowance = incomeAllowanceAdvice(kind, held ?? expenses);
      const places = ANNUAL_DEFINITIONS[kind].entries
        ? foreignAnnualEntries(ledger, business.id, ref.taxYear)
        : undefined;
      return {
        profileId: ref.profileId,
        businessId: business.id,
        hmrcBusinessId: business.hmrcBusinessId,
        businessName: business.name.slice(0, 200),
        kind,
        taxYear: ref.taxYear,
        figures: toEntries(figures),
        figuresFrom,
        figuresNote,
        ...(places
          ? {
              entries: places.entries.map(({ key, label, places: names }) => ({
                key,
                label: label.slice(0, 500),
                places: names,
              })),
              unplaced: places.unplaced.map((n) => n.slice(0, 200)),
            }
          : {}),
        ...(copy
          ? {
              hmrc: {
                status: copy.unavailable ? 'unavailable' : (copy.annual?.status ?? 'none'),
                readAt: copy.readAt,
                ...(copy.unavailable ? { reason: copy.unavailable.slice(0, 2000) } : {}),
                ...(copy.annual?.status === 'found'
                  ? { figures: toEntries(copy.annual.figures) }
                  : {}),
              },
            }
          : {}),
        hints: {
          ledgerExpensesPence: expenses,
          ...(held !== undefined ? { cumulativeExpensesPence: held } : {}),
          incomeAllowanceCapPence: allowance.capPence,
          incomeAllowanceAdvice: allowance.advice,
          ...capitalCandidates(ledger, business.id, from, to),
        },
        ...(latest && latest.state !== 'superseded'
          ? {
              outbox: {
                id: latest.id,
                state: latest.state,
                submission: latest.submission === 'annual-delete' ? 'annual-delete' : 'annual',
                approvedAt: latest.approvedAt,
              },
            }
          : {}),
      };
    },

    prepare,

    approve(ref) {
      const review = prepare(ref);
      if (review.payloadHash !== ref.payloadHash) {
        throw new AppError(
          'UPDATE_CHANGED',
          'The annual figures changed after you reviewed them.',
          'Look at them again, then approve.',
        );
      }
      if (review.errors.length > 0) {
        throw new AppError(
          'UPDATE_HAS_ERRORS',
          `These annual figures cannot be approved: ${review.errors.map((e) => e.message).join(' ')}`.slice(
            0,
            2000,
          ),
          'Put the problems right, then review them again.',
        );
      }
      const missing = review.warnings.filter((w) => !ref.acknowledgedWarnings.includes(w.code));
      if (missing.length > 0) {
        throw new AppError(
          'WARNINGS_NOT_ACKNOWLEDGED',
          `Confirm you have seen every warning before approving: ${missing.map((w) => w.message).join(' ')}`.slice(
            0,
            2000,
          ),
          'Tick the box under each warning, then approve.',
        );
      }
      return approveItem(
        ref,
        'annual',
        review.payloadJson,
        review.warnings.map((w) => w.code),
      );
    },

    approveDelete(ref) {
      return approveItem(ref, 'annual-delete', '{}', []);
    },
  };
}

const penceOf = (name: 'nowPence' | 'beforePence', value: AnnualFigures[string] | undefined) =>
  typeof value === 'number' ? { [name]: value } : {};

function shown(
  f: (typeof ANNUAL_DEFINITIONS)[AnnualKind]['fields'][number],
  value: AnnualFigures[string] | undefined,
): string | undefined {
  if (value === undefined) return undefined;
  switch (f.value.type) {
    case 'money':
      return typeof value === 'number' ? formatPence(value) : String(value).slice(0, 100);
    case 'boolean':
      return value === true ? 'Yes' : 'No';
    case 'choice':
      return (f.value.options.find((o) => o.value === value)?.label ?? String(value)).slice(0, 100);
  }
}
