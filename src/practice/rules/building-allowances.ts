import { type MtdError, rule } from '../http/mtd-errors';
import { isIsoDate } from '../tax/dates';
import {
  type AmountRange,
  type ObjectSpec,
  type ParsedBody,
  MONEY,
  checkAmount,
  objectAt,
  textAt,
} from './body-shape';

/**
 * The structured buildings allowance entries every annual submission carries (self-employment,
 * UK property, foreign property), field for field from HMRC's request models: an amount, an
 * optional first year (qualifying date and expenditure) and the building (name or number, and
 * postcode). [SE app/v5/createAmendAnnualSubmission/def3/request/Def3_CreateAmend_StructuredBuildingAllowance.scala,
 * Def3_CreateAmend_Building.scala, Def3_CreateAmend_FirstYear.scala; PB app/v6/
 * createAmendUkPropertyAnnualSubmission/def2/model/request/StructuredBuildingAllowance.scala]
 */
export const BUILDING_ALLOWANCE_ITEM: ObjectSpec = {
  kind: 'object',
  fields: {
    amount: MONEY,
    firstYear: {
      kind: 'object',
      fields: { qualifyingDate: { kind: 'string' }, qualifyingAmountExpenditure: MONEY },
      required: ['qualifyingDate', 'qualifyingAmountExpenditure'],
    },
    building: {
      kind: 'object',
      fields: {
        name: { kind: 'string' },
        number: { kind: 'string' },
        postcode: { kind: 'string' },
      },
      required: ['postcode'],
    },
  },
  required: ['amount', 'building'],
};

/** [SE/PB *RulesValidator.scala regex for building name, number and postcode] */
const BUILDING_TEXT = /^[0-9a-zA-Z{À-˿’}\- _&`():.'^]{1,90}$/u;

const FORMAT_STRING = rule('FORMAT_STRING', 'The supplied string format is not valid');
const FORMAT_DATE = rule('FORMAT_DATE', 'The supplied date format is not valid');
export const RULE_BUILDING_NAME_NUMBER = rule(
  'RULE_BUILDING_NAME_NUMBER',
  'Postcode must be supplied along with at least one of name or number',
);

const withPath = (e: MtdError, path: string): MtdError => ({ ...e, paths: [path] });

/**
 * Where the APIs differ in the order of their checks. Only the order of paths under one code
 * shows in an answer (errors are grouped by code), so only the two amounts' order and the
 * texts' order matter.
 */
export interface BuildingCheckOptions {
  /** The order HMRC checks the building's texts in. */
  textOrder: readonly ('name' | 'number' | 'postcode')[];
  /** UK property checks the qualifying expenditure before the amount. */
  expenditureFirst?: boolean;
  /** Foreign property also wants the qualifying date's year within 1900-2099. */
  dateYearsLimited?: boolean;
  range?: AmountRange;
}

/**
 * One entry's checks, so that the paths of one code come out in HMRC's order: the amounts, the
 * building's texts, the qualifying date, then RULE_BUILDING_NAME_NUMBER when neither a name nor
 * a number is given.
 * [SE Def3_CreateAmendAnnualSubmissionRulesValidator.scala validateStructuredBuildingAllowance;
 * PB Def2_CreateAmendUkPropertyAnnualSubmissionRulesValidator.scala validateBuildingAllowance;
 * PB Def3_CreateAmendForeignPropertyAnnualSubmissionRulesValidator.scala validateStructuredBuildingAllowance]
 */
export function checkBuildingAllowance(
  entry: ParsedBody,
  base: string,
  options: BuildingCheckOptions,
): MtdError[] {
  const errors: MtdError[] = [];
  const range = options.range ?? 'zero-or-more';
  const amount = checkAmount(textAt(entry, 'amount') as string, `${base}/amount`, range);
  const expenditure = textAt(entry, 'firstYear', 'qualifyingAmountExpenditure');
  const spent =
    expenditure === undefined
      ? undefined
      : checkAmount(expenditure, `${base}/firstYear/qualifyingAmountExpenditure`, range);
  const texts = options.textOrder.flatMap((field) => {
    const value = textAt(entry, 'building', field);
    return value === undefined || BUILDING_TEXT.test(value)
      ? []
      : [withPath(FORMAT_STRING, `${base}/building/${field}`)];
  });
  const date = textAt(entry, 'firstYear', 'qualifyingDate');
  const year = date === undefined ? 0 : Number(date.slice(0, 4));
  const dateBad =
    date !== undefined &&
    (!isIsoDate(date) || (options.dateYearsLimited === true && (year < 1900 || year >= 2100)));
  const dates = dateBad ? [withPath(FORMAT_DATE, `${base}/firstYear/qualifyingDate`)] : [];
  const amounts = [...(amount ? [amount] : []), ...(spent ? [spent] : [])];
  errors.push(...(options.expenditureFirst ? amounts.reverse() : amounts), ...texts, ...dates);
  const building = objectAt(entry, 'building');
  if (building?.name === undefined && building?.number === undefined)
    errors.push(withPath(RULE_BUILDING_NAME_NUMBER, `${base}/building`));
  return errors;
}
