import { hmrcAmountToPence, penceToHmrcAmount } from '@shared/domain/money';
import { taxYearEnd, taxYearStart } from '@shared/domain/tax-year';
import type {
  AdjustableSummary,
  AdjustmentResult,
  AdjustmentsView,
  IncomeSummary,
} from '@shared/ipc/channels/year-end-adjustments';
import type { Clock } from '../../clock/clock';
import {
  listAdjustableSummaries,
  retrieveAdjustableSummary,
  retrieveIncomeSourceSummary,
  submitAccountingAdjustments,
  triggerAdjustableSummary,
} from '../../hmrc/endpoints/adjustable-summary';
import { isHmrcError } from '../../hmrc/errors/hmrc-error';
import type { HmrcTransport } from '../../hmrc/hmrc-http-client';
import {
  PROPERTY_ADJUSTMENT_FIELDS,
  SE_ADJUSTMENT_FIELDS,
  type BissResponse,
  type BsasBusinessType,
} from '../../hmrc/schemas/adjustable-summary';
import { AppError } from '../../ipc/app-error';
import type { Logger } from '../../logging/logger';
import type { NetworkStatus } from '../../sync/network-status';
import type { SyncProfilesPort } from '../../sync/profile-sync';

export interface AdjustmentsServiceDeps {
  profiles: Pick<SyncProfilesPort, 'ledger' | 'hmrcFor'>;
  network: NetworkStatus;
  clock: Clock;
  logger: Logger;
}

export interface AdjustmentsRef {
  profileId: string;
  taxYear: string;
  hmrcBusinessId: string;
}

export interface AdjustmentsService {
  view(ref: AdjustmentsRef): Promise<AdjustmentsView>;
  trigger(ref: AdjustmentsRef): Promise<AdjustmentsView>;
  submit(
    ref: AdjustmentsRef & {
      calculationId: string;
      lines: { key: string; amountPence: number }[];
      reason: string;
    },
  ): Promise<AdjustmentResult>;
}

/** The lines HMRC lets each kind of business adjust, as `group.field`. [BSAS submit request schemas] */
export function adjustableLines(type: BsasBusinessType): string[] {
  const groups: Record<string, readonly string[]> =
    type === 'self-employment' ? SE_ADJUSTMENT_FIELDS : PROPERTY_ADJUSTMENT_FIELDS;
  return Object.entries(groups).flatMap(([group, fields]) =>
    fields
      .filter((f) => !(type === 'foreign-property' && f === 'reversePremiums'))
      .map((f) => `${group}.${f}`),
  );
}

/**
 * The request body for the lines: self-employment as is; UK property under `ukProperty`;
 * foreign property per country, each line keyed `FRA:income.totalRentsReceived`.
 * [BSAS submit_*_accounting_adjustments def2/def3 request.json]
 */
export function adjustmentBody(
  type: BsasBusinessType,
  lines: { key: string; amountPence: number }[],
): Record<string, unknown> {
  const allowed = new Set(adjustableLines(type));
  const groups = new Map<string, Record<string, Record<string, number>>>();
  for (const line of lines) {
    const [country, key] = type === 'foreign-property' ? line.key.split(':') : ['', line.key];
    if (
      !key ||
      !allowed.has(key) ||
      (type === 'foreign-property' && !/^[A-Z]{3}$/.test(country ?? ''))
    )
      throw new AppError(
        'ADJUSTMENT_NOT_KNOWN',
        `“${line.key}” is not a line HMRC lets you adjust for this business.`,
        'Choose one of the lines listed.',
      );
    const [group, field] = key.split('.') as [string, string];
    const holder = groups.get(country ?? '') ?? {};
    holder[group] = { ...holder[group], [field]: penceToHmrcAmount(line.amountPence) };
    groups.set(country ?? '', holder);
  }
  if (type === 'self-employment') return groups.get('') ?? {};
  if (type === 'uk-property') return { ukProperty: groups.get('') ?? {} };
  return {
    foreignProperty: {
      countryLevelDetail: [...groups.entries()].map(([countryCode, g]) => ({ countryCode, ...g })),
    },
  };
}

function incomeSummaryOf(data: BissResponse): IncomeSummary {
  const p = (v: number | undefined) => (v === undefined ? 0 : hmrcAmountToPence(v));
  return {
    incomePence: p(data.total.income),
    expensesPence: p(data.total.expenses),
    additionsPence: p(data.total.additions),
    deductionsPence: p(data.total.deductions),
    taxableProfitPence: p(data.profit?.taxable),
    taxableLossPence: p(data.loss?.taxable),
  };
}

/** The adjustable lines of a retrieved summary, flattened to `group.field` (per country for foreign). */
function linesOf(calc: Record<string, unknown>): AdjustableSummary['lines'] {
  const out: AdjustableSummary['lines'] = [];
  const walk = (holder: Record<string, unknown>, prefix: string) => {
    for (const group of ['income', 'expenses', 'additions']) {
      const g = holder[group];
      if (typeof g !== 'object' || g === null) continue;
      for (const [field, v] of Object.entries(g as Record<string, unknown>))
        if (typeof v === 'number')
          out.push({ key: `${prefix}${group}.${field}`, amountPence: hmrcAmountToPence(v) });
    }
  };
  const countries = calc.countryLevelDetail;
  if (Array.isArray(countries)) {
    for (const c of countries as Record<string, unknown>[])
      walk(c, `${typeof c.countryCode === 'string' ? c.countryCode : 'ZZZ'}:`);
  } else walk(calc, '');
  return out;
}

