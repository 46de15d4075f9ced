import { isBusinessKind } from '@shared/domain/business-kinds';
import type { TaxYear } from '@shared/domain/tax-year';
import type { Ledger } from '../ledger';
import type { Logger } from '../logging/logger';
import type { CachedBusiness } from './hmrc-cache';
import type { ForeignPropertyDetail } from './hmrc-fetch';
import { currentPeriodType } from './quarterly-election';

/**
 * Keeps the profile's ledger businesses in step with HMRC's: each HMRC business of a kind the
 * ledger keeps is added or updated, linked by HMRC's business id, and its quarterly period type
 * for this tax year recorded (reference §3.4 Retrieve Business Details, quarterlyTypeChoice).
 * A foreign property business's properties (HMRC's Foreign Property Details, from 2026-27) are
 * kept under it, one per property. A business the ledger cannot take (HMRC's
 * `property-unspecified`) stays in the HMRC copy only; one that will not fit never stops the
 * others.
 */
export function syncLedgerBusinesses(
  ledger: Ledger,
  businesses: readonly CachedBusiness[],
  taxYear: TaxYear,
  nameOf: (b: CachedBusiness) => string,
  log: Logger,
  foreignProperties: Readonly<Record<string, readonly ForeignPropertyDetail[]>> = {},
): void {
  for (const b of businesses) {
    if (!isBusinessKind(b.typeOfBusiness)) continue;
    try {
      const local = ledger.businesses.upsertFromHmrc({
        kind: b.typeOfBusiness,
        name: nameOf(b),
        hmrcBusinessId: b.hmrcBusinessId,
        ...(b.commencementDate ? { commencementDate: b.commencementDate } : {}),
      });
      const type = currentPeriodType(b, taxYear);
      if (ledger.businesses.yearSettings(local.id, taxYear).periodType !== type) {
        ledger.businesses.setYearSettings(local.id, taxYear, { periodType: type });
      }
      for (const place of foreignProperties[b.hmrcBusinessId] ?? []) {
        ledger.businesses.upsertForeignPlace(local.id, place);
      }
    } catch (error) {
      log.warn('An HMRC business could not be kept in the ledger', {
        hmrcBusinessId: b.hmrcBusinessId,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
