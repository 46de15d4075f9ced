import { z } from 'zod';
import type { KeyValueStore } from '../storage/key-value-store';

/** Whether a sign-in is a business's own (individual) or an agent services account. */
export type AccountKind = 'individual' | 'agent';

/**
 * An HMRC account: one sign-in that holds a token. Non-secret metadata only; the tokens are
 * in the vault under the same id. An agent account serves many client profiles.
 */
export interface HmrcAccount {
  id: string;
  environment: 'practice' | 'sandbox' | 'production';
  kind: AccountKind;
  label: string;
  /** ISO time the person last completed the grant journey for this account. */
  linkedAt: string;
  /** ISO time the 18-month authority ends (reference §2.5); HMRC then needs a new journey. */
  grantExpiresAt: string;
  scopes: string[];
  /**
   * `linked`: tokens in the vault; `relink-needed`: HMRC refused the grant (invalid_grant, the
   * 18 months ended, or the tokens cannot be read); `session-only`: tokens in memory only.
   */
  status: 'linked' | 'relink-needed' | 'session-only';
  lastRefresh?: { at: string; outcome: 'ok' | 'failed'; detail?: string | undefined } | undefined;
}

/** The HMRC accounts the app holds tokens for. Session-only accounts are never persisted. */
export interface HmrcAccountStore {
  list(): HmrcAccount[];
  get(id: string): HmrcAccount | undefined;
  /** Called after every change; returns the unsubscribe function. */
  onChange(listener: () => void): () => void;
  /** Add an account or replace the one with the same id. */
  save(account: HmrcAccount): void;
  /** Change some fields of an account; returns the updated account, or undefined if unknown. */
  update(id: string, patch: Partial<Omit<HmrcAccount, 'id'>>): HmrcAccount | undefined;
  /** Forget an account's metadata (the caller deletes its tokens). */
  remove(id: string): boolean;
}

const accountSchema = z.object({
  id: z.string().min(1),
  environment: z.enum(['practice', 'sandbox', 'production']),
  kind: z.enum(['individual', 'agent']),
  label: z.string(),
  linkedAt: z.string(),
  grantExpiresAt: z.string(),
  scopes: z.array(z.string()),
  status: z.enum(['linked', 'relink-needed', 'session-only']),
  lastRefresh: z
    .object({
      at: z.string(),
      outcome: z.enum(['ok', 'failed']),
      detail: z.string().optional(),
    })
    .optional(),
});

const KEY = 'accounts';

/** Accounts in a KeyValueStore (`hmrc-accounts`), validated on read so a damaged file loses only bad entries. */
export function createHmrcAccountStore(store: KeyValueStore): HmrcAccountStore {
  const sessionOnly = new Map<string, HmrcAccount>();
  const listeners = new Set<() => void>();

  const persisted = (): HmrcAccount[] => {
    const raw = store.get<unknown>(KEY);
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((entry) => {
      const parsed = accountSchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    });
  };
  const writePersisted = (accounts: HmrcAccount[]) => store.set(KEY, accounts);
  const changed = () => {
    for (const l of [...listeners]) l();
  };

  const list = (): HmrcAccount[] => [
    ...persisted(),
    ...[...sessionOnly.values()].map((a) => structuredClone(a)),
  ];

  const save = (account: HmrcAccount) => {
    const copy = structuredClone(account);
    const others = persisted().filter((a) => a.id !== account.id);
    if (copy.status === 'session-only') {
      sessionOnly.set(copy.id, copy);
      writePersisted(others);
    } else {
      sessionOnly.delete(copy.id);
      writePersisted([...others, copy]);
    }
    changed();
  };

  return {
    list,
    get: (id) => list().find((a) => a.id === id),
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    save,
    update(id, patch) {
      const current = list().find((a) => a.id === id);
      if (!current) return undefined;
      const next: HmrcAccount = { ...current, ...patch, id };
      if (patch.lastRefresh === undefined && 'lastRefresh' in patch) delete next.lastRefresh;
      save(next);
      return structuredClone(next);
    },
    remove(id) {
      const before = persisted();
      const kept = before.filter((a) => a.id !== id);
      const removed = sessionOnly.delete(id) || kept.length !== before.length;
      if (kept.length !== before.length) writePersisted(kept);
      if (removed) changed();
      return removed;
    },
  };
}
