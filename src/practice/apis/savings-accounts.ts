import { randomBytes } from 'node:crypto';
import { type FastifyInstance } from 'fastify';
import { type ApiContext, type ApiDeps, registerApiRoute } from '../http/api-route';
import { ApiError, E, type MtdError } from '../http/mtd-errors';
import { authoriseForNino } from '../http/relationship';
import { readBody, textAt, toStoredBody } from '../rules/body-shape';
import {
  ACCOUNT_NAME_SPEC,
  SAVINGS_ANNUAL_SPEC,
  SAVINGS_ERRORS,
  checkAccountName,
  checkSavingsAnnual,
} from '../rules/other-income-bodies';
import { checkTaxYear } from '../rules/path-params';
import { type ScenarioTable, resolveScenario, ruleScenario } from '../scenarios/gov-test-scenario';
import { type TaxpayerRecord } from '../state/model';
import { type SavingsAccountRecord } from '../state/return-model';
import { ukDate } from '../tax/dates';
import { penceTreeToJson } from '../tax/pence-tree';
import {
  NOT_FOUND_SCENARIO,
  OUTSIDE_WINDOW_SCENARIO,
  REQUEST_CANNOT_BE_FULFILLED,
} from './annual-documents';
import { OUTSIDE_AMENDMENT_WINDOW, outsideAmendmentWindow } from './business-lookup';

const ACCOUNTS = '/individuals/savings-income/uk-accounts/:nino';
const API = 'individuals-savings-income-api' as const;

/** [SI resolvers/ResolveSavingsAccountId.scala] */
const SAVINGS_ACCOUNT_ID = /^[A-Za-z0-9]{15}$/;
/** HMRC's limit on UK savings accounts per person. [SI models/errors/ApiErrors.scala RuleMaximumSavingsAccountsLimitError] */
const MAX_ACCOUNTS = 1000;
/**
 * The annual summary's PUT accepts 2017-18 onwards, its GET 2019-20 onwards.
 * [SI conf/application.conf ukSavingsAccountAnnualSummaryMinimumTaxYear = 2018,
 * minimumPermittedTaxYear = 2020 (years ending); Def1_CreateAmendUkSavingsAnnualSummaryValidator.scala,
 * Def1_RetrieveUkSavingsAccountAnnualSummaryValidator.scala]
 */
const ANNUAL_PUT_MIN = 2017;
const ANNUAL_GET_MIN = 2019;

/** [SI savings_uk_accounts_add.yaml, _list.yaml, _name_update.yaml, _create_amend.yaml, _retrieve.yaml "Test data"] */
const SCENARIOS: Record<'add' | 'list' | 'rename' | 'put' | 'get', ScenarioTable> = {
  add: {
    MAXIMUM_SAVINGS_ACCOUNTS_LIMIT: ruleScenario(
      SAVINGS_ERRORS.maximumAccounts.code,
      SAVINGS_ERRORS.maximumAccounts.message,
    ),
    DUPLICATE_ACCOUNT_NAME: ruleScenario(
      SAVINGS_ERRORS.duplicateAccountName.code,
      SAVINGS_ERRORS.duplicateAccountName.message,
    ),
    REQUEST_CANNOT_BE_FULFILLED,
  },
  list: { NOT_FOUND: NOT_FOUND_SCENARIO, REQUEST_CANNOT_BE_FULFILLED },
  rename: { NOT_FOUND: NOT_FOUND_SCENARIO, REQUEST_CANNOT_BE_FULFILLED },
  put: {
    NOT_FOUND: NOT_FOUND_SCENARIO,
    REQUEST_CANNOT_BE_FULFILLED,
    OUTSIDE_AMENDMENT_WINDOW: OUTSIDE_WINDOW_SCENARIO,
  },
  get: { NOT_FOUND: NOT_FOUND_SCENARIO, REQUEST_CANNOT_BE_FULFILLED },
};

/** 15 letters and digits, as HMRC's ids are. */
function newSavingsAccountId(taken: Set<string>): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (;;) {
    const id = [...randomBytes(15)].map((b) => alphabet[b % alphabet.length]).join('');
    if (!taken.has(id)) return id;
  }
}

