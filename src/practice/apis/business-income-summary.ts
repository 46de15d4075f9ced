import { type FastifyInstance } from 'fastify';
import { type ApiDeps, registerApiRoute } from '../http/api-route';
import { ApiError, type MtdError } from '../http/mtd-errors';
import { authoriseForNino } from '../http/relationship';
import { ParamErrors } from '../rules/path-params';
import {
  NOT_FOUND_SCENARIO,
  type ScenarioTable,
  isSandboxDefault,
  resolveScenario,
  ruleScenario,
} from '../scenarios/gov-test-scenario';
import { figuresForYear } from '../tax/bsas-summary';
import { penceToPounds } from '../tax/money';
import { businessOf } from './business-lookup';

/**
 * Business Income Source Summary (BISS) 3.0: one business's year as HMRC's calculation sees it:
 * totals, net and taxable profit or loss. Supporting agents are
 * allowed. [BISS retrieve_business_income.yaml; SOURCES.md supporting agents]
 */
const TYPES = [
  'foreign-property-fhl-eea',
  'foreign-property',
  'uk-property',
  'uk-property-fhl',
  'self-employment',
] as const;
/** FHL types end with 2024-25. [BISS common/pathParameters.yaml typeOfBusiness] */
const FHL_TYPES: readonly string[] = ['foreign-property-fhl-eea', 'uk-property-fhl'];

const FORMAT_TYPE_OF_BUSINESS: MtdError = {
  code: 'FORMAT_TYPE_OF_BUSINESS',
  message: 'The provided typeOfBusiness is invalid',
};
const NO_INCOME_SUBMISSIONS: MtdError = {
  code: 'RULE_NO_INCOME_SUBMISSIONS_EXIST',
  message: 'No income submissions exist',
};

/** [BISS retrieve_business_income.yaml "Test data"] */
const SCENARIOS: ScenarioTable = {
  NOT_FOUND: NOT_FOUND_SCENARIO,
  NO_INCOME_SUBMISSIONS_EXIST: ruleScenario(
    NO_INCOME_SUBMISSIONS.code,
    NO_INCOME_SUBMISSIONS.message,
  ),
};

export function registerBusinessIncomeSummary(app: FastifyInstance, deps: ApiDeps): void {
  registerApiRoute(app, deps, {
    method: 'GET',
    url: '/individuals/self-assessment/income-summary/:nino/:typeOfBusiness/:taxYear/:businessId',
    api: 'self-assessment-biss-api',
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authoriseForNino(ctx, deps.store, ctx.params.nino as string, {
        allowSupportingAgent: true,
      });
      // Every path parameter together; the minimum tax year is 2022-23.
      // [BISS common/pathParameters.yaml taxYear, retrieve_business_income.yaml errors]
      const p = new ParamErrors();
      const type = ctx.params.typeOfBusiness as string;
      if (!(TYPES as readonly string[]).includes(type)) p.add(FORMAT_TYPE_OF_BUSINESS);
      const ty = p.taxYear(ctx.params.taxYear as string, 2022);
      p.businessId(ctx.params.businessId as string);
      if (p.errors.length > 0 || !ty) throw new ApiError(400, p.errors);
      if (FHL_TYPES.includes(type) && ty.startYear >= 2025)
        throw new ApiError(400, [FORMAT_TYPE_OF_BUSINESS]);
      const scenario = resolveScenario(ctx.scenario, SCENARIOS);
      if (scenario !== 'stateful' && isSandboxDefault(scenario)) {
        return {
          status: 200,
          body: {
            total: {
              income: 100.35,
              expenses: 50,
              additions: 575.7,
              deductions: 60,
              accountingAdjustments: -30,
            },
            profit: { net: 20.2, taxable: 35.55 },
            loss: { net: 0, taxable: 35.1 },
          },
        };
      }
      // Practice HMRC has no furnished holiday lettings: those are never found.
      const business = businessOf(taxpayer, ctx.params.businessId as string, {
        types: FHL_TYPES.includes(type)
          ? []
          : [type as 'self-employment' | 'uk-property' | 'foreign-property'],
      });
      const record = business.cumulative[ty.label];
      if (!record) throw new ApiError(400, [NO_INCOME_SUBMISSIONS]);
      // The running summary includes the accounting adjustments of the summary in force, so
      // it reads as the "after" of an adjustment. [BISS retrieve_business_income.yaml: "a
      // running (year-to-date) summary"; BSAS bsas_trigger.yaml]
      const figures = figuresForYear(taxpayer, business, ty);
      const sum = (f: (x: (typeof figures)[number]) => number) =>
        figures.reduce((t, x) => t + f(x), 0);
      const income = sum((f) => f.income);
      const expenses = sum((f) => f.expenses);
      const additions = sum((f) => f.disallowable + (f.additions ?? 0));
      const deductions = sum((f) => f.deductions ?? 0);
      const adjustments = sum((f) => f.accountingAdjustments ?? 0);
      const net = income - expenses;
      const taxable = net + additions - deductions + adjustments;
      return {
        status: 200,
        body: {
          total: {
            income: penceToPounds(income),
            expenses: penceToPounds(expenses),
            ...(additions ? { additions: penceToPounds(additions) } : {}),
            ...(deductions ? { deductions: penceToPounds(deductions) } : {}),
            ...(adjustments ? { accountingAdjustments: penceToPounds(adjustments) } : {}),
          },
          profit: {
            net: penceToPounds(Math.max(0, net)),
            taxable: penceToPounds(Math.max(0, taxable)),
          },
          loss: {
            net: penceToPounds(Math.max(0, -net)),
            taxable: penceToPounds(Math.max(0, -taxable)),
          },
        },
      };
    },
  });
}
