import { type ApiContext } from '../http/api-route';

/**
 * HMRC's switch to run the "tax year has ended" checks or not: a request with
 * `suspend-temporal-validations: true` skips them, as HMRC's sandbox allows so that software can
 * be tested before a year ends. [BD app/config/FeatureSwitches.scala; IL conf/application.conf
 * allowTemporalValidationSuspension; IL it/test/v7/lossesAndClaims/CreateAmendLossesAndClaimsControllerISpec.scala]
 */
export function temporalChecks(ctx: ApiContext): boolean {
  const header = ctx.req.headers['suspend-temporal-validations'];
  const value = (Array.isArray(header) ? header[0] : header)?.trim().toLowerCase();
  return !(value === 'true' || value === 'yes' || value === 'on');
}
