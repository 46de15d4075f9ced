import type { BusinessKind } from '@shared/domain/business-kinds';
import { isHmrcError } from '../hmrc/errors/hmrc-error';
import type { HmrcAccountClient } from '../hmrc/hmrc-service';
import {
  selfEmploymentCumulativeBody,
  selfEmploymentTotalsFromHmrc,
} from '../hmrc/mappers/self-employment-summary';
import {
  ukPropertyCumulativeBody,
  ukPropertyTotalsFromHmrc,
} from '../hmrc/mappers/uk-property-summary';
import { wireJson } from './build-payload';

/**
 * What HMRC holds now for a business and tax year (the cumulative GET, reference §3.4), in the
 * same shape Ledgerlink sends — through the pure mappers, HMRC JSON → pence → HMRC JSON — so
 * the review compares like with like: a field HMRC left out is a zero, key order is ours.
 * Kept for a few minutes so reopening the review does not ask HMRC again.
 */
export type HmrcCopy =
  | {
      status: 'found';
      body: unknown;
      periodStart?: string;
      periodEnd?: string;
      correlationId?: string;
      readAt: string;
    }
  | { status: 'none'; readAt: string; correlationId?: string }
  | { status: 'unavailable'; readAt: string; reason: string };

export interface HmrcCopies {
  /** A copy read within the last few minutes, without asking HMRC. */
  cached(key: CopyKey): HmrcCopy | undefined;
  read(
    client: Pick<HmrcAccountClient, 'selfEmployment' | 'ukProperty' | 'foreignProperty'>,
    key: CopyKey & { nino: string },
  ): Promise<HmrcCopy>;
  forget(profileId: string): void;
}

export interface CopyKey {
  profileId: string;
  hmrcBusinessId: string;
  kind: BusinessKind;
  taxYear: string;
}

const NOTHING = new Set(['NOT_FOUND', 'MATCHING_RESOURCE_NOT_FOUND']);

export function createHmrcCopies(options: { now: () => Date; ttlMs?: number }): HmrcCopies {
  const ttl = options.ttlMs ?? 5 * 60_000;
  const copies = new Map<string, HmrcCopy>();
  const keyOf = (k: CopyKey) => `${k.profileId}|${k.hmrcBusinessId}|${k.taxYear}`;
  return {
    cached(key) {
      const copy = copies.get(keyOf(key));
      if (!copy || copy.status === 'unavailable') return undefined;
      return options.now().getTime() - Date.parse(copy.readAt) < ttl ? copy : undefined;
    },
    async read(client, key) {
      const readAt = options.now().toISOString();
      let copy: HmrcCopy;
      try {
        if (key.kind === 'self-employment') {
          const got = await client.selfEmployment.getCumulative(
            key.nino,
            key.hmrcBusinessId,
            key.taxYear,
          );
          const body = selfEmploymentCumulativeBody(selfEmploymentTotalsFromHmrc(got.data));
          copy = {
            status: 'found',
            body: JSON.parse(wireJson(key.kind, body).json),
            periodStart: got.data.periodDates.periodStartDate,
            periodEnd: got.data.periodDates.periodEndDate,
            ...(got.correlationId ? { correlationId: got.correlationId } : {}),
            readAt,
          };
        } else if (key.kind === 'foreign-property') {
          const got = await client.foreignProperty.getCumulative(
            key.nino,
            key.hmrcBusinessId,
            key.taxYear,
          );
          copy = {
            status: 'found',
            // Compared line by line (flatten-body.ts: a field HMRC left out is a zero, its
            // `submittedOn` is not part of the update), so HMRC's own JSON serves as it is.
            body: got.data,
            ...(got.data.fromDate ? { periodStart: got.data.fromDate } : {}),
            ...(got.data.toDate ? { periodEnd: got.data.toDate } : {}),
            ...(got.correlationId ? { correlationId: got.correlationId } : {}),
            readAt,
          };
        } else {
          const got = await client.ukProperty.getCumulative(
            key.nino,
            key.hmrcBusinessId,
            key.taxYear,
          );
          const body = ukPropertyCumulativeBody(ukPropertyTotalsFromHmrc(got.data));
          copy = {
            status: 'found',
            body: JSON.parse(wireJson(key.kind, body).json),
            ...(got.data.fromDate ? { periodStart: got.data.fromDate } : {}),
            ...(got.data.toDate ? { periodEnd: got.data.toDate } : {}),
            ...(got.correlationId ? { correlationId: got.correlationId } : {}),
            readAt,
          };
        }
      } catch (error) {
        if (isHmrcError(error) && error.status === 404 && NOTHING.has(error.code)) {
          copy = {
            status: 'none',
            readAt,
            ...(error.correlationId ? { correlationId: error.correlationId } : {}),
          };
        } else {
          copy = {
            status: 'unavailable',
            readAt,
            reason: error instanceof Error ? error.message : 'HMRC could not be asked.',
          };
        }
      }
      copies.set(keyOf(key), copy);
      return copy;
    },
    forget(profileId) {
      for (const key of [...copies.keys()]) if (key.startsWith(`${profileId}|`)) copies.delete(key);
    },
  };
}
