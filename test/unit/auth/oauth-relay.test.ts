import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

const dir = join(process.cwd(), 'assets', 'oauth-relay');
const script = readFileSync(join(dir, 'relay.js'), 'utf8');

/** Runs relay.js against a minimal page, the way a browser would after HMRC's redirect. */
function runRelay(search: string) {
  const elements: Record<string, { textContent: string; href: string; hidden: boolean }> = {
    heading: { textContent: '', href: '', hidden: false },
    message: { textContent: '', href: '', hidden: false },
    return: { textContent: '', href: '#', hidden: true },
  };
  const location = {
    search,
    pathname: '/oauth/relay/',
    href: `https://ledgerlink.example/oauth/relay/${search}`,
  };
  const replaced: string[] = [];
  const sandbox = {
    URLSearchParams,
    window: {
      location,
      history: { replaceState: (_s: unknown, _t: string, url: string) => replaced.push(url) },
    },
    document: {
      readyState: 'complete',
      getElementById: (id: string) => elements[id],
      addEventListener: () => undefined,
    },
    // Anything else (fetch, storage) is absent: the script must not need it.
  };
  runInNewContext(script, sandbox);
  return { location, elements, replaced };
}

describe('the https relay page', () => {
  it('forwards code, state, error and error_description unchanged to the custom scheme, and nothing else', () => {
    const { location, elements, replaced } = runRelay(
      '?code=abc%2B1&state=s%20t&utm_source=x&error_description=why&iss=evil',
    );
    const expected =
      'app.ledgerlink.desktop:/oauth/callback?code=abc%2B1&state=s+t&error_description=why';
    expect(location.href).toBe(expected);
    expect(elements.return).toMatchObject({ href: expected, hidden: false });
    // The code does not stay in the history entry.
    expect(replaced).toEqual(['/oauth/relay/']);
    const forwarded = new URL(expected).searchParams;
    expect(forwarded.get('code')).toBe('abc+1');
    expect(forwarded.get('state')).toBe('s t');
  });

  it('passes a refusal through', () => {
    const { location } = runRelay('?error=access_denied&error_description=user%20denied&state=s');
    expect(new URL(location.href).searchParams.get('error')).toBe('access_denied');
  });

  it('with no answer in the URL it says so and opens nothing', () => {
    const { location, elements } = runRelay('?utm_source=x');
    expect(location.href).toContain('https://ledgerlink.example');
    expect(elements.return!.hidden).toBe(true);
    expect(elements.heading!.textContent).toBe('Nothing to pass to Ledgerlink');
  });

  it('ships a strict CSP and no third-party content', () => {
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).toContain("default-src 'none'; script-src 'self'; style-src 'self'");
    expect(html).toContain('<meta name="referrer" content="no-referrer"');
    expect(html).not.toMatch(/https?:\/\//);
    expect(script).not.toMatch(
      /fetch|XMLHttpRequest|localStorage|sessionStorage|cookie|sendBeacon/,
    );
  });
});
