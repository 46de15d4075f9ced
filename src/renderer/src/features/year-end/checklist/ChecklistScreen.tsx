import type { JSX } from 'react';
import { useQuery } from '@tanstack/react-query';
import { formatUkDate, nextTaxYear, previousTaxYear } from '@shared/domain/tax-year';
import type { ChecklistItem } from '@shared/ipc/channels/year-end-checklist';
import { profileKey } from '@renderer/app/use-active-profile';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { ScreenHeader } from '@renderer/ui/ScreenHeader';
import { NotCoveredPanel } from '../other-income/NotCoveredPanel';
import { yearEndHref } from '../year-end-route';

const STATUS_WORDS: Record<ChecklistItem['status'], string> = {
  done: 'Done',
  waiting: 'In the outbox',
  'to-do': 'To do',
  'not-yet': 'Not yet',
  optional: 'If needed',
  refused: 'Not allowed',
};

const GROUP_TITLES: Record<ChecklistItem['group'], string> = {
  quarterly: 'Quarterly updates',
  correction: 'Corrections',
  annual: 'Annual figures',
  facts: 'Business facts',
  'other-income': 'Other income and reliefs',
  'not-covered': 'Not covered by Ledgerlink',
  losses: 'Losses',
  calculation: 'Final calculation',
  declaration: 'Final declaration',
};

function hrefOf(item: ChecklistItem, profileId: string, taxYear: string): string | undefined {
  const a = item.action;
  if (!a) return undefined;
  switch (a.screen) {
    case 'review':
      return '#/review';
    case 'sync':
      return '#/review/sync';
    default:
      return yearEndHref(a.screen, profileId, taxYear, a.businessId);
  }
}

/**
 * Everything the tax year still needs, in one list, from what is on this computer (works
 * offline): each quarterly update, the annual figures and facts of each business, HMRC's final
 * calculation and the final declaration, with one action each.
 */
export function ChecklistScreen({
  profileId,
  taxYear,
}: {
  profileId: string;
  taxYear: string;
}): JSX.Element {
  const list = useQuery({
    queryKey: profileKey(profileId, 'year-end', 'checklist', taxYear),
    queryFn: () => unwrap(api.yearEnd.checklist({ profileId, taxYear })),
    staleTime: 0,
  });
  return (
    <>
      <ScreenHeader title={`Year end ${taxYear}`}>
        What the tax year still needs before the final declaration, from what Ledgerlink knows on
        this computer.
      </ScreenHeader>
      <nav className="subnav" aria-label="Tax year">
        <a href={yearEndHref('checklist', profileId, previousTaxYear(taxYear))}>
          {previousTaxYear(taxYear)}
        </a>
        <a href={yearEndHref('checklist', profileId, taxYear)} aria-current="page">
          {taxYear}
        </a>
        <a href={yearEndHref('checklist', profileId, nextTaxYear(taxYear))}>
          {nextTaxYear(taxYear)}
        </a>
      </nav>
      {list.isPending ? <Loading label="Putting the checklist together…" /> : null}
      {list.error ? <ErrorNotice error={toIpcError(list.error)} /> : null}
      {list.data ? (
        <section className="card" aria-labelledby="checklist-heading">
          <h2 id="checklist-heading">{list.data.profileName}</h2>
          <p
            className={list.data.missing > 0 ? 'notice notice-warn' : 'notice notice-ok'}
            role="status"
          >
            {list.data.missing > 0
              ? `${list.data.missing} thing${list.data.missing === 1 ? '' : 's'} still to do for ${taxYear}.`
              : list.data.yearEnded
                ? `Nothing is missing for ${taxYear}.`
                : `The ${taxYear} tax year has not ended yet.`}{' '}
            {list.data.obligationsCheckedAt
              ? `HMRC’s deadlines as last checked on ${formatUkDate(list.data.obligationsCheckedAt.slice(0, 10))}.`
              : 'HMRC’s deadlines have not been checked yet: refresh the profile when online.'}
          </p>
          <table className="table checklist-table">
            <caption className="visually-hidden">Year-end checklist for {taxYear}</caption>
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
                <th scope="col">Next step</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((item) => {
                const href = hrefOf(item, profileId, taxYear);
                return (
                  <tr key={item.id} data-item={item.id} data-status={item.status}>
                    <th scope="row">
                      <span className="hint">{GROUP_TITLES[item.group]}</span>
                      <br />
                      {item.title}
                      {item.businessName ? (
                        <>
                          <br />
                          <span className="hint">{item.businessName}</span>
                        </>
                      ) : null}
                    </th>
                    <td>{item.dueDate ? formatUkDate(item.dueDate) : '—'}</td>
                    <td>
                      <span
                        className={`checklist-status ${item.status === 'done' ? 'checklist-status-done' : item.status === 'to-do' ? 'checklist-status-missing' : ''}`}
                      >
                        {STATUS_WORDS[item.status]}
                      </span>
                      <br />
                      {item.statusText}
                    </td>
                    <td>
                      {href && item.action ? (
                        <a className="button" href={href}>
                          {item.action.label}
                        </a>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ) : null}
      {list.data &&
      !list.data.items.some((i) => i.group === 'other-income' && i.status === 'refused') ? (
        <NotCoveredPanel profileId={profileId} taxYear={taxYear} />
      ) : null}
    </>
  );
}
