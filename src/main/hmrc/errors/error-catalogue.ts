/**
 * Every error code HMRC lists for the APIs Ledgerlink calls — Business Details 2.0,
 * Obligations 3.0, Self Employment Business 5.0, Property Business 6.0, Individual
 * Calculations 8.0 (each OAS `common/errors.yaml`) — and the API platform's own codes
 * (reference §3.6 [REF]), in plain English: what happened, who can put it right, and what to
 * do next. test/unit/hmrc/error-catalogue.test.ts reads the codes out of the spec files and
 * fails for any code without an entry here.
 *
 * HMRC says its codes are stable and its messages may change (reference §3.6), so only the
 * code is used to choose the words.
 */

import { AGENT_AUTHORISATION_ERRORS } from './agent-authorisation-errors';

/** Who can put it right. */
export type FixedBy = 'you' | 'your-agent' | 'the-client' | 'hmrc' | 'ledgerlink';

export interface ErrorWords {
  message: string;
  action: string;
  fixedBy: FixedBy;
}

export interface CatalogueEntry extends ErrorWords {
  /** Different words when the signed-in HMRC account is an agent's. */
  agent?: Partial<ErrorWords>;
}

export const LEDGERLINK_FAULT =
  'This is a fault in Ledgerlink, not in your records. Report it from the Diagnostics page, quoting the reference below.';
const CHECK_DATES = 'Check the dates of the update in Ledgerlink and send it again.';

/** A request Ledgerlink built wrongly: the person cannot fix it, so say so. */
const ledgerlink = (message: string): CatalogueEntry => ({
  message,
  action: LEDGERLINK_FAULT,
  fixedBy: 'ledgerlink',
});

