import {
  cashBasisCheck,
  consequencesOf,
  type AccountingType,
} from '@shared/domain/accounting-type';
import { addDays, compareIsoDates, taxYearEnd, ukDateOf } from '@shared/domain/tax-year';
import type {
  BusinessFacts,
  BusinessFactsView,
} from '@shared/ipc/channels/year-end-business-facts';
import type { Clock } from '../../clock/clock';
import {
  disapplyLateAccountingDateRule,
  retrieveAccountingType,
  retrieveLateAccountingDateRule,
  retrievePeriodsOfAccount,
  updateAccountingType,
  withdrawLateAccountingDateRule,
} from '../../hmrc/endpoints/business-facts';
import { isHmrcError } from '../../hmrc/errors/hmrc-error';
import {
  accountingTypeFromHmrc,
  accountingTypeRequest,
  lateAccountingDateRuleFromHmrc,
  periodsOfAccountFromHmrc,
} from '../../hmrc/mappers/business-facts';
import { AppError } from '../../ipc/app-error';
import type { Business } from '../../ledger';
import type { Logger } from '../../logging/logger';
import type { NetworkStatus } from '../../sync/network-status';
import type { SyncProfilesPort } from '../../sync/profile-sync';
import { amendmentWindowEnd } from '../declaration/declaration-gate';
import {
  accountingTypeRefusal,
  lateAccountingDateRuleFact,
  windowClosed,
  type YearFacts,
} from './facts-rules';

export interface BusinessFactsRef {
  profileId: string;
  taxYear: string;
  businessId: number;
}

export interface BusinessFactsService {
  view(ref: {
    profileId: string;
    taxYear: string;
    businessId?: number;
  }): Promise<BusinessFactsView>;
  setAccountingType(
    ref: BusinessFactsRef & { accountingType: AccountingType },
  ): Promise<BusinessFactsView>;
  disapplyLateAccountingDateRule(ref: BusinessFactsRef): Promise<BusinessFactsView>;
  withdrawLateAccountingDateRule(ref: BusinessFactsRef): Promise<BusinessFactsView>;
}

export interface BusinessFactsDeps {
  profiles: Pick<SyncProfilesPort, 'require' | 'ledger' | 'hmrcFor'>;
  network: NetworkStatus;
  clock: Clock;
  logger: Logger;
}

/** What an HMRC error says, for a fact that could not be read. */
const reasonOf = (e: unknown): string =>
  e instanceof AppError ? `${e.message} ${e.action}`.trim() : 'HMRC did not answer as expected.';

/**
 * The business facts for a year (Business Details 2.0; reference §5.5, §5.6): what HMRC holds
 * for a business's accounting type, periods of account and late accounting date rule, read
 * when asked, with what the person may change and why not. Each change is checked here first
 * (who acts, the amendment window, the property cash-basis limit, the rule's own conditions),
 * so a refusal is said before anything is sent; then it goes to HMRC straight away (each call
 * is idempotent) and the facts are read again.
 */
