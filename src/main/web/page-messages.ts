import { z } from 'zod';

/**
 * What the page's bridge script and the browser shell say to each other over the WebSocket,
 * beside the IPC channels themselves. The page is outside the main process: what it sends is
 * data, checked here before use, like everything else that crosses IPC.
 */
const screenFacts = z.object({
  width: z.number().int().min(0).max(100_000),
  height: z.number().int().min(0).max(100_000),
  scalingFactor: z.number().min(0).max(100),
  colourDepth: z.number().int().min(0).max(256),
});

export const fromPage = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('hello'),
    screens: z.array(screenFacts).max(16),
    window: z.object({
      width: z.number().int().min(0).max(100_000),
      height: z.number().int().min(0).max(100_000),
    }),
    online: z.boolean(),
  }),
  z.object({ kind: z.literal('online'), online: z.boolean() }),
  z.object({
    kind: z.literal('invoke'),
    id: z.number().int().min(0),
    channel: z.string().max(200),
    payload: z.unknown().optional(),
  }),
  z.object({ kind: z.literal('file-cancelled'), id: z.string().max(64) }),
]);
export type FromPage = z.infer<typeof fromPage>;

export type PageDisplayFacts = Pick<Extract<FromPage, { kind: 'hello' }>, 'screens' | 'window'>;

/** What the shell asks of the page (the page is ours: these are typed, not re-validated there). */
export type PageMessage =
  | { kind: 'result'; id: number; result: unknown }
  | { kind: 'event'; event: string; payload: unknown }
  /** Show the browser's file chooser; answer by uploading the file or with file-cancelled. */
  | { kind: 'choose-file'; id: string; title: string; accept: string }
  /** Download a saved export, archive or receipt. */
  | { kind: 'download'; url: string }
  /** Open HMRC's pages (or another https page) in a new tab. */
  | { kind: 'open-url'; url: string };
