import type { z } from 'zod';
import { agentsChannels } from './channels/agents';
import { appChannels } from './channels/app';
import { authChannels, authEvents } from './channels/auth';
import { hmrcChannels, hmrcEvents } from './channels/hmrc';
import { profilesChannels, profilesEvents } from './channels/profiles';
import { recordsChannels, recordsEvents } from './channels/records';
import { reviewChannels } from './channels/review';
import { settingsChannels, settingsEvents } from './channels/settings';
import { syncChannels, syncEvents } from './channels/sync';
import { yearEndAdjustmentsChannels } from './channels/year-end-adjustments';
import { yearEndAnnualChannels } from './channels/year-end-annual';
import { yearEndBusinessFactsChannels } from './channels/year-end-business-facts';
import { yearEndChecklistChannels } from './channels/year-end-checklist';
import { yearEndLossesChannels } from './channels/year-end-losses';
import {
  yearEndDeclarationChannels,
  yearEndDeclarationEvents,
} from './channels/year-end-declaration';
import { yearEndReceiptsChannels } from './channels/year-end-receipts';
import { yearEndOtherIncomeChannels } from './channels/year-end-other-income';
import type { IpcResult } from './result';

/**
 * The IPC contract: every channel declared once, with zod schemas both ways. main validates
 * requests and responses in its handle() wrapper; the preload (and the browser host's bridge)
 * validate again on the renderer side. Add a capability by adding its channels file here.
 */
export const channels = {
  ...appChannels,
  ...settingsChannels,
  ...authChannels,
  ...hmrcChannels,
  ...profilesChannels,
  ...recordsChannels,
  ...reviewChannels,
  ...syncChannels,
  ...yearEndAnnualChannels,
  ...yearEndBusinessFactsChannels,
  ...yearEndChecklistChannels,
  ...yearEndDeclarationChannels,
  ...yearEndReceiptsChannels,
  ...yearEndOtherIncomeChannels,
  ...yearEndLossesChannels,
  ...yearEndAdjustmentsChannels,
  ...agentsChannels,
};

export const events = {
  ...settingsEvents,
  ...authEvents,
  ...hmrcEvents,
  ...profilesEvents,
  ...recordsEvents,
  ...syncEvents,
  ...yearEndDeclarationEvents,
};

export type Channels = typeof channels;
export type ChannelName = Extract<keyof Channels, string>;
export type Events = typeof events;
export type EventName = Extract<keyof Events, string>;

export type RequestOf<N extends ChannelName> = z.input<Channels[N]['request']>;
export type ResponseOf<N extends ChannelName> = z.output<Channels[N]['response']>;
export type EventPayloadOf<E extends EventName> = z.output<Events[E]['payload']>;

type CapabilityOf<N> = N extends `${infer C}.${string}` ? C : never;
type MethodOf<N> = N extends `${string}.${infer M}` ? M : never;

type BridgeFn<N extends ChannelName> = [RequestOf<N>] extends [undefined]
  ? () => Promise<IpcResult<ResponseOf<N>>>
  : (request: RequestOf<N>) => Promise<IpcResult<ResponseOf<N>>>;

/** `window.ledgerlink`: named async functions grouped by capability, plus typed `on`. */
export type LedgerlinkApi = {
  [C in CapabilityOf<ChannelName>]: {
    [N in ChannelName as CapabilityOf<N> extends C ? MethodOf<N> : never]: BridgeFn<N>;
  };
} & {
  /** Subscribe to a main → renderer event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void;
};
