/**
 * The look of Practice HMRC's browser pages: plain, readable, light and dark, and clearly NOT
 * GOV.UK or HMRC branding. No JavaScript; every step works with a keyboard alone.
 */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLES = `
:root { color-scheme: light dark; --bg:#f6f7f9; --fg:#1d232b; --muted:#555f6d; --card:#ffffff;
  --border:#c5ccd6; --accent:#1f5fa8; --accent-fg:#ffffff; --banner:#5b2a86; --banner-fg:#ffffff;
  --error:#b3261e; --note:#eef2f8; --focus:#ffbf47; }
@media (prefers-color-scheme: dark) {
  :root { --bg:#14171c; --fg:#e8ebef; --muted:#a9b2be; --card:#1d2229; --border:#3b4452;
    --accent:#7fb0ec; --accent-fg:#0b1420; --banner:#c9a2ef; --banner-fg:#1a0d26; --error:#ff8a80;
    --note:#232b36; }
}
* { box-sizing: border-box; }
body { margin:0; background:var(--bg); color:var(--fg);
  font: 1.0625rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
a { color:var(--accent); }
.visually-hidden { position:absolute !important; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap; }
.skip { position:absolute; left:-999px; top:0; background:var(--focus); color:#000; padding:.5rem 1rem; }
.skip:focus { left:1rem; }
.banner { background:var(--banner); color:var(--banner-fg); padding:.6rem 1rem; font-weight:600; text-align:center; }
div.site { border-bottom:1px solid var(--border); padding:.75rem 0; }
div.site .inner, main { max-width:40rem; margin:0 auto; padding-left:1rem; padding-right:1rem; }
div.site .name { font-weight:700; letter-spacing:.02em; }
main { padding-top:1.5rem; padding-bottom:3rem; }
h1 { font-size:1.75rem; line-height:1.2; margin:.25rem 0 1rem; }
h2 { font-size:1.2rem; margin:1.5rem 0 .5rem; }
.card { background:var(--card); border:1px solid var(--border); border-radius:.5rem; padding:1.25rem; }
.lead { font-size:1.125rem; }
.muted, .hint { color:var(--muted); }
ul.facts { margin:.35rem 0 0; padding-left:1.1rem; font-size:.9rem; color:var(--muted); }
.hint { display:block; margin:.1rem 0 .4rem; font-size:.95rem; }
.field { margin:0 0 1.25rem; }
label, legend { font-weight:600; display:block; }
legend { padding:0; }
fieldset { border:0; padding:0; margin:0 0 1.25rem; }
input[type=text], input[type=password] { font:inherit; width:100%; max-width:22rem; padding:.5rem .6rem;
  border:2px solid var(--fg); border-radius:.25rem; background:var(--card); color:var(--fg); }
input.short { max-width:5.5rem; }
input.code { max-width:9rem; letter-spacing:.2em; }
.date-parts { display:flex; gap:1rem; }
.date-parts label { font-weight:400; }
input[aria-invalid=true] { border-color:var(--error); }
.error-message { color:var(--error); font-weight:600; display:block; margin:.1rem 0 .3rem; }
.error-summary { border:3px solid var(--error); padding:1rem; margin:0 0 1.5rem; border-radius:.375rem; background:var(--card); }
.error-summary h2 { margin-top:0; }
.error-summary a { color:var(--error); font-weight:600; }
.practice-note { background:var(--note); border-left:6px solid var(--banner); padding:.75rem 1rem; margin:0 0 1.25rem; }
.practice-note strong { display:block; }
.actions { display:flex; flex-wrap:wrap; gap:.75rem; margin-top:1.5rem; }
button { font:inherit; font-weight:600; padding:.6rem 1.2rem; border-radius:.3rem; cursor:pointer;
  border:2px solid var(--accent); background:var(--accent); color:var(--accent-fg); }
button.secondary { background:transparent; color:var(--accent); }
:focus-visible { outline:3px solid var(--focus); outline-offset:2px; }
ul.scopes li, ol.steps li { margin:.3rem 0; }
code.big { display:block; font-size:1.4rem; padding:.75rem; background:var(--note); border-radius:.3rem; word-break:break-all; }
table { border-collapse:collapse; width:100%; font-size:.95rem; }
th[scope=row] { width:9rem; }
th, td { text-align:left; padding:.35rem .5rem; border-bottom:1px solid var(--border); vertical-align:top; }
details { margin:1rem 0; }
summary { cursor:pointer; color:var(--accent); font-weight:600; }
footer { max-width:40rem; margin:0 auto; padding:0 1rem 2rem; color:var(--muted); font-size:.9rem; }
`;

export interface PageOptions {
  /** The document title (HMRC puts the oob code in the title, so callers may need it exact). */
  title: string;
  body: string;
  /** Whether the page has an error summary to announce. */
  hasErrors?: boolean;
}

export function renderPage({ title, body }: PageOptions): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLES}</style>
</head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<header class="site-top">
<div class="banner" role="note">Practice HMRC — nothing here is sent to HMRC</div>
<div class="site"><div class="inner"><span class="name">Practice HMRC</span> <span class="muted">· a local stand-in for HMRC's sign-in pages</span></div></div>
</header>
<main id="main" tabindex="-1">
${body}
</main>
<footer>Practice HMRC runs on your own computer. It is not HMRC and sends nothing to HMRC.</footer>
</body>
</html>`;
}

/** Content-Security-Policy for the pages: no scripts at all. No form-action limit, because the
 * final POST redirects to the app's registered redirect URI (custom scheme or loopback). */
export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'";

export interface FieldError {
  /** The id of the input the error belongs to (the summary links to it). */
  field: string;
  message: string;
}

export function errorSummary(errors: FieldError[]): string {
  if (errors.length === 0) return '';
  const items = errors
    .map((e) => `<li><a href="#${escapeHtml(e.field)}">${escapeHtml(e.message)}</a></li>`)
    .join('');
  // role=alert so screen readers announce it as soon as the page loads after a failed POST.
  return `<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">There is a problem</h2><ul>${items}</ul></div>`;
}

export function errorFor(errors: FieldError[], field: string): FieldError | undefined {
  return errors.find((e) => e.field === field);
}
