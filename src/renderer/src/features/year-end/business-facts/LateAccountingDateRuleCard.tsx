import type { JSX } from 'react';
import type { BusinessFacts } from '@shared/ipc/channels/year-end-business-facts';

/**
 * The late accounting date rule: a business whose accounts are made up to a date between
 * 31 March and 4 April is treated as if they ended on 5 April, unless the person disapplies
 * the rule (an election lasting five tax years) [BD schemas/retrieveLateAccountingDateRule/
 * response.json, disapply_late_accounting_date_rule.yaml].
 */
export function LateAccountingDateRuleCard({
  facts,
  taxYear,
  busy,
  onDisapply,
  onWithdraw,
}: {
  facts: BusinessFacts;
  taxYear: string;
  busy: boolean;
  onDisapply: () => void;
  onWithdraw: () => void;
}): JSX.Element {
  const r = facts.lateAccountingDateRule;
  return (
    <section className="card" aria-labelledby="ladr-title">
      <h3 id="ladr-title">Late accounting date rule</h3>
      {r.status !== 'found' ? (
        <p className="hint">{r.reason}</p>
      ) : (
        <>
          <p>
            When a business makes up its accounts to a date from 31 March to 4 April, HMRC treats
            them as ending on 5 April, so no profit has to be split across tax years. The business
            can choose instead to report the profit of the days up to 5 April separately (“disapply
            the rule”); that choice lasts five tax years.
          </p>
          <p>
            {r.disapplied
              ? `For ${taxYear} the rule is disapplied${
                  r.election
                    ? `: chosen for ${r.election.from}, lasting until ${r.election.until}`
                    : ''
                }.`
              : r.eligible
                ? `For ${taxYear} the rule applies.`
                : `For ${taxYear} the rule does not affect this business.`}
          </p>
          {r.why ? <p className="hint">{r.why}</p> : null}
          {r.canDisapply || r.canWithdraw ? (
            <div className="actions">
              {r.canDisapply ? (
                <button type="button" className="button" disabled={busy} onClick={onDisapply}>
                  Disapply the rule from {taxYear}
                </button>
              ) : null}
              {r.canWithdraw ? (
                <button type="button" className="button" disabled={busy} onClick={onWithdraw}>
                  Withdraw the choice made for {taxYear}
                </button>
              ) : null}
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
