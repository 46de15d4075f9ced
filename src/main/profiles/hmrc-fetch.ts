import type { ItsaStatusRecord } from '@shared/domain/itsa-status';
import {
  compareTaxYears,
  taxYearEnd,
  taxYearOf,
  taxYearStart,
  type IsoDate,
} from '@shared/domain/tax-year';
import type { Authorisation } from '@shared/ipc/channels/profiles';
import { isHmrcError } from '../hmrc/errors/hmrc-error';
import type { HmrcAccountClient } from '../hmrc/hmrc-service';
import type { ListBusinessesResponse } from '../hmrc/schemas/business-details';
import type { IncomeAndExpenditureResponse } from '../hmrc/schemas/obligations';
import { authorised, refusalFrom } from './authorisation';
import { fetchItsaStatuses } from './itsa-status';
import type { CachedBusiness, CachedObligation } from './hmrc-cache';

/** The HMRC calls a profile needs; every one goes through the app's one HMRC client (issue 5). */
export type ProfileHmrcClient = Pick<
  HmrcAccountClient,
  'kind' | 'businessDetails' | 'obligations' | 'individualDetails' | 'foreignProperty'
>;

/** A property of a foreign property business, as HMRC's Foreign Property Details lists it. */
export interface ForeignPropertyDetail {
  hmrcPropertyId: string;
  name: string;
  countryCode: string;
}

export type HmrcAnswer =
  | {
      kind: 'answer';
      authorisation: Authorisation;
      /** Present for a full fetch (Business Details); absent for obligations only. */
      businesses?: CachedBusiness[];
      /** Fetched with the businesses from 2026-27: each foreign property business's properties. */
      foreignProperties?: Record<string, ForeignPropertyDetail[]>;
      /** Fetched with the businesses: whether quarterly updates are due at all (§5.1). */
      itsaStatuses?: ItsaStatusRecord[];
      obligations: CachedObligation[];
      correlationId?: string;
    }
  | { kind: 'refused'; authorisation: Authorisation };

/** HMRC's "nothing found" for an obligations query means no obligations, not a failure. */
const NOTHING_FOUND = new Set(['NO_OBLIGATIONS_FOUND', 'MATCHING_RESOURCE_NOT_FOUND', 'NOT_FOUND']);

async function orEmpty<T>(call: Promise<T>, empty: T): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (isHmrcError(error) && error.status === 404 && NOTHING_FOUND.has(error.code)) return empty;
    throw error;
  }
}

/**
 * The lightweight authorisation check: List All Businesses (reference §3.4). A refusal is an
 * answer, not an error; anything else (offline, HMRC busy, sign-in expired) is thrown.
 */
export async function checkWithHmrc(
  client: ProfileHmrcClient,
  nino: string,
  checkedAt: string,
): Promise<
  | { kind: 'authorised'; list: ListBusinessesResponse; authorisation: Authorisation }
  | { kind: 'refused'; authorisation: Authorisation }
> {
  try {
    const result = await client.businessDetails.list(nino);
    return {
      kind: 'authorised',
      list: result.data,
      authorisation: authorised(checkedAt, result.correlationId),
    };
  } catch (error) {
    const refusal = refusalFrom(error, { accountKind: client.kind, nino, checkedAt });
    if (refusal) return { kind: 'refused', authorisation: refusal };
    throw error;
  }
}

/** HMRC's income-and-expenditure groups as the cached quarterly obligations. */
export function quarterlyObligations(
  groups: IncomeAndExpenditureResponse['obligations'],
): CachedObligation[] {
  return groups.flatMap((group) =>
    group.obligationDetails.map((d): CachedObligation => ({
      kind: 'quarterly',
      hmrcBusinessId: group.businessId,
      typeOfBusiness: group.typeOfBusiness,
      periodStart: d.periodStartDate,
      periodEnd: d.periodEndDate,
      dueDate: d.dueDate,
      status: d.status === 'fulfilled' ? 'fulfilled' : 'open',
      ...(d.receivedDate ? { receivedDate: d.receivedDate } : {}),
    })),
  );
}

