import type { BusinessKind } from '@shared/domain/business-kinds';
import { hmrcAmountToPence, penceToHmrcAmount } from '@shared/domain/money';
import type {
  LossActionResult,
  LossBusiness,
  LossClaim,
  LossesView,
} from '@shared/ipc/channels/year-end-losses';
import type { Clock } from '../../clock/clock';
import { lossesVersionFor } from '../../hmrc/endpoints/losses';
import { isHmrcError } from '../../hmrc/errors/hmrc-error';
import type { HmrcAccountClient } from '../../hmrc/hmrc-service';
import type { LossesAndClaimsRequest } from '../../hmrc/schemas/losses';
import { AppError } from '../../ipc/app-error';
import type { Logger } from '../../logging/logger';
import type { NetworkStatus } from '../../sync/network-status';
import type { SyncProfilesPort } from '../../sync/profile-sync';
import { createCalculationStore } from '../calculation/calculation-store';
import { lossOptions } from './loss-options';

export interface LossesServiceDeps {
  profiles: Pick<SyncProfilesPort, 'require' | 'ledger' | 'hmrcFor'>;
  network: NetworkStatus;
  clock: Clock;
  logger: Logger;
}

export interface LossRef {
  profileId: string;
  taxYear: string;
  hmrcBusinessId: string;
}

export interface LossesService {
  view(ref: { profileId: string; taxYear: string }): Promise<LossesView>;
  bringForward(
    ref: LossRef & { amountPence: number; fromTaxYear: string },
  ): Promise<LossActionResult>;
  claim(ref: LossRef & { claim: LossClaim; amountPence: number }): Promise<LossActionResult>;
}

const toPounds = penceToHmrcAmount;
const penceOf = (pounds: number | undefined) =>
  pounds === undefined ? 0 : hmrcAmountToPence(pounds);

/** HMRC answers 404 when it holds nothing for the year: an empty list, not an error. */
function emptyWhenNone(e: unknown): never[] {
  if (isHmrcError(e) && e.status === 404) return [];
  throw e;
}

