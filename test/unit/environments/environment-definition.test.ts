import { describe, expect, it } from 'vitest';
import {
  checkEnvironmentDefinition,
  InvalidEnvironmentDefinition,
  type EnvironmentDefinition,
} from '../../../src/main/environments/environment-definition';
import { createEnvironmentRuntime } from '../../../src/main/environments/environment-runtime';
import { hmrcEnvironment } from '../../../src/main/environments/hmrc-environments';
import { createLogger, memorySink } from '../../../src/main/logging/logger';
import { createSettingsService } from '../../../src/main/settings/settings-service';
import { createMemoryStore } from '../../../src/main/storage/key-value-store';
import { unreachablePractice } from '../../support/fakes/main-adapters';

const credentials = { clientId: 'id', clientSecret: 'secret', redirectUris: ['urn:x'] };
const onLoopback = (more: Partial<EnvironmentDefinition> = {}): EnvironmentDefinition => ({
  id: 'sandbox',
  authorizeUrl: 'http://127.0.0.1:4000/oauth/authorize',
  tokenUrl: 'http://localhost:4001/oauth/token',
  apiBaseUrl: 'http://[::1]:4001',
  credentials,
  allowPlainHttp: true,
  ...more,
});

describe('an environment definition', () => {
  it('HMRC’s own are https, expect no issuer, and pass', () => {
    const d = checkEnvironmentDefinition(hmrcEnvironment('sandbox', credentials));
    expect(d).toMatchObject({
      authorizeUrl: 'https://test-www.tax.service.gov.uk/oauth/authorize',
      tokenUrl: 'https://test-api.service.hmrc.gov.uk/oauth/token',
      apiBaseUrl: 'https://test-api.service.hmrc.gov.uk',
      allowPlainHttp: false,
    });
    expect(d.issuer).toBeUndefined();
  });

  it('allows plain http only for servers on this computer, and only when it says so', () => {
    expect(checkEnvironmentDefinition(onLoopback())).toBeTruthy();
    const refused: Partial<EnvironmentDefinition>[] = [
      { allowPlainHttp: false },
      { apiBaseUrl: 'http://192.168.1.2:4001' },
      { tokenUrl: 'http://hmrc.example/oauth/token' },
      { authorizeUrl: 'ftp://127.0.0.1/x' },
      { authorizeUrl: 'http://user:pw@127.0.0.1/x' },
      { authorizeUrl: 'http://127.0.0.1/x#frag' },
      { issuer: 'http://auth.example' },
      { issuer: 'https://auth.example/?q=1' },
      { credentials: { ...credentials, clientSecret: '' } },
      { credentials: { ...credentials, redirectUris: [] } },
    ];
    for (const more of refused)
      expect(() => checkEnvironmentDefinition(onLoopback(more)), JSON.stringify(more)).toThrow(
        InvalidEnvironmentDefinition,
      );
    // https everywhere but "plain http allowed" is a mistake, not a loophole.
    expect(() =>
      checkEnvironmentDefinition({
        ...hmrcEnvironment('sandbox', credentials),
        allowPlainHttp: true,
      }),
    ).toThrow(InvalidEnvironmentDefinition);
  });
});

describe('the environment runtime', () => {
  const runtime = (definitions: Parameters<typeof createEnvironmentRuntime>[0]['definitions']) =>
    createEnvironmentRuntime({
      settings: createSettingsService(createMemoryStore('settings')),
      launchPractice: async () => unreachablePractice(),
      definitions,
      logger: createLogger(memorySink()),
    });

  it('hands out the one definition, and lets the browser open a loopback server’s pages', async () => {
    const envs = runtime({ sandbox: onLoopback({ issuer: 'http://localhost:4001' }) });
    expect(await envs.definition('sandbox')).toMatchObject({ issuer: 'http://localhost:4001' });
    expect(envs.availability().find((a) => a.id === 'sandbox')?.available).toBe(true);
    expect(envs.loopbackOrigins()).toEqual(['http://127.0.0.1:4000']);
    await envs.ensurePractice();
    expect(envs.loopbackOrigins()).toEqual(['http://127.0.0.1:4000', 'http://127.0.0.1:9']);
    await expect(envs.definition('production')).rejects.toMatchObject({
      code: 'ENVIRONMENT_NOT_CONFIGURED',
    });
  });

  it('refuses a bad definition when it starts, not in the middle of a link', () => {
    expect(() => runtime({ sandbox: onLoopback({ apiBaseUrl: 'http://hmrc.example' }) })).toThrow(
      InvalidEnvironmentDefinition,
    );
    expect(() => runtime({ production: onLoopback() })).toThrow(/says it is sandbox/);
  });
});
