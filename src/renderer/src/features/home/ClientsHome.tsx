import type { JSX } from 'react';
import { deadlineText } from '@shared/domain/deadlines';
import { toIpcError } from '@renderer/bridge';
import { useActiveProfile } from '@renderer/app/use-active-profile';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { useOverview } from '../profiles/use-profile-data';

const ORDER = {
  overdue: 0,
  'not-authorised': 1,
  'due-soon': 2,
  'not-signed-up': 3,
  'not-checked': 4,
  'up-to-date': 5,
} as const;

// One collator for the sort: `localeCompare` builds one per call.
const byName = new Intl.Collator('en-GB');

/**
 * Clients listed on Home, most urgent first. The overview has every client, sortable and
 * filterable; a thousand rows here made Home slow to show and slow to leave (building and
 * then tearing down every row when the agent moves on).
 */
export const HOME_CLIENTS = 10;

/** For an agent: the most urgent clients' next deadlines, with one action each. */
export function ClientsHome(): JSX.Element {
  const overview = useOverview();
  const { setActive } = useActiveProfile();
  if (overview.error) return <ErrorNotice error={toIpcError(overview.error)} />;
  if (!overview.data) return <Loading label="Reading your clients…" />;
  const o = overview.data;
  const rows = [...o.rows]
    .sort(
      (a, b) => (ORDER[a.status] ?? 9) - (ORDER[b.status] ?? 9) || byName.compare(a.name, b.name),
    )
    .slice(0, HOME_CLIENTS);
  return (
    <section className="card home-clients" aria-labelledby="home-clients-heading">
      <h2 id="home-clients-heading">Across your clients</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Client</th>
            <th scope="col">Status</th>
            <th scope="col">Next deadline</th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.profileId} data-status={r.status}>
              <th scope="row">{r.name}</th>
              <td>{r.statusText}</td>
              <td>{r.nextDue ? deadlineText(r.nextDue.dueDate, o.today) : '—'}</td>
              <td>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    void setActive(r.profileId).then(() => {
                      window.location.hash =
                        r.status === 'overdue' || r.status === 'due-soon' ? '#/review' : '#/home';
                    });
                  }}
                >
                  {r.status === 'overdue' || r.status === 'due-soon' ? 'Review' : 'Open'}
                  <span className="visually-hidden"> {r.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {o.rows.length > rows.length ? (
        <p>
          <a href="#/profiles/overview">See all {o.rows.length} clients in the overview</a> (the{' '}
          {rows.length} most urgent are listed here).
        </p>
      ) : null}
    </section>
  );
}
