import { z } from 'zod';
import { signOffApprovalSchema, type SignOffApproval } from '@shared/ipc/channels/agents';
import type { KeyValueStore } from '../../storage/key-value-store';

/**
 * Clients' approvals of quarterly and annual sign-off packs, per profile and pack reference (the
 * payload's hash is in the reference, so changed figures need a new approval). Year-end
 * approvals are not here: they live with the declaration that requires them.
 */
const recordsSchema = z.record(z.string(), z.record(z.string(), signOffApprovalSchema));

export function createSignOffRecords(store: KeyValueStore) {
  const KEY = 'approvals';
  const all = () => {
    const parsed = recordsSchema.safeParse(store.get(KEY) ?? {});
    return parsed.success ? parsed.data : {};
  };
  return {
    get(profileId: string, reference: string): SignOffApproval | undefined {
      return all()[profileId]?.[reference];
    },
    put(profileId: string, reference: string, approval: SignOffApproval): void {
      const current = all();
      store.set(KEY, { ...current, [profileId]: { ...current[profileId], [reference]: approval } });
    },
  };
}