/**
 * Accounting adjustments: every read and send is online. A summary is adjusted once; a new one
 * (triggered again) supersedes it. The reason is the person's note of why, returned with HMRC's
 * answer and written to the log; HMRC's API has no field for it.
 */
export function createAdjustmentsService(deps: AdjustmentsServiceDeps): AdjustmentsService {
  const access = (ref: AdjustmentsRef) => {
    if (!deps.network.isOnline())
      throw new AppError(
        'OFFLINE',
        'This computer is offline, and accounting adjustments are read from and sent to HMRC.',
        'Connect to the internet, then try again.',
      );
    const business = deps.profiles
      .ledger(ref.profileId)
      .businesses.findByHmrcId(ref.hmrcBusinessId);
    if (!business)
      throw new AppError(
        'NOT_FOUND',
        'That business is not in this profile.',
        'Refresh the profile from HMRC, then try again.',
      );
    const { client, nino } = deps.profiles.hmrcFor(ref.profileId);
    return { t: client.transport, nino, business, type: business.kind };
  };

  const incomeSummary = async (
    t: HmrcTransport,
    nino: string,
    type: BsasBusinessType,
    ref: AdjustmentsRef,
  ) => {
    try {
      return incomeSummaryOf(
        (await retrieveIncomeSourceSummary(t, nino, type, ref.taxYear, ref.hmrcBusinessId)).data,
      );
    } catch (error) {
      // No updates for the year, or nothing found: there is no running summary yet.
      if (isHmrcError(error) && (error.status === 404 || error.status === 400)) return undefined;
      throw error;
    }
  };

  const view = async (ref: AdjustmentsRef): Promise<AdjustmentsView> => {
    const { t, nino, business, type } = access(ref);
    const before = await incomeSummary(t, nino, type, ref);
    let summary: AdjustableSummary | undefined;
    try {
      const list = await listAdjustableSummaries(t, nino, ref.taxYear, {
        businessId: ref.hmrcBusinessId,
      });
      const latest = list.data.businessSources.flatMap((s) => s.summaries)[0];
      if (latest) {
        const { data } = await retrieveAdjustableSummary(
          t,
          nino,
          type,
          latest.calculationId,
          ref.taxYear,
        );
        const adjustable = data.adjustableSummaryCalculation;
        const adjusted = data.adjustedSummaryCalculation;
        summary = {
          calculationId: latest.calculationId,
          status:
            (['valid', 'invalid', 'superseded'] as const).find(
              (s) => s === data.metadata.summaryStatus,
            ) ?? 'invalid',
          adjusted: latest.adjustedSummary,
          lines: linesOf(adjustable),
          taxableProfitPence: hmrcAmountToPence(adjustable.taxableProfit ?? 0),
          ...(latest.adjustedSummary && adjusted
            ? { adjustedTaxableProfitPence: hmrcAmountToPence(adjusted.taxableProfit ?? 0) }
            : {}),
        };
      }
    } catch (error) {
      if (!(isHmrcError(error) && error.status === 404)) throw error;
    }
    return {
      profileId: ref.profileId,
      taxYear: ref.taxYear,
      hmrcBusinessId: ref.hmrcBusinessId,
      businessName: business.name,
      readAt: deps.clock.now().toISOString(),
      adjustable: adjustableLines(type),
      ...(before ? { incomeSummary: before } : {}),
      ...(summary ? { summary } : {}),
    };
  };

  return {
    view,
    async trigger(ref) {
      const { t, nino, type } = access(ref);
      await triggerAdjustableSummary(t, nino, {
        accountingPeriod: {
          startDate: taxYearStart(ref.taxYear),
          endDate: taxYearEnd(ref.taxYear),
        },
        typeOfBusiness: type,
        businessId: ref.hmrcBusinessId,
      });
      return view(ref);
    },
    async submit(ref) {
      const { t, nino, type } = access(ref);
      const body = adjustmentBody(type, ref.lines);
      const before = await incomeSummary(t, nino, type, ref);
      const sentAt = deps.clock.now().toISOString();
      const base = {
        sent: JSON.stringify(body),
        sentAt,
        reason: ref.reason,
        ...(before ? { before } : {}),
      };
      try {
        const { correlationId } = await submitAccountingAdjustments(
          t,
          nino,
          type,
          ref.calculationId,
          ref.taxYear,
          body,
        );
        deps.logger.info('adjustments: HMRC accepted', { correlationId, reason: ref.reason });
        const after = await incomeSummary(t, nino, type, ref);
        return {
          outcome: 'accepted',
          ...base,
          ...(correlationId ? { correlationId } : {}),
          ...(after ? { after } : {}),
        };
      } catch (error) {
        if (!isHmrcError(error) || error.status === undefined || error.status >= 500) throw error;
        return {
          outcome: 'refused',
          ...base,
          ...(error.correlationId ? { correlationId: error.correlationId } : {}),
          error: { code: error.code, message: error.message, action: error.action },
        };
      }
    },
  };
}
