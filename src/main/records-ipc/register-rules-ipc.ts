import type { RecordsIpcContext } from './records-ipc-context';
import { toRuleView, toTransactionView } from './records-views';

/** Categorisation rules: list in priority order, edit, reorder, preview, apply (issue 7 item 5). */
export function registerRulesIpc(ctx: RecordsIpcContext): void {
  const { router, ledgerOf, changed } = ctx;
  const listOf = (profileId: string) => ({
    profileId,
    rules: ledgerOf(profileId).rules.list().map(toRuleView),
  });

  router.handle('records.rules', ({ profileId }) => listOf(profileId));

  router.handle('records.createRule', ({ profileId, rule }) => {
    const ledger = ledgerOf(profileId);
    const created = ledger.rules.create(rule);
    const applied = ledger.rules.applySaved(created.id);
    changed(profileId);
    return { profileId, rule: toRuleView(created), applied };
  });

  router.handle('records.updateRule', ({ profileId, ruleId, rule }) => {
    const ledger = ledgerOf(profileId);
    const updated = ledger.rules.update(ruleId, rule);
    const applied = ledger.rules.applySaved(updated.id);
    changed(profileId);
    return { profileId, rule: toRuleView(updated), applied };
  });

  router.handle('records.removeRule', ({ profileId, ruleId }) => {
    ledgerOf(profileId).rules.remove(ruleId);
    changed(profileId);
    return listOf(profileId);
  });

  router.handle('records.reorderRules', ({ profileId, ruleIds }) => {
    const rules = ledgerOf(profileId).rules.reorder(ruleIds);
    changed(profileId);
    return { profileId, rules: rules.map(toRuleView) };
  });

  router.handle('records.ruleFromTransaction', ({ profileId, transactionId, match, text }) => {
    const ledger = ledgerOf(profileId);
    const rule = ledger.rules.createFromTransaction(transactionId, {
      match,
      ...(text?.trim() ? { text: text.trim() } : {}),
    });
    const applied = ledger.rules.applySaved(rule.id);
    changed(profileId);
    return { profileId, rule: toRuleView(rule), applied };
  });

  router.handle('records.previewRule', ({ profileId, conditions }) => {
    const { count, examples } = ledgerOf(profileId).rules.preview(conditions, 5);
    return { profileId, count, examples: examples.map(toTransactionView) };
  });

  router.handle('records.applyRules', ({ profileId, scope, dryRun }) => {
    const outcome = ledgerOf(profileId).rules.apply({ scope, dryRun: dryRun === true });
    if (!dryRun && outcome.updated > 0) changed(profileId);
    return { profileId, ...outcome };
  });
}
