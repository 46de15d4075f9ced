import { z } from 'zod';

/** Wire names keep the app's channels apart from anything else on the IPC bus. */
export const invokeWireName = (channel: string): string => `ledgerlink:${channel}`;
export const eventWireName = (event: string): string => `ledgerlink-event:${event}`;

export const ipcErrorSchema = z.object({
  code: z.string().min(1),
  message: z.string().min(1),
  action: z.string(),
  correlationId: z.string().optional(),
  retryAt: z.string().optional(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

/** The envelope every channel answers with; `value` is validated against the channel's schema. */
export const ipcResultSchema = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: ipcErrorSchema }),
  ]);