export function createBusinessFactsService(deps: BusinessFactsDeps): BusinessFactsService {
  const yearOf = (profileId: string, taxYear: string): YearFacts & { today: string } => {
    const profile = deps.profiles.require(profileId);
    const today = ukDateOf(deps.clock.now());
    const windowEnd = amendmentWindowEnd(taxYear);
    return {
      taxYear,
      today,
      yearEnded: compareIsoDates(today, taxYearEnd(taxYear)) > 0,
      windowEnd,
      withinWindow: compareIsoDates(today, windowEnd) <= 0,
      role: profile.kind === 'client' ? profile.agentRole : undefined,
    };
  };

  const receiptsOf = (profileId: string, business: Business, taxYear: string): number =>
    deps.profiles.ledger(profileId).totals.yearToDate(business.id, taxYear).incomePence;

  /** The HMRC client and ids for a change, or why nothing can be sent. */
  const connection = (profileId: string, business: Business) => {
    if (!business.hmrcBusinessId) {
      throw new AppError(
        'NOT_LINKED_BUSINESS',
        'This business is not linked to HMRC’s record of it yet, so nothing was sent.',
        'Refresh the profile from HMRC on its page, then try again.',
      );
    }
    if (!deps.network.isOnline()) {
      throw new AppError(
        'OFFLINE',
        'This computer is offline, so nothing was sent to HMRC.',
        'Connect to the internet, then try again.',
      );
    }
    const { client, nino } = deps.profiles.hmrcFor(profileId);
    return { transport: client.transport, nino, hmrcId: business.hmrcBusinessId };
  };

  const factsOf = async (
    profileId: string,
    business: Business,
    year: YearFacts & { today: string },
  ): Promise<BusinessFacts> => {
    const selfEmployment = business.kind === 'self-employment';
    const cash = cashBasisCheck(business.kind, receiptsOf(profileId, business, year.taxYear));
    const common = {
      businessId: business.id,
      name: business.name.slice(0, 200),
      kind: business.kind,
      readAt: deps.clock.now().toISOString(),
      cashBasis: cash,
      consequences: { cash: consequencesOf('cash'), accruals: consequencesOf('accruals') },
    };
    const seOnly = {
      status: 'not-applicable' as const,
      reason: 'HMRC keeps this for self-employment only.',
    };
    let offline: string | undefined;
    if (!business.hmrcBusinessId)
      offline =
        'This business is not linked to HMRC’s record of it yet. Refresh the profile from HMRC on its page.';
    else if (!deps.network.isOnline())
      offline = 'This computer is offline. Connect to the internet to see what HMRC holds.';
    const refusal = accountingTypeRefusal(year);
    if (offline) {
      const unavailable = { status: 'unavailable' as const, reason: offline };
      return {
        ...common,
        accountingType: refusal ? { status: 'refused', reason: refusal } : unavailable,
        periodsOfAccount: selfEmployment ? unavailable : seOnly,
        lateAccountingDateRule: selfEmployment ? unavailable : seOnly,
      };
    }
    const { transport, nino, hmrcId } = connection(profileId, business);
    const [accounting, periods, ladr] = await Promise.all([
      refusal
        ? Promise.resolve({ status: 'refused' as const, reason: refusal })
        : retrieveAccountingType(transport, nino, hmrcId, year.taxYear).then(
            (r): BusinessFacts['accountingType'] => {
              const closed = windowClosed(year);
              return {
                status: 'known',
                value: accountingTypeFromHmrc(r.data.accountingType),
                changeable: closed === undefined,
                ...(closed ? { notChangeableReason: closed } : {}),
              };
            },
            (e: unknown) => ({ status: 'unavailable' as const, reason: reasonOf(e) }),
          ),
      !selfEmployment
        ? Promise.resolve(seOnly)
        : retrievePeriodsOfAccount(transport, nino, hmrcId, year.taxYear).then(
            (r): BusinessFacts['periodsOfAccount'] => ({
              status: 'found',
              ...periodsOfAccountFromHmrc(r.data),
            }),
            (e: unknown): BusinessFacts['periodsOfAccount'] =>
              isHmrcError(e) && e.status === 404
                ? { status: 'none' }
                : { status: 'unavailable', reason: reasonOf(e) },
          ),
      !selfEmployment
        ? Promise.resolve(seOnly)
        : retrieveLateAccountingDateRule(transport, nino, hmrcId, year.taxYear).then(
            (r): BusinessFacts['lateAccountingDateRule'] =>
              lateAccountingDateRuleFact(
                lateAccountingDateRuleFromHmrc(r.data),
                year,
                addDays(taxYearEnd(year.taxYear), 1),
              ),
            (e: unknown) => ({ status: 'unavailable' as const, reason: reasonOf(e) }),
          ),
    ]);
    return {
      ...common,
      accountingType: accounting,
      periodsOfAccount: periods,
      lateAccountingDateRule: ladr,
    };
  };

  const view = async (
    ref: { profileId: string; taxYear: string; businessId?: number },
    done?: string,
  ): Promise<BusinessFactsView> => {
    const year = yearOf(ref.profileId, ref.taxYear);
    const ledger = deps.profiles.ledger(ref.profileId);
    const businesses = ledger.businesses.list();
    const chosenId = ref.businessId ?? (businesses.length === 1 ? businesses[0]?.id : undefined);
    const chosen = chosenId === undefined ? undefined : ledger.businesses.get(chosenId);
    return {
      profileId: ref.profileId,
      taxYear: ref.taxYear,
      today: year.today,
      yearEnded: year.yearEnded,
      businesses: businesses.map((b) => ({
        id: b.id,
        name: b.name.slice(0, 200),
        linked: b.hmrcBusinessId !== null,
      })),
      ...(chosen ? { facts: await factsOf(ref.profileId, chosen, year) } : {}),
      ...(done ? { done } : {}),
    };
  };

  /** The business, its year, and the HMRC connection, once every local rule has passed. */
  const prepareChange = (ref: BusinessFactsRef) => {
    const year = yearOf(ref.profileId, ref.taxYear);
    const business = deps.profiles.ledger(ref.profileId).businesses.get(ref.businessId);
    const closed = windowClosed(year);
    if (closed)
      throw new AppError(
        'RULE_OUTSIDE_AMENDMENT_WINDOW',
        `${closed} Nothing was sent.`,
        'No action is needed.',
      );
    return { year, business };
  };

  const ladrChange = async (ref: BusinessFactsRef, how: 'disapply' | 'withdraw') => {
    const { year, business } = prepareChange(ref);
    if (business.kind !== 'self-employment') {
      throw new AppError(
        'LADR_NOT_APPLICABLE',
        'The late accounting date rule applies to self-employment only. Nothing was sent.',
        'No action is needed for this business.',
      );
    }
    const { transport, nino, hmrcId } = connection(ref.profileId, business);
    const held = await retrieveLateAccountingDateRule(transport, nino, hmrcId, ref.taxYear);
    const fact = lateAccountingDateRuleFact(
      lateAccountingDateRuleFromHmrc(held.data),
      year,
      addDays(taxYearEnd(ref.taxYear), 1),
    );
    const allowed = how === 'disapply' ? fact.canDisapply : fact.canWithdraw;
    if (!allowed) {
      throw new AppError(
        'LADR_NOT_APPLICABLE',
        `${fact.why ?? (how === 'disapply' ? 'The rule is already disapplied for this year.' : 'There is no election made for this year to withdraw.')} Nothing was sent.`,
        'No action is needed.',
      );
    }
    const result =
      how === 'disapply'
        ? await disapplyLateAccountingDateRule(transport, nino, hmrcId, ref.taxYear)
        : await withdrawLateAccountingDateRule(transport, nino, hmrcId, ref.taxYear);
    deps.logger.info('late accounting date rule changed', {
      how,
      taxYear: ref.taxYear,
      correlationId: result.correlationId,
    });
    return view(
      ref,
      how === 'disapply'
        ? `HMRC now holds that the late accounting date rule is disapplied for ${ref.taxYear}.`
        : `HMRC now holds that the late accounting date rule applies again for ${ref.taxYear}.`,
    );
  };

  return {
    view: (ref) => view(ref),
    async setAccountingType(ref) {
      const { year, business } = prepareChange(ref);
      const refusal = accountingTypeRefusal(year);
      if (refusal)
        throw new AppError(
          'ACCOUNTING_TYPE_REFUSED',
          `${refusal} Nothing was sent.`,
          'No action is needed here.',
        );
      if (ref.accountingType === 'cash') {
        const check = cashBasisCheck(
          business.kind,
          receiptsOf(ref.profileId, business, ref.taxYear),
        );
        if (!check.allowed) {
          throw new AppError(
            'CASH_BASIS_NOT_ALLOWED',
            `${check.reason} Nothing was sent.`,
            'Keep traditional accounting (accruals) for this business and year.',
          );
        }
      }
      const { transport, nino, hmrcId } = connection(ref.profileId, business);
      const result = await updateAccountingType(
        transport,
        nino,
        hmrcId,
        ref.taxYear,
        accountingTypeRequest(ref.accountingType),
      );
      deps.logger.info('accounting type changed', {
        taxYear: ref.taxYear,
        correlationId: result.correlationId,
      });
      return view(
        ref,
        `HMRC now holds ${ref.accountingType === 'cash' ? 'the cash basis' : 'traditional accounting (accruals)'} for ${business.name} in ${ref.taxYear}.`,
      );
    },
    disapplyLateAccountingDateRule: (ref) => ladrChange(ref, 'disapply'),
    withdrawLateAccountingDateRule: (ref) => ladrChange(ref, 'withdraw'),
  };
}
