import { describe, expect, it } from 'vitest';
import {
  ALLOWED_HTTPS_HOSTS,
  isAllowedExternalUrl,
} from '../../../src/main/shell/external-url-policy';
import { createExternalOpener } from '../../../src/main/shell/external-opener';
import { createLogger, memorySink } from '../../../src/main/logging/logger';

const policy = { httpsHosts: ALLOWED_HTTPS_HOSTS, loopbackOrigins: ['http://127.0.0.1:41234'] };

describe('openExternal allow-list', () => {
  it.each([
    'https://www.tax.service.gov.uk/oauth/authorize?client_id=x',
    'https://test-www.tax.service.gov.uk/oauth/authorize',
    'https://www.gov.uk/guidance/manage-authorised-applications',
    'http://127.0.0.1:41234/oauth/authorize?state=abc',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url, policy)).toBe(true);
  });

  it.each([
    ['file:', 'file:///etc/passwd'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['http to a non-loopback host', 'http://www.tax.service.gov.uk/oauth/authorize'],
    ['an unknown https host', 'https://evil.example.com/'],
    ['a look-alike host', 'https://www.tax.service.gov.uk.evil.example/'],
    ['a subdomain not on the list', 'https://x.www.gov.uk/'],
    ['credentials in the URL', 'https://user:pw@www.gov.uk/'],
    ['a non-default port', 'https://www.gov.uk:8443/'],
    ['loopback on another port', 'http://127.0.0.1:41235/'],
    ['localhost instead of the practice origin', 'http://localhost:41234/'],
    ['a custom scheme', 'app.ledgerlink.desktop:/oauth/callback?code=x'],
    ['a malformed URL', 'https://'],
    ['an empty string', ''],
  ])('refuses %s', (_why, url) => {
    expect(isAllowedExternalUrl(url, policy)).toBe(false);
  });

  it('never reaches the system browser for a refused URL, and says why', async () => {
    const opened: string[] = [];
    const opener = createExternalOpener({
      openInSystemBrowser: async (u) => void opened.push(u),
      policy: () => policy,
      logger: createLogger(memorySink()),
    });
    await expect(opener.open('javascript:alert(1)')).rejects.toMatchObject({
      code: 'EXTERNAL_URL_REFUSED',
    });
    await opener.open('https://www.gov.uk/');
    expect(opened).toEqual(['https://www.gov.uk/']);
  });
});
