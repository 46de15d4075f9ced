import type { Environment } from '@shared/ipc/channels/settings';

/** The vendor's Developer Hub application for one HMRC environment. */
export interface VendorCredentials {
  clientId: string;
  clientSecret: string;
  /** The redirect URIs registered for this application, in the order the app should try them. */
  redirectUris: string[];
}

export interface EnvironmentEndpoints {
  id: Environment;
  /** Browser host for /oauth/authorize (reference §1, §2.1). */
  authorizeUrl: string;
  /** API host for /oauth/token and every API call (reference §1). */
  tokenUrl: string;
  apiBaseUrl: string;
}

/** HMRC's hosts (reference §1 [HOSTS]). */
export const HMRC_ENDPOINTS: Record<'sandbox' | 'production', EnvironmentEndpoints> = {
  sandbox: {
    id: 'sandbox',
    authorizeUrl: 'https://test-www.tax.service.gov.uk/oauth/authorize',
    tokenUrl: 'https://test-api.service.hmrc.gov.uk/oauth/token',
    apiBaseUrl: 'https://test-api.service.hmrc.gov.uk',
  },
  production: {
    id: 'production',
    authorizeUrl: 'https://www.tax.service.gov.uk/oauth/authorize',
    tokenUrl: 'https://api.service.hmrc.gov.uk/oauth/token',
    apiBaseUrl: 'https://api.service.hmrc.gov.uk',
  },
};

export function practiceEndpoints(baseUrl: string): EnvironmentEndpoints {
  return {
    id: 'practice',
    authorizeUrl: `${baseUrl}/oauth/authorize`,
    tokenUrl: `${baseUrl}/oauth/token`,
    apiBaseUrl: baseUrl,
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
