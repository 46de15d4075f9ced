import { type MtdError, rule } from '../http/mtd-errors';
import { type TaxYear } from '../tax/tax-year';
import {
  type AmountRange,
  type FieldSpec,
  MONEY,
  type ObjectSpec,
  type ParsedBody,
  checkAmounts,
  listAt,
  objectAt,
} from './body-shape';
import { BUILDING_ALLOWANCE_ITEM, checkBuildingAllowance } from './building-allowances';

/**
 * The self-employment annual submission, one schema per group of tax years as HMRC's validator
 * factory picks them: def1 up to 2023-24, def2 2024-25, def3 2025-26, def4 from 2026-27. Fields
 * come from HMRC's request models (which, unlike the published schemas, have no
 * averagingAdjustment, and no overlapReliefUsed from 2026-27: such fields are ignored, as HMRC's
 * readers ignore any field they do not know). [SE app/v5/createAmendAnnualSubmission/
 * CreateAmendAnnualSubmissionValidatorFactory.scala; def1..def4 model/request/*.scala;
 * schemas/createAmendAnnualSubmission/def1..def4/request.json]
 */
export type SeAnnualDef = 1 | 2 | 3 | 4;

export function seAnnualDef(taxYear: TaxYear): SeAnnualDef {
  if (taxYear.startYear >= 2026) return 4;
  if (taxYear.startYear === 2025) return 3;
  if (taxYear.startYear === 2024) return 2;
  return 1;
}

/** [SE app/api/models/domain/ex/MtdNicExemption.scala] */
export const CLASS_4_EXEMPTION_REASONS = [
  'non-resident',
  'trustee',
  'diver',
  'ITTOIA-2005',
  'over-state-pension-age',
  'under-16',
] as const;

const money = (names: readonly string[]): Record<string, FieldSpec> =>
  Object.fromEntries(names.map((n) => [n, MONEY]));

/** Adjustments by schema, in the model's order. */
const ADJUSTMENTS: Record<SeAnnualDef, readonly string[]> = {
  1: [
    'includedNonTaxableProfits',
    'basisAdjustment',
    'overlapReliefUsed',
    'accountingAdjustment',
    'outstandingBusinessIncome',
    'balancingChargeBpra',
    'balancingChargeOther',
    'goodsAndServicesOwnUse',
  ],
  2: [
    'includedNonTaxableProfits',
    'basisAdjustment',
    'overlapReliefUsed',
    'accountingAdjustment',
    'outstandingBusinessIncome',
    'balancingChargeBpra',
    'balancingChargeOther',
    'goodsAndServicesOwnUse',
    'transitionProfitAmount',
    'transitionProfitAccelerationAmount',
  ],
  3: [
    'includedNonTaxableProfits',
    'basisAdjustment',
    'overlapReliefUsed',
    'accountingAdjustment',
    'outstandingBusinessIncome',
    'balancingChargeBpra',
    'balancingChargeOther',
    'goodsAndServicesOwnUse',
    'transitionProfitAmount',
    'transitionProfitAccelerationAmount',
  ],
  4: [
    'includedNonTaxableProfits',
    'basisAdjustment',
    'accountingAdjustment',
    'outstandingBusinessIncome',
    'balancingChargeBpra',
    'balancingChargeOther',
    'goodsAndServicesOwnUse',
    'transitionProfitAmount',
    'transitionProfitAccelerationAmount',
    'adjustmentToProfitsForClass4',
  ],
};

/**
 * Allowances other than the trading income allowance and the building allowances, in the order
 * HMRC's rules check them (which orders the paths of FORMAT_VALUE).
 */
const OTHER_ALLOWANCES: Record<SeAnnualDef, readonly string[]> = {
  1: [
    'annualInvestmentAllowance',
    'businessPremisesRenovationAllowance',
    'capitalAllowanceMainPool',
    'capitalAllowanceSpecialRatePool',
    'zeroEmissionsGoodsVehicleAllowance',
    'enhancedCapitalAllowance',
    'allowanceOnSales',
    'capitalAllowanceSingleAssetPool',
    'electricChargePointAllowance',
    'zeroEmissionsCarAllowance',
  ],
  2: [
    'annualInvestmentAllowance',
    'businessPremisesRenovationAllowance',
    'capitalAllowanceMainPool',
    'capitalAllowanceSpecialRatePool',
    'zeroEmissionsGoodsVehicleAllowance',
    'enhancedCapitalAllowance',
    'allowanceOnSales',
    'capitalAllowanceSingleAssetPool',
    'electricChargePointAllowance',
    'zeroEmissionsCarAllowance',
  ],
  3: [
    'annualInvestmentAllowance',
    'businessPremisesRenovationAllowance',
    'capitalAllowanceMainPool',
    'capitalAllowanceSpecialRatePool',
    'enhancedCapitalAllowance',
    'allowanceOnSales',
    'capitalAllowanceSingleAssetPool',
    'zeroEmissionsCarAllowance',
  ],
  4: [
    'annualInvestmentAllowance',
    'businessPremisesRenovationAllowance',
    'capitalAllowanceMainPool',
    'capitalAllowanceSpecialRatePool',
    'enhancedCapitalAllowance',
    'allowanceOnSales',
    'capitalAllowanceSingleAssetPool',
    'zeroEmissionsCarAllowance',
    'firstYearAllowanceOnPlantAndMachinery',
  ],
};

const BUILDING_LISTS = ['structuredBuildingAllowance', 'enhancedStructuredBuildingAllowance'];

