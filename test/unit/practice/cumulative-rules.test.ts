import { describe, expect, it } from 'vitest';
import {
  checkCumulativeRules,
  reportingTypeFor,
} from '../../../src/practice/rules/cumulative-rules';
import { type BusinessRecord, type TaxpayerRecord } from '../../../src/practice/state/model';
import { taxYearFromLabel } from '../../../src/practice/tax/tax-year';

function business(extra: Partial<BusinessRecord> = {}): BusinessRecord {
  return {
    businessId: 'XAIS00000000001',
    typeOfBusiness: 'self-employment',
    accountingType: 'CASH',
    periodTypeChoices: [],
    cumulative: {},
    commencementDate: '2010-01-01',
    ...extra,
  };
}
function taxpayer(
  b: BusinessRecord,
  itsaStatus: TaxpayerRecord['itsaStatus'] = {},
): TaxpayerRecord {
  return {
    nino: 'AA000000A',
    name: 'T',
    dateOfBirth: '1980-01-01',
    mtdStartTaxYear: '2025-26',
    itsaStatus,
    businesses: [b],
    calculations: [],
    finalDeclarations: {},
  };
}
const ty = taxYearFromLabel('2026-27');
const check = (
  from: string | undefined,
  to: string | undefined,
  today = '2026-11-29',
  b = business(),
  status: TaxpayerRecord['itsaStatus'] = {},
) =>
  checkCumulativeRules({
    taxpayer: taxpayer(b, status),
    business: b,
    taxYear: ty,
    dates: { ...(from ? { from } : {}), ...(to ? { to } : {}) },
    existing: b.cumulative[ty.label],
    today,
  })?.code;

describe('cumulative update rules [SE/PB cumulative PUT errors; reference §5.3]', () => {
  it('accepts a year-to-date update to a past date (quarter end or not)', () => {
    expect(check('2026-04-06', '2026-10-05')).toBeUndefined();
    expect(check('2026-04-06', '2026-10-31')).toBeUndefined();
  });

  it('advance updates: at most 10 days before the period end, and only to the period end', () => {
    // 11 days before 5 January is too early; 10 days before is allowed.
    expect(check('2026-04-06', '2027-01-05', '2026-12-25')).toBe(
      'RULE_EARLY_DATA_SUBMISSION_NOT_ACCEPTED',
    );
    expect(check('2026-04-06', '2027-01-05', '2026-12-26')).toBeUndefined();
    expect(check('2026-04-06', '2026-12-31', '2026-12-27')).toBe(
      'RULE_ADVANCE_SUBMISSION_REQUIRES_PERIOD_END_DATE',
    );
  });

  it('start date alignment, standard and calendar', () => {
    expect(check('2026-04-05', '2026-07-05')).toBe(
      'RULE_START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
    );
    const calendar = business({ periodTypeChoices: [{ taxYear: '2025-26', type: 'calendar' }] });
    expect(check('2026-04-01', '2026-06-30', '2026-11-29', calendar)).toBeUndefined();
    const firstYear = business({ periodTypeChoices: [{ taxYear: '2026-27', type: 'calendar' }] });
    expect(check('2026-04-01', '2026-06-30', '2026-11-29', firstYear)).toBe(
      'RULE_START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
    );
    expect(check('2026-04-06', '2026-06-30', '2026-11-29', firstYear)).toBeUndefined();
  });

  it('end date beyond the reporting year', () => {
    const calendar = business({ periodTypeChoices: [{ taxYear: '2025-26', type: 'calendar' }] });
    expect(check('2026-04-01', '2027-04-05', '2027-04-20', calendar)).toBe(
      'RULE_END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
    );
  });

  it('a business commenced during the year starts on its commencement date', () => {
    const b = business({ commencementDate: '2026-08-01' });
    expect(check('2026-04-06', '2026-10-05', '2026-11-29', b)).toBe(
      'RULE_START_DATE_NOT_ALIGNED_TO_COMMENCEMENT_DATE',
    );
    expect(check('2026-08-01', '2026-10-05', '2026-11-29', b)).toBeUndefined();
  });

  it('dates are required for quarterly customers and refused for annual ones', () => {
    expect(check(undefined, undefined)).toBe('RULE_MISSING_SUBMISSION_DATES');
    expect(check('2026-04-06', undefined)).toBe('RULE_MISSING_SUBMISSION_DATES');
    expect(
      check('2026-04-06', '2026-07-05', '2026-11-29', business(), { '2026-27': 'Annual' }),
    ).toBe('RULE_START_AND_END_DATE_NOT_ALLOWED');
    expect(
      check(undefined, undefined, '2026-11-29', business(), { '2026-27': 'Annual' }),
    ).toBeUndefined();
    const latent = business({
      latencyDetails: {
        latencyEndDate: '2027-04-05',
        taxYear1: '2025-26',
        latencyIndicator1: 'Q',
        taxYear2: '2026-27',
        latencyIndicator2: 'A',
      },
    });
    expect(check('2026-04-06', '2026-07-05', '2026-11-29', latent)).toBe(
      'RULE_START_AND_END_DATE_NOT_ALLOWED',
    );
  });

  it('the end date cannot move backwards', () => {
    const b = business({
      cumulative: {
        '2026-27': {
          fromDate: '2026-04-06',
          toDate: '2026-10-05',
          amounts: {},
          submittedAt: 0,
          history: [],
        },
      },
    });
    expect(check('2026-04-06', '2026-07-05', '2026-11-29', b)).toBe(
      'RULE_SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS',
    );
    expect(check('2026-04-06', '2026-10-05', '2026-11-29', b)).toBeUndefined();
  });

  it('outside the amendment window', () => {
    expect(check('2026-04-06', '2027-04-05', '2029-02-01')).toBe('RULE_OUTSIDE_AMENDMENT_WINDOW');
  });

  it('an election persists year to year until changed back', () => {
    const b = business({
      periodTypeChoices: [
        { taxYear: '2025-26', type: 'calendar' },
        { taxYear: '2027-28', type: 'standard' },
      ],
    });
    expect(reportingTypeFor(b, taxYearFromLabel('2024-25')).type).toBe('standard');
    expect(reportingTypeFor(b, taxYearFromLabel('2025-26'))).toEqual({
      type: 'calendar',
      firstCalendarYear: true,
    });
    expect(reportingTypeFor(b, taxYearFromLabel('2026-27'))).toEqual({
      type: 'calendar',
      firstCalendarYear: false,
    });
    expect(reportingTypeFor(b, taxYearFromLabel('2028-29')).type).toBe('standard');
  });
});