/**
 * One tax year's quarterly obligations, open and fulfilled, in ONE request: what a sync can
 * change. Nothing else (businesses, earlier years, final declarations) moves when an update is
 * accepted, so the rest of the cached answer stays as the last full check left it.
 */
export async function fetchYearObligations(
  client: Pick<ProfileHmrcClient, 'obligations'>,
  nino: string,
  taxYear: string,
): Promise<{ obligations: CachedObligation[]; correlationId?: string }> {
  const answer = await orEmpty(
    client.obligations.incomeAndExpenditure(nino, {
      fromDate: taxYearStart(taxYear),
      toDate: taxYearEnd(taxYear),
    }),
    { data: { obligations: [] }, correlationId: undefined, status: 200 },
  );
  return {
    obligations: quarterlyObligations(answer.data.obligations),
    ...(answer.correlationId ? { correlationId: answer.correlationId } : {}),
  };
}

/**
 * The cached obligations with one tax year's quarterly ones replaced by HMRC's fresh answer;
 * final declarations and other years are kept. Sorted by due date as a full fetch sorts them.
 */
export function mergeYearObligations(
  cached: readonly CachedObligation[],
  fresh: readonly CachedObligation[],
  taxYear: string,
): CachedObligation[] {
  const from = taxYearStart(taxYear);
  const to = taxYearEnd(taxYear);
  const inYear = (o: CachedObligation) =>
    o.kind === 'quarterly' && o.periodStart >= from && o.periodStart <= to;
  return [...cached.filter((o) => !inYear(o)), ...fresh.filter(inYear)].sort(
    (a, b) => a.dueDate.localeCompare(b.dueDate) || a.periodStart.localeCompare(b.periodStart),
  );
}

const key = (o: CachedObligation) =>
  `${o.kind}|${o.hmrcBusinessId ?? ''}|${o.periodStart}|${o.periodEnd}`;

/**
 * Businesses (full fetch only) and obligations: every open obligation of any year, this tax
 * year's fulfilled ones (they decide whether the calendar-quarter choice is still open,
 * reference §5.2), and open final declarations. Due dates are HMRC's own.
 */
