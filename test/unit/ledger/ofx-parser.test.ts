import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sniffFile } from '../../../src/main/ledger/import/text-source';
import { detectFormat } from '../../../src/main/ledger/import/ofx/ofx-file';
import { OfxStatementReader } from '../../../src/main/ledger/import/ofx/ofx-statements';
import { OfxTokenizer, decodeEntities } from '../../../src/main/ledger/import/ofx/ofx-tokens';
import {
  ofxAmount,
  ofxDate,
  readOfxTransaction,
  type OfxRow,
} from '../../../src/main/ledger/import/ofx/ofx-values';
import { previewOfx } from '../../../src/main/ledger/import/ofx/preview-ofx';

/**
 * The OFX reader on statements as UK banks export them: OFX 1.02 (SGML, leaf tags never closed,
 * a header of KEY:VALUE lines) and OFX 2.x (XML), bank accounts and credit cards. Text is fed in
 * small pieces so every tag and value is also cut across chunk boundaries.
 */

function parse(text: string, chunkSize = 7) {
  const rows: OfxRow[] = [];
  const reader = new OfxStatementReader((t) => rows.push(readOfxTransaction(t)));
  const tokenizer = new OfxTokenizer((t) => reader.token(t));
  for (let i = 0; i < text.length; i += chunkSize) tokenizer.push(text.slice(i, i + chunkSize));
  tokenizer.end();
  return { rows, ...reader.finish() };
}

const good = (row: OfxRow | undefined) => {
  if (!row?.values.ok) throw new Error(`not readable: ${JSON.stringify(row)}`);
  return row.values;
};

/** A current account statement in OFX 1.02, as a UK high-street bank writes it. */
const SGML_BANK = `OFXHEADER:100
DATA:OFXSGML
VERSION:102
SECURITY:NONE
ENCODING:USASCII
CHARSET:1252
COMPRESSION:NONE
OLDFILEUID:NONE
NEWFILEUID:NONE

<OFX>
<SIGNONMSGSRSV1>
<SONRS>
<STATUS>
<CODE>0
<SEVERITY>INFO
</STATUS>
<DTSERVER>20260330120000
<LANGUAGE>ENG
</SONRS>
</SIGNONMSGSRSV1>
<BANKMSGSRSV1>
<STMTTRNRS>
<TRNUID>1
<STATUS>
<CODE>0
<SEVERITY>INFO
</STATUS>
<STMTRS>
<CURDEF>GBP
<BANKACCTFROM>
<BANKID>309412
<ACCTID>30941212345678
<ACCTTYPE>CHECKING
</BANKACCTFROM>
<BANKTRANLIST>
<DTSTART>20260103
<DTEND>20260328
<STMTTRN>
<TRNTYPE>DEBIT
<DTPOSTED>20260105000000.000[-5:EST]
<TRNAMT>-12,50
<FITID>202601050001
<NAME>M&amp;S SIMPLY FOOD
<MEMO>
</STMTTRN>
<STMTTRN>
<TRNTYPE>CREDIT
<DTPOSTED>20260331230000[-5:EST]
<TRNAMT>1500.00
<FITID>202603310002
<MEMO>ACME LTD INVOICE 0917
</STMTTRN>
<STMTTRN>
<TRNTYPE>DIRECTDEBIT
<DTPOSTED>20260110
<TRNAMT>-38.00
<FITID>202601100003
<NAME>BT GROUP PLC
<MEMO>BT GROUP PLC REF 99812
</STMTTRN>
<STMTTRN>
<TRNTYPE>DEBIT
<DTPOSTED>20260114
<TRNAMT>12.3.4
<FITID>202601140004
<NAME>STAPLES &lt;OFFICE&gt;
</STMTTRN>
<STMTTRN>
<TRNTYPE>POS
<DTPOSTED>20260231
<TRNAMT>-3.40
<FITID>202602310005
<NAME>COSTA COFFEE
</STMTTRN>
</BANKTRANLIST>
<LEDGERBAL>
<BALAMT>2450.10
<DTASOF>20260328
</LEDGERBAL>
</STMTRS>
</STMTTRNRS>
</BANKMSGSRSV1>
</OFX>
`;

