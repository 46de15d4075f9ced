import type { JSX } from 'react';
import { formatPence } from '@shared/domain/money';
import type { CalculationView } from '@shared/ipc/channels/year-end-declaration';

/**
 * HMRC's calculation the way an SA302 reads (reference §5.7 step 4): income per source,
 * allowances and deductions, taxable income, Income Tax per band (Scottish or Welsh rates when
 * HMRC's inputs say so), Class 4 NIC, the total, what an earlier calculation asked for, HMRC's
 * messages, and every other figure HMRC sent, so nothing is hidden. Pure: props only.
 */
const money = (pence: number | undefined) => (pence === undefined ? '—' : formatPence(pence));

const REGIME: Record<NonNullable<CalculationView['taxRegime']>, string> = {
  uk: 'UK (England and Northern Ireland) rates and bands',
  scotland: 'Scottish rates and bands (HMRC says you are a Scottish taxpayer)',
  wales: 'Welsh rates of Income Tax (HMRC says you are a Welsh taxpayer)',
};

const bandName = (name: string) => name.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

function Row({
  label,
  pence,
  strong,
}: {
  label: string;
  pence: number | undefined;
  strong?: boolean;
}): JSX.Element {
  return (
    <tr className={strong ? 'sa302-total' : undefined}>
      <th scope="row">{label}</th>
      <td className="num">{money(pence)}</td>
    </tr>
  );
}

export function Sa302View({
  view,
  idPrefix = 'sa302',
}: {
  view: CalculationView;
  idPrefix?: string;
}): JSX.Element {
  const errors = view.messages.errors;
  return (
    <div className="sa302" data-calculation-id={view.calculationId}>
      <p className="hint">
        Tax year {view.taxYear} · HMRC calculation <code>{view.calculationId}</code>
        {view.calculatedAt ? ` · calculated ${view.calculatedAt}` : ''}
        {view.finalisedAt ? ` · declared ${view.finalisedAt}` : ''}
      </p>
      {view.taxRegime ? <p className="sa302-regime">{REGIME[view.taxRegime]}</p> : null}

      {errors.length > 0 ? (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">
            HMRC found {errors.length === 1 ? 'an error' : `${errors.length} errors`}: this
            calculation cannot be declared
          </p>
          <ul>
            {errors.map((m) => (
              <li key={`${m.id}-${m.text}`}>
                {m.text} <span className="hint">({m.id})</span>
              </li>
            ))}
          </ul>
          <p>
            Correct the figures in <a href="#/review">Review &amp; sync</a> (the quarterly updates)
            or in the <a href="#/year-end/annual">annual figures</a>, send them, then ask HMRC for a
            new calculation.
          </p>
        </div>
      ) : null}
      {view.messages.warnings.length > 0 ? (
        <div className="notice notice-warn">
          <p className="notice-title">HMRC’s warnings</p>
          <ul>
            {view.messages.warnings.map((m) => (
              <li key={`${m.id}-${m.text}`}>
                {m.text} <span className="hint">({m.id})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {view.messages.info.length > 0 ? (
        <div className="notice">
          <p className="notice-title">HMRC’s information</p>
          <ul>
            {view.messages.info.map((m) => (
              <li key={`${m.id}-${m.text}`}>
                {m.text} <span className="hint">({m.id})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="table-scroll">
        <table className="table sa302-table" aria-labelledby={`${idPrefix}-income`}>
          <caption id={`${idPrefix}-income`}>Income</caption>
          <tbody>
            {view.sources.map((s) =>
              s.figures.map((f, i) => (
                <tr key={f.path}>
                  <th scope="row">
                    {i === 0 ? (
                      <span className="sa302-source">
                        {s.name ?? s.kind} ({s.kind}){' '}
                      </span>
                    ) : null}
                    {f.label}
                  </th>
                  <td className="num">{money(f.pence)}</td>
                </tr>
              )),
            )}
            <Row label="Total income received" pence={view.incomeReceivedPence} strong />
          </tbody>
        </table>
      </div>

      <div className="table-scroll">
        <table className="table sa302-table" aria-labelledby={`${idPrefix}-allowances`}>
          <caption id={`${idPrefix}-allowances`}>Allowances and deductions</caption>
          <tbody>
            {view.allowances.map((f) => (
              <Row key={f.path} label={f.label} pence={f.pence} />
            ))}
            <Row label="Total allowances and deductions" pence={view.allowancesPence} strong />
            <Row label="Total income on which tax is due" pence={view.taxableIncomePence} strong />
          </tbody>
        </table>
      </div>

      <div className="table-scroll">
        <table className="table sa302-table" aria-labelledby={`${idPrefix}-bands`}>
          <caption id={`${idPrefix}-bands`}>How the tax was worked out</caption>
          <thead>
            <tr>
              <th scope="col">Band</th>
              <th scope="col" className="num">
                Rate
              </th>
              <th scope="col" className="num">
                Income
              </th>
              <th scope="col" className="num">
                Tax
              </th>
            </tr>
          </thead>
          <tbody>
            {[...view.bands, ...(view.class4?.bands ?? [])].map((b, i) => (
              <tr key={`${b.group}-${b.name}-${i}`}>
                <th scope="row">
                  {b.group}: {bandName(b.name)}
                </th>
                <td className="num">{b.rate}%</td>
                <td className="num">{money(b.incomePence)}</td>
                <td className="num">{money(b.taxPence)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="table-scroll">
        <table className="table sa302-table" aria-labelledby={`${idPrefix}-total`}>
          <caption id={`${idPrefix}-total`}>Tax due</caption>
          <tbody>
            <Row label="Income Tax charged" pence={view.incomeTaxChargedPence} />
            <Row label="Income Tax due after reliefs" pence={view.incomeTaxDuePence} />
            <Row label="Class 4 National Insurance" pence={view.class4?.totalPence} />
            {view.class2Pence !== undefined ? (
              <Row label="Class 2 National Insurance" pence={view.class2Pence} />
            ) : null}
            {view.taxDeductedPence !== undefined ? (
              <Row label="Tax already deducted" pence={view.taxDeductedPence} />
            ) : null}
            <Row
              label="Total Income Tax and National Insurance due"
              pence={view.totalLiabilityPence}
              strong
            />
            {view.earlier.map((f) => (
              <Row key={f.path} label={`Earlier calculation: ${f.label}`} pence={f.pence} />
            ))}
          </tbody>
        </table>
      </div>

      {view.otherFigures.length > 0 ? (
        <details className="sa302-other">
          <summary>Every other figure in HMRC’s calculation ({view.otherFigures.length})</summary>
          <div className="table-scroll">
            <table className="table sa302-table">
              <caption>As HMRC sent them</caption>
              <tbody>
                {view.otherFigures.map((f) => (
                  <tr key={f.path}>
                    <th scope="row">{f.label}</th>
                    <td className="num">{f.text ?? money(f.pence)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </div>
  );
}
