/**
 * Writes OFX 1.02 statements (SGML, as most UK banks' "Money / Quicken" downloads are) for the
 * integration and end-to-end tests: a bank account (STMTRS) or a credit card (CCSTMTRS), leaf
 * tags unclosed, `&` written as `&amp;`.
 */
export interface OfxTransactionSpec {
  type: string;
  /** YYYYMMDD, optionally with a time and zone as banks add them. */
  posted: string;
  amount: string;
  fitid: string;
  name?: string;
  memo?: string;
}

export interface OfxStatementSpec {
  kind?: 'bank' | 'credit-card';
  accountId: string;
  bankId?: string;
  start: string;
  end: string;
  transactions: readonly OfxTransactionSpec[];
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function ofxStatement(spec: OfxStatementSpec): string {
  const card = spec.kind === 'credit-card';
  const account = card
    ? ['<CCACCTFROM>', `<ACCTID>${spec.accountId}`, '</CCACCTFROM>']
    : [
        '<BANKACCTFROM>',
        `<BANKID>${spec.bankId ?? '309412'}`,
        `<ACCTID>${spec.accountId}`,
        '<ACCTTYPE>CHECKING',
        '</BANKACCTFROM>',
      ];
  const transactions = spec.transactions.flatMap((t) => [
    '<STMTTRN>',
    `<TRNTYPE>${t.type}`,
    `<DTPOSTED>${t.posted}`,
    `<TRNAMT>${t.amount}`,
    `<FITID>${t.fitid}`,
    ...(t.name === undefined ? [] : [`<NAME>${escape(t.name)}`]),
    ...(t.memo === undefined ? [] : [`<MEMO>${escape(t.memo)}`]),
    '</STMTTRN>',
  ]);
  return [
    'OFXHEADER:100',
    'DATA:OFXSGML',
    'VERSION:102',
    'SECURITY:NONE',
    'ENCODING:USASCII',
    'CHARSET:1252',
    'COMPRESSION:NONE',
    'OLDFILEUID:NONE',
    'NEWFILEUID:NONE',
    '',
    '<OFX>',
    '<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20260401120000<LANGUAGE>ENG</SONRS></SIGNONMSGSRSV1>',
    card ? '<CREDITCARDMSGSRSV1>' : '<BANKMSGSRSV1>',
    card ? '<CCSTMTTRNRS>' : '<STMTTRNRS>',
    '<TRNUID>1',
    '<STATUS><CODE>0<SEVERITY>INFO</STATUS>',
    card ? '<CCSTMTRS>' : '<STMTRS>',
    '<CURDEF>GBP',
    ...account,
    '<BANKTRANLIST>',
    `<DTSTART>${spec.start}`,
    `<DTEND>${spec.end}`,
    ...transactions,
    '</BANKTRANLIST>',
    `<LEDGERBAL><BALAMT>0.00<DTASOF>${spec.end}</LEDGERBAL>`,
    card ? '</CCSTMTRS>' : '</STMTRS>',
    card ? '</CCSTMTTRNRS>' : '</STMTTRNRS>',
    card ? '</CREDITCARDMSGSRSV1>' : '</BANKMSGSRSV1>',
    '</OFX>',
    '',
  ].join('\r\n');
}

/** The line the n-th (0-based) transaction's <STMTTRN> is on in ofxStatement's output. */
export function ofxTransactionLine(text: string, n: number): number {
  const lines = text.split('\r\n');
  let seen = -1;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === '<STMTTRN>' && ++seen === n) return i + 1;
  }
  throw new Error(`No transaction ${n}`);
}

/**
 * A crafted "statement" of about `bytes` bytes: a valid header and opening, then tags opened
 * one inside another with no end, then closing tags that match none of them. Before nesting was
 * limited, each stray closing tag walked the whole open stack (a 273 KB file took 18 s).
 */
export function deeplyNestedOfx(bytes: number): string {
  const start = ofxStatement({
    accountId: '12345678',
    start: '20260401',
    end: '20260430',
    transactions: [],
  }).split('<BANKTRANLIST>')[0]!;
  const opens = Math.floor((bytes - start.length) / 2 / '<AGGREGATE>'.length);
  const closes = Math.floor(
    (bytes - start.length - opens * '<AGGREGATE>'.length) / '</STRAY>'.length,
  );
  return `${start}${'<AGGREGATE>'.repeat(opens)}${'</STRAY>'.repeat(closes)}`;
}
