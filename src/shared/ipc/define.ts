import type { z } from 'zod';

/** One request/response channel: zod schemas for both directions. */
export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
}

/** One main → renderer event: the schema of its payload. */
export interface EventSpec<P extends z.ZodType = z.ZodType> {
  payload: P;
}

/**
 * Channel names are `<capability>.<method>`: the preload groups them into
 * `window.ledgerlink.<capability>.<method>()`.
 */
export const defineChannels = <T extends Record<`${string}.${string}`, ChannelSpec>>(c: T): T => c;
export const defineEvents = <T extends Record<`${string}.${string}`, EventSpec>>(e: T): T => e;
