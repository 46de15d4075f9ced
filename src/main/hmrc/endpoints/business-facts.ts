import type { CallOptions, HmrcResult, HmrcTransport } from '../hmrc-http-client';
import {
  retrieveAccountingTypeResponseSchema,
  retrieveLateAccountingDateRuleResponseSchema,
  retrievePeriodsOfAccountResponseSchema,
  updateAccountingTypeRequestSchema,
  type RetrieveAccountingTypeResponse,
  type RetrieveLateAccountingDateRuleResponse,
  type RetrievePeriodsOfAccountResponse,
  type UpdateAccountingTypeRequest,
} from '../schemas/business-facts';
import { businessIdSchema, ninoSchema, taxYearSchema } from '../schemas/common';
import { pathParam, validBody } from './request-checks';

/**
 * Business Details 2.0, the facts of one business for one tax year (reference §5.5, §5.6):
 * `/individuals/business/details/{nino}/{businessId}/{taxYear}/…` [BD application.yaml].
 * Every change here is a PUT, POST or DELETE that leaves the same state when repeated (the
 * Practice and HMRC answer a repeated disapply or update with 204), so none needs an outbox.
 */
const BASE = '/individuals/business/details';

const yearPaths = (nino: string, businessId: string, taxYear: string, tail: string) => {
  const n = pathParam(nino, ninoSchema, 'FORMAT_NINO');
  const b = pathParam(businessId, businessIdSchema, 'FORMAT_BUSINESS_ID');
  const t = pathParam(taxYear, taxYearSchema, 'FORMAT_TAX_YEAR');
  return {
    template: `${BASE}/{nino}/{businessId}/{taxYear}/${tail}`,
    path: `${BASE}/${n}/${b}/${t}/${tail}`,
  };
};

/** Retrieve Accounting Type: `GET …/accounting-type` [BD retrieve_accounting_type.yaml]. */
export async function retrieveAccountingType(
  client: HmrcTransport,
  nino: string,
  businessId: string,
  taxYear: string,
  options?: CallOptions,
): Promise<HmrcResult<RetrieveAccountingTypeResponse>> {
  return client.send(
    {
      api: 'business-details',
      method: 'GET',
      ...yearPaths(nino, businessId, taxYear, 'accounting-type'),
      response: retrieveAccountingTypeResponseSchema,
    },
    options,
  );
}

/** Update Accounting Type: `PUT …/accounting-type` → 204 [BD update_accounting_type.yaml]. */
export async function updateAccountingType(
  client: HmrcTransport,
  nino: string,
  businessId: string,
  taxYear: string,
  body: UpdateAccountingTypeRequest,
  options?: CallOptions,
): Promise<HmrcResult<undefined>> {
  return client.send(
    {
      api: 'business-details',
      method: 'PUT',
      ...yearPaths(nino, businessId, taxYear, 'accounting-type'),
      body: validBody(updateAccountingTypeRequestSchema, body),
    },
    options,
  );
}

/**
 * Retrieve Periods of Account: `GET …/periods-of-account` [BD retrieve_periods_of_account.yaml].
 * Self-employment only; HMRC answers 404 when none have been submitted for the year.
 */
export async function retrievePeriodsOfAccount(
  client: HmrcTransport,
  nino: string,
  businessId: string,
  taxYear: string,
  options?: CallOptions,
): Promise<HmrcResult<RetrievePeriodsOfAccountResponse>> {
  return client.send(
    {
      api: 'business-details',
      method: 'GET',
      ...yearPaths(nino, businessId, taxYear, 'periods-of-account'),
      response: retrievePeriodsOfAccountResponseSchema,
    },
    options,
  );
}

/**
 * Retrieve Late Accounting Date Rule: `GET …/late-accounting-date-rule-election`
 * [BD retrieve_late_accounting_date_rule.yaml].
 */
export async function retrieveLateAccountingDateRule(
  client: HmrcTransport,
  nino: string,
  businessId: string,
  taxYear: string,
  options?: CallOptions,
): Promise<HmrcResult<RetrieveLateAccountingDateRuleResponse>> {
  return client.send(
    {
      api: 'business-details',
      method: 'GET',
      ...yearPaths(nino, businessId, taxYear, 'late-accounting-date-rule-election'),
      response: retrieveLateAccountingDateRuleResponseSchema,
    },
    options,
  );
}

/**
 * Disapply Late Accounting Date Rule: `POST …/late-accounting-date-rule-election/disapply` → 204,
 * no body; only after the tax year has ended [BD disapply_late_accounting_date_rule.yaml].
 */
export async function disapplyLateAccountingDateRule(
  client: HmrcTransport,
  nino: string,
  businessId: string,
  taxYear: string,
  options?: CallOptions,
): Promise<HmrcResult<undefined>> {
  return client.send(
    {
      api: 'business-details',
      method: 'POST',
      ...yearPaths(nino, businessId, taxYear, 'late-accounting-date-rule-election/disapply'),
    },
    options,
  );
}

/**
 * Withdraw Late Accounting Date Rule: `DELETE …/late-accounting-date-rule-election/withdraw` →
 * 204 [BD withdraw_late_accounting_date_rule.yaml].
 */
export async function withdrawLateAccountingDateRule(
  client: HmrcTransport,
  nino: string,
  businessId: string,
  taxYear: string,
  options?: CallOptions,
): Promise<HmrcResult<undefined>> {
  return client.send(
    {
      api: 'business-details',
      method: 'DELETE',
      ...yearPaths(nino, businessId, taxYear, 'late-accounting-date-rule-election/withdraw'),
    },
    options,
  );
}
