import { type FastifyInstance, type FastifyReply } from 'fastify';
import { type RegisteredClient } from '../registered-client';
import { type UserRecord } from '../state/model';
import { type PracticeStore } from '../state/store';
import { validateAuthorizeRequest } from './authorize-request';
import { type Journey, type JourneyStep, type JourneyStore } from './journey-store';
import {
  type PageContent,
  errorPage,
  expiredPage,
  grantPage,
  identityPage,
  oobCodePage,
  oobDeclinedPage,
  signInPage,
  startPage,
  twoStepPage,
} from './journey-pages';
import { type FieldError, PAGE_CSP, renderPage } from './page-layout';
import { type TokenStore } from './token-store';

const OOB = 'urn:ietf:wg:oauth:2.0:oob';

export interface JourneyDeps {
  store: PracticeStore;
  tokens: TokenStore;
  journeys: JourneyStore;
  clients: RegisteredClient[];
}

function sendPage(reply: FastifyReply, status: number, page: PageContent): FastifyReply {
  return (
    reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', PAGE_CSP)
      // The final redirect carries the code; keep it out of Referer headers.
      .header('referrer-policy', 'no-referrer')
      .header('x-frame-options', 'DENY')
      .send(renderPage(page))
  );
}

function withQuery(uri: string, params: Record<string, string | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) qs.append(k, v);
  return `${uri}${uri.includes('?') ? '&' : '?'}${qs.toString()}`;
}

