import { isNinoFormat } from '../rules/path-params';
import { type TaxpayerRecord } from '../state/model';
import { type PracticeStore } from '../state/store';
import { type ApiContext } from './api-route';
import { ApiError, E } from './mtd-errors';

/**
 * The caller's right to act for a NINO, checked before anything else about the request, as
 * HMRC's APIs do (NINO format, then MTD subscription and authorisation). Individuals may act
 * only for themselves; agents only for clients who authorised them; supporting agents are
 * refused where HMRC refuses them (Individual Calculations, final declaration).
 * [reference §2.10; hmrc/self-employment-business-api EnrolmentsAuthService.scala]
 */
export function authoriseForNino(
  ctx: ApiContext,
  store: PracticeStore,
  nino: string,
  options: { allowSupportingAgent: boolean },
): TaxpayerRecord {
  if (!isNinoFormat(nino)) throw new ApiError(400, [E.formatNino]);
  const taxpayer = store.taxpayer(nino);
  const user = ctx.user;
  // An unknown NINO is "not subscribed to MTD", which HMRC reports as not authorised.
  if (!taxpayer || !user) throw new ApiError(403, [E.clientOrAgentNotAuthorised]);
  if (user.kind === 'individual') {
    if (user.nino !== nino) throw new ApiError(403, [E.clientOrAgentNotAuthorised]);
    return taxpayer;
  }
  const relationship = user.clients?.find((c) => c.nino === nino)?.relationship;
  if (!relationship) throw new ApiError(403, [E.clientOrAgentNotAuthorised]);
  if (relationship === 'supporting' && !options.allowSupportingAgent) {
    throw new ApiError(403, [E.clientOrAgentNotAuthorised]);
  }
  return taxpayer;
}
