import { type FastifyInstance } from 'fastify';
import { type ApiContext, type ApiDeps, type ApiName, registerApiRoute } from '../http/api-route';
import { ApiError, E, type MtdError } from '../http/mtd-errors';
import { authoriseForNino } from '../http/relationship';
import { type ObjectSpec, type ParsedBody, readBody, toStoredBody } from '../rules/body-shape';
import { ParamErrors, checkTaxYear } from '../rules/path-params';
import {
  NOT_FOUND_SCENARIO,
  type ScenarioTable,
  resolveScenario,
  ruleScenario,
} from '../scenarios/gov-test-scenario';
import { type AnnualRecord, type PenceTree, type TaxpayerRecord } from '../state/model';
import { isoTimestamp, ukDate } from '../tax/dates';
import { penceTreeToJson } from '../tax/pence-tree';
import { type TaxYear } from '../tax/tax-year';
import { OUTSIDE_AMENDMENT_WINDOW, outsideAmendmentWindow } from './business-lookup';

/**
 * One yearly document of a person's other income or reliefs (UK dividends, pension
 * contributions, charitable giving): create or amend with PUT, retrieve, delete. The endpoints
 * share HMRC's shape: the NINO, then the tax year (and any other path parameter) with the body,
 * then the body's rules; stateful answers keyed by tax year. [DI uk_dividends.yaml;
 * RL reliefs_pensions.yaml, charitable_giving_reliefs.yaml]
 */
export interface AnnualDocument {
  api: ApiName;
  /** Fastify path with `:nino` and `:taxYear`. */
  path: string;
  /** First tax year (start year) each method accepts; earlier is RULE_TAX_YEAR_NOT_SUPPORTED. */
  minimumYear: { put: number; get: number; delete: number };
  /**
   * 'together': the tax year and the body are validated together (errors of both at once);
   * 'year-first': the tax year alone decides the schema, so its error comes alone.
   */
  order: 'together' | 'year-first';
  /** The body's model; 'together' endpoints have one model whatever the tax year. */
  spec: (taxYear: TaxYear | undefined) => ObjectSpec;
  rules: (body: ParsedBody, taxYear: TaxYear) => MtdError[];
  /** PUT's success status: Dividends answers 200 with no body, Reliefs 204. */
  putStatus: 200 | 204;
  /** HMRC's configuration refuses supporting agents these endpoints. */
  allowSupportingAgent: boolean;
  scenarios: { put: ScenarioTable; get: ScenarioTable; delete: ScenarioTable };
  /** Reads and writes the stored record of a person for a tax year. */
  store: {
    get: (t: TaxpayerRecord, taxYear: TaxYear) => AnnualRecord | undefined;
    set: (t: TaxpayerRecord, taxYear: TaxYear, record: AnnualRecord | undefined) => void;
  };
  /** The retrieve body from the stored one (some add `submittedOn`). */
  retrieveBody: (record: AnnualRecord) => Record<string, unknown>;
  /** The sandbox's canned retrieve answer (Practice HMRC's own figures). */
  canned: (taxYear: TaxYear) => Record<string, unknown>;
}

/** [DI/SI/RL common/errors.yaml requestCannotBeFulfilled] */
export const REQUEST_CANNOT_BE_FULFILLED = {
  status: 422,
  error: {
    code: 'RULE_REQUEST_CANNOT_BE_FULFILLED',
    message: 'Custom (will vary in production depending on the actual error)',
  },
};

export const OUTSIDE_WINDOW_SCENARIO = ruleScenario(
  OUTSIDE_AMENDMENT_WINDOW.code,
  OUTSIDE_AMENDMENT_WINDOW.message,
);

export { NOT_FOUND_SCENARIO };

/** The stored body with `submittedOn`, as Reliefs' retrieves answer. [RL schemas/retrieve_relief_pensions_response.json] */
export function withSubmittedOn(record: AnnualRecord): Record<string, unknown> {
  return { submittedOn: isoTimestamp(record.submittedAt), ...penceTreeToJson(record.body) };
}

export function registerAnnualDocument(
  app: FastifyInstance,
  deps: ApiDeps,
  doc: AnnualDocument,
): void {
  const { store, clock } = deps;
  const authorise = (ctx: ApiContext) =>
    authoriseForNino(ctx, store, ctx.params.nino as string, {
      allowSupportingAgent: doc.allowSupportingAgent,
    });

  function checkPut(ctx: ApiContext): { taxYear: TaxYear; stored: PenceTree } {
    const value = ctx.params.taxYear as string;
    if (doc.order === 'year-first') {
      const alone = checkTaxYear(value, doc.minimumYear.put);
      if ('error' in alone) throw new ApiError(400, [alone.error]);
    }
    const year = checkTaxYear(value, doc.minimumYear.put);
    const spec = doc.spec('taxYear' in year ? year.taxYear : undefined);
    const read = readBody(ctx.body, spec);
    const errors = [...('error' in year ? [year.error] : []), ...(read.ok ? [] : read.errors)];
    if (errors.length > 0 || !read.ok || !('taxYear' in year)) throw new ApiError(400, errors);
    const broken = doc.rules(read.body, year.taxYear);
    if (broken.length > 0) throw new ApiError(400, broken);
    return { taxYear: year.taxYear, stored: toStoredBody(read.body, spec) };
  }

  function yearOf(ctx: ApiContext, minimum: number): TaxYear {
    const p = new ParamErrors();
    const ty = p.taxYear(ctx.params.taxYear as string, minimum);
    if (p.errors.length > 0 || !ty) throw new ApiError(400, p.errors);
    return ty;
  }

  registerApiRoute(app, deps, {
    method: 'PUT',
    url: doc.path,
    api: doc.api,
    restriction: 'user',
    jsonBody: true,
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      const { taxYear, stored } = checkPut(ctx);
      if (resolveScenario(ctx.scenario, doc.scenarios.put) !== 'stateful')
        return { status: doc.putStatus };
      if (outsideAmendmentWindow(taxYear, ukDate(clock.now())))
        throw new ApiError(400, [OUTSIDE_AMENDMENT_WINDOW]);
      doc.store.set(taxpayer, taxYear, { body: stored, submittedAt: clock.now() });
      store.changed();
      return { status: doc.putStatus };
    },
  });

  registerApiRoute(app, deps, {
    method: 'GET',
    url: doc.path,
    api: doc.api,
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      const taxYear = yearOf(ctx, doc.minimumYear.get);
      if (resolveScenario(ctx.scenario, doc.scenarios.get) !== 'stateful')
        return { status: 200, body: doc.canned(taxYear) };
      const record = doc.store.get(taxpayer, taxYear);
      if (!record) throw new ApiError(404, [E.notFound]);
      return { status: 200, body: doc.retrieveBody(record) };
    },
  });

  registerApiRoute(app, deps, {
    method: 'DELETE',
    url: doc.path,
    api: doc.api,
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      const taxYear = yearOf(ctx, doc.minimumYear.delete);
      if (resolveScenario(ctx.scenario, doc.scenarios.delete) !== 'stateful')
        return { status: 204 };
      if (outsideAmendmentWindow(taxYear, ukDate(clock.now())))
        throw new ApiError(400, [OUTSIDE_AMENDMENT_WINDOW]);
      if (!doc.store.get(taxpayer, taxYear)) throw new ApiError(404, [E.notFound]);
      doc.store.set(taxpayer, taxYear, undefined);
      store.changed();
      return { status: 204 };
    },
  });
}
