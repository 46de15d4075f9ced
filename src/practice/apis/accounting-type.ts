import { type FastifyInstance } from 'fastify';
import { type ApiContext, type ApiDeps, registerApiRoute } from '../http/api-route';
import { ApiError } from '../http/mtd-errors';
import { authoriseForNino } from '../http/relationship';
import { readBody } from '../rules/body-shape';
import { ParamErrors } from '../rules/path-params';
import {
  NOT_FOUND_SCENARIO,
  type ScenarioTable,
  isSandboxDefault,
  resolveScenario,
  ruleScenario,
} from '../scenarios/gov-test-scenario';
import { type AccountingType, accountingTypeFor } from '../rules/accounting-type';
import { ukDate } from '../tax/dates';
import { type TaxYear } from '../tax/tax-year';
import { OUTSIDE_AMENDMENT_WINDOW, businessOf, outsideAmendmentWindow } from './business-lookup';

const PATH = '/individuals/business/details/:nino/:businessId/:taxYear/accounting-type';

/**
 * The earliest tax year an accounting type can be updated for: the repository's
 * `accountingTypeMinimumTaxYear = 2025`, read as the tax year ending in 2025 (2024-25). HMRC's
 * spec gives 2025-26 for Production and 2024-25 for the Sandbox; Practice HMRC follows the
 * repository, as HMRC's own tests do. [BD conf/application.conf; common/pathParameters.yaml
 * accountingTypeTaxYear; app/v2/updateAccountingType/UpdateAccountingTypeValidator.scala]
 */
export const ACCOUNTING_TYPE_MIN_YEAR = 2024;

/** [BD retrieve_accounting_type.yaml "Test data"] */
const GET_SCENARIOS: ScenarioTable = { NOT_FOUND: NOT_FOUND_SCENARIO };

/** [BD update_accounting_type.yaml "Test data"] */
const PUT_SCENARIOS: ScenarioTable = {
  NOT_FOUND: NOT_FOUND_SCENARIO,
  OUTSIDE_AMENDMENT_WINDOW: ruleScenario(
    OUTSIDE_AMENDMENT_WINDOW.code,
    OUTSIDE_AMENDMENT_WINDOW.message,
  ),
};

/**
 * Business Details 2.0 Retrieve and Update Accounting Type (cash or accruals) per business and
 * tax year. Supporting agents are refused, as HMRC's configuration says (`update-accounting-type
 * = false`, `retrieve-accounting-type = false`). Parameters and body are checked together, then
 * Gov-Test-Scenario, then the state. [BD accounting_type.yaml; conf/application.conf
 * supporting-agent-endpoints; app/v2/retrieveAccountingType/RetrieveAccountingTypeValidator.scala]
 */
export function registerAccountingType(app: FastifyInstance, deps: ApiDeps): void {
  const { store, clock } = deps;
  const authorise = (ctx: ApiContext) =>
    authoriseForNino(ctx, store, ctx.params.nino as string, { allowSupportingAgent: false });

  registerApiRoute(app, deps, {
    method: 'GET',
    url: PATH,
    api: 'business-details-api',
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      const p = new ParamErrors();
      p.businessId(ctx.params.businessId as string);
      const ty = p.taxYear(ctx.params.taxYear as string);
      if (p.errors.length > 0) throw new ApiError(400, p.errors);
      if (isSandboxDefault(resolveScenario(ctx.scenario, GET_SCENARIOS)))
        return { status: 200, body: { accountingType: 'CASH' } };
      const business = businessOf(taxpayer, ctx.params.businessId as string);
      return {
        status: 200,
        body: { accountingType: accountingTypeFor(business, (ty as TaxYear).label) },
      };
    },
  });

  registerApiRoute(app, deps, {
    method: 'PUT',
    url: PATH,
    api: 'business-details-api',
    restriction: 'user',
    jsonBody: true,
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      const p = new ParamErrors();
      p.businessId(ctx.params.businessId as string);
      const ty = p.taxYear(ctx.params.taxYear as string, ACCOUNTING_TYPE_MIN_YEAR);
      // [BD app/v2/updateAccountingType/model/request/UpdateAccountingTypeRequestBody.scala]
      const read = readBody(ctx.body, {
        kind: 'object',
        fields: { accountingType: { kind: 'enum', values: ['CASH', 'ACCRUAL'] } },
        required: ['accountingType'],
      });
      const errors = [...p.errors, ...(read.ok ? [] : read.errors)];
      if (errors.length > 0 || !read.ok) throw new ApiError(400, errors);
      if (isSandboxDefault(resolveScenario(ctx.scenario, PUT_SCENARIOS))) return { status: 204 };
      const taxYear = ty as TaxYear;
      const business = businessOf(taxpayer, ctx.params.businessId as string);
      if (outsideAmendmentWindow(taxYear, ukDate(clock.now())))
        throw new ApiError(400, [OUTSIDE_AMENDMENT_WINDOW]);
      business.accountingTypes = {
        ...business.accountingTypes,
        [taxYear.label]: read.body.accountingType as AccountingType,
      };
      store.changed();
      return { status: 204 };
    },
  });
}
