import { useId, useState, type JSX } from 'react';
import type { RuleView, TransactionView } from '@shared/ipc/channels/records';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { categoryName, plural } from '../format';
import { useRecordsMutation } from '../use-records-data';

/**
 * "Always do this": one click turns this categorisation into a rule for future imports, and
 * applies it there and then to the records already waiting for a category.
 */
export function AlwaysDoThis({
  profileId,
  transaction,
}: {
  profileId: string;
  transaction: TransactionView;
}): JSX.Element {
  const id = useId();
  const [match, setMatch] = useState<'counterparty' | 'description'>(
    transaction.counterparty ? 'counterparty' : 'description',
  );
  const [text, setText] = useState(transaction.description);
  const [created, setCreated] = useState<{ rule: RuleView; applied: number } | null>(null);

  // Saving the rule applies it at once to the uncategorised records it matches.
  const create = useRecordsMutation(profileId, () =>
    unwrap(
      api.records.ruleFromTransaction({
        profileId,
        transactionId: transaction.id,
        match,
        ...(match === 'description' ? { text } : {}),
      }),
    ),
  );

  return (
    <section className="records-always" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Always do this</h3>
      {created ? (
        <div role="status">
          <p>
            Rule “{created.rule.name}” saved. Future imports put matching records under{' '}
            {categoryName(created.rule.action.categoryId)}.
          </p>
          {created.applied > 0 ? (
            <p>
              Categorised {plural(created.applied, 'other record', 'other records')} with it
              already.
            </p>
          ) : (
            <p className="hint">No other uncategorised record matches it now.</p>
          )}
        </div>
      ) : (
        <fieldset>
          <legend>Categorise matching records the same way from now on, when…</legend>
          {transaction.counterparty ? (
            <div className="choice">
              <input
                id={`${id}-cp`}
                type="radio"
                name={`${id}-match`}
                checked={match === 'counterparty'}
                onChange={() => setMatch('counterparty')}
              />
              <label htmlFor={`${id}-cp`}>the counterparty is “{transaction.counterparty}”</label>
            </div>
          ) : null}
          <div className="choice">
            <input
              id={`${id}-desc`}
              type="radio"
              name={`${id}-match`}
              checked={match === 'description'}
              onChange={() => setMatch('description')}
            />
            <label htmlFor={`${id}-desc`}>the description contains…</label>
          </div>
          {match === 'description' ? (
            <div className="field">
              <label htmlFor={`${id}-text`}>Text to look for</label>
              <input
                id={`${id}-text`}
                type="text"
                value={text}
                maxLength={200}
                onChange={(e) => setText(e.target.value)}
                aria-describedby={`${id}-text-hint`}
              />
              <p className="hint" id={`${id}-text-hint`}>
                Shorten it to the part every such payment has, like “SHELL” rather than “SHELL
                BRENTFORD 1234”. Case and punctuation are ignored.
              </p>
            </div>
          ) : null}
          <button
            type="button"
            className="button"
            disabled={create.isPending || (match === 'description' && !text.trim())}
            onClick={() => create.mutate(undefined, { onSuccess: setCreated })}
          >
            Always do this
          </button>
        </fieldset>
      )}
      {create.error ? <ErrorNotice error={toIpcError(create.error)} /> : null}
    </section>
  );
}
