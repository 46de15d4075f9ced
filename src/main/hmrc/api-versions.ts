/**
 * The HMRC APIs Ledgerlink calls and the one version of each it speaks, sent as
 * `Accept: application/vnd.hmrc.<version>+json` (reference §3.1, §3.2; each OAS
 * `common/headers.yaml`). Changing a version is a one-line change here; nothing else in the
 * app names a version.
 */
export const HMRC_APIS = {
  'business-details': { title: 'Business Details', version: '2.0' },
  obligations: { title: 'Obligations', version: '3.0' },
  'self-employment-business': { title: 'Self Employment Business', version: '5.0' },
  'property-business': { title: 'Property Business', version: '6.0' },
  // Retrieve ITSA Status (reference §5.1; SOURCES.md: 2.0 is the only version, live).
  'individual-details': { title: 'Self Assessment Individual Details', version: '2.0' },
  // 8.0 is the version live in Production; 9.0 is not released there yet (SOURCES.md, §6.6).
  'individual-calculations': { title: 'Individual Calculations', version: '8.0' },
  // The rest of the return: UK savings interest, UK dividends, pension contributions and Gift
  // Aid (SOURCES.md: Savings Income and Dividends Income 2.0, Reliefs 3.0, all in Production).
  'savings-income': { title: 'Individuals Savings Income', version: '2.0' },
  'dividends-income': { title: 'Individuals Dividends Income', version: '2.0' },
  reliefs: { title: 'Individuals Reliefs', version: '3.0' },
  // Losses and Claims from 2026-27; 6.0 serves every year up to 2025-26 (SOURCES.md).
  'individual-losses': { title: 'Individual Losses', version: '7.0' },
  'individual-losses-6': { title: 'Individual Losses (to 2025-26)', version: '6.0' },
  // SOURCES.md: BSAS 7.0 and BISS 3.0 are the only versions, both live.
  'business-source-adjustable-summary': {
    title: 'Business Source Adjustable Summary',
    version: '7.0',
  },
  'business-income-source-summary': { title: 'Business Income Source Summary', version: '3.0' },
  // Agent Authorisation: 1.0 is the version HMRC's MTD guide links (SOURCES.md); 2.0 is 1.0
  // plus de-authorise, so 2.0 is used for that one request only.
  'agent-authorisation': { title: 'Agent Authorisation', version: '1.0' },
  'agent-authorisation-deauthorise': { title: 'Agent Authorisation (stop acting)', version: '2.0' },
  // Sandbox only (reference §4.5); Practice HMRC serves it too.
  'test-fraud-prevention-headers': { title: 'Test Fraud Prevention Headers', version: '1.0' },
} as const;

export type HmrcApi = keyof typeof HMRC_APIS;

export const acceptHeaderFor = (api: HmrcApi): string =>
  `application/vnd.hmrc.${HMRC_APIS[api].version}+json`;
