import { hmrcAmountToPence, penceToHmrcAmount, type Pence } from './money';

/**
 * The other income and reliefs of a tax year, field by field, with HMRC's name for each and
 * what it means in plain words: UK savings interest per account [SI schemas/ukSavingsAccount/
 * amend_request.json], UK dividends [DI schemas/uk_dividends_amend_request.json], pension
 * contributions [RE schemas/amend_relief_pensions_request.json] and Gift Aid and gifts to
 * charity [RE schemas/amend_charitable_giving/def2/request.json]. Money is pence here; the
 * body builder turns it into HMRC's decimals at the edge. Pure: no Node, no DOM.
 */

export const OTHER_INCOME_RESOURCES = [
  'savings-interest',
  'dividends',
  'pension-relief',
  'charitable-giving',
] as const;
export type OtherIncomeResource = (typeof OTHER_INCOME_RESOURCES)[number];

export interface OtherIncomeField {
  /** HMRC's field name. */
  key: string;
  /** The object it sits in, if any (`pensionReliefs`, `giftAidPayments`, `gifts`). */
  group?: string;
  label: string;
  hint: string;
}

export interface OtherIncomeDefinition {
  resource: OtherIncomeResource;
  title: string;
  /** What the screen is about, in a sentence or two. */
  intro: string;
  fields: readonly OtherIncomeField[];
  /** HMRC lets the whole year's entry be deleted (savings interest has no delete). */
  deletable: boolean;
}

export const OTHER_INCOME_DEFINITIONS: Record<OtherIncomeResource, OtherIncomeDefinition> = {
  'savings-interest': {
    resource: 'savings-interest',
    title: 'UK savings interest',
    intro:
      'Interest from each UK bank or building society account for the tax year, as on the bank’s annual statement. Leave out ISAs: their interest is tax-free.',
    deletable: false,
    fields: [
      {
        key: 'untaxedUkInterest',
        label: 'Interest paid without tax taken off',
        hint: 'Most UK bank and building society interest is paid this way.',
      },
      {
        key: 'taxedUkInterest',
        label: 'Interest paid with tax already taken off (the amount received)',
        hint: 'Rare since 2016: only if your statement shows tax deducted. Enter what you received.',
      },
    ],
  },
  dividends: {
    resource: 'dividends',
    title: 'UK dividends',
    intro:
      'Dividends from UK companies and UK investment funds received in the tax year. Leave out dividends from shares held in an ISA.',
    deletable: true,
    fields: [
      {
        key: 'ukDividends',
        label: 'Dividends from UK companies',
        hint: 'Including dividends from employee share schemes.',
      },
      {
        key: 'otherUkDividends',
        label:
          'Dividends from UK unit trusts, open-ended investment companies and investment trusts',
        hint: 'Including dividends reinvested automatically (accumulation units or shares).',
      },
    ],
  },
  'pension-relief': {
    resource: 'pension-relief',
    title: 'Pension contributions',
    intro:
      'Payments you made into personal pensions where the provider claimed basic-rate tax relief for you. Enter the amount actually paid; HMRC adds the relief.',
    deletable: true,
    fields: [
      {
        key: 'regularPensionContributions',
        group: 'pensionReliefs',
        label: 'Regular payments into personal or stakeholder pensions (relief at source)',
        hint: 'What you paid in the year, not counting the tax relief the provider added.',
      },
      {
        key: 'oneOffPensionContributionsPaid',
        group: 'pensionReliefs',
        label: 'One-off payments into those pensions',
        hint: 'Part of the amount above that was a one-off payment.',
      },
      {
        key: 'retirementAnnuityPayments',
        group: 'pensionReliefs',
        label: 'Payments into retirement annuity contracts',
        hint: 'Old-style contracts where the provider did not claim relief for you.',
      },
      {
        key: 'paymentToEmployersSchemeNoTaxRelief',
        group: 'pensionReliefs',
        label: 'Payments into a workplace scheme that got no tax relief',
        hint: 'Only if your employer’s scheme did not give you relief through payroll.',
      },
      {
        key: 'overseasPensionSchemeContributions',
        group: 'pensionReliefs',
        label: 'Payments into an overseas pension scheme',
        hint: 'Only schemes that qualify for UK relief and did not get it already.',
      },
    ],
  },
  'charitable-giving': {
    resource: 'charitable-giving',
    title: 'Gift Aid and gifts to charity',
    intro:
      'Donations to UK charities under Gift Aid in the tax year (the amount you gave, not counting the tax the charity claims), and land, buildings or shares given to charity.',
    deletable: true,
    fields: [
      {
        key: 'totalAmount',
        group: 'giftAidPayments',
        label: 'Gift Aid donations in the year',
        hint: 'Everything you gave under Gift Aid, including one-off gifts.',
      },
      {
        key: 'oneOffAmount',
        group: 'giftAidPayments',
        label: 'Of which one-off donations',
        hint: 'The part of the total that was one-off rather than regular.',
      },
      {
        key: 'amountTreatedAsPreviousTaxYear',
        group: 'giftAidPayments',
        label: 'Donations to treat as made in the year before',
        hint: 'Part of this year’s donations you choose to carry back to the previous year.',
      },
      {
        key: 'amountTreatedAsSpecifiedTaxYear',
        group: 'giftAidPayments',
        label: 'Donations made after the year ends, to treat as made in it',
        hint: 'Donations from the next tax year you carry back into this one.',
      },
      {
        key: 'landAndBuildings',
        group: 'gifts',
        label: 'Value of land and buildings given to charity',
        hint: 'Including the costs of the gift, such as legal or valuer’s fees.',
      },
      {
        key: 'sharesOrSecurities',
        group: 'gifts',
        label: 'Value of shares or securities given to charity',
        hint: 'Their market value on the day you gave them.',
      },
    ],
  },
};