function allAccountIds(ctx: ApiDeps['store']): Set<string> {
  return new Set(
    Object.values(ctx.data.taxpayers).flatMap((t) =>
      (t.savingsAccounts ?? []).map((a) => a.savingsAccountId),
    ),
  );
}

function accountOf(taxpayer: TaxpayerRecord, id: string): SavingsAccountRecord {
  const account = taxpayer.savingsAccounts?.find((a) => a.savingsAccountId === id);
  if (!account) throw new ApiError(404, [E.notFound]);
  return account;
}

/**
 * Savings Income 2.0, UK savings accounts: add, list and rename accounts, and each account's
 * annual summary of interest (create or amend, retrieve; HMRC has no delete: a value of 0.00
 * removes one). Supporting agents are refused every endpoint. [SI savings_uk_accounts*.yaml;
 * conf/application.conf api.supporting-agent-endpoints (all false)]
 */
export function registerSavingsAccounts(app: FastifyInstance, deps: ApiDeps): void {
  const { store, clock } = deps;
  const authorise = (ctx: ApiContext) =>
    authoriseForNino(ctx, store, ctx.params.nino as string, { allowSupportingAgent: false });

  registerApiRoute(app, deps, {
    method: 'POST',
    url: ACCOUNTS,
    api: API,
    restriction: 'user',
    jsonBody: true,
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      // The body, then the name's format. [SI Def1_AddUkSavingsAccountValidator.scala]
      const read = readBody(ctx.body, ACCOUNT_NAME_SPEC);
      if (!read.ok) throw new ApiError(400, read.errors);
      const broken = checkAccountName(read.body);
      if (broken.length > 0) throw new ApiError(400, broken);
      const scenario = resolveScenario(ctx.scenario, SCENARIOS.add);
      if (scenario !== 'stateful')
        return { status: 200, body: { savingsAccountId: 'SAVKB2UVwUTBQGJ' } };
      const name = textAt(read.body, 'accountName') as string;
      const accounts = taxpayer.savingsAccounts ?? [];
      if (accounts.length >= MAX_ACCOUNTS)
        throw new ApiError(400, [SAVINGS_ERRORS.maximumAccounts]);
      if (accounts.some((a) => a.accountName === name))
        throw new ApiError(400, [SAVINGS_ERRORS.duplicateAccountName]);
      const account: SavingsAccountRecord = {
        savingsAccountId: newSavingsAccountId(allAccountIds(store)),
        accountName: name,
        addedAt: clock.now(),
        annual: {},
      };
      taxpayer.savingsAccounts = [...accounts, account];
      store.changed();
      return { status: 200, body: { savingsAccountId: account.savingsAccountId } };
    },
  });

  registerApiRoute(app, deps, {
    method: 'GET',
    url: ACCOUNTS,
    api: API,
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      const wanted = ctx.query.get('savingsAccountId');
      // [SI Def1_ListUkSavingsAccountsValidator.scala resolveOptionalSavingsAccountId]
      if (wanted !== null && !SAVINGS_ACCOUNT_ID.test(wanted))
        throw new ApiError(400, [SAVINGS_ERRORS.formatSavingsAccountId]);
      if (resolveScenario(ctx.scenario, SCENARIOS.list) !== 'stateful')
        return {
          status: 200,
          body: {
            savingsAccounts: [
              { savingsAccountId: 'SAVKB2UVwUTBQGJ', accountName: 'Practice Saver' },
            ],
          },
        };
      const accounts = (taxpayer.savingsAccounts ?? []).filter(
        (a) => wanted === null || a.savingsAccountId === wanted,
      );
      if (accounts.length === 0) throw new ApiError(404, [E.notFound]);
      return {
        status: 200,
        body: {
          savingsAccounts: accounts.map((a) => ({
            savingsAccountId: a.savingsAccountId,
            accountName: a.accountName,
          })),
        },
      };
    },
  });

  registerApiRoute(app, deps, {
    method: 'PUT',
    url: `${ACCOUNTS}/account-name/:savingsAccountId`,
    api: API,
    restriction: 'user',
    jsonBody: true,
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      // The id and the body together, then the name's format. [SI UpdateUKSavingsAccountNameValidator.scala]
      const errors: MtdError[] = [];
      const id = ctx.params.savingsAccountId as string;
      if (!SAVINGS_ACCOUNT_ID.test(id)) errors.push(SAVINGS_ERRORS.formatSavingsAccountId);
      const read = readBody(ctx.body, ACCOUNT_NAME_SPEC);
      if (!read.ok) errors.push(...read.errors);
      if (errors.length > 0 || !read.ok) throw new ApiError(400, errors);
      const broken = checkAccountName(read.body);
      if (broken.length > 0) throw new ApiError(400, broken);
      if (resolveScenario(ctx.scenario, SCENARIOS.rename) !== 'stateful') return { status: 204 };
      accountOf(taxpayer, id).accountName = textAt(read.body, 'accountName') as string;
      store.changed();
      return { status: 204 };
    },
  });

  /** The tax year and the account id, checked together. */
  function yearAndAccount(ctx: ApiContext, minimum: number) {
    const errors: MtdError[] = [];
    const year = checkTaxYear(ctx.params.taxYear as string, minimum);
    if ('error' in year) errors.push(year.error);
    const id = ctx.params.savingsAccountId as string;
    if (!SAVINGS_ACCOUNT_ID.test(id)) errors.push(SAVINGS_ERRORS.formatSavingsAccountId);
    return { year, id, errors };
  }

  registerApiRoute(app, deps, {
    method: 'PUT',
    url: `${ACCOUNTS}/:taxYear/:savingsAccountId`,
    api: API,
    restriction: 'user',
    jsonBody: true,
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      // Tax year, account id and body together, then the amounts.
      // [SI Def1_CreateAmendUkSavingsAnnualSummaryValidator.scala, Def1_CreateAmendUkSavingsAnnualRulesValidator.scala]
      const { year, id, errors } = yearAndAccount(ctx, ANNUAL_PUT_MIN);
      const read = readBody(ctx.body, SAVINGS_ANNUAL_SPEC);
      if (!read.ok) errors.push(...read.errors);
      if (errors.length > 0 || !read.ok || 'error' in year) throw new ApiError(400, errors);
      const broken = checkSavingsAnnual(read.body);
      if (broken.length > 0) throw new ApiError(400, broken);
      if (resolveScenario(ctx.scenario, SCENARIOS.put) !== 'stateful') return { status: 200 };
      const account = accountOf(taxpayer, id);
      if (outsideAmendmentWindow(year.taxYear, ukDate(clock.now())))
        throw new ApiError(400, [OUTSIDE_AMENDMENT_WINDOW]);
      // A field left out removes any value held for it. [SI schemas/ukSavingsAccount/amend_request.json]
      account.annual[year.taxYear.label] = {
        body: toStoredBody(read.body, SAVINGS_ANNUAL_SPEC),
        submittedAt: clock.now(),
      };
      store.changed();
      return { status: 200 };
    },
  });

  registerApiRoute(app, deps, {
    method: 'GET',
    url: `${ACCOUNTS}/:taxYear/:savingsAccountId`,
    api: API,
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      const { year, id, errors } = yearAndAccount(ctx, ANNUAL_GET_MIN);
      if (errors.length > 0 || 'error' in year) throw new ApiError(400, errors);
      if (resolveScenario(ctx.scenario, SCENARIOS.get) !== 'stateful')
        return { status: 200, body: { taxedUkInterest: 120.5, untaxedUkInterest: 240.25 } };
      // Use an id from Add a UK Savings Account, otherwise 404. [SI savings_uk_accounts_retrieve.yaml STATEFUL]
      const record = accountOf(taxpayer, id).annual[year.taxYear.label];
      if (!record) throw new ApiError(404, [E.notFound]);
      return { status: 200, body: penceTreeToJson(record.body) };
    },
  });
}
