import { type MtdError, rule } from '../http/mtd-errors';
import {
  type AmountRange,
  type FieldSpec,
  MONEY,
  type ObjectSpec,
  type ParsedBody,
  checkAmounts,
  listAt,
  objectAt,
  textAt,
} from './body-shape';
import { BUILDING_ALLOWANCE_ITEM, checkBuildingAllowance } from './building-allowances';
import { checkCountryCode } from './country-codes';

/**
 * Property Business 6.0 annual submissions from 2025-26, when FHL and non-FHL property were
 * merged: UK property (def2) and foreign property (def2 for 2025-26, one entry per country;
 * def3 from 2026-27, one entry per property id). Fields and order from HMRC's request models.
 * [PB app/v6/createAmendUkPropertyAnnualSubmission/def2/model/request/*.scala;
 * app/v6/createAmendForeignPropertyAnnualSubmission/def2|def3/model/request/*; schemas/
 * uk_property_annual_submission_create_and_amend/def2/request.json,
 * foreign_property_annual_submission_create_and_amend/def2|def3/request.json]
 */
const money = (names: readonly string[]): Record<string, FieldSpec> =>
  Object.fromEntries(names.map((n) => [n, MONEY]));

const BUILDINGS = { kind: 'array', items: BUILDING_ALLOWANCE_ITEM } as const satisfies FieldSpec;

const UK_ADJUSTMENT_AMOUNTS = [
  'balancingCharge',
  'privateUseAdjustment',
  'businessPremisesRenovationAllowanceBalancingCharges',
] as const;
const UK_ALLOWANCE_AMOUNTS = [
  'annualInvestmentAllowance',
  'businessPremisesRenovationAllowance',
  'otherCapitalAllowance',
  'costOfReplacingDomesticItems',
  'zeroEmissionsCarAllowance',
] as const;

export const UK_PROPERTY_ANNUAL_SPEC: ObjectSpec = {
  kind: 'object',
  fields: {
    ukProperty: {
      kind: 'object',
      fields: {
        adjustments: {
          kind: 'object',
          fields: {
            ...money(UK_ADJUSTMENT_AMOUNTS),
            nonResidentLandlord: { kind: 'boolean' },
            rentARoom: {
              kind: 'object',
              fields: { jointlyLet: { kind: 'boolean' } },
              required: ['jointlyLet'],
            },
          },
          required: ['nonResidentLandlord'],
        },
        allowances: {
          kind: 'object',
          fields: {
            ...money([...UK_ALLOWANCE_AMOUNTS, 'propertyIncomeAllowance']),
            structuredBuildingAllowance: BUILDINGS,
            enhancedStructuredBuildingAllowance: BUILDINGS,
          },
        },
      },
    },
  },
  required: ['ukProperty'],
};

const FOREIGN_ALLOWANCE_AMOUNTS = [
  'annualInvestmentAllowance',
  'costOfReplacingDomesticItems',
  'otherCapitalAllowance',
  'zeroEmissionsCarAllowance',
] as const;

/** 2025-26 entries name their country; from 2026-27 the property recorded for the business. */
export function foreignPropertyAnnualSpec(byPropertyId: boolean): ObjectSpec {
  return {
    kind: 'object',
    fields: {
      foreignProperty: {
        kind: 'array',
        items: {
          kind: 'object',
          fields: {
            [byPropertyId ? 'propertyId' : 'countryCode']: { kind: 'string' },
            adjustments: {
              kind: 'object',
              fields: money(['privateUseAdjustment', 'balancingCharge']),
            },
            allowances: {
              kind: 'object',
              fields: {
                ...money([...FOREIGN_ALLOWANCE_AMOUNTS, 'propertyIncomeAllowance']),
                structuredBuildingAllowance: BUILDINGS,
              },
            },
          },
          required: [byPropertyId ? 'propertyId' : 'countryCode'],
        },
      },
    },
    required: ['foreignProperty'],
  };
}

/** [PB app/common/models/errors/PropertyBusinessErrors.scala] */
export const PROPERTY_ANNUAL_ERRORS = {
  bothAllowances: rule(
    'RULE_BOTH_ALLOWANCES_SUPPLIED',
    'Both allowances and property allowances must not be present at the same time',
  ),
  propertyIncomeAllowance: rule(
    'RULE_PROPERTY_INCOME_ALLOWANCE',
    'The propertyIncomeAllowance cannot be submitted if privateUseAdjustment is supplied',
  ),
  formatPropertyId: rule('FORMAT_PROPERTY_ID', 'The provided property ID is invalid'),
} as const;

/** The property income allowance is capped at £1,000, written 1000.0 by HMRC's BigDecimal. */
const PROPERTY_ALLOWANCE_CAP: AmountRange = { max: '1000.0' };
const ZERO_UP = 'zero-or-more' as const;

/** [PB app/shared/controllers/validators/resolvers/ResolveUuid.scala] */
export const PROPERTY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The property income allowance stands alone: any other allowance beside it is refused. */
function bothAllowances(allowances: ParsedBody | undefined, path: string): MtdError[] {
  if (allowances?.propertyIncomeAllowance === undefined) return [];
  const others = Object.keys(allowances).some((k) => k !== 'propertyIncomeAllowance');
  return others ? [{ ...PROPERTY_ANNUAL_ERRORS.bothAllowances, paths: [path] }] : [];
}

