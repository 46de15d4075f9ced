import type { BusinessKind } from '@shared/domain/business-kinds';
import type { ReviewLine } from '@shared/ipc/channels/review';
import { flattenBody, lineLabel, type FlatValue } from './flatten-body';

/**
 * The update line by line beside the one it replaces at HMRC (each cumulative update replaces
 * the previous one for the year, reference §5.3): a line is `changed` when its value differs.
 * A field missing on one side counts as zero when the other side has it, since HMRC treats an
 * absent amount as nothing; a line that is zero on both sides is unchanged.
 */
export function compareUpdates(
  kind: BusinessKind,
  current: unknown,
  previous: unknown,
): ReviewLine[] {
  const now = flattenBody(current);
  const before = previous === undefined ? undefined : flattenBody(previous);
  const paths = [...now.keys()];
  // Lines only the previous update had (e.g. itemised then, consolidated now) are shown too:
  // they drop to zero.
  for (const path of before?.keys() ?? []) if (!now.has(path)) paths.push(path);

  const lines = paths.map((path, index) => {
    const label = lineLabel(kind, path, index);
    const value = now.get(path);
    const old = before?.get(path);
    const line: ReviewLine = {
      path,
      section: label.section,
      label: label.label,
      ...(label.hint ? { hint: label.hint } : {}),
      changed: before ? differs(value, old) : false,
    };
    setValue(line, value, 'current');
    if (before) setValue(line, old ?? zeroLike(value), 'previous');
    return { line, order: label.order };
  });
  return lines.sort((a, b) => a.order - b.order).map((l) => l.line);
}

function zeroLike(value: FlatValue | undefined): FlatValue | undefined {
  return value?.kind === 'money' ? { kind: 'money', pence: 0 } : undefined;
}

function differs(a: FlatValue | undefined, b: FlatValue | undefined): boolean {
  const av = a ?? zeroLike(b);
  const bv = b ?? zeroLike(a);
  if (!av || !bv) return av !== bv;
  if (av.kind === 'money' && bv.kind === 'money') return av.pence !== bv.pence;
  if (av.kind === 'date' && bv.kind === 'date') return av.text !== bv.text;
  return true;
}

function setValue(
  line: ReviewLine,
  value: FlatValue | undefined,
  which: 'current' | 'previous',
): void {
  if (!value) {
    if (which === 'current' && line.section !== 'dates') line.pence = 0;
    return;
  }
  if (which === 'current') {
    if (value.kind === 'money') line.pence = value.pence;
    else line.text = value.text;
  } else if (value.kind === 'money') line.previousPence = value.pence;
  else line.previousText = value.text;
}
