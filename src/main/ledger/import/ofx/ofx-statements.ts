import { ledgerError } from '../../ledger-error';
import type { OfxToken } from './ofx-tokens';

/**
 * How deep elements may nest. A bank statement nests about ten deep (OFX › BANKMSGSRSV1 ›
 * STMTTRNRS › STMTRS › BANKTRANLIST › STMTTRN › PAYEE › …); a file nesting deeper is not one a
 * bank wrote, and without a limit every tag of a crafted one would cost a walk of the whole stack.
 */
export const MAX_OFX_DEPTH = 64;

const tooDeep = (line: number) =>
  ledgerError(
    'IMPORT_OFX_TOO_DEEP',
    `This statement nests its tags more than ${MAX_OFX_DEPTH} deep (at line ${line}), which no bank’s OFX file does. Nothing was imported.`,
    'Download the statement from your bank again as OFX, or choose its CSV export instead.',
  );

/** One statement response in the file: a bank account's (STMTRS) or a credit card's (CCSTMTRS). */
export interface OfxStatement {
  kind: 'bank' | 'credit-card';
  /** Sort code for UK banks. */
  bankId: string | null;
  branchId: string | null;
  accountId: string | null;
  /** CHECKING, SAVINGS, CREDITLINE …; null for a card. */
  accountType: string | null;
  currency: string | null;
  /** DTSTART and DTEND of the transaction list, as written. */
  start: string | null;
  end: string | null;
  transactions: number;
}

/** A STMTTRN aggregate: its leaf values by name, and the line its opening tag is on. */
export interface OfxRawTransaction {
  line: number;
  statement: OfxStatement;
  fields: ReadonlyMap<string, string>;
}

const STATEMENT_KINDS: Record<string, OfxStatement['kind']> = {
  STMTRS: 'bank',
  CCSTMTRS: 'credit-card',
};

/**
 * Elements that hold a value even when a bank leaves it empty. In SGML an empty `<MEMO>` is
 * followed straight by the next tag; without this list it would look like an aggregate and swallow
 * the fields after it.
 */
const LEAVES = new Set([
  'TRNTYPE',
  'DTPOSTED',
  'DTUSER',
  'DTAVAIL',
  'TRNAMT',
  'FITID',
  'CORRECTFITID',
  'CORRECTACTION',
  'SRVRTID',
  'CHECKNUM',
  'REFNUM',
  'SIC',
  'PAYEEID',
  'NAME',
  'EXTDNAME',
  'MEMO',
  'CURDEF',
  'BANKID',
  'BRANCHID',
  'ACCTID',
  'ACCTTYPE',
  'ACCTKEY',
  'DTSTART',
  'DTEND',
  'BALAMT',
  'DTASOF',
  'CODE',
  'SEVERITY',
  'MESSAGE',
  'TRNUID',
  'DTSERVER',
  'LANGUAGE',
  'ORG',
  'FID',
]);

/** Aggregates a STMTTRN may hold whose values are not the transaction's own. */
const TRANSACTION_PARTS = new Set(['BANKACCTTO', 'CCACCTTO', 'ORIGCURRENCY', 'IMAGEDATA']);

interface Open {
  name: string;
  /** Holds a value (text came straight after its tag, or it is a known leaf): closes itself. */
  leaf: boolean;
}

export interface OfxReadOutcome {
  /** An `<OFX>` element was seen: the file is OFX at all. */
  sawOfx: boolean;
  statements: OfxStatement[];
}

/**
 * Walks the tokens of an OFX file and hands out each transaction as soon as its aggregate ends,
 * so a large statement never sits in memory. Leaf elements end at the next tag whether or not
 * they are closed (SGML and XML alike); an aggregate ends at its closing tag, or when an
 * aggregate around it closes (a bank that forgets `</STMTTRN>` loses nothing).
 */
export class OfxStatementReader {
  private readonly stack: Open[] = [];
  /** How many of each name are open, so a closing tag for none of them costs no walk. */
  private readonly openByName = new Map<string, number>();
  private readonly statements: OfxStatement[] = [];
  private statement: OfxStatement | null = null;
  private transaction: { line: number; fields: Map<string, string> } | null = null;
  private sawOfx = false;