export function seAnnualSpec(def: SeAnnualDef): ObjectSpec {
  return {
    kind: 'object',
    fields: {
      adjustments: { kind: 'object', fields: money(ADJUSTMENTS[def]) },
      allowances: {
        kind: 'object',
        fields: {
          ...money([...OTHER_ALLOWANCES[def], 'tradingIncomeAllowance']),
          structuredBuildingAllowance: { kind: 'array', items: BUILDING_ALLOWANCE_ITEM },
          enhancedStructuredBuildingAllowance: { kind: 'array', items: BUILDING_ALLOWANCE_ITEM },
        },
      },
      nonFinancials: {
        kind: 'object',
        fields: {
          businessDetailsChangedRecently: { kind: 'boolean' },
          class4NicsExemptionReason: { kind: 'enum', values: CLASS_4_EXEMPTION_REASONS },
        },
        required: ['businessDetailsChangedRecently'],
      },
    },
  };
}

/** [SE app/api/models/errors/SeBusinessCommonErrors.scala] */
export const SE_ANNUAL_ERRORS = {
  class4Reason: rule(
    'FORMAT_CLASS_4_EXEMPTION_REASON',
    'The format of the supplied Class 4 National Insurance exemption reason is not valid',
  ),
  bothAllowances: rule(
    'RULE_BOTH_ALLOWANCES_SUPPLIED',
    'Both allowances and trading allowances must not be present at the same time',
  ),
  allowanceNotSupported: rule(
    'RULE_ALLOWANCE_NOT_SUPPORTED',
    'One or more of supplied allowances (electricChargePointAllowance, zeroEmissionsCarAllowance, structuredBuildingAllowance, enhancedStructuredBuildingAllowance) is not supported for the supplied tax year',
  ),
  wrongTpa: rule(
    'RULE_WRONG_TPA_AMOUNT_SUBMITTED',
    'Transition profit acceleration value cannot be submitted without a transition profit value',
  ),
  overlapRelief: rule(
    'RULE_OVERLAP_RELIEF_USED_NOT_ALLOWED',
    'The overlapReliefUsed field is not applicable for this tax year',
  ),
} as const;

/**
 * HMRC checks the exemption reason's value on its own, before anything else in the body or the
 * path: a string that is not one of the reasons is FORMAT_CLASS_4_EXEMPTION_REASON alone.
 * [SE Def3_CreateAmendAnnualSubmissionValidator.scala validateClass4ExemptionReasonEnum]
 */
export function checkClass4Reason(body: unknown): MtdError[] {
  const reason = (body as { nonFinancials?: { class4NicsExemptionReason?: unknown } } | null)
    ?.nonFinancials?.class4NicsExemptionReason;
  return typeof reason === 'string' &&
    !(CLASS_4_EXEMPTION_REASONS as readonly string[]).includes(reason)
    ? [SE_ANNUAL_ERRORS.class4Reason]
    : [];
}

const TRADING_ALLOWANCE_CAP: AmountRange = { max: '1000' };

/**
 * The body's rules once it reads cleanly, all reported together, in HMRC's order: adjustment
 * amounts (basisAdjustment may be negative); a transition profit acceleration amount needs a
 * transition profit amount (2024-25 on); overlap relief is gone (2024-25 and 2025-26 refuse it);
 * the trading income allowance (at most £1,000) excludes every other allowance; then the
 * allowance amounts and each building allowance entry. [SE def1..def4
 * Def*_CreateAmendAnnualSubmissionRulesValidator.scala]
 */
export function checkSeAnnualRules(body: ParsedBody, def: SeAnnualDef): MtdError[] {
  const errors: MtdError[] = [];
  const adjustments = objectAt(body, 'adjustments');
  if (adjustments) {
    errors.push(
      ...checkAmounts(
        body,
        ADJUSTMENTS[def].map((f): [string, AmountRange] => [
          `/adjustments/${f}`,
          f === 'basisAdjustment' ? 'may-be-negative' : 'zero-or-more',
        ]),
      ).filter((e) => def === 1 || !e.paths?.includes('/adjustments/overlapReliefUsed')),
    );
    if (
      def >= 2 &&
      adjustments.transitionProfitAccelerationAmount !== undefined &&
      adjustments.transitionProfitAmount === undefined
    ) {
      errors.push(SE_ANNUAL_ERRORS.wrongTpa);
    }
    if ((def === 2 || def === 3) && adjustments.overlapReliefUsed !== undefined)
      errors.push({ ...SE_ANNUAL_ERRORS.overlapRelief, paths: ['/adjustments/overlapReliefUsed'] });
  }
  const allowances = objectAt(body, 'allowances');
  if (allowances) {
    if (
      allowances.tradingIncomeAllowance !== undefined &&
      Object.keys(allowances).some((k) => k !== 'tradingIncomeAllowance')
    ) {
      errors.push(SE_ANNUAL_ERRORS.bothAllowances);
    }
    errors.push(
      ...checkAmounts(body, [
        ...OTHER_ALLOWANCES[def].map((f): [string, AmountRange] => [
          `/allowances/${f}`,
          'zero-or-more',
        ]),
        ['/allowances/tradingIncomeAllowance', TRADING_ALLOWANCE_CAP],
      ]),
    );
    for (const list of BUILDING_LISTS) {
      (listAt(body, 'allowances', list) ?? []).forEach((entry, i) =>
        errors.push(
          ...checkBuildingAllowance(entry, `/allowances/${list}/${i}`, {
            textOrder: ['name', 'number', 'postcode'],
          }),
        ),
      );
    }
  }
  return errors;
}
