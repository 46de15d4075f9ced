import { randomUUID } from 'node:crypto';
import type { SyncRunView } from '@shared/ipc/channels/sync';

type ClientProgress = SyncRunView['clients'][number];

/**
 * The progress of one sync run (one profile, or many clients for an agent): per client how many
 * updates are done, queued again or failed, for the progress bar. Events are coalesced to at
 * most one every `throttleMs`, so a run of hundreds of updates does not flood the window.
 */
export interface RunProgress {
  readonly runId: string;
  readonly controller: AbortController;
  view(): SyncRunView;
  client(profileId: string): ClientProgress;
  update(profileId: string, patch: Partial<ClientProgress>): void;
  addTotal(n: number): void;
  count(kind: 'accepted' | 'queued' | 'failed', profileId: string): void;
  finish(note?: string): SyncRunView;
  readonly finished: boolean;
}

export function createRunProgress(input: {
  clients: { profileId: string; name: string }[];
  now: () => Date;
  emit: (view: SyncRunView) => void;
  throttleMs?: number;
}): RunProgress {
  const runId = randomUUID();
  const controller = new AbortController();
  const startedAt = input.now().toISOString();
  const clients = new Map<string, ClientProgress>(
    input.clients.map((c) => [
      c.profileId,
      {
        profileId: c.profileId,
        name: c.name.slice(0, 200),
        state: 'waiting',
        accepted: 0,
        queued: 0,
        failed: 0,
      },
    ]),
  );
  const totals = { total: 0, accepted: 0, queued: 0, failed: 0 };
  let finishedAt: string | undefined;
  let note: string | undefined;
  let pending: ReturnType<typeof setTimeout> | undefined;

  const view = (): SyncRunView => ({
    runId,
    running: finishedAt === undefined,
    cancelled: controller.signal.aborted,
    startedAt,
    ...(finishedAt ? { finishedAt } : {}),
    ...totals,
    clients: [...clients.values()].map((c) => ({ ...c })),
    ...(note ? { note } : {}),
  });
  const flush = () => {
    if (pending) clearTimeout(pending);
    pending = undefined;
    input.emit(view());
  };
  const changed = () => {
    if (pending) return;
    pending = setTimeout(flush, input.throttleMs ?? 150);
    pending.unref?.();
  };

  return {
    runId,
    controller,
    view,
    client: (id) => clients.get(id)!,
    update(profileId, patch) {
      const c = clients.get(profileId);
      if (!c) return;
      Object.assign(c, patch);
      changed();
    },
    addTotal(n) {
      totals.total += n;
      changed();
    },
    count(kind, profileId) {
      totals[kind] += 1;
      const c = clients.get(profileId);
      if (c) c[kind] += 1;
      changed();
    },
    finish(text) {
      finishedAt = input.now().toISOString();
      note = text;
      flush();
      return view();
    },
    get finished() {
      return finishedAt !== undefined;
    },
  };
}