/** A credit card statement in OFX 2.2 (XML), closing tags and all. */
const XML_CARD = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<?OFX OFXHEADER="200" VERSION="220" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>
<OFX>
  <SIGNONMSGSRSV1>
    <SONRS>
      <STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS>
      <DTSERVER>20260402090000.000[0:GMT]</DTSERVER>
      <LANGUAGE>ENG</LANGUAGE>
    </SONRS>
  </SIGNONMSGSRSV1>
  <CREDITCARDMSGSRSV1>
    <CCSTMTTRNRS>
      <TRNUID>0</TRNUID>
      <STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS>
      <CCSTMTRS>
        <CURDEF>GBP</CURDEF>
        <CCACCTFROM><ACCTID>XXXXXXXXXXXX4321</ACCTID></CCACCTFROM>
        <BANKTRANLIST>
          <DTSTART>20260301</DTSTART>
          <DTEND>20260331</DTEND>
          <STMTTRN>
            <TRNTYPE>DEBIT</TRNTYPE>
            <DTPOSTED>20260304120000</DTPOSTED>
            <TRNAMT>-64.99</TRNAMT>
            <FITID>CC-0001</FITID>
            <NAME>SCREWFIX DIRECT</NAME>
            <MEMO>Café &amp; tools</MEMO>
          </STMTTRN>
          <STMTTRN>
            <TRNTYPE>PAYMENT</TRNTYPE>
            <DTPOSTED>20260320</DTPOSTED>
            <TRNAMT>+200.00</TRNAMT>
            <FITID>CC-0002</FITID>
            <PAYEE><NAME>PAYMENT RECEIVED</NAME><ADDR1>1 High St</ADDR1></PAYEE>
          </STMTTRN>
          <STMTTRN>
            <TRNTYPE>DEBIT</TRNTYPE>
            <DTPOSTED>20260322</DTPOSTED>
            <TRNAMT>-15.00</TRNAMT>
            <FITID>CC-0003</FITID>
            <NAME>FNAC PARIS</NAME>
            <CURRENCY><CURRATE>1.17</CURRATE><CURSYM>EUR</CURSYM></CURRENCY>
          </STMTTRN>
        </BANKTRANLIST>
        <LEDGERBAL><BALAMT>-80.00</BALAMT><DTASOF>20260331</DTASOF></LEDGERBAL>
      </CCSTMTRS>
    </CCSTMTTRNRS>
  </CREDITCARDMSGSRSV1>
