import { ApiError, E, type MtdError } from '../http/mtd-errors';

/**
 * What a `Gov-Test-Scenario` value does on one endpoint. HMRC's sandbox answers most scenarios
 * with a canned error; STATEFUL (and, in Practice HMRC, no header at all) runs the real
 * stateful behaviour. [reference §3.8; each endpoint's "Test data" table]
 */
export type ScenarioOutcome =
  { status: number; error: MtdError } | 'stateful' | { variant: string };

export type ScenarioTable = Record<string, ScenarioOutcome>;

/**
 * Stands for "no Gov-Test-Scenario header" when Practice HMRC answers as HMRC's sandbox does
 * without one: each endpoint's "N/A - DEFAULT" row, a canned success that stores nothing. It
 * holds a line break, which no header value can, so no request can send it.
 * [each endpoint's "Test data" table; reference §3.8]
 */
export const SANDBOX_DEFAULT = 'N/A - DEFAULT\n';

/** Whether the scenario is the sandbox's canned default answer. */
export function isSandboxDefault(scenario: 'stateful' | { variant: string }): boolean {
  return scenario !== 'stateful' && scenario.variant === SANDBOX_DEFAULT;
}

/** Resolves the header against the endpoint's table; unknown values get RULE_INCORRECT_GOV_TEST_SCENARIO. */
export function resolveScenario(
  header: string | undefined,
  table: ScenarioTable,
): 'stateful' | { variant: string } {
  if (header === SANDBOX_DEFAULT) return { variant: SANDBOX_DEFAULT };
  if (header === undefined || header === '' || header === 'STATEFUL') return 'stateful';
  const outcome = table[header];
  if (outcome === undefined) throw new ApiError(400, [E.ruleIncorrectGovTestScenario]);
  if (outcome === 'stateful' || 'variant' in outcome) return outcome;
  throw new ApiError(outcome.status, [outcome.error]);
}

/** A scenario that answers with a 400 business-rule error. */
export function ruleScenario(code: string, message: string): ScenarioOutcome {
  return { status: 400, error: { code, message } };
}

export const NOT_FOUND_SCENARIO: ScenarioOutcome = { status: 404, error: E.notFound };
