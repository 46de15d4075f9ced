import type { SqliteDatabase } from '../../ledger';

/**
 * Every final (and amendment) calculation retrieved from HMRC, kept as HMRC sent it with its id
 * and when it arrived (migration 0010-year-end-declaration, `ye_calculations`), so the person
 * can always see the figures they agreed to, offline and years later.
 */
export interface StoredCalculation {
  calculationId: string;
  taxYear: string;
  calculationType: string;
  retrievedAt: string;
  hasErrors: boolean;
  /** HMRC's JSON, exactly as received. */
  document: string;
}

interface Row {
  calculation_id: string;
  tax_year: string;
  calculation_type: string;
  retrieved_at: string;
  has_errors: number;
  document: string;
}

const toStored = (r: Row): StoredCalculation => ({
  calculationId: r.calculation_id,
  taxYear: r.tax_year,
  calculationType: r.calculation_type,
  retrievedAt: r.retrieved_at,
  hasErrors: r.has_errors === 1,
  document: r.document,
});

export interface CalculationStore {
  /** Keeps a retrieved calculation; retrieving the same id again keeps the first copy. */
  save(c: StoredCalculation): void;
  get(calculationId: string): StoredCalculation | undefined;
  /** Newest first. */
  list(taxYear: string): StoredCalculation[];
}

export function createCalculationStore(db: SqliteDatabase): CalculationStore {
  return {
    save(c) {
      db.prepare(
        `INSERT INTO ye_calculations (calculation_id, tax_year, calculation_type, retrieved_at, has_errors, document)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (calculation_id) DO NOTHING`,
      ).run(
        c.calculationId,
        c.taxYear,
        c.calculationType,
        c.retrievedAt,
        c.hasErrors ? 1 : 0,
        c.document,
      );
    },
    get(calculationId) {
      const row = db
        .prepare('SELECT * FROM ye_calculations WHERE calculation_id = ?')
        .get(calculationId) as Row | undefined;
      return row ? toStored(row) : undefined;
    },
    list(taxYear) {
      return (
        db
          .prepare(
            'SELECT * FROM ye_calculations WHERE tax_year = ? ORDER BY retrieved_at DESC, rowid DESC',
          )
          .all(taxYear) as Row[]
      ).map(toStored);
    },
  };
}
