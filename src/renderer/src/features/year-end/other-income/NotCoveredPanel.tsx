import { useState, type JSX } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotCoveredView } from '@shared/ipc/channels/year-end-other-income';
import { profileKey } from '@renderer/app/use-active-profile';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';

/**
 * On the year-end checklist: what Ledgerlink does not cover, asked as yes/no questions kept
 * per profile and year. What applies is named with where to report it, and the person
 * confirms they have reported it another way; until then the declaration waits.
 */
export function NotCoveredPanel({
  profileId,
  taxYear,
}: {
  profileId: string;
  taxYear: string;
}): JSX.Element {
  const queryClient = useQueryClient();
  const key = profileKey(profileId, 'year-end', 'not-covered', taxYear);
  const view = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.yearEnd.notCovered({ profileId, taxYear })),
  });
  const after = (data: NotCoveredView) => {
    queryClient.setQueryData(key, data);
    void queryClient.invalidateQueries({
      queryKey: profileKey(profileId, 'year-end', 'checklist', taxYear),
    });
  };
  const answer = useMutation({
    mutationFn: (a: { topic: NotCoveredView['topics'][number]['topic']; applies: boolean }) =>
      unwrap(api.yearEnd.answerNotCovered({ profileId, taxYear, ...a })),
    onSuccess: after,
  });
  const confirm = useMutation({
    mutationFn: () => unwrap(api.yearEnd.confirmReportedElsewhere({ profileId, taxYear })),
    onSuccess: after,
  });
  const [ticked, setTicked] = useState(false);
  if (view.isPending) return <Loading label="Reading your answers…" />;
  if (view.error) return <ErrorNotice error={toIpcError(view.error)} />;
  const v = view.data;
  const applying = v.topics.filter((t) => t.applies === true);
  return (
    <section className="card not-covered" aria-labelledby="not-covered-heading">
      <h2 id="not-covered-heading">Income Ledgerlink does not cover</h2>
      <p>
        HMRC’s final declaration covers all your income for the year, not just your businesses,
        savings, dividends, pension contributions and Gift Aid. Answer each question for {taxYear}.
      </p>
      {answer.error ? <ErrorNotice error={toIpcError(answer.error)} /> : null}
      <ol className="plain-list not-covered-questions">
        {v.topics.map((t) => (
          <li key={t.topic} data-topic={t.topic}>
            <fieldset className="choice-group">
              <legend>{t.question}</legend>
              {([true, false] as const).map((yes) => {
                const id = `nc-${t.topic}-${yes ? 'yes' : 'no'}`;
                return (
                  <span className="choice" key={id}>
                    <input
                      id={id}
                      type="radio"
                      name={`nc-${t.topic}`}
                      checked={t.applies === yes}
                      onChange={() => answer.mutate({ topic: t.topic, applies: yes })}
                    />
                    <label htmlFor={id}>{yes ? 'Yes' : 'No'}</label>
                  </span>
                );
              })}
            </fieldset>
          </li>
        ))}
      </ol>
      {applying.length > 0 ? (
        <div className="notice notice-warn" data-testid="not-covered-applies">
          <h3>Report these to HMRC another way</h3>
          <p>
            Ledgerlink cannot send these. Your return is not complete until HMRC has them, so the
            final declaration waits until you confirm you have reported them.
          </p>
          <dl>
            {applying.map((t) => (
              <div key={t.topic}>
                <dt>{t.label}</dt>
                <dd>{t.whereToReport}</dd>
              </div>
            ))}
          </dl>
          {v.confirmedElsewhere ? (
            <p role="status">
              You confirmed on{' '}
              {v.confirmedAt
                ? new Date(v.confirmedAt).toLocaleDateString('en-GB')
                : 'this computer'}{' '}
              that you have reported them another way.
            </p>
          ) : (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (ticked) confirm.mutate();
              }}
            >
              <span className="choice">
                <input
                  id="nc-confirm"
                  type="checkbox"
                  checked={ticked}
                  onChange={(e) => setTicked(e.target.checked)}
                />
                <label htmlFor="nc-confirm">
                  I have reported all of the above to HMRC another way, so HMRC’s final calculation
                  includes them
                </label>
              </span>
              <button type="submit" className="button" disabled={!ticked || confirm.isPending}>
                Confirm
              </button>
              {confirm.error ? <ErrorNotice error={toIpcError(confirm.error)} /> : null}
            </form>
          )}
        </div>
      ) : v.unanswered === 0 ? (
        <p className="notice notice-ok" role="status">
          Nothing else to report: Ledgerlink covers all your income for {taxYear}.
        </p>
      ) : null}
    </section>
  );
}
