import type { Environment } from '@shared/ipc/channels/settings';
import type { EnvironmentRuntime } from '../environments/environment-runtime';
import type { Logger } from '../logging/logger';
import type { OAuthTarget } from './oauth-client';

/** The endpoints and the vendor's application for an environment; the secret is registered for redaction. */
export async function resolveTarget(
  environments: EnvironmentRuntime,
  environment: Environment,
  logger: Logger,
): Promise<OAuthTarget> {
  const [endpoints, credentials] = await Promise.all([
    environments.endpoints(environment),
    environments.credentials(environment),
  ]);
  logger.addSecret(credentials.clientSecret);
  return { environment, endpoints, credentials };
}
