import { keptItsaStatuses } from './itsa-status';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { isAgentRole } from '@shared/domain/agent-permissions';
import type { Authorisation, ObligationRef } from '@shared/ipc/channels/profiles';
import type { Environment } from '@shared/ipc/channels/settings';
import { openDatabase, type SqliteDatabase } from '../ledger';
import type { Profile, ProfileHmrcSummary } from './profile-record';

/**
 * The list of profiles: who they are and which HMRC account acts for them, plus a small summary
 * of HMRC's last answer so the switcher and the agent overview work offline without opening
 * hundreds of ledgers. Each profile's records live in its own ledger file; this index holds no
 * records. SQLite (not a JSON document) so that "same NINO twice" is refused by a UNIQUE
 * constraint and a 500-client refresh is 500 small transactions, not 500 rewrites of one file.
 */
export interface ProfileRegistry {
  /** Profiles of an environment (or all), sorted by name. */
  list(environment?: Environment): Profile[];
  get(id: string): Profile | undefined;
  findByNino(environment: Environment, nino: string): Profile | undefined;
  /** Adds profiles in one transaction; throws DuplicateNinoError if any NINO is taken. */
  insert(profiles: readonly Profile[]): void;
  update(id: string, patch: Partial<Omit<Profile, 'id' | 'environment' | 'createdAt'>>): Profile;
  remove(id: string): void;
  activeId(environment: Environment): string | null;
  setActiveId(environment: Environment, id: string | null): void;
  /**
   * Goes up with every write to a profile (not the active choice), so a view built from the
   * whole list (the overview of a thousand clients) is rebuilt only when something changed.
   */
  generation(): number;
  close(): void;
}

export class DuplicateNinoError extends Error {
  constructor(readonly nino: string) {
    super(`A profile already exists for ${nino}`);
    this.name = 'DuplicateNinoError';
  }
}

const SCHEMA_VERSION = 2;

