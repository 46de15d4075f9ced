import { describe, expect, it } from 'vitest';
import { createPolledNetwork } from '../../../src/main/sync/network-status';

/** The OS probe and its timer, driven by the test: one `tick()` is one poll. */
function polled(initial: boolean) {
  let probe = initial;
  let tick: () => void = () => undefined;
  const network = createPolledNetwork(
    () => probe,
    3_000,
    (fn) => {
      tick = fn;
      return () => {
        tick = () => undefined;
      };
    },
  );
  const seen: boolean[] = [];
  network.onChange((online) => seen.push(online));
  return {
    network,
    seen,
    setProbe: (value: boolean) => (probe = value),
    tick: () => tick(),
  };
}

describe('online or offline, as it really is', () => {
  it('follows the OS when it changes', () => {
    const t = polled(true);
    t.setProbe(false);
    t.tick();
    expect(t.network.isOnline()).toBe(false);
    t.setProbe(true);
    t.tick();
    expect(t.seen).toEqual([false, true]);
  });

  it('believes an answer from HMRC over an OS that still says offline', () => {
    const t = polled(false);
    expect(t.network.isOnline()).toBe(false);
    t.network.answered?.();
    expect(t.network.isOnline()).toBe(true);
    // The probe has not changed its mind: the next polls do not put the banner back.
    t.tick();
    t.tick();
    expect(t.network.isOnline()).toBe(true);
    expect(t.seen).toEqual([true]);
  });

  it('goes offline again when the OS reports a change to offline', () => {
    const t = polled(true);
    t.network.answered?.();
    t.setProbe(false);
    t.tick();
    expect(t.network.isOnline()).toBe(false);
    t.network.dispose();
  });
});
