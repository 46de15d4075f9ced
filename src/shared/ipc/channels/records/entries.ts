import { z } from 'zod';
import { defineChannels } from '@shared/ipc/define';
import {
  isoTime,
  isoDate,
  taxYear,
  profileId,
  pence,
  text,
  businessKindSchema,
  rowId,
  categoryId,
  shortText,
  fileName,
  quarter,
  basisPoints,
  howMany,
  profileRef,
  cancelled,
} from '../primitives';

/**
 * Digital records: the businesses, the list, entry and editing, splits and receipts of one
 * profile's ledger (rules, import, totals and exports have a file each beside this one). Every
 * request names the profile and every answer repeats it, so a window can refuse an answer meant
 * for another profile. Money crosses as integer pence. File paths never cross: the main process
 * shows the OS file dialog, keeps the chosen path, and the window only ever sees a file name.
 */

/** ISO 3166-1 alpha-3, as HMRC's `countryCode` [PB common definitions]. */
const countryCodeSchema = z.string().regex(/^[A-Z]{3}$/);

export const recordsBusinessSchema = z
  .object({
    id: rowId,
    kind: businessKindSchema,
    name: z.string().max(200),
    hmrcBusinessId: z.string().max(20).nullable(),
    commencementDate: isoDate.nullable(),
    archived: z.boolean(),
    /**
     * A foreign property: the business it is kept under (null for the one linked to HMRC), its
     * country (ISO 3166-1 alpha-3), HMRC's property id, and the foreign tax credit relief claim.
     */
    foreign: z
      .object({
        parentId: rowId.nullable(),
        countryCode: countryCodeSchema.nullable(),
        hmrcPropertyId: z.string().max(36).nullable(),
        foreignTaxCreditRelief: z.boolean(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type RecordsBusiness = z.infer<typeof recordsBusinessSchema>;

/** One row of the records: a bank line, a manual entry, or one part of a split. */
export const transactionViewSchema = z
  .object({
    id: rowId,
    date: isoDate,
    description: shortText,
    counterparty: shortText.nullable(),
    /** + money in, − money out. */
    amountPence: pence,
    businessId: rowId.nullable(),
    categoryId: categoryId.nullable(),
    /** The part of the expense that is not allowable for tax (same sign as the HMRC figure). */
    disallowablePence: pence,
    notes: text.nullable(),
    /** Set on the parts of a split: the original bank line. */
    parentId: rowId.nullable(),
    isSplit: z.boolean(),
    /** The rule that categorised it; null when a person did, or nobody has. */
    ruleId: rowId.nullable(),
    receiptCount: z.number().int().min(0),
    importBatchId: rowId.nullable(),
    sourceLine: z.number().int().min(0).nullable(),
    deletedAt: isoTime.nullable(),
    updatedAt: isoTime,
  })
  .strict();
export type TransactionView = z.infer<typeof transactionViewSchema>;

export const recordsFilterSchema = z
  .object({
    /** A business, or null for transactions not yet given one. */
    businessId: rowId.nullable().optional(),
    taxYear: taxYear.optional(),
    quarter: quarter.optional(),
    dateFrom: isoDate.optional(),
    dateTo: isoDate.optional(),
    categoryId: categoryId.optional(),
    uncategorised: z.boolean().optional(),
    /** Words that must all appear in the description, counterparty or notes. */
    text: z.string().max(200).optional(),
    direction: z.enum(['in', 'out']).optional(),
    importBatchId: rowId.optional(),
    /** The bin: deleted transactions instead of live ones. */
    deleted: z.boolean().optional(),
  })
  .strict();
export type RecordsFilterInput = z.infer<typeof recordsFilterSchema>;

export const recordsSortSchema = z.enum(['date-desc', 'date-asc', 'amount-desc', 'amount-asc']);
export type RecordsSortInput = z.infer<typeof recordsSortSchema>;

export const recordsSummarySchema = z
  .object({
    profileId,
    count: z.number().int().min(0),
    inPence: pence,
    outPence: pence,
    netPence: pence,
    uncategorisedCount: z.number().int().min(0),
  })
  .strict();
export type RecordsSummaryView = z.infer<typeof recordsSummarySchema>;

export const receiptViewSchema = z
  .object({
    id: rowId,
    originalName: fileName,
    mime: z.string().max(100),
    sizeBytes: z.number().int().min(0),
    createdAt: isoTime,
  })
  .strict();
export type ReceiptView = z.infer<typeof receiptViewSchema>;

export const historyEntrySchema = z
  .object({ at: isoTime, actor: z.string().max(300), action: z.string().max(100) })
  .strict();

export const transactionDetailSchema = z
  .object({
    profileId,
    transaction: transactionViewSchema,
    parts: z.array(transactionViewSchema),
    receipts: z.array(receiptViewSchema),
    /** Who changed it and when, newest first (the change log). */
    history: z.array(historyEntrySchema),
  })
  .strict();
export type TransactionDetail = z.infer<typeof transactionDetailSchema>;

const entryFields = {
  date: isoDate,
  description: shortText,
  counterparty: shortText.nullable().optional(),
  amountPence: pence,
  businessId: rowId.nullable().optional(),
  categoryId: categoryId.nullable().optional(),
  disallowablePence: pence.optional(),
  notes: text.nullable().optional(),
};

export const splitPartSchema = z
  .object({
    amountPence: pence,
    businessId: rowId.nullable().optional(),
    categoryId: categoryId.nullable().optional(),
    disallowablePence: pence.optional(),
    notes: text.nullable().optional(),
  })
  .strict();
export type SplitPartInput = z.infer<typeof splitPartSchema>;

export const recordsEntriesChannels = defineChannels({
  /** The profile's businesses (archived ones marked), and today's date and tax year in the UK. */
  'records.context': {
    request: profileRef,
    response: z
      .object({
        profileId,
        today: isoDate,
        taxYear,
        businesses: z.array(recordsBusinessSchema),
      })
      .strict(),
  },
  'records.createBusiness': {
    request: z
      .object({
        profileId,
        kind: businessKindSchema,
        name: z.string().max(300),
        /** Foreign property only: where it is. */
        countryCode: countryCodeSchema.optional(),
      })
      .strict(),
    response: z.object({ profileId, business: recordsBusinessSchema }).strict(),
  },
  'records.renameBusiness': {
    request: z.object({ profileId, businessId: rowId, name: z.string().max(300) }).strict(),
    response: z.object({ profileId, business: recordsBusinessSchema }).strict(),
  },
  /** A foreign property's country and whether foreign tax credit relief is claimed on it. */
  'records.setForeignProperty': {
    request: z
      .object({
        profileId,
        businessId: rowId,
        countryCode: countryCodeSchema.optional(),
        foreignTaxCreditRelief: z.boolean().optional(),
      })
      .strict(),
    response: z.object({ profileId, business: recordsBusinessSchema }).strict(),
  },
  /** One page of the filtered list, by position (the list is virtualised). */
  'records.list': {
    request: z
      .object({
        profileId,
        filter: recordsFilterSchema,
        sort: recordsSortSchema,
        offset: z.number().int().min(0).max(10_000_000),
        limit: z.number().int().min(1).max(500),
      })
      .strict(),
    response: z
      .object({ profileId, offset: z.number().int().min(0), rows: z.array(transactionViewSchema) })
      .strict(),
  },
  /** Count and running totals of everything the filter matches, and the uncategorised count. */
  'records.summarise': {
    request: z.object({ profileId, filter: recordsFilterSchema }).strict(),
    response: recordsSummarySchema,
  },
  'records.get': {
    request: z.object({ profileId, transactionId: rowId }).strict(),
    response: transactionDetailSchema,
  },
  'records.add': {
    request: z.object({ profileId, ...entryFields }).strict(),
    response: z.object({ profileId, transaction: transactionViewSchema }).strict(),
  },
  'records.update': {
    request: z
      .object({
        profileId,
        transactionId: rowId,
        patch: z
          .object({
            date: entryFields.date.optional(),
            description: entryFields.description.optional(),
            counterparty: entryFields.counterparty,
            amountPence: pence.optional(),
            businessId: entryFields.businessId,
            categoryId: entryFields.categoryId,
            disallowablePence: pence.optional(),
            notes: entryFields.notes,
          })
          .strict(),
      })
      .strict(),
    response: z.object({ profileId, transaction: transactionViewSchema }).strict(),
  },
  /** Bulk: the same business, category and disallowable share on every selected transaction. */
  'records.categorise': {
    request: z
      .object({
        profileId,
        transactionIds: z.array(rowId).min(1).max(50_000),
        businessId: rowId.nullable().optional(),
        categoryId: categoryId.nullable(),
        disallowableBasisPoints: basisPoints.optional(),
      })
      .strict(),
    response: z.object({ profileId, updated: howMany }).strict(),
  },
  /**
   * What earlier records with the same payee or description were categorised as (same
   * direction of money), most used first: offered first when categorising this one.
   */
  'records.suggestCategories': {
    request: z.object({ profileId, transactionId: rowId }).strict(),
    response: z
      .object({
        profileId,
        transactionId: rowId,
        suggestions: z
          .array(
            z
              .object({ businessId: rowId.nullable(), categoryId, uses: z.number().int().min(1) })
              .strict(),
          )
          .max(3),
      })
      .strict(),
  },
  /** Part of an expense not allowable for tax, by amount or by share. */
  'records.setDisallowable': {
    request: z
      .object({
        profileId,
        transactionId: rowId,
        pence: pence.optional(),
        basisPoints: basisPoints.optional(),
      })
      .strict(),
    response: z.object({ profileId, transaction: transactionViewSchema }).strict(),
  },
  /** Soft delete: undone with records.restore. */
  'records.remove': {
    request: z.object({ profileId, transactionIds: z.array(rowId).min(1).max(50_000) }).strict(),
    response: z.object({ profileId, removed: howMany }).strict(),
  },
  'records.restore': {
    request: z.object({ profileId, transactionIds: z.array(rowId).min(1).max(50_000) }).strict(),
    response: z.object({ profileId, restored: howMany }).strict(),
  },
  'records.split': {
    request: z
      .object({ profileId, transactionId: rowId, parts: z.array(splitPartSchema).min(1).max(50) })
      .strict(),
    response: transactionDetailSchema,
  },
  'records.unsplit': {
    request: z.object({ profileId, transactionId: rowId }).strict(),
    response: z.object({ profileId, transaction: transactionViewSchema }).strict(),
  },
  /** Shows the OS file dialog (images and PDFs) and attaches the chosen file. */
  'records.attachReceipt': {
    request: z.object({ profileId, transactionId: rowId }).strict(),
    response: z.union([z.object({ profileId, receipt: receiptViewSchema }).strict(), cancelled]),
  },
  'records.detachReceipt': {
    request: z.object({ profileId, transactionId: rowId, receiptId: rowId }).strict(),
    response: z.object({ profileId }).strict(),
  },
  /** Opens the stored copy with the computer's own viewer. */
  'records.openReceipt': {
    request: z.object({ profileId, receiptId: rowId }).strict(),
    response: z.object({ profileId }).strict(),
  },
});