function normaliseNino(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/**
 * The grant authority journey (HMRC's steps 3-8): start page, sign in, 2-step verification,
 * identity check for individuals, grant authority, redirect. Each step is a POST followed by a
 * 303 to the journey page (post/redirect/get), so refreshing never resubmits a form.
 */
export function registerJourneyRoutes(app: FastifyInstance, deps: JourneyDeps): void {
  const { store, tokens, journeys, clients } = deps;
  const journeyUrl = (j: Journey) => `/oauth/journey/${j.id}`;
  const stepUrl = (j: Journey, step: JourneyStep) => `${journeyUrl(j)}/${step}`;
  const appName = (j: Journey) =>
    clients.find((c) => c.clientId === j.request.clientId)?.name ?? 'Your software';
  const practiceUsers = (): UserRecord[] => store.data.users.slice(0, 24);

  app.get('/oauth/authorize', async (req, reply) => {
    const params = new URL(req.url, 'http://practice.invalid').searchParams;
    const result = validateAuthorizeRequest(params, clients);
    // Authorise errors are shown in the browser as HTTP 400 pages. [reference §2.2]
    if (!result.ok) return sendPage(reply, 400, errorPage(result.error, result.description));
    const journey = journeys.create(result.request);
    return sendPage(reply, 200, startPage(stepUrl(journey, 'start'), appName(journey)));
  });

  function render(j: Journey): PageContent {
    const errors = j.errors;
    const values = j.values;
    j.errors = [];
    j.values = {};
    const user = j.userId ? store.user(j.userId) : undefined;
    switch (j.step) {
      case 'start':
        return startPage(stepUrl(j, 'start'), appName(j));
      case 'sign-in':
        return signInPage(stepUrl(j, 'sign-in'), errors, values, practiceUsers());
      case 'two-step':
        return twoStepPage(stepUrl(j, 'two-step'), errors, j.accessCode);
      case 'identity': {
        const taxpayer = user?.nino ? store.taxpayer(user.nino) : undefined;
        return identityPage(stepUrl(j, 'identity'), errors, values, {
          nino: taxpayer?.nino ?? '',
          dateOfBirth: taxpayer?.dateOfBirth ?? '1900-01-01',
        });
      }
      case 'grant':
        return grantPage(stepUrl(j, 'grant'), appName(j), j.request.scopes, user as UserRecord);
      case 'done':
        if (j.request.redirectUri === OOB && j.outcome?.kind === 'granted') {
          return oobCodePage(j.outcome.code, j.request.state, appName(j));
        }
        if (j.request.redirectUri === OOB) return oobDeclinedPage(j.request.state);
        return expiredPage();
    }
  }

  app.get<{ Params: { id: string } }>('/oauth/journey/:id', async (req, reply) => {
    const j = journeys.get(req.params.id);
    if (!j) return sendPage(reply, 400, expiredPage());
    return sendPage(reply, 200, render(j));
  });

  app.post<{ Params: { id: string; step: string } }>(
    '/oauth/journey/:id/:step',
    async (req, reply) => {
      const j = journeys.get(req.params.id);
      if (!j) return sendPage(reply, 400, expiredPage());
      const back = () =>
        reply
          .code(303)
          .header('location', journeyUrl(j))
          .header('cache-control', 'no-store')
          .send();
      // A POST for a step that is not the current one (back button, double submit) just shows
      // the current step again.
      if (req.params.step !== j.step) return back();
      const form = new URLSearchParams(typeof req.body === 'string' ? req.body : '');
      const field = (name: string) => (form.get(name) ?? '').trim();
      const errors: FieldError[] = [];

      switch (j.step) {
        case 'start':
          j.step = 'sign-in';
          return back();

        case 'sign-in': {
          const userId = field('userId');
          const password = form.get('password') ?? '';
          if (!userId) errors.push({ field: 'user-id', message: 'Enter your user ID' });
          if (!password) errors.push({ field: 'password', message: 'Enter your password' });
          const user = errors.length === 0 ? store.user(userId) : undefined;
          if (errors.length === 0 && (!user || user.password !== password)) {
            errors.push({ field: 'user-id', message: 'Enter a correct user ID and password' });
          }
          if (errors.length > 0 || !user) {
            j.errors = errors;
            j.values = { userId };
            return back();
          }
          j.userId = user.userId;
          j.step = 'two-step';
          return back();
        }

        case 'two-step': {
          const code = field('accessCode').replace(/\s+/g, '');
          if (!code) errors.push({ field: 'access-code', message: 'Enter the access code' });
          else if (!/^\d{6}$/.test(code))
            errors.push({ field: 'access-code', message: 'Enter the access code using 6 digits' });
          else if (code !== j.accessCode) {
            errors.push({
              field: 'access-code',
              message: 'The access code is not right. Check the code and try again',
            });
          }
          if (errors.length > 0) {
            j.errors = errors;
            return back();
          }
          const user = j.userId ? store.user(j.userId) : undefined;
          // Identity checks apply to individuals; agents have done theirs for their agent
          // services account. [reference §2.10; seed step 6 "if applicable"]
          j.step = user?.kind === 'individual' ? 'identity' : 'grant';
          return back();
        }

        case 'identity': {
          const user = j.userId ? store.user(j.userId) : undefined;
          const taxpayer = user?.nino ? store.taxpayer(user.nino) : undefined;
          const nino = normaliseNino(field('nino'));
          const [d, m, y] = [field('dobDay'), field('dobMonth'), field('dobYear')];
          if (!nino)
            errors.push({ field: 'nino', message: 'Enter your National Insurance number' });
          else if (nino !== taxpayer?.nino) {
            errors.push({
              field: 'nino',
              message: 'The National Insurance number does not match our records',
            });
          }
          const dob = `${y.padStart(4, '0')}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
          if (!d || !m || !y)
            errors.push({ field: 'dob-day', message: 'Enter your date of birth' });
          else if (dob !== taxpayer?.dateOfBirth) {
            errors.push({
              field: 'dob-day',
              message: 'The date of birth does not match our records',
            });
          }
          if (errors.length > 0) {
            j.errors = errors;
            j.values = { nino: field('nino'), dobDay: d, dobMonth: m, dobYear: y };
            return back();
          }
          j.step = 'grant';
          return back();
        }

        case 'grant': {
          const decision = field('decision');
          const { redirectUri, state } = j.request;
          if (decision !== 'grant' && decision !== 'decline') return back();
          j.step = 'done';
          if (decision === 'grant' && j.userId) {
            const code = tokens.issueCode({
              clientId: j.request.clientId,
              redirectUri,
              scopes: j.request.scopes,
              userId: j.userId,
              ...(j.request.codeChallenge ? { codeChallenge: j.request.codeChallenge } : {}),
            });
            j.outcome = { kind: 'granted', code };
            if (redirectUri === OOB) return back();
            return reply
              .code(303)
              .header('location', withQuery(redirectUri, { code, state }))
              .send();
          }
          j.outcome = { kind: 'declined' };
          if (redirectUri === OOB) return back();
          // [reference §2.3; UR "Receive authorisation results"]
          return reply
            .code(303)
            .header(
              'location',
              withQuery(redirectUri, {
                error: 'access_denied',
                error_description: 'user denied the authorization',
                error_code: 'USER_DENIED_AUTHORIZATION',
                state,
              }),
            )
            .send();
        }

        case 'done':
          return back();
      }
    },
  );
}
