import { z } from 'zod';
import { ACCOUNTING_TYPES } from '@shared/domain/accounting-type';
import { defineChannels } from '../define';
import { isoDate, isoTime, pence, profileId, taxYear, text } from './primitives';

/**
 * The year end: the facts of each business for the year, as HMRC holds them (Business
 * Details 2.0, reference §5.5, §5.6): its accounting type (cash basis or traditional
 * accounting), its periods of account, and the late accounting date rule. Read from HMRC
 * when the screen opens; each change is sent straight away (each is idempotent) and the
 * answer re-read.
 */

const businessId = z
  .number()
  .int()
  .positive()
  .max(2 ** 31);
const accountingType = z.enum(ACCOUNTING_TYPES);

/** Why something cannot be read or done, in words a person can act on. */
const unavailable = z.object({ status: z.literal('unavailable'), reason: text }).strict();
const notApplicable = z.object({ status: z.literal('not-applicable'), reason: text }).strict();
const refused = z.object({ status: z.literal('refused'), reason: text }).strict();

export const accountingTypeFactSchema = z.discriminatedUnion('status', [
  z
    .object({
      status: z.literal('known'),
      value: accountingType,
      /** Whether the person may change it now, and if not why. */
      changeable: z.boolean(),
      notChangeableReason: text.optional(),
    })
    .strict(),
  refused,
  unavailable,
]);

/** Property only: whether the year's receipts let it use the cash basis. */
export const cashBasisFactSchema = z.discriminatedUnion('allowed', [
  z.object({ allowed: z.literal(true) }).strict(),
  z.object({ allowed: z.literal(false), reason: text, receiptsPence: pence }).strict(),
]);

export const periodsOfAccountFactSchema = z.discriminatedUnion('status', [
  z
    .object({
      status: z.literal('found'),
      declared: z.boolean(),
      periods: z.array(z.object({ startDate: isoDate, endDate: isoDate }).strict()).max(100),
      submittedOn: z.string().max(40),
    })
    .strict(),
  z.object({ status: z.literal('none') }).strict(),
  notApplicable,
  unavailable,
]);

export const lateAccountingDateRuleFactSchema = z.discriminatedUnion('status', [
  z
    .object({
      status: z.literal('found'),
      eligible: z.boolean(),
      disapplied: z.boolean(),
      election: z.object({ from: taxYear, until: taxYear }).strict().optional(),
      canDisapply: z.boolean(),
      canWithdraw: z.boolean(),
      /** Why neither can be done now, when that is so. */
      why: text.optional(),
    })
    .strict(),
  notApplicable,
  unavailable,
]);

export const businessFactsSchema = z
  .object({
    businessId,
    name: z.string().max(200),
    kind: z.string().max(40),
    readAt: isoTime,
    accountingType: accountingTypeFactSchema,
    cashBasis: cashBasisFactSchema,
    /** What changes when the business moves to each type, shown before the person chooses. */
    consequences: z.object({ cash: z.array(text).max(10), accruals: z.array(text).max(10) }),
    periodsOfAccount: periodsOfAccountFactSchema,
    lateAccountingDateRule: lateAccountingDateRuleFactSchema,
  })
  .strict();
export type BusinessFacts = z.infer<typeof businessFactsSchema>;

export const businessFactsViewSchema = z
  .object({
    profileId,
    taxYear,
    today: isoDate,
    yearEnded: z.boolean(),
    businesses: z
      .array(z.object({ id: businessId, name: z.string().max(200), linked: z.boolean() }).strict())
      .max(200),
    /** The chosen business (the only one, or the one asked for). */
    facts: businessFactsSchema.optional(),
    /** What the last change did, in plain words. */
    done: text.optional(),
  })
  .strict();
export type BusinessFactsView = z.infer<typeof businessFactsViewSchema>;

const factsRef = z.object({ profileId, taxYear, businessId }).strict();

export const yearEndBusinessFactsChannels = defineChannels({
  'yearEnd.businessFacts': {
    request: z.object({ profileId, taxYear, businessId: businessId.optional() }).strict(),
    response: businessFactsViewSchema,
  },
  'yearEnd.setAccountingType': {
    request: factsRef.extend({ accountingType }).strict(),
    response: businessFactsViewSchema,
  },
  'yearEnd.disapplyLateAccountingDateRule': {
    request: factsRef,
    response: businessFactsViewSchema,
  },
  'yearEnd.withdrawLateAccountingDateRule': {
    request: factsRef,
    response: businessFactsViewSchema,
  },
});
