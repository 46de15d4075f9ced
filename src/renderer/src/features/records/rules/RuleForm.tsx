import { useEffect, useId, useState, type FormEvent, type JSX } from 'react';
import type {
  RecordsBusiness,
  RuleConditionsInput,
  RuleView,
  TransactionView,
} from '@shared/ipc/channels/records';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { CategoryFields, type Placement } from '../CategoryFields';
import { dateText, moneyWithDirection, plural } from '../format';
import { Modal } from '@renderer/ui/Modal';
import { amountText, readAmount, readShare, shareText } from '../money-entry';
import { useRecordsMutation } from '../use-records-data';

interface Draft {
  name: string;
  contains: string;
  pattern: string;
  counterparty: string;
  min: string;
  max: string;
  direction: '' | 'in' | 'out';
  placement: Placement;
  share: string;
  enabled: boolean;
}

const draftOf = (rule: RuleView | null): Draft => ({
  name: rule?.name ?? '',
  contains: rule?.conditions.descriptionContains ?? '',
  pattern: rule?.conditions.descriptionPattern ?? '',
  counterparty: rule?.conditions.counterpartyIs ?? '',
  min: rule?.conditions.amountMinPence != null ? amountText(rule.conditions.amountMinPence) : '',
  max: rule?.conditions.amountMaxPence != null ? amountText(rule.conditions.amountMaxPence) : '',
  direction: rule?.conditions.direction ?? '',
  placement: {
    businessId: rule?.action.businessId ?? null,
    categoryId: rule?.action.categoryId ?? null,
  },
  share: rule?.action.disallowableBasisPoints ? shareText(rule.action.disallowableBasisPoints) : '',
  enabled: rule?.enabled ?? true,
});

/** The conditions of a draft; amounts that cannot be read yet are left out of the preview. */
function conditionsOf(d: Draft): RuleConditionsInput {
  const amount = (text: string) => {
    if (!text.trim()) return null;
    const read = readAmount(text, { allowZero: true });
    return read.ok ? read.pence : null;
  };
  return {
    descriptionContains: d.contains.trim() || null,
    descriptionPattern: d.pattern.trim() || null,
    counterpartyIs: d.counterparty.trim() || null,
    amountMinPence: amount(d.min),
    amountMaxPence: amount(d.max),
    direction: d.direction || null,
  };
}

/**
 * A rule: "when the description contains X (or matches a pattern, or the payee is Y, or the
 * amount is in a range) → business, category, share not allowable". The preview shows, as the
 * conditions are typed, how many records it would match.
 */