export async function fetchFromHmrc(
  client: ProfileHmrcClient,
  nino: string,
  options: { full: boolean; today: IsoDate; checkedAt: string },
): Promise<HmrcAnswer> {
  const check = await checkWithHmrc(client, nino, options.checkedAt);
  if (check.kind === 'refused') return check;

  const taxYear = taxYearOf(options.today);
  const empty = { data: { obligations: [] }, correlationId: undefined, status: 200 };
  const open = await orEmpty(
    client.obligations.incomeAndExpenditure(nino, { status: 'open' }),
    empty,
  );
  const thisYear = options.full
    ? await orEmpty(
        client.obligations.incomeAndExpenditure(nino, {
          fromDate: taxYearStart(taxYear),
          toDate: taxYearEnd(taxYear),
        }),
        empty,
      )
    : empty;
  const finals = await orEmpty(
    client.obligations.finalDeclaration(nino, { status: 'open' }),
    empty,
  );

  const obligations = new Map<string, CachedObligation>();
  for (const o of quarterlyObligations([...open.data.obligations, ...thisYear.data.obligations]))
    obligations.set(key(o), o);
  for (const d of finals.data.obligations) {
    const o: CachedObligation = {
      kind: 'final-declaration',
      periodStart: d.periodStartDate,
      periodEnd: d.periodEndDate,
      dueDate: d.dueDate,
      status: d.status,
      ...(d.receivedDate ? { receivedDate: d.receivedDate } : {}),
    };
    obligations.set(key(o), o);
  }

  let businesses: CachedBusiness[] | undefined;
  if (options.full) {
    businesses = [];
    for (const listed of check.list.listOfBusinesses) {
      const base: CachedBusiness = {
        hmrcBusinessId: listed.businessId.toUpperCase(),
        typeOfBusiness: listed.typeOfBusiness,
        ...(listed.tradingName ? { tradingName: listed.tradingName } : {}),
      };
      const details = await orEmpty(
        client.businessDetails.retrieve(nino, base.hmrcBusinessId).then((r) => r.data),
        undefined,
      );
      if (!details) {
        businesses.push(base);
        continue;
      }
      const period = details.accountingPeriods?.at(-1);
      const choice = details.quarterlyTypeChoice;
      const latency = details.latencyDetails;
      businesses.push({
        ...base,
        ...(details.tradingName ? { tradingName: details.tradingName } : {}),
        ...(details.commencementDate ? { commencementDate: details.commencementDate } : {}),
        ...(details.cessationDate ? { cessationDate: details.cessationDate } : {}),
        ...(choice?.quarterlyPeriodType ? { periodType: choice.quarterlyPeriodType } : {}),
        ...(choice?.taxYearOfChoice ? { periodTypeTaxYear: choice.taxYearOfChoice } : {}),
        ...(period ? { accountingPeriod: { start: period.start, end: period.end } } : {}),
        ...(latency
          ? {
              latency: [
                { taxYear: latency.taxYear1, indicator: latency.latencyIndicator1 },
                { taxYear: latency.taxYear2, indicator: latency.latencyIndicator2 },
              ].map((y) => ({
                taxYear: y.taxYear,
                reports: y.indicator === 'A' ? ('annual' as const) : ('quarterly' as const),
              })),
            }
          : {}),
      });
    }
  }

  const foreignProperties = businesses
    ? await fetchForeignProperties(client, nino, businesses, taxYear)
    : undefined;

  const itsaStatuses = options.full
    ? await fetchItsaStatuses(client, nino, options.today)
    : undefined;

  return {
    kind: 'answer',
    authorisation: check.authorisation,
    ...(businesses ? { businesses } : {}),
    ...(foreignProperties ? { foreignProperties } : {}),
    ...(itsaStatuses ? { itsaStatuses } : {}),
    obligations: [...obligations.values()].sort(
      (a, b) => a.dueDate.localeCompare(b.dueDate) || a.periodStart.localeCompare(b.periodStart),
    ),
    ...(check.authorisation.correlationId
      ? { correlationId: check.authorisation.correlationId }
      : {}),
  };
}

/** From 2026-27 HMRC takes foreign property figures per property id [PB foreign_property_details_retrieve.yaml]. */
const FIRST_PER_PROPERTY_TAX_YEAR = '2026-27';

/**
 * Each foreign property business's properties for this tax year (Retrieve Foreign Property
 * Details), so the records can be kept per property. A convenience: when HMRC cannot say, the
 * person enters the property here instead, so a failure never stops the refresh.
 */
async function fetchForeignProperties(
  client: ProfileHmrcClient,
  nino: string,
  businesses: readonly CachedBusiness[],
  taxYear: string,
): Promise<Record<string, ForeignPropertyDetail[]> | undefined> {
  if (compareTaxYears(taxYear, FIRST_PER_PROPERTY_TAX_YEAR) < 0) return undefined;
  const found: Record<string, ForeignPropertyDetail[]> = {};
  for (const b of businesses) {
    if (b.typeOfBusiness !== 'foreign-property') continue;
    try {
      const answer = await client.foreignProperty.details(nino, b.hmrcBusinessId, taxYear);
      found[b.hmrcBusinessId] = (answer.data.foreignPropertyDetails ?? []).flatMap((d) =>
        d.countryCode && !d.endDate
          ? [
              {
                hmrcPropertyId: d.propertyId,
                name: d.propertyName ?? `Property in ${d.countryCode}`,
                countryCode: d.countryCode,
              },
            ]
          : [],
      );
    } catch {
      // Not listed (none created yet, or HMRC unavailable): the person can add properties here.
    }
  }
  return found;
}
