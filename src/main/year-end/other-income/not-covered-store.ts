import { NOT_COVERED_TOPICS, type NotCoveredTopic } from '@shared/domain/not-covered';
import type { SqliteDatabase } from '../../ledger';

/**
 * The person's answers about income Ledgerlink does not cover, per tax year
 * (oi_not_covered), and their confirmations that what applies was reported to HMRC another
 * way (oi_elsewhere, newest last; each names the topics it covered).
 */
export function createNotCoveredStore(db: SqliteDatabase) {
  const isTopic = (t: string): t is NotCoveredTopic =>
    (NOT_COVERED_TOPICS as readonly string[]).includes(t);
  return {
    answers(taxYear: string): Partial<Record<NotCoveredTopic, boolean>> {
      const out: Partial<Record<NotCoveredTopic, boolean>> = {};
      for (const r of db
        .prepare('SELECT topic, applies FROM oi_not_covered WHERE tax_year = ?')
        .all(taxYear) as { topic: string; applies: number }[])
        if (isTopic(r.topic)) out[r.topic] = r.applies === 1;
      return out;
    },
    answer(taxYear: string, topic: NotCoveredTopic, applies: boolean, now: string): void {
      db.prepare(
        `INSERT INTO oi_not_covered (tax_year, topic, applies, answered_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (tax_year, topic) DO UPDATE SET applies = excluded.applies, answered_at = excluded.answered_at`,
      ).run(taxYear, topic, applies ? 1 : 0, now);
    },
    confirm(taxYear: string, topics: NotCoveredTopic[], by: string, now: string): void {
      db.prepare(
        'INSERT INTO oi_elsewhere (tax_year, topics, confirmed_by, confirmed_at) VALUES (?, ?, ?, ?)',
      ).run(taxYear, JSON.stringify(topics), by, now);
    },
    lastConfirmation(taxYear: string): { topics: NotCoveredTopic[]; at: string } | undefined {
      const row = db
        .prepare(
          'SELECT topics, confirmed_at FROM oi_elsewhere WHERE tax_year = ? ORDER BY id DESC LIMIT 1',
        )
        .get(taxYear) as { topics: string; confirmed_at: string } | undefined;
      if (!row) return undefined;
      const parsed: unknown = JSON.parse(row.topics);
      const topics = Array.isArray(parsed)
        ? parsed.filter((t): t is NotCoveredTopic => typeof t === 'string' && isTopic(t))
        : [];
      return { topics, at: row.confirmed_at };
    },
  };
}

export type NotCoveredStore = ReturnType<typeof createNotCoveredStore>;
