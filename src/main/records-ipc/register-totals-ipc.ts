import type { RecordsIpcContext } from './records-ipc-context';

/** Year-to-date figures per HMRC field, and income and expenses per quarter (issue 7 item 7). */
export function registerTotalsIpc(ctx: RecordsIpcContext): void {
  const { router, ledgerOf, changed } = ctx;

  router.handle('records.totals', ({ profileId, businessId, taxYear, periodEnd }) => {
    const ledger = ledgerOf(profileId);
    const totals = ledger.totals.yearToDate(businessId, taxYear, periodEnd);
    return {
      profileId,
      businessId,
      businessName: ledger.businesses.get(businessId).name,
      kind: totals.kind,
      taxYear,
      periodType: totals.basis.type,
      from: totals.from,
      to: totals.to,
      fields: totals.fields,
      incomePence: totals.incomePence,
      expensesPence: totals.expensesPence,
      disallowablePence: totals.disallowablePence,
      allowableExpensesPence: totals.allowableExpensesPence,
      consolidated: {
        chosen: totals.consolidated.chosen,
        allowed: totals.consolidated.allowed,
        thresholdIncomePence: totals.consolidated.thresholdIncomePence,
        consolidatedPence: totals.consolidated.consolidatedPence,
      },
      signProblems: totals.signProblems,
      uncategorised: totals.uncategorised,
      excluded: totals.excluded,
      quarters: ledger.totals.quarters(businessId, taxYear),
    };
  });

  router.handle('records.setConsolidated', ({ profileId, businessId, taxYear, consolidated }) => {
    ledgerOf(profileId).businesses.setYearSettings(businessId, taxYear, {
      consolidatedExpenses: consolidated,
    });
    changed(profileId);
    return { profileId };
  });
}
