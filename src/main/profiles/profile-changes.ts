import type { ProfilesView } from '@shared/ipc/channels/profiles';

/**
 * Windows hear about every change to the profiles at once (the `profiles.changed` event), except
 * while a background refresh runs: then changes are coalesced into one event every half second.
 */
export interface ProfileChanges {
  /** Tells every window now. */
  now: () => void;
  /** Tells every window now, or within half a second while a background refresh runs. */
  changed: () => void;
  /** A background refresh started (true) or ended (false). */
  batch(running: boolean): void;
  dispose(): void;
}

export function createProfileChanges(
  view: () => ProfilesView,
  onChanged: ((view: ProfilesView) => void) | undefined,
): ProfileChanges {
  let pendingEmit: ReturnType<typeof setTimeout> | undefined;
  let batching = false;
  const emitNow = () => {
    if (pendingEmit) clearTimeout(pendingEmit);
    pendingEmit = undefined;
    onChanged?.(view());
  };
  const changed = () => {
    if (!batching) return emitNow();
    pendingEmit ??= setTimeout(emitNow, 500);
    pendingEmit.unref?.();
  };
  return {
    now: emitNow,
    changed,
    batch(running) {
      batching = running;
    },
    dispose() {
      if (pendingEmit) clearTimeout(pendingEmit);
    },
  };
}
