import type { LinkOptions } from '@shared/ipc/channels/auth';
import type { Environment } from '@shared/ipc/channels/settings';
import type { EnvironmentRuntime } from '../environments/environment-runtime';
import { ENVIRONMENT_LABELS } from '../environments/hmrc-environments';
import { testUserSummary } from '../environments/practice-endpoint';
import type { TokenVault } from '../vault/token-vault';
import { planTransports } from './transports/redirect-plan';

export interface LinkOptionsDeps {
  environments: EnvironmentRuntime;
  vault: Pick<TokenVault, 'keychainStatus'>;
  deepLinksAvailable: boolean;
}

/**
 * What the linking screen offers before anything starts: the ways back to Ledgerlink this
 * environment has registered, whether the keychain can keep a sign-in, and Practice HMRC's
 * test users (Practice only).
 */
export async function linkOptions(
  deps: LinkOptionsDeps,
  environment?: Environment,
): Promise<LinkOptions> {
  const env = environment ?? deps.environments.current();
  const { credentials } = await deps.environments.definition(env);
  const plan = planTransports(credentials.redirectUris, {
    deepLinksAvailable: deps.deepLinksAvailable,
  });
  const keychain = await deps.vault.keychainStatus();
  const practice = env === 'practice' ? await deps.environments.ensurePractice() : undefined;
  return {
    environment: env,
    environmentLabel: ENVIRONMENT_LABELS[env].label,
    transports: plan.options,
    defaultTransport: plan.defaultTransport,
    keychain: keychain.available
      ? { available: true }
      : {
          available: false,
          message:
            'Ledgerlink cannot use your computer’s keychain, so it cannot keep your HMRC sign-in safely between sessions.',
        },
    practiceUsers: (practice?.testUsers ?? []).map(testUserSummary),
  };
}
