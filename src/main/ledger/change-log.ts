import type { SqliteDatabase } from './database';

export type ChangeEntity =
  | 'business'
  | 'business-year'
  | 'transaction'
  | 'rule'
  | 'receipt'
  | 'import-batch'
  | 'csv-mapping';

export interface ChangeLogEntry {
  id: number;
  at: string;
  actor: string;
  entity: ChangeEntity;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

export interface ChangeLogFilter {
  entity?: ChangeEntity;
  entityId?: string | number;
  /** Entries with an id below this (for paging back through history). */
  beforeId?: number;
  limit?: number;
}

export interface ChangeLog {
  /** Appends one entry; call inside the same SQLite transaction as the change it records. */
  record(
    entity: ChangeEntity,
    entityId: string | number,
    action: string,
    before: unknown,
    after: unknown,
  ): void;
  list(filter?: ChangeLogFilter): ChangeLogEntry[];
}

interface ChangeLogRow {
  id: number;
  at: string;
  actor: string;
  entity: ChangeEntity;
  entity_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
}

export function createChangeLog(db: SqliteDatabase, actor: string, now: () => string): ChangeLog {
  const insert = db.prepare(
    `INSERT INTO change_log (at, actor, entity, entity_id, action, before_json, after_json)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const json = (value: unknown): string | null =>
    value === undefined || value === null ? null : JSON.stringify(value);
  return {
    record(entity, entityId, action, before, after) {
      insert.run(now(), actor, entity, String(entityId), action, json(before), json(after));
    },
    list(filter = {}) {
      const where: string[] = [];
      const params: (string | number)[] = [];
      if (filter.entity) {
        where.push('entity = ?');
        params.push(filter.entity);
      }
      if (filter.entityId !== undefined) {
        where.push('entity_id = ?');
        params.push(String(filter.entityId));
      }
      if (filter.beforeId !== undefined) {
        where.push('id < ?');
        params.push(filter.beforeId);
      }
      const limit = Math.min(Math.max(filter.limit ?? 100, 1), 1000);
      const rows = db
        .prepare(
          `SELECT * FROM change_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ${limit}`,
        )
        .all(...params) as ChangeLogRow[];
      return rows.map((r) => ({
        id: r.id,
        at: r.at,
        actor: r.actor,
        entity: r.entity,
        entityId: r.entity_id,
        action: r.action,
        before: r.before_json === null ? null : (JSON.parse(r.before_json) as unknown),
        after: r.after_json === null ? null : (JSON.parse(r.after_json) as unknown),
      }));
    },
  };
}
