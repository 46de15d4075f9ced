import { type FastifyInstance } from 'fastify';
import { type ApiDeps } from '../http/api-route';
import {
  PENSION_RELIEFS_SPEC,
  UK_DIVIDENDS_SPEC,
  charitableGivingDef,
  charitableGivingSpec,
  checkCharitableGiving,
  checkPensionReliefs,
  checkUkDividends,
} from '../rules/other-income-bodies';
import { type AnnualRecord, type TaxpayerRecord } from '../state/model';
import { type OtherIncomeKind } from '../state/return-model';
import { penceTreeToJson } from '../tax/pence-tree';
import { type TaxYear } from '../tax/tax-year';
import {
  NOT_FOUND_SCENARIO,
  OUTSIDE_WINDOW_SCENARIO,
  REQUEST_CANNOT_BE_FULFILLED,
  registerAnnualDocument,
  withSubmittedOn,
} from './annual-documents';

/** The stored document of one kind for a tax year, and how to replace or remove it. */
function yearly(kind: OtherIncomeKind) {
  return {
    get: (t: TaxpayerRecord, ty: TaxYear) => t.otherIncome?.[ty.label]?.[kind],
    set: (t: TaxpayerRecord, ty: TaxYear, record: AnnualRecord | undefined) => {
      const year = { ...t.otherIncome?.[ty.label] };
      if (record) year[kind] = record;
      else delete year[kind];
      t.otherIncome = { ...t.otherIncome, [ty.label]: year };
    },
  };
}

/**
 * Dividends Income 2.0 (UK dividends annual summary) and Reliefs 3.0 (pension contributions,
 * charitable giving). Supporting agents are refused every one of them, as HMRC's configuration
 * says. [DI conf/application.conf api.supporting-agent-endpoints (create-amend-uk-dividends-
 * annual-summary, retrieve-uk-dividends-annual-income-summary, delete-uk-dividends-income-
 * annual-summary = false); RL conf/application.conf (create-amend-pensions-reliefs,
 * retrieve-pensions-reliefs, delete-pensions-reliefs, create-amend-charitable-giving-reliefs,
 * retrieve-charitable-giving-reliefs, delete-charitable-giving-reliefs = false)]
 */
export function registerOtherIncome(app: FastifyInstance, deps: ApiDeps): void {
  // Minimum 2017-18 for all three methods. [DI app/v2/controllers/*UkDividends*Validator.scala
  // ResolveTaxYearMinimum(TaxYear.fromMtd("2017-18"))]
  registerAnnualDocument(app, deps, {
    api: 'individuals-dividends-income-api',
    path: '/individuals/dividends-income/uk/:nino/:taxYear',
    minimumYear: { put: 2017, get: 2017, delete: 2017 },
    order: 'together',
    spec: () => UK_DIVIDENDS_SPEC,
    rules: (body) => checkUkDividends(body),
    // The controller answers 200 with no body. [DI CreateAmendUkDividendsAnnualSummaryController.scala
    // withNoContentResult(successStatus = OK); uk_dividends_create_amend.yaml "200"]
    putStatus: 200,
    allowSupportingAgent: false,
    scenarios: {
      // [DI uk_dividends_create_amend.yaml, uk_dividends_retrieve.yaml, uk_dividends_delete.yaml "Test data"]
      put: {
        NOT_FOUND: NOT_FOUND_SCENARIO,
        OUTSIDE_AMENDMENT_WINDOW: OUTSIDE_WINDOW_SCENARIO,
        REQUEST_CANNOT_BE_FULFILLED,
      },
      get: { NOT_FOUND: NOT_FOUND_SCENARIO, REQUEST_CANNOT_BE_FULFILLED },
      delete: {
        NOT_FOUND: NOT_FOUND_SCENARIO,
        OUTSIDE_AMENDMENT_WINDOW: OUTSIDE_WINDOW_SCENARIO,
        REQUEST_CANNOT_BE_FULFILLED,
      },
    },
    store: yearly('ukDividends'),
    retrieveBody: (record) => penceTreeToJson(record.body),
    canned: () => ({ ukDividends: 1250.5, otherUkDividends: 100 }),
  });

  // Minimum 2020-21. [RL app/v3/pensionReliefs/*/def1/Def1_*PensionsReliefsValidator.scala]
  registerAnnualDocument(app, deps, {
    api: 'individuals-reliefs-api',
    path: '/individuals/reliefs/pensions/:nino/:taxYear',
    minimumYear: { put: 2020, get: 2020, delete: 2020 },
    order: 'together',
    spec: () => PENSION_RELIEFS_SPEC,
    rules: (body) => checkPensionReliefs(body),
    putStatus: 204,
    allowSupportingAgent: false,
    scenarios: {
      // [RL reliefs_pensions_amend.yaml, _retrieve.yaml, _delete.yaml "Test data"]
      put: { OUTSIDE_AMENDMENT_WINDOW: OUTSIDE_WINDOW_SCENARIO },
      get: { NOT_FOUND: NOT_FOUND_SCENARIO },
      delete: { NOT_FOUND: NOT_FOUND_SCENARIO, OUTSIDE_AMENDMENT_WINDOW: OUTSIDE_WINDOW_SCENARIO },
    },
    store: yearly('pensionReliefs'),
    retrieveBody: withSubmittedOn,
    canned: () => ({
      submittedOn: '2026-04-20T10:00:00.000Z',
      pensionReliefs: { regularPensionContributions: 1200, oneOffPensionContributionsPaid: 400 },
    }),
  });

  // The tax year alone picks the schema (def1 to 2024-25, def2 from 2025-26); minimum 2017-18.
  // [RL app/v3/charitableGiving/createAmend/CreateAndAmendCharitableGivingReliefsSchema.scala,
  // retrieve/RetrieveCharitableGivingReliefsSchema.scala, delete/def1/Def1_DeleteCharitableGivingReliefsValidator.scala]
  registerAnnualDocument(app, deps, {
    api: 'individuals-reliefs-api',
    path: '/individuals/reliefs/charitable-giving/:nino/:taxYear',
    minimumYear: { put: 2017, get: 2017, delete: 2017 },
    order: 'year-first',
    spec: (ty) => charitableGivingSpec(ty ? charitableGivingDef(ty) : 2),
    rules: (body, ty) => checkCharitableGiving(body, charitableGivingDef(ty)),
    putStatus: 204,
    allowSupportingAgent: false,
    scenarios: {
      // [RL charitable_giving_relief_amend.yaml, _retrieve.yaml, _delete.yaml "Test data"]
      put: { NOT_FOUND: NOT_FOUND_SCENARIO, OUTSIDE_AMENDMENT_WINDOW: OUTSIDE_WINDOW_SCENARIO },
      get: { NOT_FOUND: NOT_FOUND_SCENARIO },
      delete: { NOT_FOUND: NOT_FOUND_SCENARIO, OUTSIDE_AMENDMENT_WINDOW: OUTSIDE_WINDOW_SCENARIO },
    },
    store: yearly('charitableGiving'),
    retrieveBody: (record) => penceTreeToJson(record.body),
    canned: () => ({ giftAidPayments: { totalAmount: 400, oneOffAmount: 100 } }),
  });
}