/**
 * UK property's rules once the body reads cleanly, reported together: the amounts (allowance at
 * most £1,000), each building allowance entry, then the property income allowance alone.
 * [PB app/v6/createAmendUkPropertyAnnualSubmission/def2/Def2_CreateAmendUkPropertyAnnualSubmissionRulesValidator.scala]
 */
export function checkUkPropertyAnnualRules(body: ParsedBody): MtdError[] {
  const errors = checkAmounts(body, [
    ...UK_ADJUSTMENT_AMOUNTS.map((f): [string, AmountRange] => [
      `/ukProperty/adjustments/${f}`,
      ZERO_UP,
    ]),
    ...UK_ALLOWANCE_AMOUNTS.map((f): [string, AmountRange] => [
      `/ukProperty/allowances/${f}`,
      ZERO_UP,
    ]),
    ['/ukProperty/allowances/propertyIncomeAllowance', PROPERTY_ALLOWANCE_CAP],
  ]);
  for (const list of ['structuredBuildingAllowance', 'enhancedStructuredBuildingAllowance']) {
    (listAt(body, 'ukProperty', 'allowances', list) ?? []).forEach((entry, i) =>
      errors.push(
        ...checkBuildingAllowance(entry, `/ukProperty/allowances/${list}/${i}`, {
          textOrder: ['name', 'number', 'postcode'],
          expenditureFirst: true,
        }),
      ),
    );
  }
  errors.push(
    ...bothAllowances(objectAt(body, 'ukProperty', 'allowances'), '/ukProperty/allowances'),
  );
  return errors;
}

/**
 * Duplicate keys across the entries: one error per repeated value, listing every path that
 * holds it. [PB RuleDuplicateCountryCodeError.forDuplicatedCodesAndPaths,
 * RuleDuplicatePropertyIdError.forDuplicatedIdsAndPaths]
 */
export function duplicateKeys(
  entries: ParsedBody[],
  key: 'countryCode' | 'propertyId',
): MtdError[] {
  const paths = new Map<string, string[]>();
  entries.forEach((entry, i) => {
    const value = textAt(entry, key) as string;
    paths.set(value, [...(paths.get(value) ?? []), `/foreignProperty/${i}/${key}`]);
  });
  return [...paths]
    .filter(([, at]) => at.length > 1)
    .map(([value, at]) =>
      key === 'countryCode'
        ? {
            code: 'RULE_DUPLICATE_COUNTRY_CODE',
            message: `The country code '${value}' is duplicated for multiple properties`,
            paths: at,
          }
        : {
            code: 'RULE_DUPLICATE_PROPERTY_ID',
            message: `The property ID '${value}' is duplicated for multiple properties`,
            paths: at,
          },
    );
}

/** An entry's country code (2025-26) or property id (2026-27 on), as HMRC checks it. */
export function checkEntryKey(entry: ParsedBody, i: number, byPropertyId: boolean): MtdError[] {
  if (byPropertyId) {
    const id = textAt(entry, 'propertyId') as string;
    return PROPERTY_ID.test(id)
      ? []
      : [
          {
            ...PROPERTY_ANNUAL_ERRORS.formatPropertyId,
            paths: [`/foreignProperty/${i}/propertyId`],
          },
        ];
  }
  const bad = checkCountryCode(
    textAt(entry, 'countryCode') as string,
    `/foreignProperty/${i}/countryCode`,
  );
  return bad ? [bad] : [];
}

/**
 * Foreign property's rules once the body reads cleanly, reported together: duplicated
 * countries or property ids first, then each entry's amounts, its country or property id, the
 * property income allowance's cap and its standing alone, and its building allowances (whose
 * qualifying date must also fall in 1900-2099). [PB app/v6/createAmendForeignPropertyAnnualSubmission/
 * def2|def3/Def*_CreateAmendForeignPropertyAnnualSubmissionRulesValidator.scala]
 */
export function checkForeignPropertyAnnualRules(
  body: ParsedBody,
  byPropertyId: boolean,
): MtdError[] {
  const entries = listAt(body, 'foreignProperty') ?? [];
  const errors = duplicateKeys(entries, byPropertyId ? 'propertyId' : 'countryCode');
  entries.forEach((entry, i) => {
    const base = `/foreignProperty/${i}`;
    const amounts = checkAmounts(body, [
      ...['privateUseAdjustment', 'balancingCharge'].map((f): [string, AmountRange] => [
        `${base}/adjustments/${f}`,
        ZERO_UP,
      ]),
      ...FOREIGN_ALLOWANCE_AMOUNTS.map((f): [string, AmountRange] => [
        `${base}/allowances/${f}`,
        ZERO_UP,
      ]),
    ]);
    const cap = checkAmounts(body, [
      [`${base}/allowances/propertyIncomeAllowance`, PROPERTY_ALLOWANCE_CAP],
    ]);
    const key = checkEntryKey(entry, i, byPropertyId);
    // def3 checks the property id before the amounts, def2 the country code after them.
    errors.push(...(byPropertyId ? [...key, ...amounts] : [...amounts, ...key]), ...cap);
    errors.push(...bothAllowances(objectAt(entry, 'allowances'), `${base}/allowances`));
    (listAt(entry, 'allowances', 'structuredBuildingAllowance') ?? []).forEach((sba, j) =>
      errors.push(
        ...checkBuildingAllowance(sba, `${base}/allowances/structuredBuildingAllowance/${j}`, {
          textOrder: ['postcode', 'name', 'number'],
          dateYearsLimited: true,
        }),
      ),
    );
  });
  return errors;
}
