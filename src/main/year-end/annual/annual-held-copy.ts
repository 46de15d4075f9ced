import type { AnnualFigures, AnnualKind } from '@shared/domain/annual-fields';
import { figuresFromBody } from '@shared/domain/annual-payload';
import { formatUkDate } from '@shared/domain/tax-year';
import type { Clock } from '../../clock/clock';
import { getAnnualSubmission } from '../../hmrc/endpoints/annual-submission';
import { isHmrcError } from '../../hmrc/errors/hmrc-error';
import { AppError } from '../../ipc/app-error';
import type { NetworkStatus } from '../../sync/network-status';
import type { SyncProfilesPort } from '../../sync/profile-sync';
import { createSubmissionLog } from '../../sync/submission-log';
import { expensesInCumulative } from './annual-hints';
import { cumulativeExpensesByEntry } from './foreign-entries';

/**
 * What HMRC holds for a business's year (its annual figures and the expenses in its cumulative
 * update), read when the person asks and kept for ten minutes; otherwise what HMRC last accepted
 * from this computer, from the submission log. Offline or refused, it says why instead.
 */

interface Ref {
  profileId: string;
  businessId: number;
  taxYear: string;
}

/** What HMRC held when last asked, kept for the screen's session (a few minutes). */
const COPY_TTL_MS = 10 * 60_000;

export interface HeldCopy {
  readAt: string;
  annual: { status: 'found'; figures: AnnualFigures } | { status: 'none' } | undefined;
  cumulativeExpensesPence?: number;
  /** Foreign property: the same, per country or property id. */
  cumulativeByEntry?: Record<string, number>;
  unavailable?: string;
}

export function createHeldCopies(deps: {
  profiles: Pick<SyncProfilesPort, 'ledger' | 'hmrcFor'>;
  network: NetworkStatus;
  clock: Clock;
}) {
  const copies = new Map<string, HeldCopy>();
  const keyOf = (ref: Ref) => `${ref.profileId}|${ref.businessId}|${ref.taxYear}`;
  const nowIso = () => deps.clock.now().toISOString();

  const recentCopy = (ref: Ref): HeldCopy | undefined => {
    const copy = copies.get(keyOf(ref));
    if (!copy) return undefined;
    return deps.clock.now().getTime() - Date.parse(copy.readAt) < COPY_TTL_MS ? copy : undefined;
  };

  const readHmrc = async (
    ref: Ref,
    kind: AnnualKind,
    hmrcBusinessId: string,
  ): Promise<HeldCopy> => {
    const readAt = nowIso();
    if (!deps.network.isOnline()) {
      return { readAt, annual: undefined, unavailable: 'This computer is offline.' };
    }
    try {
      const { client, nino } = deps.profiles.hmrcFor(ref.profileId);
      const copy: HeldCopy = { readAt, annual: undefined };
      try {
        const held = await getAnnualSubmission(
          client.transport,
          kind,
          nino,
          hmrcBusinessId,
          ref.taxYear,
        );
        copy.annual = { status: 'found', figures: figuresFromBody(kind, held.data) };
      } catch (error) {
        if (!isHmrcError(error) || error.status !== 404) throw error;
        copy.annual = { status: 'none' };
      }
      try {
        const api = {
          'self-employment': client.selfEmployment,
          'uk-property': client.ukProperty,
          'foreign-property': client.foreignProperty,
        }[kind];
        const cumulative = await api.getCumulative(nino, hmrcBusinessId, ref.taxYear);
        copy.cumulativeExpensesPence = expensesInCumulative(cumulative.data);
        if (kind === 'foreign-property')
          copy.cumulativeByEntry = cumulativeExpensesByEntry(cumulative.data);
      } catch (error) {
        if (!isHmrcError(error) || error.status !== 404) throw error;
        copy.cumulativeExpensesPence = 0;
        copy.cumulativeByEntry = {};
      }
      copies.set(keyOf(ref), copy);
      return copy;
    } catch (error) {
      return {
        readAt,
        annual: undefined,
        unavailable: error instanceof AppError ? error.message : 'HMRC could not be asked.',
      };
    }
  };

  /** Expenses in the year's cumulative update as HMRC holds it (copy) or last accepted it (log). */
  const heldExpenses = (ref: Ref): number | undefined => {
    const copy = recentCopy(ref);
    if (copy?.cumulativeExpensesPence !== undefined) return copy.cumulativeExpensesPence;
    const logged = createSubmissionLog(deps.profiles.ledger(ref.profileId).database).latestFor(
      ref.businessId,
      ref.taxYear,
    );
    return logged ? expensesInCumulative(JSON.parse(logged.payload)) : undefined;
  };

  /** Foreign property: the same per country or property id. */
  const heldByEntry = (ref: Ref): Record<string, number> | undefined => {
    const copy = recentCopy(ref);
    if (copy?.cumulativeByEntry) return copy.cumulativeByEntry;
    const logged = createSubmissionLog(deps.profiles.ledger(ref.profileId).database).latestFor(
      ref.businessId,
      ref.taxYear,
    );
    return logged ? cumulativeExpensesByEntry(JSON.parse(logged.payload)) : undefined;
  };

  /** The "before" of the review: HMRC's copy when recent, else the last annual receipt. */
  const before = (ref: Ref, kind: AnnualKind): { figures: AnnualFigures; said: string } => {
    const copy = recentCopy(ref);
    if (copy?.annual?.status === 'found') {
      return {
        figures: copy.annual.figures,
        said: `What HMRC holds now (read ${copy.readAt.slice(11, 16)} UTC).`,
      };
    }
    if (copy?.annual?.status === 'none') {
      return { figures: {}, said: 'HMRC holds no annual figures for this business and year yet.' };
    }
    const log = createSubmissionLog(deps.profiles.ledger(ref.profileId).database);
    const logged = log.latestFor(ref.businessId, ref.taxYear, ['annual', 'annual-delete']);
    if (logged?.submission === 'annual') {
      return {
        figures: figuresFromBody(kind, JSON.parse(logged.payload)),
        said: `The annual figures HMRC accepted from this computer on ${formatUkDate(logged.recordedAt.slice(0, 10))}.`,
      };
    }
    return {
      figures: {},
      said: 'No annual figures for this business and year were sent from this computer.',
    };
  };

  return { recentCopy, readHmrc, heldExpenses, heldByEntry, before };
}
