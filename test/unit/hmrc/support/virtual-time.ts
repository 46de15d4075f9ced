/**
 * Virtual time for the limiter and retry tests: `sleep` parks a promise until `advance`
 * (or `runAll`) moves the clock past it, so minutes of back-off run in milliseconds.
 */
export function virtualTime(start = 0) {
  let now = start;
  const sleepers: { at: number; resolve: () => void }[] = [];
  const settle = async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  };
  return {
    now: () => now,
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        sleepers.push({ at: now + Math.max(0, ms), resolve });
      }),
    /** Runs every sleeper due within `ms`, in time order. */
    async advance(ms: number) {
      const end = now + ms;
      await settle();
      for (;;) {
        sleepers.sort((a, b) => a.at - b.at);
        const next = sleepers[0];
        if (!next || next.at > end) break;
        sleepers.shift();
        now = next.at;
        next.resolve();
        await settle();
      }
      now = end;
    },
    /** Keeps advancing until nothing is sleeping. */
    async runAll() {
      await settle();
      while (sleepers.length > 0) {
        sleepers.sort((a, b) => a.at - b.at);
        await this.advance(sleepers[0]!.at - now);
      }
    },
    pending: () => sleepers.length,
  };
}
