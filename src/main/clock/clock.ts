/** The time source every service uses, so tests can jump 4 hours or 18 months. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Real time plus an adjustable offset: used by tests and the browser host. */
export function createOffsetClock(
  base: Clock = systemClock,
): Clock & { advance(ms: number): void } {
  let offset = 0;
  return {
    now: () => new Date(base.now().getTime() + offset),
    advance: (ms) => {
      offset += ms;
    },
  };
}