</OFX>
`;

describe('OFX 1.02 (SGML) bank statement', () => {
  const parsed = parse(SGML_BANK);

  it('finds the statement, its account and its period', () => {
    expect(parsed.sawOfx).toBe(true);
    expect(parsed.statements).toEqual([
      {
        kind: 'bank',
        bankId: '309412',
        branchId: null,
        accountId: '30941212345678',
        accountType: 'CHECKING',
        currency: 'GBP',
        start: '20260103',
        end: '20260328',
        transactions: 5,
      },
    ]);
  });

  it('reads each transaction with its line, leaf tags closed by the next tag', () => {
    expect(parsed.rows.map((r) => r.line)).toEqual([39, 47, 54, 62, 69]);
    // Entities decoded, a comma decimal read exactly, an empty MEMO ignored.
    expect(good(parsed.rows[0])).toEqual({
      ok: true,
      date: '2026-01-05',
      description: 'M&S SIMPLY FOOD',
      counterparty: 'M&S SIMPLY FOOD',
      amountPence: -1250,
    });
    expect(parsed.rows[0]!.bankRef).toMatchObject({ fitid: '202601050001' });
    expect(parsed.rows[0]!.bankRef!.accountKey).toMatch(/^[0-9a-f]{32}$/);
  });

  it('takes the date the bank states, not the same moment in another time zone', () => {
    // 23:00 EST on 31 March is 1 April in London; the statement says 31 March.
    expect(good(parsed.rows[1])).toMatchObject({ date: '2026-03-31', amountPence: 150000 });
  });

  it('uses MEMO when there is no NAME, and no payee then', () => {
    expect(good(parsed.rows[1])).toMatchObject({
      description: 'ACME LTD INVOICE 0917',
      counterparty: null,
    });
  });

  it('does not repeat a NAME the MEMO already contains', () => {
    expect(good(parsed.rows[2])).toMatchObject({
      description: 'BT GROUP PLC REF 99812',
      counterparty: 'BT GROUP PLC',
    });
  });

  it('reports a bad amount and an impossible date as unreadable rows, with the reason', () => {
    expect(parsed.rows[3]).toMatchObject({
      line: 62,
      values: { ok: false, code: 'AMOUNT_UNREADABLE' },
      cells: ['20260114', 'DEBIT', '12.3.4', 'STAPLES <OFFICE>'],
    });
    expect(parsed.rows[3]!.values).toMatchObject({
      message: expect.stringContaining('“12.3.4”'),
    });
    expect(parsed.rows[4]!.values).toMatchObject({
      ok: false,
      code: 'DATE_UNREADABLE',
      message: 'The date could not be read (“20260231”).',
    });
  });

  it('reads the same whole or in chunks of any size', () => {
    for (const size of [1, 2, 13, 4096]) {
      const again = parse(SGML_BANK, size);
      expect(again.rows).toEqual(parsed.rows);
      expect(again.statements).toEqual(parsed.statements);
    }
  });
});

describe('OFX 2.2 (XML) credit card statement', () => {
  const parsed = parse(XML_CARD);

  it('finds the card statement', () => {
    expect(parsed.statements).toMatchObject([
      {
        kind: 'credit-card',
        accountId: 'XXXXXXXXXXXX4321',
        accountType: null,
        currency: 'GBP',
        start: '20260301',
        end: '20260331',
        transactions: 3,
      },
    ]);
  });

  it('reads closed tags, entities and accented text; NAME and MEMO together', () => {
    expect(good(parsed.rows[0])).toEqual({
      ok: true,
      date: '2026-03-04',
      description: 'SCREWFIX DIRECT Café & tools',
      counterparty: 'SCREWFIX DIRECT',
      amountPence: -6499,
    });
  });

  it('takes the payee from a PAYEE aggregate, ignoring its address', () => {
    expect(good(parsed.rows[1])).toMatchObject({
      description: 'PAYMENT RECEIVED',
      counterparty: 'PAYMENT RECEIVED',
      amountPence: 20000,
    });
  });

  it('refuses an amount in another currency, saying which', () => {
    expect(parsed.rows[2]!.values).toMatchObject({
      ok: false,
      code: 'AMOUNT_UNREADABLE',
      message: expect.stringContaining('EUR'),
    });
  });

  it('keys a card by its own account, not by the bank statement’s', () => {
    const bank = parse(SGML_BANK).rows[0]!.bankRef!.accountKey;
    expect(parsed.rows[0]!.bankRef!.accountKey).not.toBe(bank);
    expect(parsed.rows[1]!.bankRef!.accountKey).toBe(parsed.rows[0]!.bankRef!.accountKey);
  });
});

describe('OFX values', () => {
  it('reads the date formats OFX allows, and nothing else', () => {
    expect(ofxDate('20260405')).toBe('2026-04-05');
    expect(ofxDate('20260405134501')).toBe('2026-04-05');
    expect(ofxDate('20260405134501.123')).toBe('2026-04-05');
    expect(ofxDate('20260405134501.123[-5:EST]')).toBe('2026-04-05');
    expect(ofxDate('20260405000000[+1:BST]')).toBe('2026-04-05');
    expect(ofxDate('20250229')).toBeNull();
    expect(ofxDate('05/04/2026')).toBeNull();
    expect(ofxDate('2026045')).toBeNull();
  });

  it('turns amounts into exact pence, with a dot or a comma decimal', () => {
    expect(ofxAmount('-12.50')).toEqual({ ok: true, pence: -1250 });
    expect(ofxAmount('-12,50')).toEqual({ ok: true, pence: -1250 });
    expect(ofxAmount('+0.10')).toEqual({ ok: true, pence: 10 });
    expect(ofxAmount('1234.5')).toEqual({ ok: true, pence: 123450 });
    // 0.1 + 0.2 style drift cannot happen: digits are read, not floats.
    expect(ofxAmount('0.29')).toEqual({ ok: true, pence: 29 });
    expect(ofxAmount('100.005')).toMatchObject({ ok: false });
    expect(ofxAmount('abc')).toMatchObject({ ok: false });
  });

  it('decodes the entities banks write, and leaves a bare & alone', () => {
    expect(decodeEntities('A &amp; B &lt;C&gt; &#163;5 &#xA3;6 &nbsp;')).toBe(
      'A & B <C> £5 £6 \u00a0',
    );
    expect(decodeEntities('M&S & CO')).toBe('M&S & CO');
  });

  it('names a transaction by its type when it has no name or memo', () => {
    const { rows } = parse(
      '<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><BANKTRANLIST><STMTTRN><TRNTYPE>INT<DTPOSTED>20260401<TRNAMT>0.42<FITID>9</STMTTRN></BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>',
    );
    expect(good(rows[0])).toMatchObject({ description: 'Interest', counterparty: null });
  });
});

describe('OFX files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ofx-unit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const open = async (path: string) => detectFormat(await sniffFile(path));

  it('tells OFX and QFX from CSV by their content', async () => {
    expect((await open(file('a.ofx', SGML_BANK))).format).toBe('ofx');
    expect((await open(file('b.qfx', XML_CARD))).format).toBe('ofx');
    // The extension does not decide: an OFX file saved as .txt is still OFX.
    expect((await open(file('c.txt', SGML_BANK))).format).toBe('ofx');
    expect((await open(file('d.csv', 'Date,Description,Amount\n'))).format).toBe('csv');
  });

  it('refuses a file named .ofx that is not OFX, with a clear reason', async () => {
    await expect(
      open(file('e.ofx', 'Date,Description,Amount\n01/04/2026,X,1.00\n')),
    ).rejects.toMatchObject({
      code: 'IMPORT_NOT_OFX',
      message: 'e.ofx is not an OFX statement: it does not start the way OFX files do.',
    });
  });

  it('reads Windows-1252 text when the header says CHARSET:1252', async () => {
    const bytes = Buffer.from(
      SGML_BANK.replace('<NAME>COSTA COFFEE', '<NAME>COSTA \u00a3 CAF\u00c9'),
      'latin1',
    );
    const { facts } = await open(file('latin.ofx', bytes));
    expect(facts.encoding).toBe('windows-1252');
    const preview = await previewOfx(facts);
    expect(preview.rows[4]!.cells).toContain('COSTA £ CAFÉ');
  });

  it('reads UTF-8 when the header says so', async () => {
    const utf8 = SGML_BANK.replace('ENCODING:USASCII', 'ENCODING:UTF-8')
      .replace('CHARSET:1252', 'CHARSET:NONE')
      .replace('<NAME>COSTA COFFEE', '<NAME>CAFÉ NERO £');
    const { facts } = await open(file('utf8.ofx', utf8));
    expect(facts.encoding).toBe('utf-8');
    expect((await previewOfx(facts)).rows[4]!.cells).toContain('CAFÉ NERO £');
  });

  it('previews the statement with the account masked to its last four digits', async () => {
    const { facts } = await open(file('bank.ofx', SGML_BANK));
    const preview = await previewOfx(facts, { rows: 2 });
    expect(preview.statements).toEqual([
      {
        kind: 'bank',
        account: '••••5678',
        accountType: 'CHECKING',
        currency: 'GBP',
        from: '2026-01-03',
        to: '2026-03-28',
        transactions: 5,
      },
    ]);
    expect(preview.transactions).toBe(5);
    expect(preview.rows).toHaveLength(2);
    expect(JSON.stringify(preview)).not.toContain('30941212345678');
  });

  it('accepts a statement with no transactions', async () => {
    const empty = SGML_BANK.replace(/<STMTTRN>[\s\S]*<\/STMTTRN>\n/, '');
    const preview = await previewOfx((await open(file('empty.ofx', empty))).facts);
    expect(preview).toMatchObject({ transactions: 0, rows: [] });
    expect(preview.statements[0]).toMatchObject({ account: '••••5678', transactions: 0 });
  });

  it('refuses OFX that holds no bank or card statement', async () => {
    const investments = SGML_BANK.replace(
      /<BANKMSGSRSV1>[\s\S]*<\/BANKMSGSRSV1>/,
      '<INVSTMTMSGSRSV1></INVSTMTMSGSRSV1>',
    );
    const { facts } = await open(file('inv.ofx', investments));
    await expect(previewOfx(facts)).rejects.toMatchObject({ code: 'IMPORT_NO_STATEMENT' });
  });
});
