import type { Environment } from '@shared/ipc/channels/settings';
import type { EnvironmentDefinition, VendorCredentials } from './environment-definition';
import type { PracticeEndpoint } from './practice-endpoint';

export type { VendorCredentials } from './environment-definition';

/** HMRC's hosts (reference §1 [HOSTS]): authorize on the www host, tokens and APIs on the API host. */
const HMRC_HOSTS: Record<'sandbox' | 'production', { www: string; api: string }> = {
  sandbox: {
    www: 'https://test-www.tax.service.gov.uk',
    api: 'https://test-api.service.hmrc.gov.uk',
  },
  production: {
    www: 'https://www.tax.service.gov.uk',
    api: 'https://api.service.hmrc.gov.uk',
  },
};

/**
 * HMRC's sandbox or live service for the vendor's application. HMRC publishes no
 * authorization server metadata and its redirect carries only code/error and state
 * (reference §2.3), so it does not advertise RFC 9207's `iss`: no issuer is expected.
 */
export function hmrcEnvironment(
  id: 'sandbox' | 'production',
  credentials: VendorCredentials,
): EnvironmentDefinition {
  const hosts = HMRC_HOSTS[id];
  return {
    id,
    authorizeUrl: `${hosts.www}/oauth/authorize`,
    tokenUrl: `${hosts.api}/oauth/token`,
    apiBaseUrl: hosts.api,
    credentials,
    allowPlainHttp: false,
  };
}

/** HMRC's environments for whichever of the vendor's applications this build carries. */
export function hmrcEnvironments(
  credentials: Partial<Record<'sandbox' | 'production', VendorCredentials>>,
): Partial<Record<'sandbox' | 'production', EnvironmentDefinition>> {
  const out: Partial<Record<'sandbox' | 'production', EnvironmentDefinition>> = {};
  for (const id of ['sandbox', 'production'] as const) {
    const c = credentials[id];
    if (c) out[id] = hmrcEnvironment(id, c);
  }
  return out;
}

/**
 * The running Practice HMRC: one origin for pages, tokens and APIs, over plain http on
 * 127.0.0.1 (nothing crosses a network). Like HMRC it sends no `iss`, so none is expected.
 */
export function practiceEnvironment(practice: PracticeEndpoint): EnvironmentDefinition {
  return {
    id: 'practice',
    authorizeUrl: `${practice.baseUrl}/oauth/authorize`,
    tokenUrl: `${practice.baseUrl}/oauth/token`,
    apiBaseUrl: practice.baseUrl,
    credentials: {
      clientId: practice.clientId,
      clientSecret: practice.clientSecret,
      redirectUris: [...practice.redirectUris],
    },
    allowPlainHttp: true,
  };
}

export const ENVIRONMENT_LABELS: Record<Environment, { label: string; description: string }> = {
  practice: {
    label: 'Practice HMRC',
    description: 'Try every step on this computer. Nothing is sent to HMRC.',
  },
  sandbox: {
    label: 'HMRC sandbox',
    description: "HMRC's test service, with HMRC test users. Nothing counts for real tax.",
  },
  production: {
    label: 'HMRC (live)',
    description: 'Your real Income Tax records at HMRC.',
  },
};
