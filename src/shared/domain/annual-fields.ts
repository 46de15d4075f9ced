/**
 * The annual submission (year-end adjustments, allowances and non-financials) of each kind of
 * business, as ONE table per kind: the plain name a person reads, HMRC's field underneath, the
 * range HMRC's request schema allows, and which schema that is. Everything else (the form, the
 * payload, the local rules, the comparison with HMRC's copy) is driven from these entries, so a
 * further kind (foreign property) is one more entry, not new code paths.
 *
 * Sources: Self Employment Business 5.0 `schemas/createAmendAnnualSubmission/def3/request.json`
 * (2025-26 onwards) and Property Business 6.0
 * `schemas/uk_property_annual_submission_create_and_amend/def2/request.json` (2025-26 onwards),
 * `schemas/foreign_property_annual_submission_create_and_amend/def2/request.json` (2025-26) and
 * `def3/request.json` (2026-27 onwards); reference §5.4, §5.5.
 */

/** The kinds of business with an annual submission here. */
export const ANNUAL_KINDS = ['self-employment', 'uk-property', 'foreign-property'] as const;
export type AnnualKind = (typeof ANNUAL_KINDS)[number];

export type AnnualSection = 'adjustments' | 'allowances' | 'nonFinancials';

/** HMRC's money limits: 0–99,999,999,999.99 unless the field says otherwise. */
const MAX = 9_999_999_999_999;

export type AnnualFieldType =
  | { type: 'money'; minPence: number; maxPence: number }
  | { type: 'boolean' }
  | { type: 'choice'; options: readonly { value: string; label: string }[] };

export interface AnnualField {
  /** Key of the figure in a draft, and HMRC's field name: `adjustments.basisAdjustment`. */
  key: string;
  section: AnnualSection;
  /** HMRC's JSON path inside the body (under the kind's root object, if any). */
  hmrcPath: readonly string[];
  label: string;
  hint: string;
  value: AnnualFieldType;
  /** The income allowance field (trading or property): excludes every other allowance. */
  incomeAllowance?: true;
  /** HMRC requires this field whenever its section is present (sent as `false` by default). */
  alwaysSent?: true;
}

export interface AnnualKindDefinition {
  kind: AnnualKind;
  title: string;
  /** HMRC's API and the request schema the body must satisfy (tests validate against it). */
  api: 'self-employment-business' | 'property-business';
  requestSchema: string;
  /** The object the sections sit under (`ukProperty`), or none for self-employment. */
  root?: string;
  /** The first tax year this table is for (earlier years use other schemas, not offered). */
  fromTaxYear: string;
  fields: readonly AnnualField[];
  /** In plain words, the name of the income allowance ("trading allowance"). */
  incomeAllowanceName: string;
  /**
   * The figures are kept per entry of an array under `root` (foreign property: one entry per
   * country for 2025-26, per HMRC property id from 2026-27), each entry holding `fields`. A
   * figure's key is then `<entry key>/<field key>` (annual-payload.ts).
   */
  entries?: readonly AnnualEntryRule[];
}

export interface AnnualEntryRule {
  fromTaxYear: string;
  /** HMRC's field naming the entry. */
  keyField: 'countryCode' | 'propertyId';
  requestSchema: string;
}

const money = (minPence = 0, maxPence = MAX): AnnualFieldType => ({
  type: 'money',
  minPence,
  maxPence,
});
const ALLOWANCE_CAP_PENCE = 100_000;

const field = (
  section: AnnualSection,
  name: string,
  label: string,
  hint: string,
  value: AnnualFieldType = money(),
  extra: Partial<Pick<AnnualField, 'incomeAllowance' | 'alwaysSent'>> & {
    path?: readonly string[];
  } = {},
): AnnualField => ({
  key: [section, ...(extra.path ?? [name])].join('.'),
  section,
  hmrcPath: [section, ...(extra.path ?? [name])],
  label,
  hint,
  value,
  ...(extra.incomeAllowance ? { incomeAllowance: true as const } : {}),
  ...(extra.alwaysSent ? { alwaysSent: true as const } : {}),
});

/** [SE def3 request.json] nonFinancials.class4NicsExemptionReason enum, in plain words. */
const CLASS_4_REASONS = [
  { value: 'non-resident', label: 'Not resident in the UK' },
  { value: 'trustee', label: 'Trustee, executor or administrator' },
  { value: 'diver', label: 'Diver or diving supervisor' },
  { value: 'ITTOIA-2005', label: 'Taxed as a trade under ITTOIA 2005 s.15' },
  { value: 'over-state-pension-age', label: 'Over State Pension age at 6 April' },
  { value: 'under-16', label: 'Under 16 at 6 April' },
] as const;

