/**
 * Walks Practice HMRC's grant journey over plain HTTP, the way a person would in a browser:
 * start page → sign in → 2-step verification → identity check (individuals) → grant or
 * decline. For integration tests that need a linked account without a browser.
 *
 * ```ts
 * const { location } = await walkPracticeJourney(authorizeUrl, {
 *   userId: SEEDED.individualA.userId, password: SEEDED.individualA.password, decision: 'grant',
 * });
 * services.deepLinks.receive(location!, 'test'); // or fetch(location) for loopback
 * ```
 *
 * It reads the practice-only hints on Practice's pages (the access code and the identity
 * answers), so it works only against Practice HMRC: HMRC does not allow automating its real
 * pages (reference §2.1).
 */

export interface PracticeJourneyOptions {
  userId: string;
  password: string;
  /** What to press on the grant page. Default 'grant'. */
  decision?: 'grant' | 'decline';
  fetch?: typeof fetch;
}

export interface PracticeJourneyResult {
  /**
   * Where Practice's final 303 sends the browser: the redirect URI with `code` and `state` (or
   * `error=access_denied`). Undefined for `urn:ietf:wg:oauth:2.0:oob`, where the page shows the code.
   */
  location?: string | undefined;
  /** For oob: the page title as HMRC shows it, `Success code=…&state=…` or `Denied error=…`. */
  title?: string | undefined;
  /** The redirect's parameters, read from `location` or from the oob title. */
  params: URLSearchParams;
  code?: string | undefined;
  state?: string | undefined;
  error?: string | undefined;
}

type Step = 'start' | 'sign-in' | 'two-step' | 'identity' | 'grant';

const decode = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const text = (html: string) =>
  decode(html.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

function formAction(html: string): { action: string; step: Step } | undefined {
  const m = /<form method="post" action="([^"]+)"/.exec(html);
  if (!m) return undefined;
  const action = decode(m[1]!);
  const step = action.split('/').pop() as Step;
  return { action, step };
}

function paramsOf(url: string): URLSearchParams {
  return new URL(url).searchParams;
}

function result(location: string | undefined, title: string | undefined): PracticeJourneyResult {
  const params = location
    ? paramsOf(location)
    : new URLSearchParams((title ?? '').replace(/^(Success|Denied)\s+/, ''));
  const pick = (n: string) => params.get(n) ?? undefined;
  return {
    ...(location ? { location } : {}),
    ...(title ? { title } : {}),
    params,
    ...(pick('code') ? { code: pick('code') } : {}),
    ...(pick('state') ? { state: pick('state') } : {}),
    ...(pick('error') ? { error: pick('error') } : {}),
  };
}

export async function walkPracticeJourney(
  authorizeUrl: string,
  options: PracticeJourneyOptions,
): Promise<PracticeJourneyResult> {
  const http = options.fetch ?? fetch;
  const decision = options.decision ?? 'grant';
  const origin = new URL(authorizeUrl).origin;

  const get = async (url: string) => {
    const res = await http(new URL(url, origin), { redirect: 'manual' });
    const body = await res.text();
    if (res.status !== 200) {
      throw new Error(
        `Practice HMRC answered ${res.status} for ${new URL(url, origin).pathname}: ${text(body).slice(0, 300)}`,
      );
    }
    return body;
  };
  const post = async (action: string, fields: Record<string, string>) => {
    const res = await http(new URL(action, origin), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    await res.body?.cancel();
    const location = res.headers.get('location');
    if (res.status !== 303 || !location) {
      throw new Error(`Practice HMRC answered ${res.status} to ${action}`);
    }
    return new URL(location, origin).href;
  };

  let page = await get(authorizeUrl);
  let lastStep: Step | undefined;
  for (let i = 0; i < 12; i++) {
    const form = formAction(page);
    if (!form) {
      throw new Error(`Unexpected Practice HMRC page: ${text(page).slice(0, 300)}`);
    }
    if (form.step === lastStep) {
      const problem = /class="error-summary"[\s\S]*?<\/div>/.exec(page)?.[0];
      throw new Error(
        `Practice HMRC refused the ${form.step} step: ${text(problem ?? page).slice(0, 300)}`,
      );
    }
    lastStep = form.step;
    let fields: Record<string, string>;
    switch (form.step) {
      case 'start':
        fields = {};
        break;
      case 'sign-in':
        fields = { userId: options.userId, password: options.password };
        break;
      case 'two-step': {
        const code = /id="practice-code"[\s\S]*?<code>(\d{6})<\/code>/.exec(page)?.[1];
        if (!code) throw new Error('No practice access code on the 2-step verification page');
        fields = { accessCode: code };
        break;
      }
      case 'identity': {
        const m =
          /id="practice-answer"[\s\S]*?<code>([^<]+)<\/code>[\s\S]*?<code>(\d+) (\d+) (\d+)<\/code>/.exec(
            page,
          );
        if (!m) throw new Error('No practice answers on the identity page');
        fields = { nino: decode(m[1]!), dobDay: m[2]!, dobMonth: m[3]!, dobYear: m[4]! };
        break;
      }
      case 'grant': {
        const location = await post(form.action, { decision });
        if (
          new URL(location).origin === origin &&
          new URL(location).pathname.startsWith('/oauth/journey/')
        ) {
          // oob: the code is on the page, in its title (reference §2.8).
          const done = await get(location);
          const title = decode(/<title>([^<]*)<\/title>/.exec(done)?.[1] ?? '');
          return result(undefined, title);
        }
        return result(location, undefined);
      }
    }
    page = await get(await post(form.action, fields));
  }
  throw new Error('Practice HMRC journey did not finish');
}
