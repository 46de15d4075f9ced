import { ANNUAL_DEFINITIONS, type AnnualKind } from '@shared/domain/annual-fields';
import type { CallOptions, HmrcResult, HmrcTransport } from '../hmrc-http-client';
import {
  annualRequestSchemas,
  annualResponseSchema,
  type AnnualResponse,
} from '../schemas/annual-submission';
import { businessIdSchema, ninoSchema, taxYearSchema } from '../schemas/common';
import { pathParam, validBody } from './request-checks';

/**
 * The annual submission of a business: create or amend (`PUT`), retrieve (`GET`), delete
 * (`DELETE`). Self-employment [SE annual_submissions.yaml:
 * `/individuals/business/self-employment/{nino}/{businessId}/annual/{taxYear}`]; UK property
 * [PB uk_property_annual_submission.yaml: `/individuals/business/property/uk/{nino}/{businessId}/annual/{taxYear}`,
 * deleted through uk_foreign_property_annual_submission_deletion.yaml:
 * `/individuals/business/property/{nino}/{businessId}/annual/{taxYear}`]; foreign property
 * [PB foreign_property_annual_submission.yaml:
 * `/individuals/business/property/foreign/{nino}/{businessId}/annual/{taxYear}`, deleted through
 * the same shared path]. PUT and DELETE are
 * idempotent: sending either twice leaves the same state.
 */
const PATHS: Record<AnnualKind, { base: string; deleteBase: string }> = {
  'self-employment': {
    base: '/individuals/business/self-employment',
    deleteBase: '/individuals/business/self-employment',
  },
  'uk-property': {
    base: '/individuals/business/property/uk',
    deleteBase: '/individuals/business/property',
  },
  'foreign-property': {
    base: '/individuals/business/property/foreign',
    deleteBase: '/individuals/business/property',
  },
};

const paths = (base: string, nino: string, businessId: string, taxYear: string) => {
  const n = pathParam(nino, ninoSchema, 'FORMAT_NINO');
  const b = pathParam(businessId, businessIdSchema, 'FORMAT_BUSINESS_ID');
  const t = pathParam(taxYear, taxYearSchema, 'FORMAT_TAX_YEAR');
  return {
    template: `${base}/{nino}/{businessId}/annual/{taxYear}`,
    path: `${base}/${n}/${b}/annual/${t}`,
  };
};

export async function putAnnualSubmission(
  client: HmrcTransport,
  kind: AnnualKind,
  nino: string,
  businessId: string,
  taxYear: string,
  body: unknown,
  options?: CallOptions,
): Promise<HmrcResult<undefined>> {
  return client.send(
    {
      api: ANNUAL_DEFINITIONS[kind].api,
      method: 'PUT',
      ...paths(PATHS[kind].base, nino, businessId, taxYear),
      body: validBody(annualRequestSchemas[kind], body),
    },
    options,
  );
}

export async function getAnnualSubmission(
  client: HmrcTransport,
  kind: AnnualKind,
  nino: string,
  businessId: string,
  taxYear: string,
  options?: CallOptions,
): Promise<HmrcResult<AnnualResponse>> {
  return client.send(
    {
      api: ANNUAL_DEFINITIONS[kind].api,
      method: 'GET',
      ...paths(PATHS[kind].base, nino, businessId, taxYear),
      response: annualResponseSchema,
    },
    options,
  );
}

export async function deleteAnnualSubmission(
  client: HmrcTransport,
  kind: AnnualKind,
  nino: string,
  businessId: string,
  taxYear: string,
  options?: CallOptions,
): Promise<HmrcResult<undefined>> {
  return client.send(
    {
      api: ANNUAL_DEFINITIONS[kind].api,
      method: 'DELETE',
      ...paths(PATHS[kind].deleteBase, nino, businessId, taxYear),
    },
    options,
  );
}