/** The year before, `2025-26` → `2024-25`. */
function yearBefore(taxYear: string): string {
  const start = Number(taxYear.slice(0, 4)) - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** What HMRC's latest calculation of the year kept here says about each business. [IC def3|def4/calculation/businessProfitAndLoss.json] */
function calculationFigures(
  document: string,
): Map<string, NonNullable<LossBusiness['calculation']>> {
  const out = new Map<string, NonNullable<LossBusiness['calculation']>>();
  try {
    const doc = JSON.parse(document) as {
      metadata?: { calculationId?: string };
      calculation?: {
        businessProfitAndLoss?: {
          incomeSourceId?: string;
          taxableProfit?: number;
          netLoss?: number;
          adjustedIncomeTaxLoss?: number;
          broughtForwardIncomeTaxLossesUsed?: number;
        }[];
      };
    };
    for (const b of doc.calculation?.businessProfitAndLoss ?? []) {
      if (!b.incomeSourceId) continue;
      out.set(b.incomeSourceId, {
        calculationId: String(doc.metadata?.calculationId ?? ''),
        profitPence: penceOf(b.taxableProfit),
        lossPence: penceOf(b.adjustedIncomeTaxLoss ?? b.netLoss),
        broughtForwardUsedPence: penceOf(b.broughtForwardIncomeTaxLossesUsed),
      });
    }
  } catch {
    // A stored document that does not parse is shown as "no calculation", never trusted.
  }
  return out;
}

/**
 * Losses for a tax year. Reading and every action need HMRC; actions are sent straight away
 * (after the person confirmed on screen) and HMRC's answer is returned as it came. Individual
 * Losses 7.0 keeps one resource per business and year, replaced whole by each PUT, so an action
 * reads it first and changes only its own part.
 */
export function createLossesService(deps: LossesServiceDeps): LossesService {
  const online = (profileId: string) => {
    if (!deps.network.isOnline())
      throw new AppError(
        'OFFLINE',
        'This computer is offline, and losses are read from and sent to HMRC.',
        'Connect to the internet, then try again.',
      );
    return deps.profiles.hmrcFor(profileId);
  };

  const businessOf = (profileId: string, hmrcBusinessId: string) => {
    const business = deps.profiles.ledger(profileId).businesses.findByHmrcId(hmrcBusinessId);
    if (!business)
      throw new AppError(
        'NOT_FOUND',
        'That business is not in this profile.',
        'Refresh the profile from HMRC, then try again.',
      );
    return business;
  };

  /** The 7.0 resource as HMRC holds it, or `{}` when there is none yet. */
  const held7 = async (client: HmrcAccountClient, nino: string, ref: LossRef) => {
    try {
      const { data } = await client.losses.retrieveLossesAndClaims(
        nino,
        ref.hmrcBusinessId,
        ref.taxYear,
      );
      const { submittedOn: _ignored, ...rest } = data;
      return rest as LossesAndClaimsRequest;
    } catch (error) {
      if (isHmrcError(error) && error.status === 404) return {};
      throw error;
    }
  };

  const send = async (
    body: unknown,
    call: () => Promise<{ correlationId: string | undefined; data: unknown }>,
  ): Promise<LossActionResult> => {
    const sentAt = deps.clock.now().toISOString();
    const sent = JSON.stringify(body);
    try {
      const { correlationId, data } = await call();
      const id = (data as { lossId?: string; claimId?: string } | undefined) ?? {};
      const hmrcId = id.lossId ?? id.claimId;
      deps.logger.info('losses: HMRC accepted', { correlationId });
      return {
        outcome: 'accepted',
        sent,
        sentAt,
        ...(correlationId ? { correlationId } : {}),
        ...(hmrcId ? { hmrcId } : {}),
      };
    } catch (error) {
      // HMRC's refusal is the answer to show; anything else (offline, not linked) is an error.
      if (!isHmrcError(error) || error.status === undefined || error.status >= 500) throw error;
      return {
        outcome: 'refused',
        sent,
        sentAt,
        ...(error.correlationId ? { correlationId: error.correlationId } : {}),
        error: { code: error.code, message: error.message, action: error.action },
      };
    }
  };

  const typeOfLoss = (kind: BusinessKind) => kind;

  return {
    async view({ profileId, taxYear }) {
      const { client, nino } = online(profileId);
      const version = lossesVersionFor(taxYear);
      const ledger = deps.profiles.ledger(profileId);
      const latest = createCalculationStore(ledger.database).list(taxYear)[0];
      const figures = latest
        ? calculationFigures(latest.document)
        : new Map<string, NonNullable<LossBusiness['calculation']>>();
      const businesses = ledger.businesses.list().filter((b) => b.hmrcBusinessId !== null);
      const bfl6 =
        version === '6.0'
          ? await client.losses
              .listBroughtForwardLosses(nino, yearBefore(taxYear))
              .then((r) => r.data.losses)
              .catch(emptyWhenNone)
          : [];
      const claims6 =
        version === '6.0'
          ? await client.losses
              .listLossClaims(nino, taxYear)
              .then((r) => r.data.claims)
              .catch(emptyWhenNone)
          : [];
      const rows: LossBusiness[] = [];
      for (const b of businesses) {
        const id = b.hmrcBusinessId as string;
        let broughtForwardPence = 0;
        let claims: LossBusiness['claims'] = [];
        if (version === '7.0') {
          const held = await held7(client, nino, { profileId, taxYear, hmrcBusinessId: id });
          broughtForwardPence = penceOf(held.losses?.broughtForwardLosses);
          const c = held.claims ?? {};
          claims = [
            ...(c.carryForward?.currentYearLosses !== undefined
              ? [{ claim: 'carry-forward', amountPence: penceOf(c.carryForward.currentYearLosses) }]
              : []),
            ...(c.carrySideways?.currentYearGeneralIncome !== undefined
              ? [
                  {
                    claim: 'carry-sideways',
                    amountPence: penceOf(c.carrySideways.currentYearGeneralIncome),
                  },
                ]
              : []),
            ...(c.carryBack?.previousYearGeneralIncome !== undefined
              ? [
                  {
                    claim: 'carry-back',
                    amountPence: penceOf(c.carryBack.previousYearGeneralIncome),
                  },
                ]
              : []),
          ];
        } else {
          broughtForwardPence = bfl6
            .filter((l) => l.businessId === id && !l.typeOfLoss.endsWith('class4'))
            .reduce((t, l) => t + penceOf(l.lossAmount), 0);
          claims = claims6
            .filter((c) => c.businessId === id)
            .map((c) => ({ claim: c.typeOfClaim }));
        }
        const calculation = figures.get(id);
        rows.push({
          hmrcBusinessId: id,
          name: b.name,
          kind: b.kind,
          ...(calculation ? { calculation } : {}),
          broughtForwardPence,
          claims,
          options: lossOptions(b.kind, version),
        });
      }
      return {
        profileId,
        taxYear,
        apiVersion: version,
        readAt: deps.clock.now().toISOString(),
        businesses: rows,
      };
    },

    async bringForward(ref) {
      const { client, nino } = online(ref.profileId);
      const business = businessOf(ref.profileId, ref.hmrcBusinessId);
      if (lossesVersionFor(ref.taxYear) === '7.0') {
        const held = await held7(client, nino, ref);
        const body: LossesAndClaimsRequest = {
          ...held,
          losses: { broughtForwardLosses: toPounds(ref.amountPence) },
        };
        return send(body, () =>
          client.losses.createAmendLossesAndClaims(nino, ref.hmrcBusinessId, ref.taxYear, body),
        );
      }
      const body = {
        taxYearBroughtForwardFrom: ref.fromTaxYear,
        typeOfLoss: typeOfLoss(business.kind),
        businessId: ref.hmrcBusinessId,
        lossAmount: toPounds(ref.amountPence),
      };
      return send(body, () => client.losses.createBroughtForwardLoss(nino, body));
    },

    async claim(ref) {
      const { client, nino } = online(ref.profileId);
      const business = businessOf(ref.profileId, ref.hmrcBusinessId);
      const version = lossesVersionFor(ref.taxYear);
      const option = lossOptions(business.kind, version).find((o) => o.claim === ref.claim);
      if (option?.unavailable)
        throw new AppError(
          'CLAIM_NOT_AVAILABLE',
          option.unavailable,
          'Choose another way to use the loss.',
        );
      if (version === '7.0') {
        const held = await held7(client, nino, ref);
        const amount = toPounds(ref.amountPence);
        const claims = { ...held.claims };
        if (ref.claim === 'carry-forward')
          claims.carryForward = { ...claims.carryForward, currentYearLosses: amount };
        if (ref.claim === 'carry-sideways')
          claims.carrySideways = { currentYearGeneralIncome: amount };
        if (ref.claim === 'carry-back')
          claims.carryBack = { ...claims.carryBack, previousYearGeneralIncome: amount };
        // Both against general income: HMRC needs to know which comes first; this year first
        // is the usual choice and the one the screen explains. [IL RULE_MISSING_PREFERENCE_ORDER]
        if (claims.carrySideways && claims.carryBack?.previousYearGeneralIncome !== undefined)
          claims.preferenceOrder = { applyFirst: 'carry-sideways' };
        const body: LossesAndClaimsRequest = { ...held, claims };
        return send(body, () =>
          client.losses.createAmendLossesAndClaims(nino, ref.hmrcBusinessId, ref.taxYear, body),
        );
      }
      const body = {
        taxYearClaimedFor: ref.taxYear,
        typeOfLoss: typeOfLoss(business.kind),
        typeOfClaim:
          ref.claim === 'carry-sideways' ? ('carry-sideways' as const) : ('carry-forward' as const),
        businessId: ref.hmrcBusinessId,
      };
      return send(body, () => client.losses.createLossClaim(nino, body));
    },
  };
}
