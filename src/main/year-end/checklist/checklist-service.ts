import { actionPermission } from '@shared/domain/agent-permissions';
import { taxYearEnd, ukDateOf, compareIsoDates, type IsoDate } from '@shared/domain/tax-year';
import type { ChecklistView } from '@shared/ipc/channels/year-end-checklist';
import type { Clock } from '../../clock/clock';
import { readHmrcCache } from '../../profiles/hmrc-cache';
import type { SyncProfilesPort } from '../../sync/profile-sync';
import { createOutboxStore } from '../../sync/outbox-store';
import { createSubmissionLog } from '../../sync/submission-log';
import { otherIncomeChecklistItems } from '../other-income/checklist-items';
import { buildChecklist } from './build-checklist';

export interface ChecklistService {
  checklist(profileId: string, taxYear: string): ChecklistView;
}

export function createChecklistService(deps: {
  profiles: Pick<SyncProfilesPort, 'require' | 'ledger'>;
  clock: Clock;
}): ChecklistService {
  return {
    checklist(profileId, taxYear) {
      const profile = deps.profiles.require(profileId);
      const ledger = deps.profiles.ledger(profileId);
      const cache = readHmrcCache(ledger.database);
      const log = createSubmissionLog(ledger.database);
      const outbox = createOutboxStore(ledger.database);
      const today = ukDateOf(deps.clock.now());
      // A foreign property kept under the foreign property business is part of that one.
      const businesses = ledger.businesses
        .list()
        .filter((b) => !b.foreign?.parentId)
        .map((b) => ({
          id: b.id,
          name: b.name.slice(0, 200),
          kind: b.kind,
          hmrcBusinessId: b.hmrcBusinessId,
          basis: ledger.businesses.periodBasis(b.id, taxYear),
        }));
      const cumulativeSentTo = new Map<number, IsoDate>();
      const annualSent = new Map<number, { submission: 'annual' | 'annual-delete'; at: string }>();
      for (const e of log.list()) {
        if (e.taxYear !== taxYear) continue;
        if (!e.submission) {
          const before = cumulativeSentTo.get(e.businessId);
          if (!before || compareIsoDates(e.periodEnd, before) > 0)
            cumulativeSentTo.set(e.businessId, e.periodEnd);
        } else {
          annualSent.set(e.businessId, { submission: e.submission, at: e.recordedAt });
        }
      }
      const cumulativeWaiting = new Map<number, IsoDate>();
      const annualWaiting = new Set<number>();
      for (const item of outbox.list({ states: ['approved', 'sending', 'needs-relink'] })) {
        if (item.taxYear !== taxYear) continue;
        if (item.submission === 'cumulative')
          cumulativeWaiting.set(item.businessId, item.periodEnd);
        else if (item.submission === 'annual') annualWaiting.add(item.businessId);
      }
      const permission = actionPermission(
        profile.kind === 'client' ? profile.agentRole : undefined,
        'final-declaration',
      );
      const items = buildChecklist({
        taxYear,
        today,
        businesses,
        obligations: cache.obligations,
        obligationsCheckedAt: cache.fetchedAt,
        cumulativeSentTo,
        cumulativeWaiting,
        annualSent,
        annualWaiting,
        ...(permission.allowed ? {} : { declarationRefused: permission.reason }),
      });
      // The rest of the return goes just before HMRC's final calculation.
      const at = items.findIndex((i) => i.group === 'calculation');
      items.splice(
        at === -1 ? items.length : at,
        0,
        ...otherIncomeChecklistItems({
          db: ledger.database,
          taxYear,
          role: profile.kind === 'client' ? profile.agentRole : undefined,
          yearEnded: compareIsoDates(today, taxYearEnd(taxYear)) > 0,
        }),
      );
      return {
        profileId,
        profileName: profile.name.slice(0, 200),
        taxYear,
        today,
        yearEnded: compareIsoDates(today, taxYearEnd(taxYear)) > 0,
        obligationsCheckedAt: cache.fetchedAt,
        items,
        missing: items.filter((i) => i.status === 'to-do').length,
      };
    },
  };
}
