/**
 * Practice HMRC's sense of "now". Everything time-dependent (token lifetimes, code expiry,
 * grant length, obligations, the 10-day early-submission rule, calculation readiness) reads
 * this clock, so tests can jump 4 hours or 18 months without waiting.
 */
export interface PracticeClock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** A clock that follows real time plus an adjustable offset. */
export interface OffsetClock extends PracticeClock {
  /** Moves the clock forward (or back, with a negative value) by `ms`. */
  advance(ms: number): void;
  /** Sets the current time to `ms` (epoch milliseconds); the clock keeps ticking from there. */
  set(ms: number): void;
}

/** The real clock. */
export const systemClock: PracticeClock = { now: () => Date.now() };

/** Creates a clock that ticks with real time and can be moved by tests. */
export function createOffsetClock(startAt?: number): OffsetClock {
  let offset = startAt === undefined ? 0 : startAt - Date.now();
  return {
    now: () => Date.now() + offset,
    advance(ms: number) {
      offset += ms;
    },
    set(ms: number) {
      offset = ms - Date.now();
    },
  };
}
