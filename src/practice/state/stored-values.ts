/**
 * The plain shapes every part of Practice HMRC's state is built from, in a module of their own
 * so the state's models (taxpayers, invitations, the rest of the return) share them without
 * importing one another.
 */

/** HMRC's two kinds of agent relationship. [Agent Authorisation OAS; reference §2.10] */
export type AgentRelationship = 'main' | 'supporting';

/**
 * A stored body: HMRC's field names and nesting, every number an amount in integer pence, and
 * texts, flags and lists (dates, building names, one entry per foreign property) as sent.
 */
export type StoredValue = number | boolean | string | string[] | PenceTree | PenceTree[];

export interface PenceTree {
  [field: string]: StoredValue;
}

/** An annual submission as stored: the body as sent, and when. */
export interface AnnualRecord {
  body: PenceTree;
  submittedAt: number;
}
