import { hmrcAmountToPence, type Pence } from '@shared/domain/money';
import { isIsoDate } from '@shared/domain/tax-year';
import type { CalculationView } from '@shared/ipc/channels/year-end-declaration';
import type { RetrieveCalculationResponse } from '../../hmrc/schemas/calculations';

/**
 * HMRC's final calculation as an SA302 reads (reference §5.7 step 4: "at least the SA302
 * equivalent"): income per source, allowances and deductions, taxable income, tax per band
 * (the bands HMRC applied, Scottish or Welsh when its inputs say so), Class 4 NIC, the total
 * liability, and HMRC's messages. HMRC's document [IC schemas/retrieve/def1-4] holds far more
 * than an SA302; every figure not placed in a section above is listed in `otherFigures`, so
 * nothing HMRC sent is lost from view.
 */

type Json = unknown;
type Figure = CalculationView['allowances'][number];
type OtherFigure = CalculationView['otherFigures'][number];

const isRecord = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Numbers under these keys are rates, counts or years, not money. */
const NOT_MONEY = /(^rate$|Rate$|^weeks$|percentage|^numberOf|count$|Count$|year$|Year$|Percent)/;

const words = (key: string) =>
  key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/^./, (c) => c.toUpperCase());

/** "allowancesAndDeductions.personalAllowance" → "Allowances and deductions › Personal allowance". */
export function labelOf(path: string): string {
  const parts = path
    .split('.')
    .filter((p) => p !== 'calculation')
    .map((p) => (/^\d+$/.test(p) ? `#${Number(p) + 1}` : words(p)));
  return parts.join(' › ').slice(0, 300);
}

interface Leaf {
  path: string;
  value: string | number | boolean;
}

/** Every scalar under `value`, with its dotted path (array items by index). */
export function leavesOf(value: Json, path: string, out: Leaf[] = []): Leaf[] {
  if (Array.isArray(value)) value.forEach((v, i) => leavesOf(v, `${path}.${i}`, out));
  else if (isRecord(value))
    for (const [k, v] of Object.entries(value)) leavesOf(v, path ? `${path}.${k}` : k, out);
  else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    out.push({ path, value });
  return out;
}

/** A string value, or `fallback` for anything else. */
const str = (v: Json, fallback = ''): string => (typeof v === 'string' ? v : fallback);

const money = (v: Json): Pence | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? hmrcAmountToPence(v) : undefined;

