import { z } from 'zod';
import { defineChannels } from '../define';

import { environmentSchema } from './settings';

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  environment: environmentSchema,
  platform: z.string(),
  /** 'electron' in the desktop app; 'browser' in the browser mode (src/main/web), e2e included. */
  host: z.enum(['electron', 'browser']),
});

const check = z.object({
  id: z.string(),
  label: z.string(),
  ok: z.boolean(),
  detail: z.string(),
});

export const diagnosticsSchema = z.object({
  versions: z.array(z.object({ name: z.string(), version: z.string() })),
  security: z.array(check),
  openExternalAllowList: z.array(z.string()),
  dataFolder: z.string(),
});

export const appChannels = defineChannels({
  'app.info': { request: z.undefined(), response: appInfoSchema },
  'app.diagnostics': { request: z.undefined(), response: diagnosticsSchema },
});
