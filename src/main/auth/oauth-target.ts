import type { Environment } from '@shared/ipc/channels/settings';
import type { EnvironmentRuntime } from '../environments/environment-runtime';
import type { Logger } from '../logging/logger';
import type { OAuthTarget } from './oauth-client';

/** The environment's one definition; the client secret is registered for redaction. */
export async function resolveTarget(
  environments: Pick<EnvironmentRuntime, 'definition'>,
  environment: Environment,
  logger: Logger,
): Promise<OAuthTarget> {
  const definition = await environments.definition(environment);
  logger.addSecret(definition.credentials.clientSecret);
  return { environment, definition };
}
