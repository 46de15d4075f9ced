import { z } from 'zod';

/**
 * The small value shapes every capability's channels share, declared once so that a date, an
 * id or an amount is checked the same way on every channel.
 */

export const isoTime = z.iso.datetime({ offset: true });
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const taxYear = z.string().regex(/^\d{4}-\d{2}$/);
export const profileId = z.uuid();
/** An HMRC account (a sign-in) as Ledgerlink names it. */
export const accountId = z.string().min(1).max(200);
/** Money inside the app: integer pence. */
export const pence = z.number().int().safe();
/** A plain-English message, action or note. */
export const text = z.string().max(2000);
/** A stable error or rule code. */
export const code = z.string().max(100);
export const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
export const businessKindSchema = z.enum(['self-employment', 'uk-property', 'foreign-property']);

/** A row of a profile's ledger. */
export const rowId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const categoryId = z.string().min(1).max(100);
export const shortText = z.string().max(500);
/** A file's name (never its path: paths stay in the main process). */
export const fileName = z.string().max(1000);
export const quarter = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export const basisPoints = z.number().int().min(0).max(10_000);
/** An id the window makes up for a long operation, so it can follow its progress events. */
export const operationId = z.uuid();
export const howMany = z.number().int().min(0);

/** A name a person gave or HMRC holds for a profile or business. */
export const displayName = z.string().max(200);
/** HMRC's id for a business income source (X?IS12345678901). */
export const hmrcBusinessRef = z.string().max(20);

/** Which business of which profile, for which tax year: the head of every per-business view. */
export const businessYearFields = {
  profileId,
  /** A business is a row of the profile's ledger. */
  businessId: rowId,
  hmrcBusinessId: hmrcBusinessRef.nullable(),
  businessName: displayName,
  kind: businessKindSchema,
  taxYear,
};

/** A request that names only the profile. */
export const profileRef = z.object({ profileId }).strict();
/** The person closed the file dialog: nothing happened. */
export const cancelled = z.object({ profileId, cancelled: z.literal(true) }).strict();
