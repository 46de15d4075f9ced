import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ledger } from '../../../src/main/ledger';
import { tempProfile } from './fixtures/temp-profile';

/**
 * A bank statement for a property abroad: imported into the foreign property the person chose,
 * categorised with foreign property's own categories, and counted in that property's totals
 * for the year (what its cumulative update is built from), not in any other business's.
 */
let p: ReturnType<typeof tempProfile>;
let ledger: Ledger;
beforeEach(() => {
  p = tempProfile();
  ledger = p.ledger;
});
afterEach(() => p.dispose());

describe('a bank statement imported into a foreign property', () => {
  it('assigns its rows to that property, takes foreign categories and counts in its totals only', async () => {
    const uk = ledger.businesses.create({ kind: 'uk-property', name: 'Flat in Leeds' }).id;
    const villa = ledger.businesses.create({
      kind: 'foreign-property',
      name: 'Villa des Pins',
      countryCode: 'FRA',
    }).id;
    const file = p.file(
      'euro-account.csv',
      'Date,Description,Amount\n' +
        '10/05/2026,LOYER MAI,1200.00\n' +
        '12/05/2026,PLOMBIER,-180.50\n' +
        '10/06/2026,LOYER JUIN,1200.00\n',
    );
    const preview = await ledger.imports.preview(file);
    const analysis = await ledger.imports.analyse(file, preview.mapping!);
    const result = await ledger.imports.commit(analysis, {
      expectedSha256: analysis.file.sha256,
      badRows: 'skip',
      businessId: villa,
    });
    expect(result).toMatchObject({ imported: 3 });

    const rows = ledger.records.list({}, { sort: 'date-asc', limit: 10 }).rows;
    expect(rows.map((r) => r.businessId)).toEqual([villa, villa, villa]);
    const rents = rows.filter((r) => r.amountPence > 0).map((r) => r.id);
    const repairs = rows.filter((r) => r.amountPence < 0).map((r) => r.id);
    ledger.transactions.categorise(rents, { categoryId: 'fp.rentIncome.rentAmount' });
    ledger.transactions.categorise(repairs, { categoryId: 'fp.repairsAndMaintenance' });

    const villaYear = ledger.totals.yearToDate(villa, '2026-27');
    expect(villaYear.incomePence).toBe(240_000);
    expect(villaYear.expensesPence).toBe(18_050);
    const ukYear = ledger.totals.yearToDate(uk, '2026-27');
    expect([ukYear.incomePence, ukYear.expensesPence]).toEqual([0, 0]);
  });
});