/** Field values in pence, keyed by HMRC's field name; a field left out is not sent. */
export type OtherIncomeValues = Partial<Record<string, Pence>>;

/** HMRC's request body for the values (only fields with a value; groups only when used). */
export function otherIncomeBody(
  resource: OtherIncomeResource,
  values: OtherIncomeValues,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of OTHER_INCOME_DEFINITIONS[resource].fields) {
    const v = values[f.key];
    if (v === undefined) continue;
    let into = body;
    if (f.group) {
      const group = (body[f.group] as Record<string, unknown> | undefined) ?? {};
      body[f.group] = group;
      into = group;
    }
    into[f.key] = penceToHmrcAmount(v);
  }
  // HMRC requires the pensionReliefs object (RE amend_relief_pensions_request.json "required").
  if (resource === 'pension-relief' && !body.pensionReliefs) body.pensionReliefs = {};
  return body;
}

/** The values in a body built by otherIncomeBody (or HMRC's answer), in pence. */
export function otherIncomeValues(resource: OtherIncomeResource, body: unknown): OtherIncomeValues {
  const out: OtherIncomeValues = {};
  if (typeof body !== 'object' || body === null) return out;
  for (const f of OTHER_INCOME_DEFINITIONS[resource].fields) {
    const from = f.group ? (body as Record<string, unknown>)[f.group] : body;
    const v =
      typeof from === 'object' && from !== null
        ? (from as Record<string, unknown>)[f.key]
        : undefined;
    if (typeof v === 'number') out[f.key] = hmrcAmountToPence(v);
  }
  return out;
}

/**
 * A problem a person can fix before approving, or undefined: HMRC requires at least one
 * value, and one-off donations (or payments) cannot exceed the total they are part of.
 */
export function otherIncomeProblem(
  resource: OtherIncomeResource,
  values: OtherIncomeValues,
): string | undefined {
  if (Object.values(values).every((v) => v === undefined))
    return 'Enter at least one amount. To remove what HMRC holds, delete it instead.';
  if (resource === 'charitable-giving' && (values.oneOffAmount ?? 0) > (values.totalAmount ?? 0))
    return 'One-off donations are part of the year’s Gift Aid donations, so they cannot be more than the total.';
  return undefined;
}
