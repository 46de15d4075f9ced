import type { ZodType } from 'zod';
import type { CallOptions, HmrcResult, HmrcTransport } from '../hmrc-http-client';
import { ninoSchema, taxYearSchema } from '../schemas/common';
import {
  accountNameRequestSchema,
  addSavingsAccountResponseSchema,
  charitableGivingRequestSchema,
  charitableGivingResponseSchema,
  listSavingsAccountsResponseSchema,
  pensionReliefsRequestSchema,
  pensionReliefsResponseSchema,
  savingsAccountIdSchema,
  savingsInterestRequestSchema,
  savingsInterestResponseSchema,
  ukDividendsRequestSchema,
  ukDividendsResponseSchema,
} from '../schemas/other-income';
import { pathParam, validBody } from './request-checks';

/**
 * Other income and reliefs for a tax year:
 * - Savings Income 2.0 UK accounts [SI application.yaml]: add (POST, not idempotent), list,
 *   rename, and each account's annual summary of interest (PUT, GET; HMRC has no DELETE).
 *   The spec names the path parameter `{savingsId}` while its shared parameter is
 *   `savingsAccountId` (SOURCES.md "OAS error"): the value is HMRC's savings account id.
 * - Dividends Income 2.0 UK dividends [DI uk_dividends*.yaml]: PUT, GET, DELETE.
 * - Reliefs 3.0 pensions and charitable giving [RE reliefs_pensions*.yaml,
 *   charitable_giving_relief*.yaml]: PUT, GET, DELETE.
 * Every PUT and DELETE is idempotent: sending either twice leaves the same state.
 */
const SAVINGS = '/individuals/savings-income/uk-accounts';
const DIVIDENDS = '/individuals/dividends-income/uk';
const PENSIONS = '/individuals/reliefs/pensions';
const CHARITY = '/individuals/reliefs/charitable-giving';

const nino = (n: string) => pathParam(n, ninoSchema, 'FORMAT_NINO');
const year = (t: string) => pathParam(t, taxYearSchema, 'FORMAT_TAX_YEAR');
const savingsId = (s: string) => pathParam(s, savingsAccountIdSchema, 'FORMAT_SAVINGS_ACCOUNT_ID');

export async function addSavingsAccount(
  client: HmrcTransport,
  n: string,
  body: unknown,
  options?: CallOptions,
) {
  return client.send(
    {
      api: 'savings-income',
      method: 'POST',
      template: `${SAVINGS}/{nino}`,
      path: `${SAVINGS}/${nino(n)}`,
      body: validBody(accountNameRequestSchema, body),
      response: addSavingsAccountResponseSchema,
    },
    options,
  );
}

export async function listSavingsAccounts(client: HmrcTransport, n: string, options?: CallOptions) {
  return client.send(
    {
      api: 'savings-income',
      method: 'GET',
      template: `${SAVINGS}/{nino}`,
      path: `${SAVINGS}/${nino(n)}`,
      response: listSavingsAccountsResponseSchema,
    },
    options,
  );
}

export async function renameSavingsAccount(
  client: HmrcTransport,
  n: string,
  id: string,
  body: unknown,
  options?: CallOptions,
): Promise<HmrcResult<undefined>> {
  return client.send(
    {
      api: 'savings-income',
      method: 'PUT',
      template: `${SAVINGS}/{nino}/account-name/{savingsId}`,
      path: `${SAVINGS}/${nino(n)}/account-name/${savingsId(id)}`,
      body: validBody(accountNameRequestSchema, body),
    },
    options,
  );
}

export async function putSavingsInterest(
  client: HmrcTransport,
  n: string,
  taxYear: string,
  id: string,
  body: unknown,
  options?: CallOptions,
): Promise<HmrcResult<undefined>> {
  return client.send(
    {
      api: 'savings-income',
      method: 'PUT',
      template: `${SAVINGS}/{nino}/{taxYear}/{savingsId}`,
      path: `${SAVINGS}/${nino(n)}/${year(taxYear)}/${savingsId(id)}`,
      body: validBody(savingsInterestRequestSchema, body),
    },
    options,
  );
}

export async function getSavingsInterest(
  client: HmrcTransport,
  n: string,
  taxYear: string,
  id: string,
  options?: CallOptions,
) {
  return client.send(
    {
      api: 'savings-income',
      method: 'GET',
      template: `${SAVINGS}/{nino}/{taxYear}/{savingsId}`,
      path: `${SAVINGS}/${nino(n)}/${year(taxYear)}/${savingsId(id)}`,
      response: savingsInterestResponseSchema,
    },
    options,
  );
}

/** The three year-level resources: one PUT/GET/DELETE path each. */
const YEARLY = {
  dividends: {
    api: 'dividends-income',
    base: DIVIDENDS,
    request: ukDividendsRequestSchema,
    response: ukDividendsResponseSchema,
  },
  'pension-relief': {
    api: 'reliefs',
    base: PENSIONS,
    request: pensionReliefsRequestSchema,
    response: pensionReliefsResponseSchema,
  },
  'charitable-giving': {
    api: 'reliefs',
    base: CHARITY,
    request: charitableGivingRequestSchema,
    response: charitableGivingResponseSchema,
  },
} as const;
export type YearlyResource = keyof typeof YEARLY;

const yearly = (what: YearlyResource, n: string, taxYear: string) => ({
  api: YEARLY[what].api,
  template: `${YEARLY[what].base}/{nino}/{taxYear}`,
  path: `${YEARLY[what].base}/${nino(n)}/${year(taxYear)}`,
});

export async function putYearly(
  client: HmrcTransport,
  what: YearlyResource,
  n: string,
  taxYear: string,
  body: unknown,
  options?: CallOptions,
): Promise<HmrcResult<undefined>> {
  const schema: ZodType<unknown> = YEARLY[what].request;
  return client.send(
    { ...yearly(what, n, taxYear), method: 'PUT', body: validBody(schema, body) },
    options,
  );
}

export async function getYearly(
  client: HmrcTransport,
  what: YearlyResource,
  n: string,
  taxYear: string,
  options?: CallOptions,
): Promise<HmrcResult<Record<string, unknown>>> {
  return client.send(
    { ...yearly(what, n, taxYear), method: 'GET', response: YEARLY[what].response },
    options,
  );
}

export async function deleteYearly(
  client: HmrcTransport,
  what: YearlyResource,
  n: string,
  taxYear: string,
  options?: CallOptions,
): Promise<HmrcResult<undefined>> {
  return client.send({ ...yearly(what, n, taxYear), method: 'DELETE' }, options);
}