export function RuleForm({
  profileId,
  rule,
  businesses,
  onClose,
  onSaved,
}: {
  profileId: string;
  rule: RuleView | null;
  businesses: readonly RecordsBusiness[];
  onClose: () => void;
  onSaved: (name: string, applied: number) => void;
}): JSX.Element {
  const id = useId();
  const [draft, setDraft] = useState(() => draftOf(rule));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<{ count: number; examples: TransactionView[] } | null>(
    null,
  );
  const examples = preview?.examples ?? [];
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const conditions = conditionsOf(draft);
  const conditionsKey = JSON.stringify(conditions);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      const c = JSON.parse(conditionsKey) as RuleConditionsInput;
      if (Object.values(c).every((v) => v === null)) {
        setPreview(null);
        return;
      }
      unwrap(api.records.previewRule({ profileId, conditions: c }))
        .then((p) => {
          if (!current) return;
          setPreview(p);
        })
        .catch(() => current && setPreview(null));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [conditionsKey, profileId]);

  const save = useRecordsMutation(
    profileId,
    (input: Parameters<typeof api.records.createRule>[0]['rule']) =>
      rule
        ? unwrap(api.records.updateRule({ profileId, ruleId: rule.id, rule: input }))
        : unwrap(api.records.createRule({ profileId, rule: input })),
  );
  const serverFields = Object.fromEntries(
    (save.error ? (toIpcError(save.error).fields ?? []) : []).map((f) => [f.path, f.message]),
  );
  const shown: Record<string, string | undefined> = { ...serverFields, ...problems };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    for (const [key, text] of [
      ['conditions.amountMinPence', draft.min],
      ['conditions.amountMaxPence', draft.max],
    ] as const) {
      if (text.trim() && !readAmount(text, { allowZero: true }).ok)
        found[key] = 'Enter an amount like 25.00, without a minus sign.';
    }
    const share = readShare(draft.share);
    if (!share.ok) found['action.disallowableBasisPoints'] = share.message;
    if (!draft.placement.categoryId) found['action.categoryId'] = 'Choose the category to give.';
    setProblems(found);
    if (Object.keys(found).length > 0 || !share.ok || !draft.placement.categoryId) return;
    save.mutate(
      {
        ...(draft.name.trim() ? { name: draft.name.trim() } : {}),
        conditions,
        action: {
          businessId: draft.placement.businessId === 'keep' ? null : draft.placement.businessId,
          categoryId: draft.placement.categoryId,
          disallowableBasisPoints: share.basisPoints,
        },
        enabled: draft.enabled,
      },
      { onSuccess: (r) => onSaved(r.rule.name, r.applied) },
    );
  };

  const text = (key: keyof Draft, label: string, path: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type="text"
        value={draft[key] as string}
        maxLength={200}
        onChange={(e) => set(key, e.target.value as never)}
        aria-invalid={shown[path] ? true : undefined}
        aria-describedby={
          [hint ? `${id}-${key}-hint` : '', shown[path] ? `${id}-${key}-error` : '']
            .filter(Boolean)
            .join(' ') || undefined
        }
      />
      {hint ? (
        <p className="hint" id={`${id}-${key}-hint`}>
          {hint}
        </p>
      ) : null}
      {shown[path] ? (
        <p className="field-error" id={`${id}-${key}-error`}>
          {shown[path]}
        </p>
      ) : null}
    </div>
  );

  return (
    <Modal title={rule ? `Edit “${rule.name}”` : 'Add a rule'} onClose={onClose} wide>
      <form className="form records-rule-form" onSubmit={submit} noValidate>
        <fieldset>
          <legend>When a record…</legend>
          <p className="hint">Fill in one or more; every one you fill in must fit.</p>
          {text(
            'contains',
            'Description contains',
            'conditions.descriptionContains',
            'Case, spaces and punctuation are ignored.',
          )}
          {text(
            'pattern',
            'Description is like (pattern)',
            'conditions.descriptionPattern',
            'Use * for any run of characters and ? for one, like AMAZON*PRIME*.',
          )}
          {text('counterparty', 'Payee or payer is', 'conditions.counterpartyIs')}
          <div className="records-form-row">
            {text('min', 'Amount from (£)', 'conditions.amountMinPence')}
            {text('max', 'Amount up to (£)', 'conditions.amountMaxPence')}
            <div className="field">
              <label htmlFor={`${id}-direction`}>Money</label>
              <select
                id={`${id}-direction`}
                value={draft.direction}
                onChange={(e) => set('direction', e.target.value as Draft['direction'])}
              >
                <option value="">In or out</option>
                <option value="in">Money in</option>
                <option value="out">Money out</option>
              </select>
            </div>
          </div>
        </fieldset>
        <div className="records-rule-preview" aria-live="polite">
          {preview ? (
            <>
              <p>
                <strong>Matches {plural(preview.count, 'record', 'records')}</strong> in your
                records now
                {preview.count > examples.length && examples.length
                  ? ', such as:'
                  : preview.count
                    ? ':'
                    : '.'}
              </p>
              {examples.length ? (
                <ul className="plain-list">
                  {examples.map((t) => (
                    <li key={t.id}>
                      {dateText(t.date)} · {t.description} · {moneyWithDirection(t.amountPence)}
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          ) : (
            <p className="hint">Fill in a condition to see which records it matches.</p>
          )}
        </div>
        <CategoryFields
          legend="…then give it"
          businesses={businesses}
          value={draft.placement}
          onChange={(p) => set('placement', p)}
          errors={{
            ...(shown['action.businessId'] ? { businessId: shown['action.businessId'] } : {}),
            ...(shown['action.categoryId'] ? { categoryId: shown['action.categoryId'] } : {}),
          }}
        />
        {text(
          'share',
          'Share not allowable for tax (%)',
          'action.disallowableBasisPoints',
          'Optional, for expenses with private use.',
        )}
        {text(
          'name',
          'Name (optional)',
          'name',
          'Left empty, the rule is named after what it does.',
        )}
        <div className="choice">
          <input
            id={`${id}-enabled`}
            type="checkbox"
            checked={draft.enabled}
            onChange={(e) => set('enabled', e.target.checked)}
          />
          <label htmlFor={`${id}-enabled`}>Use this rule</label>
        </div>
        {save.error ? <ErrorNotice error={toIpcError(save.error)} /> : null}
        <div className="actions">
          <button type="submit" className="button primary" disabled={save.isPending}>
            Save the rule
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
