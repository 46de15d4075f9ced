import type { CopyReport } from './copy-ledger-rows';

const KINDS: Record<CopyReport['leftOut'][number]['type'], string> = {
  table: 'table',
  view: 'view',
  trigger: 'trigger',
  index: 'index',
  virtual: 'virtual table',
  shadow: 'table',
};

const MAX_NAMED = 5;

/** "a, b and c", or the first few and how many more. */
function listOf(items: readonly string[]): string {
  const shown = items.slice(0, MAX_NAMED);
  const more = items.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What an archive held that Ledgerlink did not take, and what it changed, in plain sentences:
 * the person should know that something in the file was left out, even when the import worked.
 */
export function describeImport(report: CopyReport & { filesLeftOut: string[] }): string[] {
  const notes: string[] = [];
  if (report.filesLeftOut.length > 0) {
    notes.push(
      `Left out ${plural(report.filesLeftOut.length, 'file', 'files')} that a profile does not keep: ${listOf(report.filesLeftOut.map((f) => f.slice(0, 80)))}.`,
    );
  }
  if (report.leftOut.length > 0) {
    notes.push(
      `Left out what Ledgerlink does not know in the records database: ${listOf(report.leftOut.map((o) => `${KINDS[o.type]} “${o.name}”`))}.`,
    );
  }
  if (report.columnsLeftOut.length > 0) {
    notes.push(
      `Left out ${plural(report.columnsLeftOut.length, 'column', 'columns')} Ledgerlink does not know: ${listOf(report.columnsLeftOut)}.`,
    );
  }
  if (report.replaced.length > 0) {
    notes.push(
      `Replaced ${plural(report.replaced.length, 'part', 'parts')} of the records database that had been changed (${listOf(report.replaced)}) with Ledgerlink’s own.`,
    );
  }
  if (report.reviewAgain > 0) {
    notes.push(
      `${plural(report.reviewAgain, 'approved update', 'approved updates')} came in as “review again”: Ledgerlink will not send ${report.reviewAgain === 1 ? 'it' : 'them'} to HMRC until you review and approve ${report.reviewAgain === 1 ? 'it' : 'them'} on this computer.`,
    );
  }
  return notes.map((n) => (n.length > 500 ? `${n.slice(0, 499)}…` : n));
}
