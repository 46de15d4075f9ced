import { E } from '../http/mtd-errors';
import { NOT_FOUND_SCENARIO, type ScenarioTable, ruleScenario } from './gov-test-scenario';

/** Both cumulative endpoints exist from 2025-26 only. [SE/PB common/pathParameters.yaml] */
export const TAX_YEAR_NOT_SUPPORTED = ruleScenario(
  E.ruleTaxYearNotSupported.code,
  E.ruleTaxYearNotSupported.message,
);

/**
 * The Gov-Test-Scenarios both cumulative PUTs document, with HMRC's codes and messages
 * [SE create_amend_cumulative_period_summary.yaml, PB uk_property_cumulative_summary_create_or_amend.yaml
 * "Test Data"]. Self-employment adds BOTH_EXPENSES_SUPPLIED.
 */
export const CUMULATIVE_PUT_SCENARIOS: ScenarioTable = {
  NOT_FOUND: NOT_FOUND_SCENARIO,
  TAX_YEAR_NOT_SUPPORTED,
  START_DATE_NOT_ALIGNED_TO_COMMENCEMENT_DATE: ruleScenario(
    'RULE_START_DATE_NOT_ALIGNED_TO_COMMENCEMENT_DATE',
    'Start date does not align to the commencement date',
  ),
  END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE: ruleScenario(
    'RULE_END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
    'End date does not align to the reporting type',
  ),
  MISSING_SUBMISSION_DATES: ruleScenario(
    'RULE_MISSING_SUBMISSION_DATES',
    'Submission start/end date not provided',
  ),
  START_AND_END_DATE_NOT_ALLOWED: ruleScenario(
    'RULE_START_AND_END_DATE_NOT_ALLOWED',
    'Start/end date not accepted for annual/latent submission',
  ),
  EARLY_DATA_SUBMISSION_NOT_ACCEPTED: ruleScenario(
    'RULE_EARLY_DATA_SUBMISSION_NOT_ACCEPTED',
    'Cannot submit data more than 10 days before end of Period',
  ),
  OUTSIDE_AMENDMENT_WINDOW: ruleScenario(
    'RULE_OUTSIDE_AMENDMENT_WINDOW',
    'You are outside the amendment window',
  ),
  ADVANCE_SUBMISSION_REQUIRES_PERIOD_END_DATE: ruleScenario(
    'RULE_ADVANCE_SUBMISSION_REQUIRES_PERIOD_END_DATE',
    'For advance submission end date must be the end of the period',
  ),
  SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS: ruleScenario(
    'RULE_SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS',
    'Submission end date cannot be earlier than existing submission',
  ),
  START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE: ruleScenario(
    'RULE_START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
    'Start date does not align to the reporting type',
  ),
};