  constructor(private readonly onTransaction: (transaction: OfxRawTransaction) => void) {}

  token(token: OfxToken): void {
    if (token.kind === 'text') {
      const top = this.stack.at(-1);
      if (!top) return; // the OFX 1.x header lines, before the first tag
      top.leaf = true;
      this.value(top.name, token.value);
      return;
    }
    if (this.stack.at(-1)?.leaf) this.pop();
    if (token.kind === 'close') {
      // A closing tag for a leaf already ended by the tag before it (or a stray one) changes
      // nothing, and is known to in constant time; a matching one is found within the depth limit.
      if (!this.openByName.get(token.name)) return;
      const at = this.stack.findLastIndex((o) => o.name === token.name);
      while (this.stack.length > at) this.pop();
      return;
    }
    if (this.stack.length >= MAX_OFX_DEPTH) throw tooDeep(token.line);
    this.stack.push({ name: token.name, leaf: LEAVES.has(token.name) });
    this.openByName.set(token.name, (this.openByName.get(token.name) ?? 0) + 1);
    if (token.name === 'OFX') this.sawOfx = true;
    const kind = STATEMENT_KINDS[token.name];
    if (kind && !this.statement) {
      this.statement = {
        kind,
        bankId: null,
        branchId: null,
        accountId: null,
        accountType: null,
        currency: null,
        start: null,
        end: null,
        transactions: 0,
      };
      this.statements.push(this.statement);
    } else if (token.name === 'STMTTRN' && this.statement && !this.transaction) {
      this.transaction = { line: token.line, fields: new Map() };
    }
  }

  finish(): OfxReadOutcome {
    while (this.stack.length > 0) this.pop();
    return { sawOfx: this.sawOfx, statements: this.statements };
  }

  private pop(): void {
    const closed = this.stack.pop();
    if (!closed) return;
    this.openByName.set(closed.name, this.openByName.get(closed.name)! - 1);
    if (closed.name === 'STMTTRN' && this.transaction && this.statement) {
      const { line, fields } = this.transaction;
      this.transaction = null;
      this.statement.transactions++;
      this.onTransaction({ line, statement: this.statement, fields });
    } else if (STATEMENT_KINDS[closed.name] && this.statement) {
      this.statement = null;
    }
  }

  private value(name: string, value: string): void {
    const parent = this.stack.at(-2)?.name;
    if (this.transaction) {
      const key = this.transactionKey(name);
      if (key && !this.transaction.fields.has(key)) this.transaction.fields.set(key, value);
      return;
    }
    const s = this.statement;
    if (!s) return;
    if (parent === 'BANKACCTFROM' || parent === 'CCACCTFROM') {
      if (name === 'BANKID') s.bankId = value;
      else if (name === 'BRANCHID') s.branchId = value;
      else if (name === 'ACCTID') s.accountId = value;
      else if (name === 'ACCTTYPE') s.accountType = value;
    } else if (parent === 'BANKTRANLIST') {
      if (name === 'DTSTART') s.start = value;
      else if (name === 'DTEND') s.end = value;
    } else if (STATEMENT_KINDS[parent ?? ''] && name === 'CURDEF') {
      s.currency = value;
    }
  }

  /**
   * Where a value inside a transaction belongs, by the nearest aggregate OFX defines around it
   * (an unknown empty element in between must not hide a field). The payee's name inside PAYEE
   * stands in for NAME, and CURRENCY says the amount is not in the statement's currency; the
   * other nested aggregates (the account paid to, the currency an amount was converted from)
   * describe something else and are left out.
   */
  private transactionKey(name: string): string | null {
    for (let i = this.stack.length - 2; i >= 0; i--) {
      const around = this.stack[i]!.name;
      if (around === 'STMTTRN') return name;
      if (around === 'PAYEE' || around === 'CURRENCY') return `${around}.${name}`;
      if (TRANSACTION_PARTS.has(around)) return null;
    }
    return null;
  }
}