export const ERROR_CATALOGUE: Record<string, CatalogueEntry> = {
  // Agent Authorisation's own codes, kept beside the API's endpoints.
  ...AGENT_AUTHORISATION_ERRORS,
  // ── API platform (reference §3.6 [REF]) ──────────────────────────────────────────────
  MISSING_CREDENTIALS: ledgerlink('Ledgerlink sent a request to HMRC without its access key.'),
  INVALID_CREDENTIALS: {
    message: "HMRC no longer accepts Ledgerlink's access to this HMRC account.",
    action:
      'Link Ledgerlink to HMRC again from the Link to HMRC page. Your records in Ledgerlink are safe.',
    fixedBy: 'you',
  },
  UNAUTHORIZED: {
    message: 'HMRC did not accept the sign-in Ledgerlink used.',
    action: 'Link Ledgerlink to HMRC again from the Link to HMRC page.',
    fixedBy: 'you',
  },
  INCORRECT_ACCESS_TOKEN_TYPE: ledgerlink(
    'Ledgerlink used the wrong kind of HMRC access for this request.',
  ),
  HTTPS_REQUIRED: ledgerlink('Ledgerlink tried to reach HMRC without a secure connection.'),
  RESOURCE_FORBIDDEN: ledgerlink(
    'HMRC says this copy of Ledgerlink is not allowed to use this HMRC service.',
  ),
  INVALID_SCOPE: {
    message:
      'The authority you gave Ledgerlink at HMRC does not cover this. It needs permission to read and to change your Self Assessment information.',
    action: 'Link Ledgerlink to HMRC again and grant both permissions HMRC asks about.',
    fixedBy: 'you',
  },
  FORBIDDEN: {
    message: 'HMRC refused this request for this account.',
    action:
      'Check you are linked with the right HMRC account. If it keeps happening, contact HMRC quoting the reference below.',
    fixedBy: 'you',
  },
  MATCHING_RESOURCE_NOT_FOUND: {
    message: 'HMRC has nothing matching this request yet.',
    action:
      'If you expected something here, check the tax year and the business, or send the update first.',
    fixedBy: 'you',
  },
  NOT_FOUND: {
    message: 'HMRC has nothing matching this request.',
    action: 'Check the tax year and the business, then try again.',
    fixedBy: 'you',
  },
  METHOD_NOT_ALLOWED: ledgerlink(
    'Ledgerlink asked HMRC for something in a way HMRC does not allow.',
  ),
  ACCEPT_HEADER_INVALID: ledgerlink(
    'Ledgerlink asked for a version of an HMRC service that HMRC does not offer.',
  ),
  INVALID_BODY_TYPE: ledgerlink('Ledgerlink sent HMRC information in a form it does not accept.'),
  INVALID_REQUEST: {
    message: 'HMRC found problems with what was sent.',
    action: 'See the details below, correct them in Ledgerlink and send again.',
    fixedBy: 'you',
  },
  BAD_REQUEST: ledgerlink('HMRC could not read the request Ledgerlink sent.'),
  MESSAGE_THROTTLED_OUT: {
    message: 'HMRC is busy and asked Ledgerlink to slow down.',
    action: 'Ledgerlink will try again shortly on its own. Nothing has been lost.',
    fixedBy: 'hmrc',
  },
  INTERNAL_SERVER_ERROR: {
    message: 'HMRC had a problem on its side.',
    action:
      'Try again in a few minutes. If it keeps happening, contact HMRC quoting the reference below.',
    fixedBy: 'hmrc',
  },
  NOT_IMPLEMENTED: ledgerlink('HMRC does not offer what Ledgerlink asked for.'),
  SERVER_ERROR: {
    message: 'HMRC’s service is not available at the moment.',
    action: 'Try again later. Your records are safe in Ledgerlink.',
    fixedBy: 'hmrc',
  },
  SCHEDULED_MAINTENANCE: {
    message: 'HMRC’s service is closed for planned maintenance.',
    action: 'Try again later. Your records are safe in Ledgerlink.',
    fixedBy: 'hmrc',
  },
  GATEWAY_TIMEOUT: {
    message: 'HMRC took too long to answer.',
    action: 'Try again in a few minutes. Your records are safe in Ledgerlink.',
    fixedBy: 'hmrc',
  },

  // ── Common to the ITSA APIs (each OAS common/errors.yaml) ─────────────────────────────
  CLIENT_OR_AGENT_NOT_AUTHORISED: {
    message:
      'HMRC says this HMRC account cannot act for this National Insurance number. This usually means the person has not signed up to Making Tax Digital for Income Tax.',
    action:
      'Check you linked the right HMRC account and that you have signed up to Making Tax Digital for Income Tax.',
    fixedBy: 'you',
    agent: {
      message: 'HMRC says you are not authorised for this client.',
      action:
        'Ask the client to authorise you in your agent services account, or check you signed in with the right agent account.',
      fixedBy: 'the-client',
    },
  },
  FORMAT_NINO: ledgerlink('The National Insurance number sent to HMRC is not in the right format.'),
  FORMAT_BUSINESS_ID: ledgerlink('The business reference sent to HMRC is not in the right format.'),
  FORMAT_TAX_YEAR: ledgerlink('The tax year sent to HMRC is not in the right format.'),
  FORMAT_VALUE: {
    message:
      'HMRC says one or more amounts are not allowed: too large, negative where they cannot be, or with more than 2 decimal places.',
    action: 'Check the highlighted amounts in Ledgerlink and send again.',
    fixedBy: 'you',
  },
  FORMAT_STRING: {
    message: 'HMRC says some text is too long or uses characters it does not accept.',
    action: 'Check the highlighted text in Ledgerlink and send again.',
    fixedBy: 'you',
  },
  FORMAT_DATE: ledgerlink('A date sent to HMRC is not in the right format.'),
  FORMAT_START_DATE: ledgerlink('The start date sent to HMRC is not in the right format.'),
  FORMAT_END_DATE: ledgerlink('The end date sent to HMRC is not in the right format.'),
  FORMAT_FROM_DATE: ledgerlink('The “from” date sent to HMRC is not in the right format.'),
  FORMAT_TO_DATE: ledgerlink('The “to” date sent to HMRC is not in the right format.'),
  RULE_TAX_YEAR_NOT_SUPPORTED: {
    message: 'HMRC does not accept this for that tax year through this service.',
    action: 'Check the tax year. Quarterly updates through Ledgerlink start with 2025 to 2026.',
    fixedBy: 'you',
  },
  RULE_TAX_YEAR_RANGE_INVALID: ledgerlink('The tax year sent to HMRC covered more than one year.'),
  RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED: ledgerlink(
    'Ledgerlink sent HMRC an empty or incomplete update.',
  ),
  RULE_INCORRECT_GOV_TEST_SCENARIO: {
    message: 'The HMRC sandbox has no test data for the test scenario that was chosen.',
    action: 'Choose another test scenario, or none. This only happens in the HMRC sandbox.',
    fixedBy: 'you',
  },

  // ── Business Details 2.0 [BD common/errors.yaml] ─────────────────────────────────────
  NO_BUSINESS_FOUND: {
    message: 'HMRC has no business with this reference for this National Insurance number.',
    action: 'Refresh your businesses from HMRC on the Profiles page and choose one from the list.',
    fixedBy: 'you',
  },
  RULE_BUSINESS_ID_NOT_FOUND: {
    message: 'HMRC could not find this business.',
    action: 'Refresh your businesses from HMRC on the Profiles page and choose one from the list.',
    fixedBy: 'you',
  },
  RULE_BUSINESS_ID_STATE_CONFLICT: {
    message: 'HMRC cannot make this change because of the current state of this business.',
    action:
      'Check the business is still trading and has no update waiting to be processed, then try again later.',
    fixedBy: 'you',
  },
  RULE_QUARTERLY_PERIOD_UPDATING: {
    message:
      'HMRC cannot change the quarterly period type right now: the business started between 1 and 5 April and today is also in that window.',
    action: 'Try again after 5 April.',
    fixedBy: 'you',
  },
  RULE_REQUEST_CANNOT_BE_FULFILLED: {
    message:
      'HMRC cannot make this change. The quarterly period type can only be chosen for the current tax year, for a self-employment or property business.',
    action: 'Check the tax year and the business, then try again.',
    fixedBy: 'you',
  },
  RULE_TYPE_OF_BUSINESS_INCORRECT: {
    message: 'HMRC says this business is a different kind of business from the one this is for.',
    action: 'Check the business chosen in Ledgerlink matches the kind of income you are sending.',
    fixedBy: 'you',
  },
  RULE_TAX_YEAR_NOT_ENDED: {
    message: 'This can only be done after the tax year has ended.',
    action: 'Try again after 5 April at the end of that tax year.',
    fixedBy: 'you',
  },
  RULE_OUTSIDE_AMENDMENT_WINDOW: {
    message: 'HMRC says it is now too late to change this tax year through software.',
    action: 'Contact HMRC about changing this tax year.',
    fixedBy: 'you',
  },
  RULE_PERIODS_OF_ACCOUNT: ledgerlink(
    'The periods of account sent to HMRC do not match the answer about whether there are any.',
  ),
  RULE_END_DATE_BEFORE_START_DATE: {
    message: 'The end date is before the start date.',
    action: CHECK_DATES,
    fixedBy: 'you',
  },
  RULE_START_DATE: {
    message: 'A period of account starts after the tax year it was sent for.',
    action: 'Check the periods of account and send them again.',
    fixedBy: 'you',
  },
  RULE_END_DATE: {
    message: 'A period of account ends outside the tax year it was sent for.',
    action: 'Check the periods of account and send them again.',
    fixedBy: 'you',
  },
  RULE_PERIODS_OVERLAP: {
    message: 'Two periods of account overlap.',
    action: 'Check the periods of account and send them again.',
    fixedBy: 'you',
  },
  RULE_CESSATION_DATE: {
    message: 'A period of account ends after the date HMRC has for the business stopping.',
    action: 'Check the periods of account and the date the business stopped.',
    fixedBy: 'you',
  },
  RULE_ELECTION_PERIOD_NOT_EXPIRED: {
    message:
      'The choice about the late accounting date rule cannot be changed yet: once a year is finalised it stays for 5 years.',
    action: 'Keep the current choice, or contact HMRC if you think it is wrong.',
    fixedBy: 'you',
  },
  RULE_NO_ACCOUNTING_DATE_FOUND: {
    message:
      'The late accounting date rule only applies when the accounting date is between 31 March and 4 April.',
    action: 'Check the business’s accounting date.',
    fixedBy: 'you',
  },

  // ── Obligations 3.0 [OB common/errors.yaml] ──────────────────────────────────────────
  FORMAT_TYPE_OF_BUSINESS: ledgerlink('The type of business sent to HMRC is not one it knows.'),
  FORMAT_STATUS: ledgerlink('The obligation status sent to HMRC is not one it knows.'),
  MISSING_FROM_DATE: ledgerlink('Ledgerlink asked HMRC for a date range without a start date.'),
  MISSING_TO_DATE: ledgerlink('Ledgerlink asked HMRC for a date range without an end date.'),
  MISSING_TYPE_OF_BUSINESS: ledgerlink(
    'Ledgerlink asked HMRC about a business without saying what kind of business it is.',
  ),
  RANGE_TO_DATE_BEFORE_FROM_DATE: ledgerlink(
    'Ledgerlink asked HMRC for a date range that ends before it starts.',
  ),
  RULE_DATE_RANGE_INVALID: ledgerlink(
    'Ledgerlink asked HMRC for a date range longer than 366 days.',
  ),
  RULE_FROM_DATE_NOT_SUPPORTED: ledgerlink(
    'Ledgerlink asked HMRC for dates before 6 April 2018, which HMRC does not keep here.',
  ),
  RULE_INSOLVENT_TRADER: {
    message:
      'HMRC has this business recorded as insolvent, and its deadlines cannot be shown through software.',
    action: 'Contact HMRC about this business’s Income Tax.',
    fixedBy: 'hmrc',
  },
  NO_OBLIGATIONS_FOUND: {
    message: 'HMRC has no deadlines for this business and period.',
    action:
      'If you have just signed up or added a business, HMRC may still be setting it up. Check again later.',
    fixedBy: 'hmrc',
  },

  // ── Self Employment Business 5.0 [SE common/errors.yaml] ──────────────────────────────
  RULE_BOTH_EXPENSES_SUPPLIED: {
    message:
      'Expenses were sent both itemised and as a single total. HMRC accepts one or the other.',
    action: 'Choose itemised expenses or a single total for this business, then send again.',
    fixedBy: 'you',
  },
  RULE_EARLY_DATA_SUBMISSION_NOT_ACCEPTED: {
    message: 'HMRC does not accept an update more than 10 days before the end of its quarter.',
    action: 'Send this update in the last 10 days of the quarter or after it ends.',
    fixedBy: 'you',
  },
  RULE_ADVANCE_SUBMISSION_REQUIRES_PERIOD_END_DATE: {
    message: 'An update sent before its quarter ends must run to the last day of the quarter.',
    action: CHECK_DATES,
    fixedBy: 'you',
  },
  RULE_START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE: {
    message:
      'The update’s start date does not match the business’s quarters (6 April for standard quarters, 1 April for calendar quarters).',
    action: 'Check the business’s quarterly period type and the start date, then send again.',
    fixedBy: 'you',
  },
  RULE_START_DATE_NOT_ALIGNED_TO_COMMENCEMENT_DATE: {
    message: 'The update’s start date does not match the date HMRC has for the business starting.',
    action: 'Start the update on the date the business started, then send again.',
    fixedBy: 'you',
  },
  RULE_END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE: {
    message: 'The update’s end date is not the end of one of the business’s quarters (or months).',
    action: CHECK_DATES,
    fixedBy: 'you',
  },
  RULE_SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS: {
    message: 'HMRC already has an update for this year that runs to a later date.',
    action:
      'Send the update up to the same end date or later. Corrections go into the next update.',
    fixedBy: 'you',
  },
  RULE_MISSING_SUBMISSION_DATES: {
    message: 'HMRC needs the update’s start and end dates for this business.',
    action: CHECK_DATES,
    fixedBy: 'you',
  },
  RULE_START_AND_END_DATE_NOT_ALLOWED: {
    message:
      'HMRC has this business reporting once a year (annual or new), so the update must not have dates.',
    action: 'Send the update without dates, or check the business’s reporting status with HMRC.',
    fixedBy: 'you',
  },
  RULE_BUSINESS_INCOME_PERIOD_RESTRICTION: {
    message:
      'HMRC has this business reporting once a year, so the update must cover 6 April to 5 April.',
    action: CHECK_DATES,
    fixedBy: 'you',
  },
  // The legacy period summary lists this name for the same rule [SE create_period_summary.yaml].
  RULE_BUSINESS_INCOME_RESTRICTION: {
    message:
      'HMRC has this business reporting once a year, so the update must cover 6 April to 5 April.',
    action: CHECK_DATES,
    fixedBy: 'you',
  },
  RULE_NOT_ALLOWED_CONSOLIDATED_EXPENSES: {
    message:
      'Expenses can only be sent as a single total while turnover is below the threshold (£90,000).',
    action: 'Send itemised expenses for this business.',
    fixedBy: 'you',
  },
  RULE_OVERLAPPING_PERIOD: {
    message: 'The update overlaps one HMRC already has.',
    action: CHECK_DATES,
    fixedBy: 'you',
  },
  RULE_MISALIGNED_PERIOD: {
    message: 'The update does not fit the business’s accounting period.',
    action: CHECK_DATES,
    fixedBy: 'you',
  },
  RULE_NOT_CONTIGUOUS_PERIOD: {
    message: 'The update leaves a gap after the previous one.',
    action: 'Start the update the day after the previous one ended.',
    fixedBy: 'you',
  },
  RULE_DUPLICATE_SUBMISSION: {
    message: 'HMRC already has an update for exactly this period.',
    action: 'Nothing more to send for this period. Corrections go into the next update.',
    fixedBy: 'you',
  },
  RULE_INVALID_SUBMISSION_PERIOD: {
    message: 'HMRC does not accept an update more than 10 days before the end of its quarter.',
    action: 'Send this update in the last 10 days of the quarter or after it ends.',
    fixedBy: 'you',
  },
  RULE_INVALID_SUBMISSION_END_DATE: {
    message: 'The update must end on the last day of a quarter.',
    action: CHECK_DATES,
    fixedBy: 'you',
  },
  INVALID_TAX_YEAR_PARAMETER: ledgerlink(
    'Ledgerlink asked HMRC about a tax year before 2023 to 2024 in a way HMRC only allows for later years.',
  ),
  FORMAT_PERIOD_ID: ledgerlink('The period reference sent to HMRC is not in the right format.'),
  FORMAT_SOURCE: ledgerlink('The source sent to HMRC is not one it knows.'),
  FORMAT_CLASS_4_EXEMPTION_REASON: ledgerlink(
    'The Class 4 National Insurance exemption reason sent to HMRC is not one it knows.',
  ),
  RULE_ALLOWANCE_NOT_SUPPORTED: {
    message: 'One of the allowances cannot be claimed for this tax year.',
    action: 'Remove that allowance for this year and send again.',
    fixedBy: 'you',
  },
  RULE_BOTH_ALLOWANCES_SUPPLIED: {
    message:
      'The trading or property income allowance cannot be claimed together with other allowances.',
    action: 'Claim either the income allowance or the other allowances, then send again.',
    fixedBy: 'you',
  },
  RULE_BUILDING_NAME_NUMBER: {
    message: 'A building needs its postcode and its name or number.',
    action: 'Add the building’s name or number and send again.',
    fixedBy: 'you',
  },
  RULE_OVERLAP_RELIEF_USED_NOT_ALLOWED: {
    message: 'Overlap relief can only be used up to the 2023 to 2024 tax year.',
    action: 'Remove overlap relief for this year and send again.',
    fixedBy: 'you',
  },
  RULE_WRONG_TPA_AMOUNT_SUBMITTED: {
    message: 'Transition profit acceleration needs a transition profit amount as well.',
    action: 'Add the transition profit amount, or remove the acceleration amount.',
    fixedBy: 'you',
  },

  // ── Property Business 6.0 [PB common/errors.yaml] ────────────────────────────────────
  RULE_TO_DATE_BEFORE_FROM_DATE: {
    message: 'The end date is before the start date.',
    action: CHECK_DATES,
    fixedBy: 'you',
  },
  RULE_PROPERTY_INCOME_ALLOWANCE: {
    message:
      'The property income allowance cannot be claimed together with a private use adjustment.',
    action: 'Claim one or the other, then send again.',
    fixedBy: 'you',
  },
  RULE_END_DATE_AFTER_TAX_YEAR_END: {
    message: 'The end date is after the end of the tax year.',
    action: CHECK_DATES,
    fixedBy: 'you',
  },
  RULE_END_DATE_BEFORE_TAX_YEAR_START: {
    message: 'The end date is before the start of the tax year.',
    action: CHECK_DATES,
    fixedBy: 'you',
  },
  RULE_TAX_YEAR_BEFORE_BUSINESS_START: {
    message: 'This tax year is before HMRC’s first tax year for this property business.',
    action: 'Check the tax year.',
    fixedBy: 'you',
  },
  RULE_PROPERTY_BUSINESS_CEASED: {
    message: 'HMRC has this foreign property business recorded as stopped.',
    action: 'Check the business, or contact HMRC if it is still running.',
    fixedBy: 'you',
  },
  RULE_PROPERTY_ID_MISMATCH: {
    message: 'One of the properties does not belong to this business at HMRC.',
    action: 'Check the properties listed for this business.',
    fixedBy: 'you',
  },
  RULE_DUPLICATE_PROPERTY_ID: ledgerlink('The same property was sent twice.'),
  RULE_DUPLICATE_PROPERTY_NAME: {
    message: 'A foreign property with this name already exists in the same country.',
    action: 'Give the property a different name.',
    fixedBy: 'you',
  },
  RULE_DUPLICATE_COUNTRY_CODE: {
    message:
      'The same country was sent more than once. Properties in one country are sent as one total.',
    action: 'Combine the properties in each country and send again.',
    fixedBy: 'you',
  },
  RULE_COUNTRY_CODE: {
    message: 'One of the countries is not one HMRC accepts.',
    action: 'Check the country chosen for each property.',
    fixedBy: 'you',
  },
  RULE_MISSING_END_DETAILS: {
    message:
      'A foreign property with an end date also needs a reason it ended, and the other way round.',
    action: 'Add both the end date and the reason, or neither.',
    fixedBy: 'you',
  },
  FORMAT_COUNTRY_CODE: ledgerlink('A country code sent to HMRC is not in the right format.'),
  FORMAT_END_REASON: ledgerlink('The end reason sent to HMRC is not one it knows.'),
  FORMAT_PROPERTY_ID: ledgerlink('A property reference sent to HMRC is not in the right format.'),
  FORMAT_PROPERTY_NAME: {
    message: 'A property name is too long or uses characters HMRC does not accept.',
    action: 'Shorten or simplify the property name and send again.',
    fixedBy: 'you',
  },
  FORMAT_SUBMISSION_ID: ledgerlink(
    'The submission reference sent to HMRC is not in the right format.',
  ),

  // ── Individual Calculations 8.0 [IC common/errors.yaml] ──────────────────────────────
  FORMAT_CALCULATION_ID: ledgerlink(
    'The calculation reference sent to HMRC is not in the right format.',
  ),
  FORMAT_CALCULATION_TYPE: ledgerlink('The calculation type sent to HMRC is not one it knows.'),
  FORMAT_FINAL_DECLARATION: ledgerlink('The final declaration flag sent to HMRC is not valid.'),
  RULE_NO_INCOME_SUBMISSIONS_EXIST: {
    message: 'HMRC cannot calculate yet: it has no income for this tax year.',
    action: 'Send at least one quarterly update for this tax year first.',
    fixedBy: 'you',
  },
  RULE_FINAL_DECLARATION_RECEIVED: {
    message: 'HMRC already has the final declaration for this tax year.',
    action: 'Nothing more to do. To change the year, use an amendment instead.',
    fixedBy: 'you',
  },
  RULE_INCOME_SOURCES_CHANGED: {
    message: 'Your income sources changed after this calculation was made.',
    action: 'Ask HMRC for a new calculation, check it, then declare again.',
    fixedBy: 'you',
  },
  RULE_RECENT_SUBMISSIONS_EXIST: {
    message: 'HMRC has received updates since this calculation was made.',
    action: 'Ask HMRC for a new calculation, check it, then declare again.',
    fixedBy: 'you',
  },
  RULE_RESIDENCY_CHANGED: {
    message: 'Your residence details changed after this calculation was made.',
    action: 'Ask HMRC for a new calculation, check it, then declare again.',
    fixedBy: 'you',
  },
  RULE_CALCULATION_IN_PROGRESS: {
    message: 'HMRC is still working on a calculation for this tax year.',
    action: 'Wait a minute, then try again.',
    fixedBy: 'hmrc',
  },
  RULE_BUSINESS_VALIDATION_FAILURE: {
    message: 'HMRC found problems in this year’s figures that must be fixed first.',
    action: 'Open the calculation to see HMRC’s messages, correct the figures, then try again.',
    fixedBy: 'you',
  },
  RULE_CALCULATION_TYPE_NOT_ALLOWED: ledgerlink(
    'Ledgerlink asked HMRC for a kind of calculation this tax year does not have.',
  ),
  RULE_DECLARATION_NOT_RECEIVED: {
    message: 'This can only be done after the final declaration for this tax year.',
    action: 'Make the final declaration first.',
    fixedBy: 'you',
  },
  RULE_PREMATURE_FINALISATION: {
    message: 'The final declaration can only be made after the tax year ends.',
    action: 'Try again after 5 April at the end of that tax year.',
    fixedBy: 'you',
  },
  RULE_FINAL_DECLARATION_TAX_YEAR: {
    message: 'The final declaration can only be made after the tax year ends.',
    action: 'Try again after 5 April at the end of that tax year.',
    fixedBy: 'you',
  },
  RULE_FINAL_DECLARATION_IN_PROGRESS: {
    message: 'HMRC is already processing a final declaration for this tax year.',
    action: 'Wait a few minutes, then check the year’s status before trying again.',
    fixedBy: 'hmrc',
  },
  RULE_INCOME_SOURCES_INVALID: {
    message: 'HMRC has no valid income sources for this tax year.',
    action: 'Check your businesses with HMRC on the Profiles page.',
    fixedBy: 'you',
  },
  // 422 from the trigger endpoint [IC trigger.yaml; reference §3.6].
  NO_VALID_INCOME_SOURCES: {
    message: 'HMRC has no valid income sources for this tax year, so it cannot calculate.',
    action: 'Check your businesses with HMRC on the Profiles page.',
    fixedBy: 'you',
  },
  RULE_SUBMISSION_FAILED: {
    message:
      'HMRC could not accept the declaration because some of the year’s figures failed its checks.',
    action:
      'Ask HMRC for a new calculation, read its messages, fix the figures, then declare again.',
    fixedBy: 'you',
  },
  // ── Savings Income 2.0 and Reliefs 3.0 (SI, RE common/errors.yaml) ──────────────────
  FORMAT_ACCOUNT_NAME: {
    message: 'HMRC does not accept that savings account name.',
    action:
      "Use 1 to 32 letters, digits, spaces or these: & ' ( ) * , - . / @ £, then approve again.",
    fixedBy: 'you',
  },
  FORMAT_SAVINGS_ACCOUNT_ID: ledgerlink(
    'Ledgerlink sent a savings account reference HMRC does not recognise.',
  ),
  RULE_DUPLICATE_ACCOUNT_NAME: {
    message: 'HMRC already holds a savings account with that name for you.',
    action: 'Get your accounts from HMRC on the savings screen, or choose another name.',
    fixedBy: 'you',
  },
  RULE_MAXIMUM_SAVINGS_ACCOUNTS_LIMIT: {
    message: 'HMRC holds as many savings accounts for you as it allows.',
    action: 'Enter the interest against an account HMRC already holds.',
    fixedBy: 'you',
  },
  RULE_GIFT_AID_NON_UK_AMOUNT_WITHOUT_NAMES: ledgerlink(
    'Gift Aid to charities outside the UK was sent without the charities’ names.',
  ),
  RULE_GIFTS_NON_UK_AMOUNT_WITHOUT_NAMES: ledgerlink(
    'Gifts to charities outside the UK were sent without the charities’ names.',
  ),
};

