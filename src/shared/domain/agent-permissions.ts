/**
 * What the person acting for a profile may do, as ALLOW-LISTS: each role names the actions it
 * is allowed, and anything not listed is forbidden, so an action added later stays refused
 * until someone decides it from HMRC's configuration.
 *
 * HMRC has two kinds of agent for Making Tax Digital for Income Tax (reference §2.10):
 * - a **main agent** has full access, including calculations and the final declaration;
 * - a **supporting agent** may send in-year updates and read obligations and business
 *   details, but HMRC refuses them Individual Calculations (every endpoint), the final
 *   declaration, Business Details' Retrieve/Update Accounting Type, every Savings Income and
 *   Dividends Income endpoint and the Reliefs pensions and charitable-giving endpoints, with
 *   403 CLIENT_OR_AGENT_NOT_AUTHORISED ([E2E] "Multiple agents"; each API's
 *   `api.supporting-agent-endpoints` config, hmrc-specs/SOURCES.md "Supporting agents").
 *
 * The renderer uses this to disable those actions up front with the reason, and the main
 * process uses it to refuse them before anything is sent to HMRC. Pure: no Node, no DOM.
 */

export const AGENT_ROLES = ['main', 'supporting'] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];

export const AGENT_ROLE_LABELS: Record<AgentRole, string> = {
  main: 'Main agent',
  supporting: 'Supporting agent',
};

export function isAgentRole(value: string): value is AgentRole {
  return (AGENT_ROLES as readonly string[]).includes(value);
}

/** Every action Ledgerlink takes with HMRC for a profile. */
export const AGENT_ACTIONS = [
  'business-details',
  'obligations',
  'quarterly-updates',
  'annual-figures',
  'calculations',
  'final-declaration',
  'accounting-type',
  'savings',
  'dividends',
  'pension-relief',
  'charitable-giving',
  'itsa-status',
  'losses',
  'adjustments',
] as const;
export type AgentAction = (typeof AGENT_ACTIONS)[number];

/** Who acts: the taxpayer themselves, or their main or supporting agent. */
export type Acting = 'individual' | AgentRole;

/**
 * The allow-lists. A supporting agent's list holds only what HMRC's configuration allows
 * them; the accounting type, calculations, declaration, savings, dividends, pension
 * contributions and Gift Aid are left off on purpose (see the header).
 */
export const ALLOWED_ACTIONS: Record<Acting, readonly AgentAction[]> = {
  individual: AGENT_ACTIONS,
  main: AGENT_ACTIONS,
  // HMRC's configuration also allows supporting agents Retrieve ITSA Status, every Losses and
  // BSAS endpoint and BISS (SOURCES.md "Supporting agents").
  supporting: [
    'business-details',
    'obligations',
    'quarterly-updates',
    'annual-figures',
    'itsa-status',
    'losses',
    'adjustments',
  ],
};

/** The things the profile page lists as refused to a supporting agent (reference §2.10). */
export const RESTRICTED_ACTIONS = ['calculations', 'final-declaration', 'accounting-type'] as const;
export type RestrictedAction = (typeof RESTRICTED_ACTIONS)[number];

/** The other income and reliefs of the year end: refused to a supporting agent too. */
export const OTHER_INCOME_ACTIONS = [
  'savings',
  'dividends',
  'pension-relief',
  'charitable-giving',
] as const satisfies readonly AgentAction[];
export type OtherIncomeAction = (typeof OTHER_INCOME_ACTIONS)[number];

export interface ActionRule {
  action: AgentAction;
  /** What the action is called in the app, e.g. on its button. */
  label: string;
  /** Why it is refused, in plain English, and what to do instead. */
  reason: string;
}

/** Kept for the screens that list the supporting agent's refusals by this name. */
export type RestrictedActionRule = ActionRule & { action: RestrictedAction };

const WHO_CAN = 'Ask the client, or their main agent, to do this.';
const refused = (what: string) => `HMRC does not let a supporting agent ${what}. ${WHO_CAN}`;

