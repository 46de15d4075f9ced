import type { Ledger } from '../../../../src/main/ledger';

/** A few months of plausible records for a business, so its update has figures in every part. */
export function addSelfEmploymentRecords(
  ledger: Ledger,
  businessId: number,
  options: { from?: string; scale?: number } = {},
): void {
  const k = options.scale ?? 1;
  const rows: [string, string, number, string, number?][] = [
    ['2026-04-12', 'Kitchen fit, Mrs Patel', 420_000, 'se.turnover'],
    ['2026-05-03', 'Timber merchant', -86_050, 'se.costOfGoods'],
    ['2026-05-20', 'Wardrobes, Mr Owen', 265_000, 'se.turnover'],
    ['2026-06-14', 'Van fuel', -12_040, 'se.carVanTravelExpenses', 2_408],
    ['2026-07-09', 'Staircase repair', 118_000, 'se.turnover'],
    ['2026-08-01', 'Phone and broadband', -4_599, 'se.adminCosts'],
    ['2026-08-22', 'Sash windows, Dr Ahmed', 310_000, 'se.turnover'],
    ['2026-09-15', 'Accountant', -30_000, 'se.professionalFees'],
    ['2026-09-30', 'Hardware shop', -23_410, 'se.costOfGoods'],
  ];
  for (const [date, description, amount, categoryId, disallowable] of rows) {
    if (options.from && date < options.from) continue;
    ledger.transactions.add({
      date,
      description,
      amountPence: Math.round(amount * k),
      businessId,
      categoryId,
      ...(disallowable ? { disallowablePence: Math.round(disallowable * k) } : {}),
    });
  }
}

export function addPropertyRecords(
  ledger: Ledger,
  businessId: number,
  options: { scale?: number } = {},
): void {
  const k = options.scale ?? 1;
  const rows: [string, string, number, string][] = [
    ['2026-04-28', 'Rent, 14 Mill Lane', 95_000, 'ukp.periodAmount'],
    ['2026-05-28', 'Rent, 14 Mill Lane', 95_000, 'ukp.periodAmount'],
    ['2026-06-11', 'Boiler service', -14_500, 'ukp.repairsAndMaintenance'],
    ['2026-06-28', 'Rent, 14 Mill Lane', 95_000, 'ukp.periodAmount'],
    ['2026-07-28', 'Rent, 14 Mill Lane', 95_000, 'ukp.periodAmount'],
    ['2026-08-05', 'Landlord insurance', -31_000, 'ukp.premisesRunningCosts'],
    ['2026-08-28', 'Rent, 14 Mill Lane', 95_000, 'ukp.periodAmount'],
    ['2026-09-20', 'Mortgage interest', -42_000, 'ukp.residentialFinancialCost'],
    ['2026-09-28', 'Rent, 14 Mill Lane', 95_000, 'ukp.periodAmount'],
  ];
  for (const [date, description, amount, categoryId] of rows) {
    ledger.transactions.add({
      date,
      description,
      amountPence: Math.round(amount * k),
      businessId,
      categoryId,
    });
  }
}
