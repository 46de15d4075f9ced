import { describe, expect, it } from 'vitest';
import {
  classifyRedirectUri,
  planTransports,
} from '../../../src/main/auth/transports/redirect-plan';

describe('redirect URIs and transports', () => {
  it('classifies each registered form HMRC and Practice allow', () => {
    expect(classifyRedirectUri('app.ledgerlink.desktop:/oauth/callback')).toMatchObject({
      transport: 'custom-scheme',
      viaRelay: false,
    });
    expect(classifyRedirectUri('https://ledgerlink.example/oauth/relay/')).toMatchObject({
      transport: 'custom-scheme',
      viaRelay: true,
    });
    expect(classifyRedirectUri('http://localhost:53682/oauth/callback')).toMatchObject({
      transport: 'loopback',
      port: 53682,
      path: '/oauth/callback',
    });
    expect(classifyRedirectUri('urn:ietf:wg:oauth:2.0:oob')).toMatchObject({ transport: 'manual' });
    expect(classifyRedirectUri('urn:ietf:wg:oauth:2.0:oob:auto')).toMatchObject({
      transport: 'manual',
    });
  });

  it('ignores URIs the app cannot serve', () => {
    for (const uri of [
      'http://example.com/cb',
      'http://localhost/oauth/callback',
      'http://127.0.0.1:53682/oauth/callback',
      'https://x.example/#frag',
      'myapp://callback',
      'not a url',
    ]) {
      expect(classifyRedirectUri(uri)).toBeNull();
    }
  });

  it('offers each transport once, in registered order, defaulting to the first available', () => {
    const plan = planTransports(
      [
        'http://localhost:53682/oauth/callback',
        'app.ledgerlink.desktop:/oauth/callback',
        'http://localhost:53683/oauth/callback',
        'urn:ietf:wg:oauth:2.0:oob',
      ],
      { deepLinksAvailable: true },
    );
    expect(plan.options.map((o) => o.id)).toEqual(['loopback', 'custom-scheme', 'manual']);
    expect(plan.defaultTransport).toBe('loopback');
    expect(plan.routes('loopback').map((r) => r.redirectUri)).toEqual([
      'http://localhost:53682/oauth/callback',
      'http://localhost:53683/oauth/callback',
    ]);
  });

  it('shows the custom scheme as unavailable when the OS will not deliver it', () => {
    const plan = planTransports(
      ['https://ledgerlink.example/oauth/relay/', 'urn:ietf:wg:oauth:2.0:oob'],
      { deepLinksAvailable: false },
    );
    expect(plan.options[0]).toMatchObject({
      id: 'custom-scheme',
      viaRelay: true,
      available: false,
    });
    expect(plan.defaultTransport).toBe('manual');
    expect(planTransports([], { deepLinksAvailable: true }).defaultTransport).toBeNull();
  });
});
