import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMainServices } from '../../../src/main/create-main-services';
import { channels, type ChannelName } from '@shared/ipc/contract';
import { ipcResultSchema } from '@shared/ipc/wire';
import { fakeMainAdapters } from '../../support/fakes/main-adapters';

/**
 * Thousands of random payloads to every channel through the real wrapper: each must come back
 * as a typed error or a result that matches the contract; never a throw, never a value the
 * renderer could not trust.
 */
describe('IPC fuzz', () => {
  it('answers every random payload on every channel with a typed result', async () => {
    const { adapters } = fakeMainAdapters();
    const services = await createMainServices(adapters);
    services.ipc.trustSender('fuzz');
    const sender = { id: 'fuzz', origin: 'app://ledgerlink', isMainFrame: true };
    const names = Object.keys(channels) as ChannelName[];
    expect(services.ipc.registeredChannels().sort()).toEqual([...names].sort());

    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.anything({
          withBigInt: false,
          withMap: true,
          withSet: true,
          withDate: true,
          withTypedArray: true,
        }),
        async (name, payload) => {
          const result = await services.ipc.dispatch(name, payload, sender);
          const parsed = ipcResultSchema(channels[name].response).safeParse(result);
          expect(parsed.success).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
    await services.dispose();
  });
});
