import { describe, expect, it } from 'vitest';
import { MAX_CLIENT_ROWS, parseClientCsv, toPreview } from '../../../src/main/profiles/client-csv';

const none = () => undefined;
const problemsOf = (csv: string, existing: (nino: string) => string | undefined = none) =>
  parseClientCsv(csv, existing).rows.map((r) => [
    r.line,
    r.problems.map((p) => `${p.field}: ${p.message}`),
  ]);

describe('client CSV import', () => {
  it('reads name, NINO and role under the headers people use, in any order, ignoring other columns', () => {
    const csv =
      '\uFEFFRef,Agent type,Client name,NI number\r\n7,Main agent,Carys Clarke,ac 10 00 03 c\r\n8,supporting,Ewan Ellis,AH100005A\r\n';
    const { rows, fileProblems } = parseClientCsv(csv, none);
    expect(fileProblems).toEqual([]);
    expect(
      rows.map(({ line, name, nino, role, problems }) => ({ line, name, nino, role, problems })),
    ).toEqual([
      { line: 2, name: 'Carys Clarke', nino: 'AC100003C', role: 'main', problems: [] },
      { line: 3, name: 'Ewan Ellis', nino: 'AH100005A', role: 'supporting', problems: [] },
    ]);
  });

  it('gives each broken row its own problems and the line it is on, blank lines and quoted line breaks included', () => {
    const csv = [
      'name,nino,role',
      'Good One,AB123456C,main',
      '',
      '"Two\nLines",AB123456D,main',
      ',ZZ123456A,',
      'Dup,AB 12 34 56 C,supporting',
      'Taken,AC100003C,main',
      'Bad Role,JK123456A,boss',
    ].join('\n');
    expect(problemsOf(csv, (n) => (n === 'AC100003C' ? 'Carys Clarke' : undefined))).toEqual([
      [2, []],
      [4, ['row: A value on this line runs over several lines. Check its quotation marks.']],
      [
        6,
        [
          'name: The name is missing.',
          'nino: National Insurance numbers never start with ZZ. Check the first two letters.',
          'role: The role is missing: write main or supporting.',
        ],
      ],
      [7, ['nino: AB 12 34 56 C is also on line 2.']],
      [8, ['nino: AC 10 00 03 C is already in Ledgerlink as Carys Clarke.']],
      [9, ['role: “boss” is not a role: write main or supporting.']],
    ]);
  });

  it('says when a quotation mark is never closed rather than importing what follows', () => {
    const rows = parseClientCsv(
      'name,nino,role\n"Open,AB123456C,main\nNext,AB123456D,main\n',
      none,
    ).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.line).toBe(2);
    expect(rows[0]!.problems[0]!.message).toContain('quotation mark on this line is not closed');
  });

  it('refuses the whole file when the columns are missing, empty or too many', () => {
    expect(parseClientCsv('', none).fileProblems[0]).toContain('The file is empty');
    expect(parseClientCsv('client,number\nA,B', none).fileProblems[0]).toBe(
      'Line 1 must name the columns: name, NINO and role. Ledgerlink could not find NINO, role.',
    );
    const many = [
      'name,nino,role',
      ...Array.from({ length: MAX_CLIENT_ROWS + 1 }, () => 'A,AB123456C,main'),
    ];
    expect(parseClientCsv(many.join('\n'), none).fileProblems[0]).toContain('up to 5000 at a time');
  });

  it('counts the rows ready and the rows with problems for the preview', () => {
    const preview = toPreview(
      parseClientCsv('name,nino,role\nA,AB123456C,main\nB,nope,main\n', none),
    );
    expect(preview).toMatchObject({ valid: 1, invalid: 1, fileProblems: [] });
    expect(Object.keys(preview.rows[0]!)).not.toContain('normalisedNino');
  });
});
