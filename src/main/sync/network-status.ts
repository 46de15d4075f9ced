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
 * has no online/offline event, so a change is noticed within one interval.
 */
export function createPolledNetwork(
  probe: () => boolean,
  intervalMs = 3_000,
): NetworkStatus & { dispose(): void } {
  const network = createSwitchableNetwork(probe());
  const timer = setInterval(() => network.set(probe()), intervalMs);
  timer.unref?.();
  return {
    isOnline: network.isOnline,
    onChange: network.onChange,
    dispose: () => clearInterval(timer),
  };
}