export const SELF_EMPLOYMENT_ANNUAL: AnnualKindDefinition = {
  kind: 'self-employment',
  title: 'Self-employment annual figures',
  api: 'self-employment-business',
  requestSchema:
    'self-employment-business-api/schemas/createAmendAnnualSubmission/def3/request.json',
  fromTaxYear: '2025-26',
  incomeAllowanceName: 'trading allowance',
  fields: [
    field(
      'adjustments',
      'includedNonTaxableProfits',
      'Non-taxable profits included in the figures',
      'Income already in your figures that is not taxable as business profit.',
    ),
    field(
      'adjustments',
      'basisAdjustment',
      'Basis period adjustment',
      'Only if your accounting period is not the tax year: the adjustment to reach the profit for the tax year. May be negative.',
      money(-MAX),
    ),
    field(
      'adjustments',
      'accountingAdjustment',
      'Change of accounting practice',
      'The adjustment when you changed how you draw up your accounts.',
    ),
    field(
      'adjustments',
      'averagingAdjustment',
      'Averaging adjustment',
      'Farmers, market gardeners and creative artists only. May be negative.',
      money(-MAX),
    ),
    field(
      'adjustments',
      'outstandingBusinessIncome',
      'Other business income not yet included',
      'Any business income not in your quarterly figures.',
    ),
    field(
      'adjustments',
      'balancingChargeBpra',
      'Balancing charge (business premises renovation)',
      'When you sold premises you claimed the renovation allowance on.',
    ),
    field(
      'adjustments',
      'balancingChargeOther',
      'Balancing charge (other assets)',
      'When you sold or stopped using an asset for more than its tax value.',
    ),
    field(
      'adjustments',
      'goodsAndServicesOwnUse',
      'Goods or services taken for your own use',
      'The normal selling price of stock or services you took out of the business.',
    ),
    field(
      'adjustments',
      'transitionProfitAmount',
      'Transition profit',
      'Transition profit arising this year from the change to tax-year basis.',
    ),
    field(
      'adjustments',
      'transitionProfitAccelerationAmount',
      'Extra transition profit you choose to bring forward',
      'Only with a transition profit amount.',
    ),
    field(
      'allowances',
      'annualInvestmentAllowance',
      'Annual Investment Allowance',
      'Equipment, tools and machinery bought for the business (not cars), up to the yearly limit.',
    ),
    field(
      'allowances',
      'capitalAllowanceMainPool',
      'Main pool capital allowance',
      'Writing-down allowance on equipment and lower-emission cars.',
    ),
    field(
      'allowances',
      'capitalAllowanceSpecialRatePool',
      'Special rate pool capital allowance',
      'Writing-down allowance at the special rate (for example higher-emission cars).',
    ),
    field(
      'allowances',
      'businessPremisesRenovationAllowance',
      'Business premises renovation allowance',
      'Converting or renovating unused business premises.',
    ),
    field(
      'allowances',
      'enhancedCapitalAllowance',
      'Enhanced capital allowances',
      'Other enhanced capital allowances.',
    ),
    field(
      'allowances',
      'allowanceOnSales',
      'Allowance on sale or end of use',
      'When you disposed of an asset for less than its tax value.',
    ),
    field(
      'allowances',
      'capitalAllowanceSingleAssetPool',
      'Single asset pool allowances',
      'Capital allowances for all single asset pools.',
    ),
    field(
      'allowances',
      'zeroEmissionsCarAllowance',
      'Zero-emission car allowance',
      'New zero-emission cars bought for the business.',
    ),
    field(
      'allowances',
      'tradingIncomeAllowance',
      'Trading allowance (instead of expenses)',
      'Up to £1,000 deducted instead of your actual expenses. Claiming it means no other expenses or allowances.',
      money(0, ALLOWANCE_CAP_PENCE),
      { incomeAllowance: true },
    ),
    field(
      'nonFinancials',
      'businessDetailsChangedRecently',
      'The business details changed recently',
      'Tick if the business’s name, address or other details changed.',
      { type: 'boolean' },
      { alwaysSent: true },
    ),
    field(
      'nonFinancials',
      'class4NicsExemptionReason',
      'Exempt from Class 4 National Insurance',
      'Only if one of these applies to you.',
      { type: 'choice', options: CLASS_4_REASONS },
    ),
  ],
};

