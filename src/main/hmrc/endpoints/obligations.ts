import type { CallOptions, HmrcResult, HmrcTransport } from '../hmrc-http-client';
import { ninoSchema } from '../schemas/common';
import {
  finalDeclarationObligationsQuerySchema,
  finalDeclarationObligationsResponseSchema,
  incomeAndExpenditureQuerySchema,
  incomeAndExpenditureResponseSchema,
  type FinalDeclarationObligationsQuery,
  type FinalDeclarationObligationsResponse,
  type IncomeAndExpenditureQuery,
  type IncomeAndExpenditureResponse,
} from '../schemas/obligations';
import { pathParam, validBody } from './request-checks';

/** Obligations 3.0 (reference §3.4) [OB application.yaml]. */
const BASE = '/obligations/details';

/**
 * Income and expenditure (quarterly update) obligations:
 * `GET /obligations/details/{nino}/income-and-expenditure` [OB
 * retrieve_income_tax_income_expenditure.yaml]. Show HMRC's `dueDate`, never a computed one.
 */
export async function incomeAndExpenditureObligations(
  client: HmrcTransport,
  nino: string,
  query: IncomeAndExpenditureQuery = {},
  options?: CallOptions,
): Promise<HmrcResult<IncomeAndExpenditureResponse>> {
  const n = pathParam(nino, ninoSchema, 'FORMAT_NINO');
  return client.send(
    {
      api: 'obligations',
      method: 'GET',
      template: `${BASE}/{nino}/income-and-expenditure`,
      path: `${BASE}/${n}/income-and-expenditure`,
      query: validBody(incomeAndExpenditureQuerySchema, query),
      response: incomeAndExpenditureResponseSchema,
    },
    options,
  );
}

/**
 * Final declaration (crystallisation) obligations:
 * `GET /obligations/details/{nino}/crystallisation` [OB retrieve_income_tax_crystallisation.yaml].
 */
export async function finalDeclarationObligations(
  client: HmrcTransport,
  nino: string,
  query: FinalDeclarationObligationsQuery = {},
  options?: CallOptions,
): Promise<HmrcResult<FinalDeclarationObligationsResponse>> {
  const n = pathParam(nino, ninoSchema, 'FORMAT_NINO');
  return client.send(
    {
      api: 'obligations',
      method: 'GET',
      template: `${BASE}/{nino}/crystallisation`,
      path: `${BASE}/${n}/crystallisation`,
      query: validBody(finalDeclarationObligationsQuerySchema, query),
      response: finalDeclarationObligationsResponseSchema,
    },
    options,
  );
}
