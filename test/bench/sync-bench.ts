import { performance } from 'node:perf_hooks';
import type { LogRecord } from '../../src/main/logging/logger';
import { SEEDED } from '../../src/practice/server';
import { addPropertyRecords, addSelfEmploymentRecords } from '../integration/sync/support/records';
import { startSyncHarness } from '../integration/sync/support/sync-harness';
import { createMemoryKeychain } from '../support/fakes/memory-keychain';
import type { Report } from './report';

const CLIENTS = 30;

/** The HMRC requests the app made (every attempt, retries included) in a time range. */
function requestsIn(logs: LogRecord[], from: number, to: number) {
  const attempts = logs.filter((r) => {
    const t = Date.parse(r.time);
    return (
      t >= from &&
      t <= to &&
      (r.message === 'HMRC answered' || r.message === 'HMRC could not be reached')
    );
  });
  const fields = (r: LogRecord) =>
    (r.fields ?? {}) as { status?: number; method?: string; path?: string };
  const byKind = new Map<string, number>();
  for (const r of attempts) {
    const { method, path } = fields(r);
    const kind = `${method ?? '?'} ${kindOf(path ?? '')}`;
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  }
  return {
    total: attempts.length,
    throttled: attempts.filter((r) => fields(r).status === 429).length,
    byKind,
  };
}

/** A request's path template, told by what it asks for. */
function kindOf(template: string): string {
  if (template.includes('/cumulative/')) return 'cumulative update';
  if (template.includes('/obligations/')) return 'obligations';
  if (template.includes('/calculations')) return 'calculation';
  if (template.includes('/business/details')) return 'business details';
  if (template.includes('itsa-status')) return 'ITSA status';
  return template;
}

/**
 * An agent syncing 30 clients × 2 businesses (one self-employment, one UK property) against
 * Practice HMRC limited to 3 requests per rolling second, through the real services (the
 * multi-client run as "Sync all clients" starts it). Reports the HMRC requests per accepted
 * update against the floor of requests a safe sync really needs (one PUT per update, one
 * obligations read per client afterwards), the wall time against the rate limit's floor for
 * those requests, and the 429s HMRC answered. Figures only, never pass/fail (targets: ≤ 1.6
 * requests per accepted update, wall time ≤ 1.15 × floor, zero 429s).
 */
export async function run(report: Report): Promise<void> {
  const h = await startSyncHarness({
    practice: { rateLimitPerSecond: 3, calculationDelayMs: 1000 },
    keychain: createMemoryKeychain(),
  });
  try {
    const clients = Array.from({ length: CLIENTS }, (_, i) => {
      const user = h.practice.createIndividual({
        name: `Client ${i + 1}`,
        mtdStartTaxYear: '2026-27',
        businesses: [
          {
            typeOfBusiness: 'self-employment',
            tradingName: `Client ${i + 1} Trading`,
            commencementDate: '2015-01-01',
          },
          { typeOfBusiness: 'uk-property', commencementDate: '2015-01-01' },
        ],
      });
      h.practice.authoriseAgent(SEEDED.agent.userId, user.nino!, 'main');
      return {
        nino: user.nino!,
        se: user.businesses![0]!.businessId,
        ukp: user.businesses![1]!.businessId,
        name: user.name,
      };
    });
    const accountId = await h.link(SEEDED.agent, 'agent');
    const { profiles, review, sync } = h.services;

    const profileIds: string[] = [];
    for (const c of clients) {
      // Created without the account, then given it: the bench does not time the authorisation checks.
      const p = await profiles.create({
        kind: 'client',
        name: c.name,
        nino: c.nino,
        agentRole: 'main',
      });
      profiles.edit(p.id, { accountId });
      const ledger = profiles.ledger(p.id);
      const se = ledger.businesses.upsertFromHmrc({
        kind: 'self-employment',
        name: `${c.name} Trading`,
        hmrcBusinessId: c.se,
        commencementDate: '2015-01-01',
      });
      const ukp = ledger.businesses.upsertFromHmrc({
        kind: 'uk-property',
        name: 'UK property',
        hmrcBusinessId: c.ukp,
        commencementDate: '2015-01-01',
      });
      addSelfEmploymentRecords(ledger, se.id);
      addPropertyRecords(ledger, ukp.id);
      for (const b of [se, ukp]) {
        const u = await review.prepare({
          profileId: p.id,
          businessId: b.id,
          taxYear: '2026-27',
          periodEnd: '2026-10-05',
        });
        await review.approve({
          profileId: p.id,
          businessId: b.id,
          taxYear: '2026-27',
          periodEnd: '2026-10-05',
          payloadHash: u.payloadHash,
          recordsFingerprint: u.records.fingerprint,
          acknowledgedWarnings: u.warnings.map((w) => w.code),
        });
      }
      profileIds.push(p.id);
    }
    // Let the rate limiter's window empty before timing.
    await new Promise((r) => setTimeout(r, 1500));

    // Log records carry the app's clock (set to the reference date), so time the range by it.
    const startedWall = h.clock.now().getTime();
    const started = performance.now();
    const result = await sync.runMany(profileIds);
    const seconds = (performance.now() - started) / 1000;
    const { total, throttled, byKind } = requestsIn(h.logs, startedWall, h.clock.now().getTime());
    const clientsWithAccepted = result.clients.filter((c) => c.accepted > 0).length;
    const needed = result.accepted + clientsWithAccepted;
    report(
      'clients × businesses',
      CLIENTS * 2,
      'updates',
      `${result.accepted} accepted, ${result.queued} queued, ${result.failed} failed`,
    );
    report('HMRC requests', total, 'req', 'every attempt, retries included');
    for (const [kind, count] of [...byKind].sort()) report(`  ${kind}`, count, 'req');
    report(
      'requests per accepted update',
      total / Math.max(1, result.accepted),
      'ratio',
      'target ≤ 1.6',
    );
    report(
      'floor: requests a safe sync needs',
      needed,
      'req',
      `${result.accepted} PUTs + 1 obligations read for each of ${clientsWithAccepted} clients`,
    );
    report('floor per accepted update', needed / Math.max(1, result.accepted), 'ratio');
    report('wall time', seconds, 's');
    report('floor at 3 requests/second', needed / 3, 's', 'needed requests ÷ 3');
    report('wall time ÷ floor', seconds / (needed / 3), 'ratio', 'target ≤ 1.15');
    report('429 MESSAGE_THROTTLED_OUT answers', throttled, 'count', 'target 0');
  } finally {
    await h.close();
  }
}
