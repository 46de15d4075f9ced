import type {
  AmendmentCompareView,
  CalculationView,
} from '@shared/ipc/channels/year-end-declaration';

/**
 * The amended calculation against the declared one (reference §5.7 "Amendments after
 * finalisation"): every money figure that differs, by HMRC's path, and the change in the total
 * liability, so the person sees what changed and what it does to their tax before confirming.
 */
function figuresOf(v: CalculationView): Map<string, { label: string; pence: number }> {
  const out = new Map<string, { label: string; pence: number }>();
  const put = (path: string, label: string, pence: number | undefined) => {
    if (pence !== undefined) out.set(path, { label, pence });
  };
  put('incomeReceived', 'Total income received', v.incomeReceivedPence);
  put('allowances', 'Allowances and deductions', v.allowancesPence);
  put('taxableIncome', 'Taxable income', v.taxableIncomePence);
  put('incomeTaxCharged', 'Income Tax charged', v.incomeTaxChargedPence);
  put('incomeTaxDue', 'Income Tax due', v.incomeTaxDuePence);
  put('class4', 'Class 4 National Insurance', v.class4?.totalPence);
  put('class2', 'Class 2 National Insurance', v.class2Pence);
  put('totalLiability', 'Total Income Tax and NIC due', v.totalLiabilityPence);
  for (const s of v.sources)
    for (const f of s.figures) put(f.path, `${s.name ?? s.kind}: ${f.label}`, f.pence);
  for (const f of v.allowances) put(f.path, f.label, f.pence);
  for (const b of v.bands)
    put(`band:${b.group}:${b.name}`, `${b.group}: ${b.name} (${b.rate}%) tax`, b.taxPence);
  return out;
}

export function compareCalculations(
  declared: CalculationView,
  amended: CalculationView,
): AmendmentCompareView {
  const before = figuresOf(declared);
  const after = figuresOf(amended);
  const paths = [...new Set([...before.keys(), ...after.keys()])];
  const lines = paths
    .map((path) => ({
      label: (after.get(path) ?? before.get(path))!.label.slice(0, 300),
      path: path.slice(0, 300),
      beforePence: before.get(path)?.pence ?? 0,
      afterPence: after.get(path)?.pence ?? 0,
    }))
    .filter((l) => l.beforePence !== l.afterPence);
  return {
    declaredCalculationId: declared.calculationId,
    newCalculationId: amended.calculationId,
    lines,
    taxChangePence: (amended.totalLiabilityPence ?? 0) - (declared.totalLiabilityPence ?? 0),
  };
}
