import { useId, useRef, useState, type DragEvent, type JSX } from 'react';
import type { RecordsBusiness, RuleView } from '@shared/ipc/channels/records';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { businessName, categoryName, plural } from '../format';
import { shareText } from '../money-entry';
import { useRecordsMutation, useRules } from '../use-records-data';
import { conditionsText, moved } from './rule-text';
import { RuleForm } from './RuleForm';

/**
 * #/records/rules: the categorisation rules in the order they are tried (the first that fits
 * wins). Reorder by dragging or with the Move up / Move down buttons; edit, preview, switch
 * off, or run them now over the records still waiting for a category.
 */
export function RulesScreen({
  profileId,
  businesses,
}: {
  profileId: string;
  businesses: readonly RecordsBusiness[];
}): JSX.Element {
  const id = useId();
  const rules = useRules(profileId);
  const [editing, setEditing] = useState<RuleView | 'new' | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const dragged = useRef<number | null>(null);
  const list = rules.data?.profileId === profileId ? rules.data.rules : [];

  const reorder = useRecordsMutation(profileId, (ids: number[]) =>
    unwrap(api.records.reorderRules({ profileId, ruleIds: ids })),
  );
  const remove = useRecordsMutation(profileId, (ruleId: number) =>
    unwrap(api.records.removeRule({ profileId, ruleId })),
  );
  const toggle = useRecordsMutation(profileId, (rule: RuleView) =>
    unwrap(
      api.records.updateRule({
        profileId,
        ruleId: rule.id,
        rule: {
          name: rule.name,
          conditions: rule.conditions,
          action: rule.action,
          enabled: !rule.enabled,
        },
      }),
    ),
  );
  const dryRun = useRecordsMutation(profileId, () =>
    unwrap(api.records.applyRules({ profileId, scope: 'uncategorised', dryRun: true })),
  );
  const apply = useRecordsMutation(profileId, () =>
    unwrap(api.records.applyRules({ profileId, scope: 'uncategorised' })),
  );
  const error = reorder.error ?? remove.error ?? toggle.error ?? apply.error ?? dryRun.error;

  const move = (index: number, by: -1 | 1) => {
    const next = moved(list, index, by);
    const rule = list[index]!;
    reorder.mutate(
      next.map((r) => r.id),
      {
        onSuccess: () => {
          setSaid(`Moved “${rule.name}” to place ${index + by + 1} of ${list.length}.`);
          // Focus stays on the moved rule (the same button, or the other one at the top or the
          // bottom), so a keyboard user can keep moving it.
          requestAnimationFrame(() => {
            const same = document.getElementById(`${id}-${by < 0 ? 'up' : 'down'}-${rule.id}`);
            const other = document.getElementById(`${id}-${by < 0 ? 'down' : 'up'}-${rule.id}`);
            (same && !(same as HTMLButtonElement).disabled ? same : other)?.focus();
          });
        },
      },
    );
  };

  const onDrop = (event: DragEvent, index: number) => {
    event.preventDefault();
    const from = dragged.current;
    dragged.current = null;
    if (from === null || from === index) return;
    const next = [...list];
    const [rule] = next.splice(from, 1);
    next.splice(index, 0, rule!);
    reorder.mutate(
      next.map((r) => r.id),
      {
        onSuccess: () => setSaid(`Moved “${rule!.name}” to place ${index + 1} of ${list.length}.`),
      },
    );
  };

  if (rules.isPending) return <Loading label="Reading your rules…" />;
  if (rules.error) return <ErrorNotice error={toIpcError(rules.error)} />;

  return (
    <section className="records-rules" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Rules</h2>
      <p>
        A rule categorises records for you: on every import, and whenever you run them here. They
        are tried from the top; the first that fits a record wins. Records you categorise yourself
        are never changed by a rule.
      </p>
      <div className="actions">
        <button type="button" className="button primary" onClick={() => setEditing('new')}>
          Add a rule
        </button>
        <button
          type="button"
          className="button"
          disabled={list.length === 0 || dryRun.isPending || apply.isPending}
          onClick={() => {
            apply.reset();
            dryRun.mutate(undefined);
          }}
        >
          Run the rules now…
        </button>
      </div>
      {dryRun.data && !apply.data ? (
        <div className="notice notice-warn">
          {dryRun.data.updated === 0 ? (
            <p>No uncategorised record matches a rule.</p>
          ) : (
            <>
              <p>
                {plural(
                  dryRun.data.updated,
                  'uncategorised record matches',
                  'uncategorised records match',
                )}{' '}
                a rule.
              </p>
              <button
                type="button"
                className="button primary"
                disabled={apply.isPending}
                onClick={() => apply.mutate(undefined, { onSuccess: () => dryRun.reset() })}
              >
                Categorise {plural(dryRun.data.updated, 'record', 'records')}
              </button>
            </>
          )}
        </div>
      ) : null}
      {apply.data ? (
        <p className="notice notice-ok">
          Categorised {plural(apply.data.updated, 'record', 'records')} with your rules.
        </p>
      ) : null}
      {error ? <ErrorNotice error={toIpcError(error)} /> : null}
      <p role="status" className="hint records-sr-status">
        {said}
      </p>

      {list.length === 0 ? (
        <div className="empty-state">
          <p>
            No rules yet. Add one here, or open a record you have categorised and choose “Always do
            this”.
          </p>
        </div>
      ) : (
        <ol className="records-rule-list">
          {list.map((rule, index) => (
            <li
              key={rule.id}
              className={`records-rule card${rule.enabled ? '' : ' is-off'}`}
              draggable
              onDragStart={() => {
                dragged.current = index;
              }}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => onDrop(e, index)}
            >
              <div className="records-rule-main">
                <p className="records-rule-name">
                  <span className="records-rule-place">{index + 1}.</span> {rule.name}
                  {rule.enabled ? null : <span className="badge badge-neutral">Off</span>}
                </p>
                <p>
                  When {conditionsText(rule.conditions)} → {categoryName(rule.action.categoryId)}
                  {rule.action.businessId !== null
                    ? `, ${businessName(businesses, rule.action.businessId)}`
                    : ''}
                  {rule.action.disallowableBasisPoints
                    ? `, ${shareText(rule.action.disallowableBasisPoints)} % not allowable`
                    : ''}
                </p>
              </div>
              <div className="records-rule-actions">
                <button
                  id={`${id}-up-${rule.id}`}
                  type="button"
                  className="button"
                  disabled={index === 0 || reorder.isPending}
                  onClick={() => move(index, -1)}
                >
                  Move up<span className="visually-hidden"> “{rule.name}”</span>
                </button>
                <button
                  id={`${id}-down-${rule.id}`}
                  type="button"
                  className="button"
                  disabled={index === list.length - 1 || reorder.isPending}
                  onClick={() => move(index, 1)}
                >
                  Move down<span className="visually-hidden"> “{rule.name}”</span>
                </button>
                <button type="button" className="button" onClick={() => setEditing(rule)}>
                  Edit<span className="visually-hidden"> “{rule.name}”</span>
                </button>
                <button type="button" className="button" onClick={() => toggle.mutate(rule)}>
                  {rule.enabled ? 'Switch off' : 'Switch on'}
                  <span className="visually-hidden"> “{rule.name}”</span>
                </button>
                <button
                  type="button"
                  className="button danger"
                  onClick={() =>
                    remove.mutate(rule.id, { onSuccess: () => setSaid(`Removed “${rule.name}”.`) })
                  }
                >
                  Remove<span className="visually-hidden"> “{rule.name}”</span>
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}

      {editing !== null ? (
        <RuleForm
          profileId={profileId}
          rule={editing === 'new' ? null : editing}
          businesses={businesses}
          onClose={() => setEditing(null)}
          onSaved={(name, applied) => {
            setEditing(null);
            setSaid(
              applied > 0
                ? `Saved “${name}” and categorised ${plural(applied, 'record', 'records')} with it.`
                : `Saved “${name}”. No uncategorised record matches it now; future imports will use it.`,
            );
          }}
        />
      ) : null}
    </section>
  );
}