export function calculationView(document: RetrieveCalculationResponse): CalculationView {
  const used = new Set<string>();
  const calc: Record<string, Json> = isRecord(document.calculation) ? document.calculation : {};
  const at = (path: string): Json => {
    let v: Json = calc;
    for (const p of path.split('.'))
      v = isRecord(v) || Array.isArray(v) ? (v as never)[p] : undefined;
    return v;
  };
  /** Reads a money figure and marks its path as shown. */
  const take = (path: string): Pence | undefined => {
    const v = money(at(path));
    if (v !== undefined) used.add(`calculation.${path}`);
    return v;
  };
  const fig = (path: string, label = labelOf(path)): Figure | undefined => {
    const pence = take(path);
    return pence === undefined ? undefined : { label, pence, path: `calculation.${path}` };
  };

  /** One income source: its money figures, and its id, type and name marked as shown. */
  const sourceOf = (b: Record<string, Json>, base: string, fallbackName?: string) => {
    for (const k of ['incomeSourceId', 'incomeSourceType', 'incomeSourceName'])
      if (b[k] !== undefined) used.add(`calculation.${base}.${k}`);
    const figures = Object.keys(b)
      .filter((k) => typeof b[k] === 'number' && !NOT_MONEY.test(k))
      .map((k) => fig(`${base}.${k}`, words(k)))
      .filter((f): f is Figure => f !== undefined);
    const name = typeof b.incomeSourceName === 'string' ? b.incomeSourceName : fallbackName;
    return {
      incomeSourceId: str(b.incomeSourceId).slice(0, 40),
      kind: str(b.incomeSourceType, 'unknown').slice(0, 300),
      ...(name !== undefined ? { name: name.slice(0, 300) } : {}),
      figures,
    };
  };
  const listAt = (path: string) => {
    const v = at(path);
    return (Array.isArray(v) ? v : []).flatMap((b, i) =>
      isRecord(b) ? [{ b, base: `${path}.${i}` }] : [],
    );
  };

  // Income per source, as an SA302 lists it: each business's profit and loss, foreign property
  // per country, then UK savings interest per account and UK dividends, so everything a person
  // reported is in the income section and not only in the totals and tax bands. [IC def3|def4/
  // calculation/businessProfitAndLoss.json, foreignPropertyIncome.json,
  // savingsAndGainsIncome.json ukSavingsAndGainsIncome, dividendsIncome.json ukDividends]
  const ukDividends = at('dividendsIncome.ukDividends');
  const sources = [
    ...listAt('businessProfitAndLoss').map(({ b, base }) => sourceOf(b, base)),
    ...listAt('foreignPropertyIncome').map(({ b, base }) => {
      if (typeof b.countryCode !== 'string') return sourceOf(b, base, 'Foreign property');
      used.add(`calculation.${base}.countryCode`);
      return sourceOf(b, base, `Foreign property in ${b.countryCode}`);
    }),
    ...listAt('savingsAndGainsIncome.ukSavingsAndGainsIncome').map(({ b, base }) =>
      sourceOf(b, base, 'UK savings interest'),
    ),
    ...(isRecord(ukDividends)
      ? [sourceOf(ukDividends, 'dividendsIncome.ukDividends', 'UK dividends')]
      : []),
  ];

  const allowances = leavesOf(at('allowancesAndDeductions'), 'allowancesAndDeductions')
    .filter((l) => typeof l.value === 'number' && !NOT_MONEY.test(l.path.split('.').at(-1)!))
    .map((l) => fig(l.path))
    .filter((f): f is Figure => f !== undefined);

  // Income Tax per band, in the order HMRC lists the income types [IC taxCalculation.json].
  const bands: CalculationView['bands'] = [];
  for (const group of [
    'payPensionsProfit',
    'savingsAndGains',
    'dividends',
    'lumpSums',
    'gainsOnLifePolicies',
  ]) {
    const list = at(`taxCalculation.incomeTax.${group}.taxBands`);
    if (!Array.isArray(list)) continue;
    list.filter(isRecord).forEach((b, i) => {
      const p = `taxCalculation.incomeTax.${group}.taxBands.${i}`;
      used.add(`calculation.${p}.name`);
      used.add(`calculation.${p}.rate`);
      bands.push({
        group: words(group),
        name: str(b.name),
        rate: typeof b.rate === 'number' ? b.rate : 0,
        incomePence: take(`${p}.income`) ?? 0,
        taxPence: take(`${p}.taxAmount`) ?? 0,
      });
    });
  }

  const class4Total = take('taxCalculation.nics.class4Nics.totalAmount');
  const nic4Bands = at('taxCalculation.nics.class4Nics.nic4Bands');
  const class4Bands = (Array.isArray(nic4Bands) ? nic4Bands : []).filter(isRecord).map((b, i) => {
    const p = `taxCalculation.nics.class4Nics.nic4Bands.${i}`;
    used.add(`calculation.${p}.name`);
    used.add(`calculation.${p}.rate`);
    return {
      group: 'Class 4 National Insurance',
      name: str(b.name),
      rate: typeof b.rate === 'number' ? b.rate : 0,
      incomePence: take(`${p}.income`) ?? 0,
      taxPence: take(`${p}.amount`) ?? 0,
    };
  });

  const earlier = [
    'totalIncomeTaxAndNicsDue',
    'incomeTaxNicDueThisPeriod',
    'totalIncomeTaxAndNicsAndCgtDue',
  ]
    .map((k) => fig(`previousCalculation.${k}`, words(k)))
    .filter((f): f is Figure => f !== undefined);
  for (const k of ['calculationTimestamp', 'calculationId'])
    if (at(`previousCalculation.${k}`) !== undefined)
      used.add(`calculation.previousCalculation.${k}`);

  const headline = {
    incomeReceivedPence: take('taxCalculation.incomeTax.totalIncomeReceivedFromAllSources'),
    allowancesPence: take('taxCalculation.incomeTax.totalAllowancesAndDeductions'),
    taxableIncomePence: take('taxCalculation.incomeTax.totalTaxableIncome'),
    incomeTaxChargedPence: take('taxCalculation.incomeTax.incomeTaxCharged'),
    incomeTaxDuePence: take('taxCalculation.incomeTax.totalIncomeTaxDue'),
    class2Pence: take('taxCalculation.nics.class2Nics.amount'),
    taxDeductedPence: take('taxCalculation.totalTaxDeducted'),
    totalLiabilityPence: take('taxCalculation.totalIncomeTaxAndNicsDue'),
  };

  // Every remaining figure, money or not, under the section HMRC put it in.
  const otherFigures: OtherFigure[] = leavesOf(calc, 'calculation')
    .filter((l) => !used.has(l.path))
    .map((l) => {
      const key = l.path.split('.').at(-1)!;
      if (typeof l.value === 'number' && !NOT_MONEY.test(key))
        return {
          label: labelOf(l.path),
          pence: hmrcAmountToPence(l.value),
          path: l.path.slice(0, 300),
        };
      return {
        label: labelOf(l.path),
        pence: 0,
        text: String(l.value).slice(0, 300),
        path: l.path.slice(0, 300),
      };
    });

  const { metadata } = document;
  const inputs: Record<string, Json> = isRecord(document.inputs) ? document.inputs : {};
  const personal = isRecord(inputs.personalInformation) ? inputs.personalInformation : {};
  const regime = personal.taxRegime;
  const list = (items: { id: string; text: string }[] | undefined) =>
    (items ?? [])
      .slice(0, 200)
      .map((m) => ({ id: m.id.slice(0, 100), text: m.text.slice(0, 2000) }));
  const defined = <T extends object>(o: T): T =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

  return defined({
    calculationId: metadata.calculationId,
    taxYear: metadata.taxYear,
    calculationType: metadata.calculationType.slice(0, 300),
    calculationReason: metadata.calculationReason.slice(0, 300),
    periodFrom: isIsoDate(metadata.periodFrom) ? metadata.periodFrom : undefined,
    periodTo: isIsoDate(metadata.periodTo) ? metadata.periodTo : undefined,
    calculatedAt: metadata.calculationTimestamp?.slice(0, 40),
    finalisedAt: metadata.finalisationTimestamp?.slice(0, 40),
    confirmedAt: metadata.confirmationTimestamp?.slice(0, 40),
    taxRegime: regime === 'uk' || regime === 'scotland' || regime === 'wales' ? regime : undefined,
    sources,
    ...headline,
    allowances,
    bands,
    class4: class4Total !== undefined ? { totalPence: class4Total, bands: class4Bands } : undefined,
    earlier,
    otherFigures,
    messages: {
      info: list(document.messages?.info),
      warnings: list(document.messages?.warnings),
      errors: list(document.messages?.errors),
    },
  });
}
