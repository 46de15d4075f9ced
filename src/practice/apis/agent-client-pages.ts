import { type FastifyInstance, type FastifyReply } from 'fastify';
import { type PracticeClock } from '../clock';
import {
  type FieldError,
  PAGE_CSP,
  errorFor,
  errorSummary,
  escapeHtml,
  renderPage,
} from '../oauth/page-layout';
import { type InvitationRecord } from '../state/invitation-model';
import { invitationsOf, respondToInvitation, statusOf } from '../state/invitations';
import { type PracticeStore } from '../state/store';

/**
 * The client's side of an authorisation request: the page the agent's link opens, where the
 * client signs in and accepts or declines. HMRC's own page lives at the `clientActionUrl` the API
 * returns; Practice HMRC serves its stand-in here, plain and keyboard-only (no scripts), with
 * post/redirect/get so a refresh never answers twice. [AA application.yaml
 * AgentsInvitationsResponse.clientActionUrl]
 */
const ROLE: Record<InvitationRecord['agentType'], string> = {
  main: 'main agent: they can do everything you can for your Income Tax, including your final declaration',
  supporting:
    'supporting agent: they can send quarterly updates and see some information, but cannot see your calculation or make your final declaration',
};

function send(reply: FastifyReply, status: number, title: string, body: string): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-security-policy', PAGE_CSP)
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'DENY')
    .send(renderPage({ title: `${title} – Practice HMRC`, body }));
}

function field(
  id: string,
  name: string,
  label: string,
  type: string,
  errors: FieldError[],
  autocomplete: string,
): string {
  const error = errorFor(errors, id);
  return `<div class="field"><label for="${id}">${label}</label>
${error ? `<span class="error-message" id="${id}-error"><span class="visually-hidden">Error: </span>${escapeHtml(error.message)}</span>` : ''}
<input type="${type}" id="${id}" name="${name}" autocomplete="${autocomplete}"${error ? ` aria-invalid="true" aria-describedby="${id}-error"` : ''}></div>`;
}

export function registerAgentClientPages(
  app: FastifyInstance,
  deps: { store: PracticeStore; clock: PracticeClock },
): void {
  const { store, clock } = deps;
  const find = (id: string) => invitationsOf(store.data).find((i) => i.invitationId === id);
  const agentName = (inv: InvitationRecord) => store.user(inv.agentUserId)?.name ?? 'An agent';

  const render = (
    reply: FastifyReply,
    inv: InvitationRecord,
    errors: FieldError[],
    status = 200,
  ) => {
    const state = statusOf(inv, clock.now());
    const who = escapeHtml(agentName(inv));
    if (state !== 'Pending') {
      const done: Record<string, string> = {
        Accepted: `You have accepted. ${who} can now act for you.`,
        Rejected: `You have declined. ${who} cannot act for you.`,
        Cancelled: `${who} cancelled this request. Ask them for a new link if you still want them to act for you.`,
        Expired: 'This request has expired (requests last 21 days). Ask your agent for a new link.',
        Deauthorised: `${who} no longer acts for you.`,
      };
      return send(
        reply,
        status,
        'Authorisation request',
        `<h1>Authorisation request</h1>
<p class="lead" role="status">${done[state] ?? ''}</p>`,
      );
    }
    return send(
      reply,
      status,
      errors.length ? 'Error: Authorisation request' : 'Authorisation request',
      `${errorSummary(errors)}
<h1>${who} wants to act for you</h1>
<p class="lead">They are asking to be your ${escapeHtml(ROLE[inv.agentType])}.</p>
<p>Service: Making Tax Digital for Income Tax. This request expires on ${escapeHtml(inv.expiryDate)}.</p>
<div class="practice-note"><strong>This is practice.</strong> Sign in as the client the request was sent to (their practice user ID and password).</div>
<form method="post" action="/agent-client/invitations/${escapeHtml(inv.invitationId)}" novalidate>
${field('user-id', 'userId', 'User ID', 'text', errors, 'username')}
${field('password', 'password', 'Password', 'password', errors, 'current-password')}
<fieldset${errorFor(errors, 'answer-accept') ? ' aria-describedby="answer-accept-error"' : ''}><legend>Do you want ${who} to act for you?</legend>
${errorFor(errors, 'answer-accept') ? `<span class="error-message" id="answer-accept-error">${escapeHtml(errorFor(errors, 'answer-accept')?.message ?? '')}</span>` : ''}
<div><input type="radio" id="answer-accept" name="answer" value="accept"> <label for="answer-accept" style="display:inline">Yes, accept</label></div>
<div><input type="radio" id="answer-decline" name="answer" value="decline"> <label for="answer-decline" style="display:inline">No, decline</label></div>
</fieldset>
<div class="actions"><button type="submit">Send answer</button></div>
</form>`,
    );
  };

  app.get<{ Params: { id: string } }>('/agent-client/invitations/:id', async (req, reply) => {
    const inv = find(req.params.id);
    if (!inv)
      return send(
        reply,
        404,
        'Request not found',
        '<h1>We cannot find this request</h1><p>Check the link your agent sent you.</p>',
      );
    return render(reply, inv, []);
  });

  app.post<{ Params: { id: string } }>('/agent-client/invitations/:id', async (req, reply) => {
    const inv = find(req.params.id);
    if (!inv)
      return send(
        reply,
        404,
        'Request not found',
        '<h1>We cannot find this request</h1><p>Check the link your agent sent you.</p>',
      );
    if (statusOf(inv, clock.now()) !== 'Pending') return render(reply, inv, [], 409);
    const form = new URLSearchParams(typeof req.body === 'string' ? req.body : '');
    const userId = (form.get('userId') ?? '').trim();
    const password = form.get('password') ?? '';
    const answer = form.get('answer');
    const errors: FieldError[] = [];
    const user = store.user(userId);
    if (!user || user.password !== password)
      errors.push({ field: 'user-id', message: 'Enter a correct user ID and password' });
    else if (user.nino !== inv.clientId)
      errors.push({
        field: 'user-id',
        message: 'This request was sent to someone else. Sign in as the client it was sent to.',
      });
    if (answer !== 'accept' && answer !== 'decline')
      errors.push({ field: 'answer-accept', message: 'Select whether you accept or decline' });
    if (errors.length > 0) return render(reply, inv, errors, 400);
    respondToInvitation(
      store.data,
      inv,
      answer === 'accept' ? 'Accepted' : 'Rejected',
      clock.now(),
    );
    store.changed();
    return reply
      .code(303)
      .header('location', `/agent-client/invitations/${inv.invitationId}`)
      .send();
  });
}