/** Each action's name and, where a role is refused it, why. */
export const ACTION_RULES: Record<AgentAction, ActionRule> = {
  'business-details': {
    action: 'business-details',
    label: 'Business details',
    reason: refused('read the client’s business details'),
  },
  obligations: {
    action: 'obligations',
    label: 'Deadlines',
    reason: refused('read the client’s deadlines'),
  },
  'quarterly-updates': {
    action: 'quarterly-updates',
    label: 'Quarterly updates',
    reason: refused('send the client’s quarterly updates'),
  },
  'annual-figures': {
    action: 'annual-figures',
    label: 'Annual figures',
    reason: refused('send the client’s annual figures'),
  },
  calculations: {
    action: 'calculations',
    label: 'Tax calculation',
    reason: refused('see or ask for the client’s tax calculations'),
  },
  'final-declaration': {
    action: 'final-declaration',
    label: 'Final declaration',
    reason: refused('make the client’s final declaration for the year'),
  },
  'accounting-type': {
    action: 'accounting-type',
    label: 'Accounting type',
    reason: refused('see or change whether a business uses cash or traditional accounting'),
  },
  savings: {
    action: 'savings',
    label: 'Savings interest',
    reason: refused('see or send the client’s savings accounts and interest'),
  },
  dividends: {
    action: 'dividends',
    label: 'Dividends',
    reason: refused('see or send the client’s dividends'),
  },
  'pension-relief': {
    action: 'pension-relief',
    label: 'Pension contributions',
    reason: refused('see or send the client’s pension contributions'),
  },
  'charitable-giving': {
    action: 'charitable-giving',
    label: 'Gift Aid',
    reason: refused('see or send the client’s Gift Aid and gifts to charity'),
  },
  'itsa-status': {
    action: 'itsa-status',
    label: 'Income Tax status',
    reason: refused('see whether the client must use Making Tax Digital'),
  },
  losses: {
    action: 'losses',
    label: 'Losses',
    reason: refused('see or claim the client’s losses'),
  },
  adjustments: {
    action: 'adjustments',
    label: 'Adjustments',
    reason: refused('see or adjust the client’s business summaries'),
  },
};

export const SUPPORTING_AGENT_RESTRICTIONS: Record<RestrictedAction, RestrictedActionRule> = {
  calculations: { ...ACTION_RULES.calculations, action: 'calculations' },
  'final-declaration': { ...ACTION_RULES['final-declaration'], action: 'final-declaration' },
  'accounting-type': { ...ACTION_RULES['accounting-type'], action: 'accounting-type' },
};

export type ActionPermission =
  { allowed: true } | { allowed: false; action: AgentAction; label: string; reason: string };

const actingOf = (role: AgentRole | null | undefined): Acting => role ?? 'individual';

/**
 * Whether the person acting for a profile may take an action. `role` is the agent's role for
 * a client profile; `undefined`/`null` means the taxpayer acts for themselves. An action (or a
 * value) that is not on the role's allow-list is refused.
 */
export function actionPermission(
  role: AgentRole | null | undefined,
  action: AgentAction,
): ActionPermission {
  if (ALLOWED_ACTIONS[actingOf(role)].includes(action)) return { allowed: true };
  const rule = ACTION_RULES[action] ?? {
    action,
    label: String(action),
    reason: `Ledgerlink does not know whether HMRC allows this. ${WHO_CAN}`,
  };
  return { allowed: false, action, label: rule.label, reason: rule.reason };
}

/** Every action a role may not take, in a stable order (empty for a main agent or a taxpayer). */
export function refusedActions(role: AgentRole | null | undefined): ActionRule[] {
  return AGENT_ACTIONS.filter((a) => !actionPermission(role, a).allowed).map(
    (a) => ACTION_RULES[a],
  );
}

/** The profile page's list: the refused actions among calculations, declaration, accounting type. */
export function restrictionsFor(role: AgentRole | null | undefined): RestrictedActionRule[] {
  return RESTRICTED_ACTIONS.filter((a) => !actionPermission(role, a).allowed).map(
    (a) => SUPPORTING_AGENT_RESTRICTIONS[a],
  );
}
