/**
 * Holds Practice HMRC's token refreshes open until the test lets them finish, so "a second
 * refresh while one is in progress" is arranged by events, not by racing two timers.
 * Pass `wait` as Practice's `refreshWait`.
 */
export function refreshHold() {
  let parked: (() => void)[] = [];
  let onParked: (() => void) | undefined;
  return {
    wait: (_ms: number) =>
      new Promise<void>((resolve) => {
        parked.push(resolve);
        onParked?.();
      }),
    /** Resolves once a refresh is being processed (held). */
    inProgress: () =>
      new Promise<void>((resolve) => {
        if (parked.length > 0) return resolve();
        onParked = () => {
          onParked = undefined;
          resolve();
        };
      }),
    /** Lets every held refresh finish. */
    release() {
      const all = parked;
      parked = [];
      for (const r of all) r();
    },
  };
}