/**
 * Codes Ledgerlink raises itself around an HMRC call (no HMRC response, or one it cannot use).
 */
export const LEDGERLINK_HMRC_CODES: Record<string, CatalogueEntry> = {
  HMRC_UNREACHABLE: {
    message: 'Ledgerlink could not reach HMRC.',
    action: 'Check this computer is online, then try again. Your records are safe.',
    fixedBy: 'you',
  },
  HMRC_TIMEOUT: {
    message: 'HMRC did not answer in time.',
    action: 'Try again in a few minutes. Your records are safe.',
    fixedBy: 'hmrc',
  },
  HMRC_OUTCOME_UNKNOWN: {
    message:
      'The connection to HMRC failed while this was being sent, so Ledgerlink cannot tell whether HMRC received it. It has not been sent again, to avoid sending it twice.',
    action: 'Check the result with HMRC (for example, list the calculations) before trying again.',
    fixedBy: 'you',
  },
  UNEXPECTED_HMRC_RESPONSE: ledgerlink('HMRC answered in a form Ledgerlink does not understand.'),
  REQUEST_NOT_VALID: ledgerlink(
    'Ledgerlink stopped before sending: what it was about to send is not in the form HMRC accepts.',
  ),
  FRAUD_CHECK_NOT_AVAILABLE: {
    message:
      'HMRC offers its fraud prevention header check only in its sandbox, not for live HMRC accounts.',
    action: 'To run the check, switch to Practice HMRC or the HMRC sandbox in Settings.',
    fixedBy: 'you',
  },
  HMRC_ERROR: {
    message: 'HMRC refused the request.',
    action: 'Try again. If it keeps happening, contact HMRC quoting the reference below.',
    fixedBy: 'hmrc',
  },
};

export type AccountKind = 'individual' | 'agent';

/** The words for a code, for an individual or an agent; unknown codes get honest fallbacks. */
export function describeError(code: string, kind: AccountKind = 'individual'): ErrorWords {
  const entry = ERROR_CATALOGUE[code] ?? LEDGERLINK_HMRC_CODES[code];
  if (!entry) {
    return {
      message: `HMRC refused the request (HMRC’s code: ${code}).`,
      action: 'Try again. If it keeps happening, contact HMRC quoting the reference below.',
      fixedBy: 'hmrc',
    };
  }
  const { agent, ...base } = entry;
  return kind === 'agent' && agent ? { ...base, ...agent } : base;
}
