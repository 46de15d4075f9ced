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
    const created = ledgerOf(profileId).rules.create(rule);
    changed(profileId);
    return { profileId, rule: toRuleView(created) };
  });

  router.handle('records.updateRule', ({ profileId, ruleId, rule }) => {
    const updated = ledgerOf(profileId).rules.update(ruleId, rule);
    changed(profileId);
    return { profileId, rule: toRuleView(updated) };
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
    const rule = ledgerOf(profileId).rules.createFromTransaction(transactionId, {
      match,
      ...(text?.trim() ? { text: text.trim() } : {}),
    });
    changed(profileId);
    return { profileId, rule: toRuleView(rule) };
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
