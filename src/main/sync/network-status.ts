/**
 * Whether the computer is online: a port, because only the Electron layer can ask the OS
 * (`net.isOnline()`), and tests and the browser host switch it themselves. Offline, everything
 * but sync keeps working: reviews use the submission log instead of HMRC's copy, approvals go
 * into the outbox, and "Sync now" explains instead of trying.
 */
export interface NetworkStatus {
  isOnline: () => boolean;
  /** Told on every change; returns the unsubscribe function. */
  onChange: (listener: (online: boolean) => void) => () => void;
  /**
   * A server on the internet (HMRC, not a loopback Practice HMRC) just answered: the computer is
   * online, whatever the OS last said. Optional: a status set from outside ignores it.
   */
  answered?: () => void;
}

export interface SwitchableNetwork extends NetworkStatus {
  set(online: boolean): void;
}

/** A status set from outside: the browser host's `setOnline`, tests, the default (online). */
export function createSwitchableNetwork(initial = true): SwitchableNetwork {
  let online = initial;
  const listeners = new Set<(online: boolean) => void>();
  return {
    isOnline: () => online,
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    set(value) {
      if (value === online) return;
      online = value;
      for (const l of [...listeners]) l(online);
    },
  };
}

/**
 * Asks a probe (Electron's `net.isOnline`) now and every `intervalMs`: Electron's main process
 * has no online/offline event, so a change is noticed within one interval. The probe can be
 * wrong in the "offline" direction (it reports no connection on some Linux set-ups while HMRC
 * answers), so an answer from HMRC counts as online until the probe CHANGES to offline: the
 * banner follows what actually happened, not a stale guess.
 */
export function createPolledNetwork(
  probe: () => boolean,
  intervalMs = 3_000,
  every: (tick: () => void, ms: number) => () => void = (tick, ms) => {
    const timer = setInterval(tick, ms);
    timer.unref?.();
    return () => clearInterval(timer);
  },
): NetworkStatus & { dispose(): void } {
  let lastProbe = probe();
  const network = createSwitchableNetwork(lastProbe);
  const stop = every(() => {
    const now = probe();
    if (now === lastProbe) return;
    lastProbe = now;
    network.set(now);
  }, intervalMs);
  return {
    isOnline: network.isOnline,
    onChange: network.onChange,
    answered: () => network.set(true),
    dispose: stop,
  };
}
