import { type FastifyInstance } from 'fastify';
import { PAGE_CSP, escapeHtml, renderPage } from '../oauth/page-layout';
import { type RegisteredClient } from '../registered-client';
import { type PracticeTestUser } from '../state/public-users';
import { PRACTICE_FIGURES_NOTICE } from './calculation-document';

/**
 * The facts a person practising needs to pick the right user: ITSA status per year (whether
 * quarterly updates are due at all), Scottish rates, and each business with its id.
 */
function facts(u: PracticeTestUser): string {
  const lines: string[] = [];
  const statuses = Object.entries(u.itsaStatuses ?? {});
  if (statuses.length > 0) {
    lines.push(`ITSA status: ${statuses.map(([year, status]) => `${year} ${status}`).join('; ')}`);
  }
  if (u.taxRegime === 'scotland') lines.push('Scottish taxpayer: Scottish rates and bands');
  for (const b of u.businesses ?? []) {
    lines.push(`${b.businessId}: ${b.typeOfBusiness}${b.tradingName ? ` (${b.tradingName})` : ''}`);
  }
  return lines.length === 0
    ? ''
    : `<ul class="facts">${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`;
}

/** `GET /`: what Practice HMRC is, its registered application and its practice users. */
export function registerHomePage(
  app: FastifyInstance,
  client: RegisteredClient,
  users: () => PracticeTestUser[],
): void {
  app.get('/', async (_req, reply) => {
    const rows = users()
      .map(
        (
          u,
        ) => `<tr><td><code>${escapeHtml(u.userId)}</code></td><td><code>${escapeHtml(u.password)}</code></td>
<td>${u.kind === 'agent' ? 'Agent' : 'Individual'}${u.nino ? `<br><code>${escapeHtml(u.nino)}</code>` : ''}</td>
<td>${escapeHtml(u.name)}<br><span class="muted">${escapeHtml(u.description)}</span>${facts(u)}</td></tr>`,
      )
      .join('');
    const body = `<h1>Practice HMRC</h1>
<p class="lead">A local stand-in for HMRC's sign-in pages and Making Tax Digital for Income Tax APIs. Try every step; nothing is sent to HMRC.</p>
<div class="practice-note"><strong>Practice figures</strong>${escapeHtml(PRACTICE_FIGURES_NOTICE)}</div>
<h2>How Practice HMRC differs from HMRC's sandbox</h2>
<p>Practice HMRC keeps what you send: later answers, obligations and calculations follow from it, as with HMRC itself. HMRC's sandbox answers most requests without a <code>Gov-Test-Scenario</code> header with a canned success and keeps nothing; only <code>STATEFUL</code> works on stored data there. Start Practice HMRC with <code>--sandbox-default</code> to answer the sandbox's way.</p>
<p>As at HMRC, a calculation is ready about 5 seconds after it is triggered, and an update or final declaration can take up to an hour to show as fulfilled in your obligations.</p>
<h2>Registered application</h2>
<table><tbody>
<tr><th scope="row">Client ID</th><td><code>${escapeHtml(client.clientId)}</code></td></tr>
<tr><th scope="row">Client secret</th><td><code>${escapeHtml(client.clientSecret)}</code> (practice only, not confidential)</td></tr>
<tr><th scope="row">Redirect URIs</th><td>${client.redirectUris.map((u) => `<code>${escapeHtml(u)}</code>`).join('<br>')}</td></tr>
</tbody></table>
<h2>Practice users</h2>
<table><thead><tr><th scope="col">User ID</th><th scope="col">Password</th><th scope="col">Type</th><th scope="col">Who</th></tr></thead>
<tbody>${rows}</tbody></table>`;
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', PAGE_CSP)
      .send(renderPage({ title: 'Practice HMRC', body }));
  });
}
