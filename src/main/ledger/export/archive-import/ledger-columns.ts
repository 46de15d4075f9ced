import { z } from 'zod';
import { BUSINESS_KINDS } from '@shared/domain/business-kinds';
import { getCategory } from '@shared/domain/categories';
import { MAX_HMRC_AMOUNT_PENCE } from '@shared/domain/money';
import { isIsoDate, isTaxYear } from '@shared/domain/tax-year';

/**
 * The column types an archive's rows are checked against (ledger-tables.ts): each accepts only
 * what the app itself would write, with the sizes capped, so a crafted row is refused as data.
 */

export const SHORT = 500;
export const LONG = 20_000;
export const DOCUMENT = 2_000_000;

export const id = z.int().min(1);
export const ref = id.nullable();
export const count = z.int().min(0);
export const flag = z.union([z.literal(0), z.literal(1)]);
export const text = (max: number) => z.string().max(max);
export const nonBlank = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim().length > 0);
export const date = z.string().refine(isIsoDate, 'not a date');
export const time = z.string().min(1).max(40);
export const taxYear = z.string().refine(isTaxYear, 'not a tax year');
export const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
export const pence = z.int().refine((p) => Math.abs(p) <= MAX_HMRC_AMOUNT_PENCE, 'too large');
export const category = z
  .string()
  .refine((c) => getCategory(c) !== undefined, 'not a known category');
export const json = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => {
      try {
        JSON.parse(s);
        return true;
      } catch {
        return false;
      }
    }, 'not JSON');
export const jsonArrayOf = (item: z.ZodType, max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => {
      try {
        return z.array(item).safeParse(JSON.parse(s)).success;
      } catch {
        return false;
      }
    }, 'not a list');
export const businessKind = z.enum(BUSINESS_KINDS);
export const periodType = z.enum(['standard', 'calendar']);
export const declarationKind = z.enum(['final-declaration', 'confirm-amendment']);

export interface LedgerTable {
  name: string;
  /** The columns the app knows, each with the values it accepts. */
  row: z.ZodObject<Record<string, z.ZodType>, z.core.$strict>;
}

export const table = (name: string, columns: Record<string, z.ZodType>): LedgerTable => ({
  name,
  row: z.object(columns).strict(),
});
