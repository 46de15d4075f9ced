import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { createMainServices } from '../../../src/main/create-main-services';
import type * as IpcRouterModule from '../../../src/main/ipc/ipc-router';
import type { Handler } from '../../../src/main/ipc/ipc-router';
import { channels, type ChannelName } from '@shared/ipc/contract';
import { ipcResultSchema } from '@shared/ipc/wire';
import { fakeMainAdapters } from '../../support/fakes/main-adapters';
import { nearValid, valid } from '../../support/zod-arbitraries';

/** Every request that got past the router's checks to a handler, as the handler received it. */
const reached = vi.hoisted(() => [] as { channel: string; request: unknown }[]);

vi.mock('../../../src/main/ipc/ipc-router', async (importOriginal) => {
  const real = await importOriginal<typeof IpcRouterModule>();
  return {
    ...real,
    createIpcRouter: (...args: Parameters<typeof real.createIpcRouter>) => {
      const router = real.createIpcRouter(...args);
      return {
        ...router,
        handle: <N extends ChannelName>(channel: N, handler: Handler<N>) =>
          router.handle(channel, (request, context) => {
            reached.push({ channel, request });
            return handler(request, context);
          }),
      };
    },
  };
});

/**
 * Payloads generated from each channel's own request schema, through the real router and the
 * real services: valid ones must reach the handler exactly as sent (after validation), and
 * each near-valid one (one key missing or extra, one wrong type, one bound crossed) must be
 * refused with INVALID_REQUEST before any handler runs. Every answer must match the contract.
 */
describe('IPC fuzz, from the contract’s own schemas', () => {
  it('valid payloads reach every handler as sent; near-valid ones never reach any', async () => {
    const { adapters } = fakeMainAdapters();
    const services = await createMainServices(adapters);
    services.ipc.trustSender('fuzz');
    const sender = { id: 'fuzz', origin: 'app://ledgerlink', isMainFrame: true };
    const names = Object.keys(channels) as ChannelName[];
    expect(services.ipc.registeredChannels().sort()).toEqual([...names].sort());

    const answers = (name: ChannelName, result: unknown) =>
      expect(ipcResultSchema(channels[name].response).safeParse(result).success, name).toBe(true);
    const reachedPerChannel = new Map<string, number>();
    let refused = 0;

    for (const name of names) {
      const schema: z.ZodType = channels[name].request;
      await fc.assert(
        fc.asyncProperty(valid(schema), async (payload) => {
          reached.length = 0;
          const result = await services.ipc.dispatch(name, payload, sender);
          answers(name, result);
          expect(reached, name).toEqual([{ channel: name, request: schema.parse(payload) }]);
          reachedPerChannel.set(name, (reachedPerChannel.get(name) ?? 0) + 1);
        }),
        { numRuns: 30 },
      );
      await fc.assert(
        fc.asyncProperty(nearValid(schema), async (payload) => {
          fc.pre(!schema.safeParse(payload).success);
          reached.length = 0;
          const result = await services.ipc.dispatch(name, payload, sender);
          answers(name, result);
          expect(result, name).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
          expect(reached, name).toEqual([]);
          refused += 1;
        }),
        { numRuns: 30 },
      );
    }
    expect([...reachedPerChannel.keys()].sort()).toEqual([...names].sort());
    expect(refused).toBeGreaterThan(names.length * 6);
    await services.dispose();
  }, 120_000);
});
