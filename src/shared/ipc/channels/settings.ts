import { z } from 'zod';
import { defineChannels, defineEvents } from '../define';

export const environmentSchema = z.enum(['practice', 'sandbox', 'production']);
export type Environment = z.infer<typeof environmentSchema>;

export const settingsSchema = z.object({
  environment: environmentSchema,
  /** Whether HMRC sandbox/production can be used: the vendor's client id and secret are present. */
  environments: z.array(
    z.object({
      id: environmentSchema,
      label: z.string(),
      description: z.string(),
      available: z.boolean(),
      unavailableReason: z.string().optional(),
    }),
  ),
});

export const settingsChannels = defineChannels({
  'settings.get': { request: z.undefined(), response: settingsSchema },
  'settings.setEnvironment': {
    request: z.object({ environment: environmentSchema }).strict(),
    response: settingsSchema,
  },
});

export const settingsEvents = defineEvents({
  'settings.changed': { payload: settingsSchema },
});
