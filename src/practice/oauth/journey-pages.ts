import { type UserRecord } from '../state/model';
import { type FieldError, errorFor, errorSummary, escapeHtml } from './page-layout';
import { describeScope } from './scope-descriptions';

/** Page bodies for the grant journey, mirroring HMRC's steps 3-8. [seed-sign-up.md] */
export interface PageContent {
  title: string;
  body: string;
}

interface InputOptions {
  id: string;
  name: string;
  label: string;
  hint?: string;
  type?: 'text' | 'password';
  value?: string;
  autocomplete?: string;
  inputmode?: string;
  className?: string;
  errors: FieldError[];
}

function input(o: InputOptions): string {
  const error = errorFor(o.errors, o.id);
  const describedBy = [o.hint ? `${o.id}-hint` : '', error ? `${o.id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return `<div class="field">
<label for="${o.id}">${escapeHtml(o.label)}</label>
${o.hint ? `<span class="hint" id="${o.id}-hint">${escapeHtml(o.hint)}</span>` : ''}
${error ? `<span class="error-message" id="${o.id}-error"><span class="visually-hidden">Error: </span>${escapeHtml(error.message)}</span>` : ''}
<input type="${o.type ?? 'text'}" id="${o.id}" name="${o.name}" value="${escapeHtml(o.value ?? '')}"${
    o.autocomplete ? ` autocomplete="${o.autocomplete}"` : ''
  }${o.inputmode ? ` inputmode="${o.inputmode}"` : ''}${o.className ? ` class="${o.className}"` : ''}${
    describedBy ? ` aria-describedby="${describedBy}"` : ''
  }${error ? ' aria-invalid="true"' : ''} spellcheck="false">
</div>`;
}

function title(base: string, errors: FieldError[]): string {
  return `${errors.length ? 'Error: ' : ''}${base} – Practice HMRC`;
}

function form(action: string, inner: string): string {
  return `<form method="post" action="${escapeHtml(action)}" novalidate>${inner}</form>`;
}

export function startPage(action: string, appName: string): PageContent {
  return {
    title: 'Give software authority to deal with HMRC – Practice HMRC',
    body: `<h1>Give ${escapeHtml(appName)} authority to deal with HMRC for you</h1>
<p class="lead">${escapeHtml(appName)} wants to work with your Income Tax information.</p>
<p>You will:</p>
<ol class="steps">
<li>sign in with your user ID and password</li>
<li>enter an access code (2-step verification)</li>
<li>confirm your identity, if you are an individual</li>
<li>choose whether to give ${escapeHtml(appName)} authority</li>
</ol>
<div class="practice-note"><strong>This is practice.</strong> Use one of the practice test users. Nothing you do here reaches HMRC.</div>
${form(action, '<div class="actions"><button type="submit">Continue</button></div>')}`,
  };
}

export function signInPage(
  action: string,
  errors: FieldError[],
  values: { userId?: string },
  testUsers: UserRecord[],
): PageContent {
  const rows = testUsers
    .map(
      (u) =>
        `<tr><td><code>${escapeHtml(u.userId)}</code></td><td><code>${escapeHtml(u.password)}</code></td><td>${escapeHtml(
          u.kind === 'agent' ? 'Agent' : 'Individual',
        )}</td><td>${escapeHtml(u.name)}</td></tr>`,
    )
    .join('');
  return {
    title: title('Sign in', errors),
    body: `${errorSummary(errors)}<h1>Sign in</h1>
${form(
  action,
  `${input({
    id: 'user-id',
    name: 'userId',
    label: 'User ID',
    hint: 'Agents: use your agent services account user ID.',
    value: values.userId ?? '',
    autocomplete: 'username',
    errors,
  })}
${input({ id: 'password', name: 'password', label: 'Password', type: 'password', autocomplete: 'current-password', errors })}
<div class="actions"><button type="submit">Sign in</button></div>`,
)}
<details><summary>Practice test users</summary>
<table><caption class="muted">Practice user IDs and passwords (practice only)</caption>
<thead><tr><th scope="col">User ID</th><th scope="col">Password</th><th scope="col">Type</th><th scope="col">Name</th></tr></thead>
<tbody>${rows}</tbody></table></details>`,
  };
}

export function twoStepPage(action: string, errors: FieldError[], code: string): PageContent {
  return {
    title: title('Enter the access code', errors),
    body: `${errorSummary(errors)}<h1>Enter the access code</h1>
<p>We have sent a 6-digit access code to your phone ending in 0123.</p>
<div class="practice-note" id="practice-code"><strong>Practice access code</strong>In practice no text message is sent. Your code is <code>${escapeHtml(
      code,
    )}</code></div>
${form(
  action,
  `${input({
    id: 'access-code',
    name: 'accessCode',
    label: 'Access code',
    hint: 'The code is 6 digits, for example 123456.',
    autocomplete: 'one-time-code',
    inputmode: 'numeric',
    className: 'code',
    errors,
  })}
<div class="actions"><button type="submit">Continue</button></div>`,
)}`,
  };
}

export function identityPage(
  action: string,
  errors: FieldError[],
  values: Record<string, string>,
  answer: { nino: string; dateOfBirth: string },
): PageContent {
  const [y, m, d] = answer.dateOfBirth.split('-');
  const dobError = errorFor(errors, 'dob-day');
  return {
    title: title('Confirm your identity', errors),
    body: `${errorSummary(errors)}<h1>Confirm your identity</h1>
<p>We need to check it is you before you give software authority.</p>
<div class="practice-note" id="practice-answer"><strong>Practice answers</strong>National Insurance number <code>${escapeHtml(
      answer.nino,
    )}</code>, date of birth <code>${escapeHtml(`${d} ${m} ${y}`)}</code> (day month year).</div>
${form(
  action,
  `${input({
    id: 'nino',
    name: 'nino',
    label: 'National Insurance number',
    hint: 'It is on your National Insurance card or letter, for example QQ 12 34 56 C.',
    value: values.nino ?? '',
    errors,
  })}
<fieldset role="group" aria-describedby="dob-hint${dobError ? ' dob-error' : ''}">
<legend>Date of birth</legend>
<span class="hint" id="dob-hint">For example, 27 3 1985</span>
${dobError ? `<span class="error-message" id="dob-error">${escapeHtml(dobError.message)}</span>` : ''}
<div class="date-parts">
<div><label for="dob-day">Day</label><input class="short" type="text" inputmode="numeric" id="dob-day" name="dobDay" value="${escapeHtml(
    values.dobDay ?? '',
  )}" autocomplete="bday-day"${dobError ? ' aria-invalid="true"' : ''}></div>
<div><label for="dob-month">Month</label><input class="short" type="text" inputmode="numeric" id="dob-month" name="dobMonth" value="${escapeHtml(
    values.dobMonth ?? '',
  )}" autocomplete="bday-month"${dobError ? ' aria-invalid="true"' : ''}></div>
<div><label for="dob-year">Year</label><input class="short" type="text" inputmode="numeric" id="dob-year" name="dobYear" value="${escapeHtml(
    values.dobYear ?? '',
  )}" autocomplete="bday-year"${dobError ? ' aria-invalid="true"' : ''}></div>
</div></fieldset>
<div class="actions"><button type="submit">Continue</button></div>`,
)}`,
  };
}

export function grantPage(
  action: string,
  appName: string,
  scopes: string[],
  user: UserRecord,
): PageContent {
  const items = scopes.map((s) => `<li>${escapeHtml(describeScope(s))}</li>`).join('');
  const who =
    user.kind === 'agent'
      ? `You are signed in as an agent (${escapeHtml(user.name)}). The software will act for the clients who have authorised you.`
      : `You are signed in as ${escapeHtml(user.name)}.`;
  return {
    title: 'Grant authority – Practice HMRC',
    body: `<h1>Give ${escapeHtml(appName)} authority</h1>
<p>${who}</p>
<h2 id="scopes-heading">${escapeHtml(appName)} will be able to:</h2>
<ul class="scopes" aria-labelledby="scopes-heading">${items}</ul>
<p>You are giving authority for 18 months. You can take it back at any time.</p>
${form(
  action,
  `<div class="actions">
<button type="submit" name="decision" value="grant">Grant authority</button>
<button type="submit" name="decision" value="decline" class="secondary">Do not grant authority</button>
</div>`,
)}`,
  };
}

/**
 * For `urn:ietf:wg:oauth:2.0:oob` HMRC shows the code in the page title, where installed apps
 * can read it; the person can also copy it. [reference §2.8]
 */
export function oobCodePage(code: string, state: string | undefined, appName: string): PageContent {
  // state is percent-encoded so the title stays parseable as a query string.
  const titleText =
    state === undefined
      ? `Success code=${code}`
      : `Success code=${code}&state=${encodeURIComponent(state)}`;
  return {
    title: titleText,
    body: `<h1>Authority granted</h1>
<p>Copy this code and paste it into ${escapeHtml(appName)}:</p>
<code class="big" id="authorisation-code">${escapeHtml(code)}</code>
<p class="muted">The code works once and expires after 10 minutes.</p>`,
  };
}

export function oobDeclinedPage(state: string | undefined): PageContent {
  return {
    title: `Denied error=access_denied${state === undefined ? '' : `&state=${encodeURIComponent(state)}`}`,
    body: `<h1>You did not grant authority</h1>
<p>The software cannot deal with HMRC for you. You can close this window and go back to the software.</p>`,
  };
}

export function errorPage(error: string, description: string): PageContent {
  return {
    title: `Error: ${error} – Practice HMRC`,
    body: `<h1>There is a problem with the link from your software</h1>
<p>The software sent a request HMRC would refuse.</p>
<table><tbody>
<tr><th scope="row">Error code</th><td><code id="error-code">${escapeHtml(error)}</code></td></tr>
<tr><th scope="row">Description</th><td id="error-description">${escapeHtml(description)}</td></tr>
</tbody></table>`,
  };
}

export function expiredPage(): PageContent {
  return {
    title: 'Your session has ended – Practice HMRC',
    body: `<h1>Your session has ended</h1>
<p>For your security, this sign-in has timed out or was already used. Go back to the software and start again.</p>`,
  };
}
