import { type FastifyInstance } from 'fastify';
import { type ApiDeps, registerApiRoute } from '../http/api-route';
import { ApiError, E, rule } from '../http/mtd-errors';
import { authoriseForNino } from '../http/relationship';
import { ParamErrors } from '../rules/path-params';
import {
  NOT_FOUND_SCENARIO,
  type ScenarioTable,
  isSandboxDefault,
  resolveScenario,
} from '../scenarios/gov-test-scenario';
import { itsaStatusDetails } from '../rules/itsa-status';
import { type TaxpayerRecord } from '../state/model';
import { isoTimestamp, ukDate } from '../tax/dates';
import { penceToPounds } from '../tax/money';
import { type TaxYear, taxYearFromLabel, taxYearOf, taxYearStarting } from '../tax/tax-year';

const PATH = '/individuals/person/itsa-status/:nino/:taxYear';

/** [SAID app/v2/models/errors/SaIndividualDetailsMtdErrors.scala] */
const FORMAT_FUTURE_YEARS = rule(
  'FORMAT_FUTURE_YEARS',
  'The provided futureYears value should be true or false',
);
const FORMAT_HISTORY = rule('FORMAT_HISTORY', 'The provided history value should be true or false');
/** [SAID app/shared/models/errors/CommonMtdErrors.scala ClientNotEnrolledError] */
const CLIENT_NOT_MTD_ENROLLED = rule(
  'CLIENT_NOT_MTD_ENROLLED',
  'The client does not have an active MTD enrolment',
);

/** [SAID ITSA_Status_retrieve.yaml "Test data"] */
const SCENARIOS: ScenarioTable = {
  NOT_FOUND: NOT_FOUND_SCENARIO,
  NOT_ENROLLED: { status: 403, error: CLIENT_NOT_MTD_ENROLLED },
};

/** Scala's `toBooleanOption`: true or false in any letter case. [SAID ResolveBoolean.scala] */
function booleanQuery(value: string | null): boolean | 'bad' {
  if (value === null) return false;
  const lower = value.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  return 'bad';
}

/** The years a request covers: the one asked for, and with futureYears every later year known. */
function yearsCovered(
  taxpayer: TaxpayerRecord,
  from: TaxYear,
  future: boolean,
  today: string,
): TaxYear[] {
  if (!future) return [from];
  const labels = new Set([
    ...Object.keys(taxpayer.itsaStatus),
    ...Object.keys(taxpayer.itsaStatusDetails ?? {}),
  ]);
  const last = Math.max(
    taxYearOf(today).startYear,
    ...[...labels].map((l) => taxYearFromLabel(l).startYear),
  );
  const years: TaxYear[] = [];
  for (let y = from.startYear; y <= last; y += 1) years.push(taxYearStarting(y));
  return years;
}

/**
 * Self Assessment Individual Details 2.0, Retrieve ITSA Status: the status deciding whether a
 * customer reports quarterly (MTD Mandated, MTD Voluntary) or not (Annual, exempt, dormant...),
 * per tax year, with future years and the history of decisions on request. Supporting agents
 * may use it. [SAID ITSA_Status_retrieve.yaml; app/v2/retrieveItsaStatus/def1/
 * Def1_RetrieveItsaStatusValidator.scala; conf/application.conf retrieve-itsa-status = true;
 * reference §5.1]
 */
export function registerItsaStatus(app: FastifyInstance, deps: ApiDeps): void {
  const { store, clock } = deps;

  registerApiRoute(app, deps, {
    method: 'GET',
    url: PATH,
    api: 'self-assessment-individual-details-api',
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authoriseForNino(ctx, store, ctx.params.nino as string, {
        allowSupportingAgent: true,
      });
      // Tax year and both flags together. [Def1_RetrieveItsaStatusValidator.scala]
      const p = new ParamErrors();
      const ty = p.taxYear(ctx.params.taxYear as string);
      const future = booleanQuery(ctx.query.get('futureYears'));
      const history = booleanQuery(ctx.query.get('history'));
      if (future === 'bad') p.add(FORMAT_FUTURE_YEARS);
      if (history === 'bad') p.add(FORMAT_HISTORY);
      if (p.errors.length > 0) throw new ApiError(400, p.errors);
      const taxYear = ty as TaxYear;
      const today = ukDate(clock.now());
      if (isSandboxDefault(resolveScenario(ctx.scenario, SCENARIOS))) {
        return {
          status: 200,
          body: {
            itsaStatuses: [
              {
                taxYear: taxYear.label,
                itsaStatusDetails: [
                  {
                    submittedOn: isoTimestamp(clock.now()),
                    status: 'MTD Voluntary',
                    statusReason: 'Sign up - return available',
                  },
                ],
              },
            ],
          },
        };
      }
      const itsaStatuses = yearsCovered(taxpayer, taxYear, future === true, today)
        .map((year) => {
          const details = itsaStatusDetails(taxpayer, year, today);
          return {
            taxYear: year.label,
            itsaStatusDetails: (history === true ? details : details.slice(-1)).map((d) => ({
              submittedOn: isoTimestamp(d.submittedOn),
              status: d.status,
              statusReason: d.statusReason,
              ...(d.businessIncome2YearsPrior !== undefined
                ? { businessIncome2YearsPrior: penceToPounds(d.businessIncome2YearsPrior) }
                : {}),
            })),
          };
        })
        .filter((y) => y.itsaStatusDetails.length > 0);
      if (itsaStatuses.length === 0) throw new ApiError(404, [E.notFound]);
      return { status: 200, body: { itsaStatuses } };
    },
  });
}
