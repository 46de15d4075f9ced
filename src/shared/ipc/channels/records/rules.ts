import { z } from 'zod';
import { defineChannels } from '@shared/ipc/define';
import {
  isoTime,
  profileId,
  pence,
  rowId,
  categoryId,
  basisPoints,
  profileRef,
} from '../primitives';
import { transactionViewSchema } from './entries';

/** The records screens' rules: "always put this payee under that category". */

export const ruleConditionsSchema = z
  .object({
    descriptionContains: z.string().max(200).nullable().optional(),
    /** `*` any run of characters, `?` one character. */
    descriptionPattern: z.string().max(200).nullable().optional(),
    counterpartyIs: z.string().max(200).nullable().optional(),
    amountMinPence: pence.nullable().optional(),
    amountMaxPence: pence.nullable().optional(),
    direction: z.enum(['in', 'out']).nullable().optional(),
  })
  .strict();
export type RuleConditionsInput = z.infer<typeof ruleConditionsSchema>;

export const ruleActionSchema = z
  .object({
    businessId: rowId.nullable(),
    categoryId,
    disallowableBasisPoints: basisPoints,
  })
  .strict();

export const ruleViewSchema = z
  .object({
    id: rowId,
    name: z.string().max(300),
    priority: z.number().int(),
    enabled: z.boolean(),
    conditions: ruleConditionsSchema,
    action: ruleActionSchema,
    updatedAt: isoTime,
  })
  .strict();
export type RuleView = z.infer<typeof ruleViewSchema>;

const ruleInput = z
  .object({
    name: z.string().max(200).optional(),
    conditions: ruleConditionsSchema,
    action: ruleActionSchema,
    enabled: z.boolean().optional(),
  })
  .strict();

const rulesList = z.object({ profileId, rules: z.array(ruleViewSchema) }).strict();

/** A saved rule, and how many uncategorised records it categorised there and then. */
const savedRule = z
  .object({ profileId, rule: ruleViewSchema, applied: z.number().int().min(0) })
  .strict();

export const recordsRulesChannels = defineChannels({
  'records.rules': { request: profileRef, response: rulesList },
  /** Saving a rule applies it at once to the uncategorised records it matches. */
  'records.createRule': {
    request: z.object({ profileId, rule: ruleInput }).strict(),
    response: savedRule,
  },
  'records.updateRule': {
    request: z.object({ profileId, ruleId: rowId, rule: ruleInput }).strict(),
    response: savedRule,
  },
  'records.removeRule': {
    request: z.object({ profileId, ruleId: rowId }).strict(),
    response: rulesList,
  },
  /** The first id runs first. */
  'records.reorderRules': {
    request: z.object({ profileId, ruleIds: z.array(rowId).max(10_000) }).strict(),
    response: rulesList,
  },
  /** "Always do this": a rule repeating this transaction's categorisation. */
  'records.ruleFromTransaction': {
    request: z
      .object({
        profileId,
        transactionId: rowId,
        match: z.enum(['counterparty', 'description']),
        text: z.string().max(200).optional(),
      })
      .strict(),
    response: savedRule,
  },
  /** How many records a draft rule would match, with a few examples. Changes nothing. */
  'records.previewRule': {
    request: z.object({ profileId, conditions: ruleConditionsSchema }).strict(),
    response: z
      .object({
        profileId,
        count: z.number().int().min(0),
        examples: z.array(transactionViewSchema),
      })
      .strict(),
  },
  /** Runs the rules now over uncategorised records (or also those a rule set earlier). */
  'records.applyRules': {
    request: z
      .object({
        profileId,
        scope: z.enum(['uncategorised', 'rule-set-too']),
        dryRun: z.boolean().optional(),
      })
      .strict(),
    response: z
      .object({ profileId, matched: z.number().int().min(0), updated: z.number().int().min(0) })
      .strict(),
  },
});
