import Papa from 'papaparse';
import { isAgentRole, type AgentRole } from '@shared/domain/agent-permissions';
import { formatNino, validateNino } from '@shared/domain/nino';
import type { ImportPreview, ImportRow } from '@shared/ipc/channels/profiles';

/**
 * Reads an agent's client list from CSV (name, NINO, role) into a preview: every row with its
 * line number and its problems. Nothing is saved here; the service imports only the rows the
 * person confirmed, after checking them again.
 */

/** More than this is a different job (and a different file). */
export const MAX_CLIENT_ROWS = 5000;

type Column = 'name' | 'nino' | 'role';

/** Header spellings people use, lower-cased with spaces and punctuation removed. */
const HEADERS: Record<string, Column> = {
  name: 'name',
  clientname: 'name',
  fullname: 'name',
  client: 'name',
  nino: 'nino',
  ni: 'nino',
  ninumber: 'nino',
  nationalinsurancenumber: 'nino',
  nationalinsuranceno: 'nino',
  role: 'role',
  agentrole: 'role',
  agenttype: 'role',
  relationship: 'role',
  authorisation: 'role',
};

const ROLE_WORDS: Record<string, AgentRole> = {
  main: 'main',
  mainagent: 'main',
  supporting: 'supporting',
  supportingagent: 'supporting',
  support: 'supporting',
};

const squash = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

export interface ParsedClientRow extends ImportRow {
  /** Normalised NINO when valid. */
  normalisedNino?: string;
}

export interface ClientCsv {
  rows: ParsedClientRow[];
  fileProblems: string[];
}

/**
 * Parses the text. `existing(nino)` names the profile already holding a NINO (same
 * environment), so duplicates are caught in the preview, not on import.
 */
export function parseClientCsv(
  text: string,
  existing: (nino: string) => string | undefined,
): ClientCsv {
  const source = text.replace(/^\uFEFF/, '');
  const raw: { data: string[]; start: number; errors: Papa.ParseError[] }[] = [];
  let start = 0;
  Papa.parse<string[]>(source, {
    skipEmptyLines: false,
    step: (result) => {
      raw.push({ data: result.data, start, errors: result.errors });
      start = result.meta.cursor;
    },
  });
  // Line numbers count the file's lines, so a quoted field over two lines is not miscounted.
  const lineAt = (() => {
    const starts: number[] = [0];
    for (let i = 0; i < source.length; i += 1) if (source[i] === '\n') starts.push(i + 1);
    return (offset: number) => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    };
  })();

  const blank = (cells: string[]) => cells.every((c) => c.trim() === '');
  const headerIndex = raw.findIndex((r) => !blank(r.data));
  if (headerIndex < 0) {
    return {
      rows: [],
      fileProblems: ['The file is empty. Add a first line naming the columns: name, NINO, role.'],
    };
  }
  const header = raw[headerIndex]!;
  const columns = new Map<Column, number>();
  header.data.forEach((cell, i) => {
    const column = HEADERS[squash(cell)];
    if (column && !columns.has(column)) columns.set(column, i);
  });
  const missing = (['name', 'nino', 'role'] as const).filter((c) => !columns.has(c));
  if (missing.length > 0) {
    return {
      rows: [],
      fileProblems: [
        `Line ${lineAt(header.start)} must name the columns: name, NINO and role. ` +
          `Ledgerlink could not find ${missing.map((m) => (m === 'nino' ? 'NINO' : m)).join(', ')}.`,
      ],
    };
  }

  const body = raw.slice(headerIndex + 1).filter((r) => !blank(r.data));
  if (body.length > MAX_CLIENT_ROWS) {
    return {
      rows: [],
      fileProblems: [
        `The file has ${body.length} clients; Ledgerlink imports up to ${MAX_CLIENT_ROWS} at a time. Split it into smaller files.`,
      ],
    };
  }

  const seen = new Map<string, number>();
  const rows = body.map((r): ParsedClientRow => {
    const line = lineAt(r.start);
    const cell = (c: Column) => (r.data[columns.get(c)!] ?? '').trim();
    const name = cell('name').replace(/\s+/g, ' ');
    const ninoText = cell('nino');
    const roleText = cell('role');
    const problems: ImportRow['problems'] = [];

    if (r.errors.some((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes')) {
      problems.push({
        field: 'row',
        message:
          'A quotation mark on this line is not closed, so this line (and any after it) could not be read.',
      });
    } else if (r.data.some((c) => c.includes('\n'))) {
      problems.push({
        field: 'row',
        message: 'A value on this line runs over several lines. Check its quotation marks.',
      });
    }
    if (name === '') problems.push({ field: 'name', message: 'The name is missing.' });
    else if (name.length > 200)
      problems.push({ field: 'name', message: 'The name is longer than 200 characters.' });

    const nino = validateNino(ninoText);
    let normalisedNino: string | undefined;
    if (!nino.ok) problems.push({ field: 'nino', message: nino.message });
    else {
      const earlier = seen.get(nino.nino);
      const holder = existing(nino.nino);
      if (earlier !== undefined) {
        problems.push({
          field: 'nino',
          message: `${formatNino(nino.nino)} is also on line ${earlier}.`,
        });
      } else if (holder !== undefined) {
        problems.push({
          field: 'nino',
          message: `${formatNino(nino.nino)} is already in Ledgerlink as ${holder}.`,
        });
      } else {
        seen.set(nino.nino, line);
        normalisedNino = nino.nino;
      }
    }

    const roleWord = ROLE_WORDS[squash(roleText)];
    const role: AgentRole | null = roleWord && isAgentRole(roleWord) ? roleWord : null;
    if (!role) {
      problems.push({
        field: 'role',
        message:
          roleText === ''
            ? 'The role is missing: write main or supporting.'
            : `“${roleText.slice(0, 40)}” is not a role: write main or supporting.`,
      });
    }

    return {
      line,
      name: name.slice(0, 300),
      nino: (normalisedNino ?? ninoText).slice(0, 40),
      role,
      problems,
      ...(normalisedNino && problems.length === 0 ? { normalisedNino } : {}),
    };
  });
  return { rows, fileProblems: [] };
}

export function toPreview(csv: ClientCsv): ImportPreview {
  const valid = csv.rows.filter((r) => r.problems.length === 0).length;
  return {
    rows: csv.rows.map(({ normalisedNino: _n, ...row }) => row),
    valid,
    invalid: csv.rows.length - valid,
    fileProblems: csv.fileProblems,
  };
}
