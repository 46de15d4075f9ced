import type { SignOffPack } from '@shared/ipc/channels/agents';

/**
 * The sign-off pack as one self-contained, script-free HTML page for printing to PDF (no
 * external resources; every value escaped). The window's print view uses the same words.
 */
const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const METHOD: Record<string, string> = {
  'in-person': 'in person',
  phone: 'by phone',
  email: 'by email',
  letter: 'by letter',
  video: 'by video call',
};

export function packHtml(pack: SignOffPack): string {
  const table = (lines: SignOffPack['sections'][number]['lines']) =>
    `<table><tbody>${lines
      .map(
        (l) =>
          `<tr><th scope="row">${esc(l.label)}</th><td class="num">${esc(l.amount)}</td><td>${esc(l.change ?? '')}</td></tr>`,
      )
      .join('')}</tbody></table>`;
  const sections = pack.sections.map((s) => `<h2>${esc(s.heading)}</h2>${table(s.lines)}`).join('');
  const calc = pack.hmrcCalculation
    ? `<h2>HMRC’s calculation</h2><p>Calculation ${esc(pack.hmrcCalculation.calculationId)}</p>${table(pack.hmrcCalculation.lines)}`
    : '';
  const approval = pack.approval
    ? `<p><strong>Approved</strong> on ${esc(pack.approval.approvedOn)} ${esc(METHOD[pack.approval.method] ?? pack.approval.method)}${pack.approval.note ? `: ${esc(pack.approval.note.replace(/\.+$/, ''))}` : ''}.</p>`
    : '<p>Signed: ______________________ Date: ____________</p>';
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(pack.title)}</title>
<style>
@page { size: A4; margin: 18mm; }
body { font: 11pt/1.45 system-ui, sans-serif; color: #000; background: #fff; }
h1 { font-size: 17pt; margin: 0 0 .3em; } h2 { font-size: 13pt; margin: 1.2em 0 .3em; break-after: avoid; }
table { border-collapse: collapse; width: 100%; break-inside: avoid; table-layout: fixed; }
th { width: 50%; } td.num { width: 18%; } .mono { white-space: nowrap; }
th, td { text-align: left; padding: .25em .4em; border-bottom: 1px solid #999; vertical-align: top; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.meta { color: #333; } ul { padding-left: 1.2em; }
</style></head><body>
<h1>${esc(pack.title)}</h1>
<p class="meta">For ${esc(pack.clientName)} (National Insurance number ${esc(pack.clientNino)}). Prepared by ${esc(pack.agentName)} on ${esc(pack.preparedOn)}. Reference <span class="mono">${esc(pack.reference)}</span>.</p>
<p>${esc(pack.summary)}</p>
<p>${esc(pack.comparedWith)}</p>
${sections}${calc}
<h2>Please confirm</h2><ul>${pack.confirmations.map((c) => `<li>${esc(c)}</li>`).join('')}</ul>
${approval}
</body></html>`;
}
