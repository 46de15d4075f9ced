import type { CallOptions, HmrcResult, HmrcTransport } from '../hmrc-http-client';
import { businessIdSchema, ninoSchema, taxYearSchema } from '../schemas/common';
import {
  createBroughtForwardLossRequestSchema,
  createBroughtForwardLossResponseSchema,
  createLossClaimRequestSchema,
  createLossClaimResponseSchema,
  listBroughtForwardLossesResponseSchema,
  listLossClaimsResponseSchema,
  lossesAndClaimsRequestSchema,
  lossesAndClaimsResponseSchema,
  type CreateBroughtForwardLossRequest,
  type CreateLossClaimRequest,
  type ListBroughtForwardLossesResponse,
  type ListLossClaimsResponse,
  type LossesAndClaimsRequest,
  type LossesAndClaimsResponse,
} from '../schemas/losses';
import { pathParam, validBody } from './request-checks';

/** Individual Losses 7.0 and 6.0 [IL application.yaml; IL6 application.yaml]. */
const BASE = '/individuals/losses';

/**
 * Losses and Claims (7.0) is for 2026-27 onwards; 6.0 serves the years up to 2025-26 and
 * refuses later ones. [SOURCES.md individual-losses-api-6.0]
 */
export function lossesVersionFor(taxYear: string): '7.0' | '6.0' {
  return Number(taxYear.slice(0, 4)) >= 2026 ? '7.0' : '6.0';
}

const lossesPath = (nino: string, businessId: string, taxYear: string) => {
  const n = pathParam(nino, ninoSchema, 'FORMAT_NINO');
  const b = pathParam(businessId, businessIdSchema, 'FORMAT_BUSINESS_ID');
  const t = pathParam(taxYear, taxYearSchema, 'FORMAT_TAX_YEAR');
  return {
    template: `${BASE}/{nino}/businesses/{businessId}/loss-claims/{taxYear}`,
    path: `${BASE}/${n}/businesses/${b}/loss-claims/${t}`,
  };
};

/** Retrieve Losses and Claims (7.0): `GET …/{nino}/businesses/{businessId}/loss-claims/{taxYear}` [IL losses_and_claims_retrieve.yaml]. */
export async function retrieveLossesAndClaims(
  client: HmrcTransport,
  nino: string,
  businessId: string,
  taxYear: string,
  options?: CallOptions,
): Promise<HmrcResult<LossesAndClaimsResponse>> {
  return client.send(
    {
      api: 'individual-losses',
      method: 'GET',
      ...lossesPath(nino, businessId, taxYear),
      response: lossesAndClaimsResponseSchema,
    },
    options,
  );
}

/** Create or Amend Losses and Claims (7.0), 204 [IL losses_and_claims_create_amend.yaml]. The PUT replaces the year's resource. */
export async function createAmendLossesAndClaims(
  client: HmrcTransport,
  nino: string,
  businessId: string,
  taxYear: string,
  body: LossesAndClaimsRequest,
  options?: CallOptions,
): Promise<HmrcResult<undefined>> {
  return client.send(
    {
      api: 'individual-losses',
      method: 'PUT',
      ...lossesPath(nino, businessId, taxYear),
      body: validBody(lossesAndClaimsRequestSchema, body),
    },
    options,
  );
}

/** Create a Brought Forward Loss (6.0) [IL6 brought_forward_losses_create.yaml]. */
export async function createBroughtForwardLoss(
  client: HmrcTransport,
  nino: string,
  body: CreateBroughtForwardLossRequest,
  options?: CallOptions,
): Promise<HmrcResult<{ lossId: string }>> {
  const n = pathParam(nino, ninoSchema, 'FORMAT_NINO');
  const valid = validBody(createBroughtForwardLossRequestSchema, body);
  const t = encodeURIComponent(valid.taxYearBroughtForwardFrom);
  return client.send(
    {
      api: 'individual-losses-6',
      method: 'POST',
      template: `${BASE}/{nino}/brought-forward-losses/tax-year/brought-forward-from/{taxYear}`,
      path: `${BASE}/${n}/brought-forward-losses/tax-year/brought-forward-from/${t}`,
      body: valid,
      response: createBroughtForwardLossResponseSchema,
    },
    options,
  );
}

/** List Brought Forward Losses (6.0) for the year they come from [IL6 brought_forward_losses_list.yaml]. */
export async function listBroughtForwardLosses(
  client: HmrcTransport,
  nino: string,
  taxYearBroughtForwardFrom: string,
  query: { businessId?: string } = {},
  options?: CallOptions,
): Promise<HmrcResult<ListBroughtForwardLossesResponse>> {
  const n = pathParam(nino, ninoSchema, 'FORMAT_NINO');
  const t = pathParam(taxYearBroughtForwardFrom, taxYearSchema, 'FORMAT_TAX_YEAR');
  return client.send(
    {
      api: 'individual-losses-6',
      method: 'GET',
      template: `${BASE}/{nino}/brought-forward-losses/tax-year/{taxYearBroughtForwardFrom}`,
      path: `${BASE}/${n}/brought-forward-losses/tax-year/${t}`,
      query: { businessId: query.businessId },
      response: listBroughtForwardLossesResponseSchema,
    },
    options,
  );
}

/** Create a Loss Claim (6.0) [IL6 loss_claims_create.yaml]. */
export async function createLossClaim(
  client: HmrcTransport,
  nino: string,
  body: CreateLossClaimRequest,
  options?: CallOptions,
): Promise<HmrcResult<{ claimId: string }>> {
  const n = pathParam(nino, ninoSchema, 'FORMAT_NINO');
  return client.send(
    {
      api: 'individual-losses-6',
      method: 'POST',
      template: `${BASE}/{nino}/loss-claims`,
      path: `${BASE}/${n}/loss-claims`,
      body: validBody(createLossClaimRequestSchema, body),
      response: createLossClaimResponseSchema,
    },
    options,
  );
}

/** List Loss Claims (6.0) for a tax year [IL6 loss_claims_list.yaml]. */
export async function listLossClaims(
  client: HmrcTransport,
  nino: string,
  taxYearClaimedFor: string,
  query: { businessId?: string } = {},
  options?: CallOptions,
): Promise<HmrcResult<ListLossClaimsResponse>> {
  const n = pathParam(nino, ninoSchema, 'FORMAT_NINO');
  const t = pathParam(taxYearClaimedFor, taxYearSchema, 'FORMAT_TAX_YEAR');
  return client.send(
    {
      api: 'individual-losses-6',
      method: 'GET',
      template: `${BASE}/{nino}/loss-claims/tax-year/{taxYearClaimedFor}`,
      path: `${BASE}/${n}/loss-claims/tax-year/${t}`,
      query: { businessId: query.businessId },
      response: listLossClaimsResponseSchema,
    },
    options,
  );
}
