import { join } from 'node:path';
import { addDays, type IsoDate } from '@shared/domain/tax-year';
import type { Profile } from '../../../src/main/profiles/profile-record';
import { openProfileRegistry } from '../../../src/main/profiles/profile-registry';

export interface SeededClient {
  id: string;
  name: string;
  nino: string;
  role: 'main' | 'supporting';
  /** What the overview should call the client's status on `today`. */
  expected: 'overdue' | 'due-soon' | 'up-to-date' | 'not-authorised';
  /** HMRC's next due date, if anything is open. */
  dueDate?: IsoDate;
  /** When the client's last sync finished, if one has. */
  lastSyncedAt?: string;
  /** The overview's "Needs attention" reasons for the client, in its order. */
  attention: string[];
}

/** The agent services account the seeded clients are acted for through (not linked here). */
export const SEEDED_ACCOUNT_ID = 'seeded-agent-account';

const SURNAMES = ['Ahmed', 'Brown', 'Clarke', 'Davies', 'Evans', 'Fraser', 'Green', 'Hughes'];
const FIRST = ['Asha', 'Ben', 'Carys', 'Dev', 'Ewan', 'Fiona', 'Gwen', 'Harri', 'Isla', 'Jude'];

/**
 * An agent's practice of `count` clients written straight into a fresh data folder's profile
 * registry (as a CSV import and one "Check all with HMRC" would leave it, without asking
 * Practice HMRC 1,000 times): names, NINOs, roles, HMRC's next deadline and when it was
 * checked, a mix of overdue, due soon, later, nothing open and not authorised. Deterministic,
 * so a test can count what a filter must show.
 */
export function seedClients(
  dataDir: string,
  options: { count: number; today: IsoDate; accountId?: string },
): SeededClient[] {
  const registry = openProfileRegistry(join(dataDir, 'profiles', 'registry.sqlite'));
  const checkedAt = `${options.today}T08:00:00.000Z`;
  const clients: SeededClient[] = [];
  const profiles: Profile[] = [];
  for (let i = 0; i < options.count; i++) {
    const name = `${FIRST[i % FIRST.length]} ${SURNAMES[Math.floor(i / FIRST.length) % SURNAMES.length]} ${String(i + 1).padStart(4, '0')}`;
    const nino = `AB${String(100000 + i).padStart(6, '0')}C`;
    const role = i % 7 === 3 ? 'supporting' : 'main';
    const kind = i % 10;
    const shape =
      kind === 0
        ? 'not-authorised'
        : kind === 1
          ? 'overdue'
          : kind <= 3
            ? 'due-soon'
            : kind === 4
              ? 'nothing-open'
              : 'later';
    const expected: SeededClient['expected'] =
      shape === 'nothing-open' || shape === 'later' ? 'up-to-date' : shape;
    const dueIn =
      shape === 'overdue' ? -(1 + (i % 20)) : shape === 'due-soon' ? i % 25 : 40 + (i % 90);
    const dueDate =
      shape === 'not-authorised' || shape === 'nothing-open'
        ? undefined
        : addDays(options.today, dueIn);
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    // Every third client synced this morning; some of those left updates HMRC refused.
    const lastSyncedAt =
      i % 3 === 0 ? `${options.today}T07:${String(i % 60).padStart(2, '0')}:00.000Z` : undefined;
    const refused = i % 9 === 0 ? 1 + (i % 2) : 0;
    const noAccount = i % 50 === 7;
    const attention = [
      ...(noAccount ? ['No HMRC account chosen'] : []),
      ...(expected === 'not-authorised' ? ['Client has not authorised you'] : []),
      ...(expected === 'overdue' ? ['Overdue update'] : []),
      ...(refused ? [`${refused} ${refused === 1 ? 'update' : 'updates'} refused by HMRC`] : []),
    ];
    const sync = lastSyncedAt ? { sync: { lastSyncedAt, refused, needsRelink: 0 } } : {};
    profiles.push({
      id,
      environment: 'practice',
      kind: 'client',
      name,
      nino,
      accountId: noAccount ? null : (options.accountId ?? SEEDED_ACCOUNT_ID),
      agentRole: role,
      createdAt: checkedAt,
      updatedAt: checkedAt,
      authorisation:
        expected === 'not-authorised'
          ? {
              status: 'not-authorised',
              checkedAt,
              message: 'HMRC says you are not authorised for this client.',
            }
          : { status: 'authorised', checkedAt },
      hmrc: !dueDate
        ? shape === 'nothing-open'
          ? { checkedAt, openCount: 0, ...sync }
          : { ...sync }
        : {
            ...sync,
            checkedAt,
            openCount: 1 + (i % 3),
            nextDue: {
              kind: 'quarterly',
              businessName: `${name} Trading`,
              periodStart: '2026-07-06',
              periodEnd: '2026-10-05',
              dueDate,
            },
          },
    });
    clients.push({
      id,
      name,
      nino,
      role,
      expected,
      ...(dueDate ? { dueDate } : {}),
      ...(lastSyncedAt ? { lastSyncedAt } : {}),
      attention,
    });
  }
  registry.insert(profiles);
  registry.close();
  return clients;
}
