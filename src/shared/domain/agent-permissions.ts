/**
 * What an agent may do for a client, decided by the kind of authorisation the client gave.
 *
 * HMRC has two kinds of agent for Making Tax Digital for Income Tax (reference §2.10):
 * - a **main agent** has full access, including calculations and the final declaration;
 * - a **supporting agent** may send in-year updates and read obligations and business
 *   details, but HMRC refuses them Individual Calculations (every endpoint), the final
 *   declaration and Business Details' Retrieve/Update Accounting Type, with 403
 *   CLIENT_OR_AGENT_NOT_AUTHORISED ([E2E] "Multiple agents"; each API's
 *   `api.supporting-agent-endpoints` config).
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

/** The things HMRC refuses a supporting agent (reference §2.10). */
export const RESTRICTED_ACTIONS = ['calculations', 'final-declaration', 'accounting-type'] as const;
export type RestrictedAction = (typeof RESTRICTED_ACTIONS)[number];

export interface RestrictedActionRule {
  action: RestrictedAction;
  /** What the action is called in the app, e.g. on its button. */
  label: string;
  /** Why a supporting agent cannot do it, in plain English, and what to do instead. */
  reason: string;
}

const WHO_CAN = 'Ask the client, or their main agent, to do this.';

export const SUPPORTING_AGENT_RESTRICTIONS: Record<RestrictedAction, RestrictedActionRule> = {
  calculations: {
    action: 'calculations',
    label: 'Tax calculation',
    reason: `HMRC does not let a supporting agent see or ask for the client’s tax calculations. ${WHO_CAN}`,
  },
  'final-declaration': {
    action: 'final-declaration',
    label: 'Final declaration',
    reason: `HMRC does not let a supporting agent make the client’s final declaration for the year. ${WHO_CAN}`,
  },
  'accounting-type': {
    action: 'accounting-type',
    label: 'Accounting type',
    reason: `HMRC does not let a supporting agent see or change whether a business uses cash or traditional accounting. ${WHO_CAN}`,
  },
};

export type ActionPermission =
  { allowed: true } | { allowed: false; action: RestrictedAction; label: string; reason: string };

/**
 * Whether the person acting for a profile may take an action. `role` is the agent's role for
 * a client profile; `undefined`/`null` means the taxpayer acts for themselves (no limits).
 */
export function actionPermission(
  role: AgentRole | null | undefined,
  action: RestrictedAction,
): ActionPermission {
  if (role !== 'supporting') return { allowed: true };
  const rule = SUPPORTING_AGENT_RESTRICTIONS[action];
  return { allowed: false, action, label: rule.label, reason: rule.reason };
}

/** Every action a role may not take, in a stable order (empty for a main agent or a taxpayer). */
export function restrictionsFor(role: AgentRole | null | undefined): RestrictedActionRule[] {
  return role === 'supporting'
    ? RESTRICTED_ACTIONS.map((action) => SUPPORTING_AGENT_RESTRICTIONS[action])
    : [];
}