const SCHEMA = /* sql */ `
CREATE TABLE IF NOT EXISTS profiles (
  id                  TEXT PRIMARY KEY,
  environment         TEXT NOT NULL CHECK (environment IN ('practice', 'sandbox', 'production')),
  kind                TEXT NOT NULL CHECK (kind IN ('self', 'client')),
  name                TEXT NOT NULL CHECK (length(trim(name)) > 0),
  nino                TEXT NOT NULL,
  account_id          TEXT,
  agent_role          TEXT CHECK (agent_role IN ('main', 'supporting')),
  archived_at         TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  last_active_at      TEXT,
  authorisation_json  TEXT NOT NULL,
  hmrc_json           TEXT NOT NULL,
  UNIQUE (environment, nino)
) STRICT;
CREATE TABLE IF NOT EXISTS registry_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;

interface Row {
  id: string;
  environment: Environment;
  kind: 'self' | 'client';
  name: string;
  nino: string;
  account_id: string | null;
  agent_role: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  last_active_at: string | null;
  authorisation_json: string;
  hmrc_json: string;
  ledger_created_at: string | null;
}

const parseJson = <T>(text: string, fallback: T): T => {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

/** The ITSA statuses in the summary are shown as they are: keep only well-formed ones. */
function keptHmrcSummary(summary: ProfileHmrcSummary): ProfileHmrcSummary {
  const { itsaStatuses, ...rest } = summary;
  const kept = keptItsaStatuses(itsaStatuses);
  return kept ? { ...rest, itsaStatuses: kept } : rest;
}

const toProfile = (r: Row): Profile => ({
  id: r.id,
  environment: r.environment,
  kind: r.kind,
  name: r.name,
  nino: r.nino,
  accountId: r.account_id,
  ...(r.agent_role && isAgentRole(r.agent_role) ? { agentRole: r.agent_role } : {}),
  ...(r.archived_at ? { archivedAt: r.archived_at } : {}),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  ...(r.last_active_at ? { lastActiveAt: r.last_active_at } : {}),
  authorisation: parseJson<Authorisation>(r.authorisation_json, { status: 'unknown' }),
  hmrc: keptHmrcSummary(
    parseJson<ProfileHmrcSummary & { nextDue?: ObligationRef }>(r.hmrc_json, {}),
  ),
  ...(r.ledger_created_at ? { ledgerCreatedAt: r.ledger_created_at } : {}),
});

const toRow = (p: Profile): Row => ({
  id: p.id,
  environment: p.environment,
  kind: p.kind,
  name: p.name,
  nino: p.nino,
  account_id: p.accountId,
  agent_role: p.agentRole ?? null,
  archived_at: p.archivedAt ?? null,
  created_at: p.createdAt,
  updated_at: p.updatedAt,
  last_active_at: p.lastActiveAt ?? null,
  authorisation_json: JSON.stringify(p.authorisation),
  hmrc_json: JSON.stringify(p.hmrc),
  ledger_created_at: p.ledgerCreatedAt ?? null,
});

const isUniqueViolation = (e: unknown): boolean =>
  (e as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';

/** Opens (creating if needed) the registry at `<userData>/profiles/registry.sqlite`. */
export function openProfileRegistry(file: string): ProfileRegistry {
  mkdirSync(dirname(file), { recursive: true });
  const db: SqliteDatabase = openDatabase(file);
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new Error('The profile list was saved by a newer version of Ledgerlink.');
  }
  db.exec(SCHEMA);
  // Version 2: when the profile's ledger was first created, so that a ledger file gone missing
  // is told apart from one not made yet (profiles/ledger-presence.ts). NULL for a profile whose
  // ledger has not been opened since; the first open records it.
  const columns = db.pragma('table_info(profiles)') as { name: string }[];
  if (!columns.some((c) => c.name === 'ledger_created_at')) {
    db.exec('ALTER TABLE profiles ADD COLUMN ledger_created_at TEXT');
  }
  db.pragma(`user_version = ${SCHEMA_VERSION}`);

  const insertRow = db.prepare(
    `INSERT INTO profiles (id, environment, kind, name, nino, account_id, agent_role, archived_at,
       created_at, updated_at, last_active_at, authorisation_json, hmrc_json, ledger_created_at)
     VALUES (@id, @environment, @kind, @name, @nino, @account_id, @agent_role, @archived_at,
       @created_at, @updated_at, @last_active_at, @authorisation_json, @hmrc_json, @ledger_created_at)`,
  );
  const updateRow = db.prepare(
    `UPDATE profiles SET kind = @kind, name = @name, nino = @nino, account_id = @account_id,
       agent_role = @agent_role, archived_at = @archived_at, updated_at = @updated_at,
       last_active_at = @last_active_at, authorisation_json = @authorisation_json,
       hmrc_json = @hmrc_json, ledger_created_at = @ledger_created_at
     WHERE id = @id`,
  );
  const byId = db.prepare('SELECT * FROM profiles WHERE id = ?');
  const metaGet = db.prepare('SELECT value FROM registry_meta WHERE key = ?');
  const metaSet = db.prepare(
    'INSERT INTO registry_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const metaDelete = db.prepare('DELETE FROM registry_meta WHERE key = ?');

  let generation = 0;
  const get = (id: string): Profile | undefined => {
    const row = byId.get(id) as Row | undefined;
    return row ? toProfile(row) : undefined;
  };

  return {
    list(environment) {
      const rows = (
        environment
          ? db
              .prepare(
                'SELECT * FROM profiles WHERE environment = ? ORDER BY name COLLATE NOCASE, id',
              )
              .all(environment)
          : db.prepare('SELECT * FROM profiles ORDER BY name COLLATE NOCASE, id').all()
      ) as Row[];
      return rows.map(toProfile);
    },
    get,
    findByNino(environment, nino) {
      const row = db
        .prepare('SELECT * FROM profiles WHERE environment = ? AND nino = ?')
        .get(environment, nino) as Row | undefined;
      return row ? toProfile(row) : undefined;
    },
    insert(profiles) {
      generation++;
      db.transaction(() => {
        for (const p of profiles) {
          try {
            insertRow.run(toRow(p));
          } catch (e) {
            if (isUniqueViolation(e)) throw new DuplicateNinoError(p.nino);
            throw e;
          }
        }
      }).immediate();
    },
    update(id, patch) {
      const current = get(id);
      if (!current) throw new Error(`No profile ${id}`);
      generation++;
      const next: Profile = { ...current, ...patch, id };
      // A patch sets optional fields to undefined to clear them.
      for (const key of ['agentRole', 'archivedAt', 'lastActiveAt', 'ledgerCreatedAt'] as const) {
        if (key in patch && patch[key] === undefined) delete next[key];
      }
      try {
        updateRow.run(toRow(next));
      } catch (e) {
        if (isUniqueViolation(e)) throw new DuplicateNinoError(next.nino);
        throw e;
      }
      return get(id)!;
    },
    remove(id) {
      generation++;
      db.transaction(() => {
        db.prepare('DELETE FROM profiles WHERE id = ?').run(id);
        db.prepare("DELETE FROM registry_meta WHERE key LIKE 'active:%' AND value = ?").run(id);
      }).immediate();
    },
    activeId(environment) {
      const row = metaGet.get(`active:${environment}`) as { value: string } | undefined;
      return row?.value ?? null;
    },
    setActiveId(environment, id) {
      if (id === null) metaDelete.run(`active:${environment}`);
      else metaSet.run(`active:${environment}`, id);
    },
    generation: () => generation,
    close() {
      if (db.open) db.close();
    },
  };
}