export const UK_PROPERTY_ANNUAL: AnnualKindDefinition = {
  kind: 'uk-property',
  title: 'UK property annual figures',
  api: 'property-business',
  requestSchema:
    'property-business-api/schemas/uk_property_annual_submission_create_and_amend/def2/request.json',
  root: 'ukProperty',
  fromTaxYear: '2025-26',
  incomeAllowanceName: 'property allowance',
  fields: [
    field(
      'adjustments',
      'balancingCharge',
      'Balancing charge',
      'An item you claimed capital allowances on was sold, given away or stopped being used.',
    ),
    field(
      'adjustments',
      'privateUseAdjustment',
      'Private use adjustment',
      'The part of costs that was not only for the letting business.',
    ),
    field(
      'adjustments',
      'businessPremisesRenovationAllowanceBalancingCharges',
      'Balancing charge (business premises renovation)',
      'Sale or long lease of renovated premises within 7 years of first use.',
    ),
    field(
      'adjustments',
      'nonResidentLandlord',
      'You are a non-resident landlord',
      'Tick if you live outside the UK.',
      { type: 'boolean' },
      { alwaysSent: true },
    ),
    field(
      'adjustments',
      'jointlyLet',
      'Rent-a-room income is shared',
      'Tick if someone else also receives the rent-a-room income.',
      { type: 'boolean' },
      { path: ['rentARoom', 'jointlyLet'] },
    ),
    field(
      'allowances',
      'annualInvestmentAllowance',
      'Annual Investment Allowance',
      'Equipment bought for the letting business (not cars), up to the yearly limit.',
    ),
    field(
      'allowances',
      'businessPremisesRenovationAllowance',
      'Business premises renovation allowance',
      'Renovating or converting derelict business premises.',
    ),
    field(
      'allowances',
      'otherCapitalAllowance',
      'Other capital allowances',
      'Every other capital allowance.',
    ),
    field(
      'allowances',
      'costOfReplacingDomesticItems',
      'Replacing domestic items',
      'Replacing furniture, appliances and furnishings in a let dwelling.',
    ),
    field(
      'allowances',
      'zeroEmissionsCarAllowance',
      'Zero-emission car allowance',
      'New zero-emission cars bought for the business.',
    ),
    field(
      'allowances',
      'propertyIncomeAllowance',
      'Property allowance (instead of expenses)',
      'Up to £1,000 deducted instead of your actual expenses. Claiming it means no other expenses or allowances, and no private use adjustment.',
      money(0, ALLOWANCE_CAP_PENCE),
      { incomeAllowance: true },
    ),
  ],
};

const FOREIGN_SCHEMAS =
  'property-business-api/schemas/foreign_property_annual_submission_create_and_amend';

/**
 * Foreign property: the same adjustments and allowances as UK property, less those HMRC only
 * takes for the UK (renovation allowance, non-resident landlord, rent-a-room), per entry.
 * Structured buildings allowance (a list of buildings) is not offered here.
 */
export const FOREIGN_PROPERTY_ANNUAL: AnnualKindDefinition = {
  kind: 'foreign-property',
  title: 'Foreign property annual figures',
  api: 'property-business',
  requestSchema: `${FOREIGN_SCHEMAS}/def2/request.json`,
  root: 'foreignProperty',
  fromTaxYear: '2025-26',
  incomeAllowanceName: 'property allowance',
  entries: [
    {
      fromTaxYear: '2025-26',
      keyField: 'countryCode',
      requestSchema: `${FOREIGN_SCHEMAS}/def2/request.json`,
    },
    {
      fromTaxYear: '2026-27',
      keyField: 'propertyId',
      requestSchema: `${FOREIGN_SCHEMAS}/def3/request.json`,
    },
  ],
  fields: UK_PROPERTY_ANNUAL.fields.filter(
    (f) =>
      f.value.type === 'money' &&
      ![
        'adjustments.businessPremisesRenovationAllowanceBalancingCharges',
        'allowances.businessPremisesRenovationAllowance',
      ].includes(f.key),
  ),
};

/** Every annual table, by kind. */
export const ANNUAL_DEFINITIONS: Readonly<Record<AnnualKind, AnnualKindDefinition>> = {
  'self-employment': SELF_EMPLOYMENT_ANNUAL,
  'uk-property': UK_PROPERTY_ANNUAL,
  'foreign-property': FOREIGN_PROPERTY_ANNUAL,
};

export const isAnnualKind = (kind: string): kind is AnnualKind =>
  (ANNUAL_KINDS as readonly string[]).includes(kind);

/** A figure as the person entered it: pence for money, true/false, or a choice's value. */
export type AnnualValue = number | boolean | string;
/** The person's annual figures for one business and year, by field key; absent = not claimed. */
export type AnnualFigures = Record<string, AnnualValue>;

/** The entry rule for the tax year (the latest that has started by then). */
export const entryRuleFor = (
  def: AnnualKindDefinition,
  taxYear: string,
): AnnualEntryRule | undefined =>
  def.entries?.filter((e) => e.fromTaxYear <= taxYear).at(-1) ?? def.entries?.[0];

/** A per-entry figure's key, and back. Entry keys (country codes, HMRC ids) hold no `/`. */
export const entryFigureKey = (entry: string, fieldKey: string): string => `${entry}/${fieldKey}`;
export const splitEntryFigureKey = (
  key: string,
): { entry: string; fieldKey: string } | undefined => {
  const at = key.indexOf('/');
  return at > 0 ? { entry: key.slice(0, at), fieldKey: key.slice(at + 1) } : undefined;
};

export const incomeAllowanceField = (def: AnnualKindDefinition): AnnualField =>
  def.fields.find((f) => f.incomeAllowance)!;
