import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHmrcAccountStore, type HmrcAccount } from '../../../src/main/auth/hmrc-accounts';
import { HmrcError } from '../../../src/main/hmrc/errors/hmrc-error';
import type { ListBusinessesResponse } from '../../../src/main/hmrc/schemas/business-details';
import type { IncomeAndExpenditureQuery } from '../../../src/main/hmrc/schemas/obligations';
import { createLogger, memorySink } from '../../../src/main/logging/logger';
import { readHmrcCache } from '../../../src/main/profiles/hmrc-cache';
import {
  createProfilesService,
  type ProfilesService,
} from '../../../src/main/profiles/profiles-service';
import { createMemoryStore } from '../../../src/main/storage/key-value-store';
import { profileSyncState } from '../../../src/main/sync/profile-sync-state';
import type { ProfilesView, RefreshProgress } from '@shared/ipc/channels/profiles';
import { fakeHmrcAccountClient } from '../../support/fakes/fake-hmrc-client';

/**
 * The profiles service with fakes only at its true boundaries: HMRC (a scripted client per
 * NINO) and the clock. Everything else is real: the SQLite registry and ledgers in a temp
 * folder, the account store, the CSV parser.
 */

const FIXED_NOW = new Date('2026-11-29T10:00:00.000Z');

type Answer =
  { businesses: ListBusinessesResponse['listOfBusinesses'] } | 'refuse' | 'offline' | 'none';

function fakeHmrc(script: Map<string, Answer>, calls: string[]) {
  const hmrcError = (code: string, status: number) =>
    new HmrcError({
      code,
      message: `HMRC said ${code}`,
      action: 'do something',
      fixedBy: 'you',
      status,
      correlationId: `corr-${code}`,
    });
  const answer = (nino: string) => {
    const a = script.get(nino) ?? 'refuse';
    if (a === 'refuse') throw hmrcError('CLIENT_OR_AGENT_NOT_AUTHORISED', 403);
    if (a === 'offline') throw hmrcError('HMRC_UNREACHABLE', 0);
    if (a === 'none') throw hmrcError('MATCHING_RESOURCE_NOT_FOUND', 404);
    return a;
  };
  const ok = <T>(data: T) => ({ data, correlationId: 'corr-ok', status: 200 });
  const client = (kind: 'agent' | 'individual') =>
    fakeHmrcAccountClient({
      kind,
      businessDetails: {
        list: async (nino: string) => {
          calls.push(`list ${nino}`);
          return ok({ listOfBusinesses: answer(nino).businesses });
        },
        retrieve: async (nino: string, businessId: string) => {
          calls.push(`retrieve ${businessId}`);
          const b = answer(nino).businesses.find((x) => x.businessId === businessId)!;
          return ok({
            ...b,
            commencementDate: '2015-05-01',
            accountingPeriods: [{ start: '2026-04-06', end: '2027-04-05' }],
          });
        },
        createAmendQuarterlyPeriodType: async (
          _n: string,
          businessId: string,
          taxYear: string,
          body: unknown,
        ) => {
          calls.push(`period-type ${businessId} ${taxYear} ${JSON.stringify(body)}`);
          return { data: undefined, correlationId: 'c', status: 204 };
        },
      },
      individualDetails: {
        itsaStatus: async (nino: string) => {
          answer(nino);
          return ok({
            itsaStatuses: [
              {
                taxYear: '2026-27',
                itsaStatusDetails: [{ status: 'MTD Mandated', statusReason: 'Rollover' }],
              },
            ],
          });
        },
      },
      obligations: {
        incomeAndExpenditure: async (nino: string, query?: IncomeAndExpenditureQuery) => {
          calls.push(`obligations ${nino} ${query?.status ?? 'year'}`);
          const { businesses } = answer(nino);
          return ok({
            obligations: businesses.map((b) => ({
              typeOfBusiness: b.typeOfBusiness,
              businessId: b.businessId,
              obligationDetails: [
                {
                  periodStartDate: '2026-04-06',
                  periodEndDate: '2026-07-05',
                  dueDate: '2026-08-07',
                  status: 'open',
                },
                {
                  periodStartDate: '2026-04-06',
                  periodEndDate: '2026-10-05',
                  dueDate: '2026-11-07',
                  status: 'open',
                },
                {
                  periodStartDate: '2026-04-06',
                  periodEndDate: '2027-01-05',
                  dueDate: '2027-02-07',
                  status: 'open',
                },
              ],
            })),
          });
        },
        finalDeclaration: async (nino: string) => {
          calls.push(`final ${nino}`);
          answer(nino);
          throw hmrcError('NO_OBLIGATIONS_FOUND', 404);
        },
      },
      calculations: { trigger: async () => (calls.push('trigger'), ok({ calculationId: 'x' })) },
    });
  return client;
}

const account = (
  id: string,
  kind: 'agent' | 'individual',
  environment: HmrcAccount['environment'] = 'practice',
): HmrcAccount => ({
  id,
  environment,
  kind,
  label: kind === 'agent' ? 'Agent services account' : 'Individual sign-in',
  linkedAt: FIXED_NOW.toISOString(),
  grantExpiresAt: '2028-05-29T10:00:00.000Z',
  scopes: ['read:self-assessment', 'write:self-assessment'],
  status: 'linked',
});

describe('profiles service', () => {
  let dir: string;
  let service: ProfilesService;
  let views: ProfilesView[];
  let progress: RefreshProgress[];
  let calls: string[];
  let script: Map<string, Answer>;
  let environment: 'practice' | 'sandbox';
  const accounts = createHmrcAccountStore(createMemoryStore());
  accounts.save(account('agent-1', 'agent'));
  accounts.save(account('alice', 'individual'));
  accounts.save(account('sandbox-agent', 'agent', 'sandbox'));

  const start = () => {
    const client = fakeHmrc(script, calls);
    return createProfilesService({
      userDataDir: dir,
      accounts,
      hmrc: { forAccount: (id) => client(accounts.get(id)!.kind) },
      environment: () => environment,
      clock: { now: () => FIXED_NOW },
      logger: createLogger(memorySink()),
      onChanged: (v) => views.push(v),
      onRefreshProgress: (p) => progress.push(p),
    });
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledgerlink-profiles-unit-'));
    views = [];
    progress = [];
    calls = [];
    environment = 'practice';
    script = new Map<string, Answer>([
      [
        'AC100003C',
        {
          businesses: [
            {
              typeOfBusiness: 'self-employment',
              businessId: 'XAIS30000000001',
              tradingName: 'Clarke Catering',
            },
          ],
        },
      ],
      [
        'AE100004D',
        {
          businesses: [
            { typeOfBusiness: 'uk-property', businessId: 'XPIS40000000001' },
            { typeOfBusiness: 'foreign-property', businessId: 'XFIS40000000002' },
          ],
        },
      ],
      ['AJ100006B', 'refuse'],
    ]);
    service = start();
  });
  afterEach(() => service.dispose());

  const client = (name: string, nino: string, agentRole: 'main' | 'supporting' = 'main') =>
    service.create({ kind: 'client', name, nino, accountId: 'agent-1', agentRole });

  it('adds a client, normalising the NINO, and records HMRC’s answer from List All Businesses', async () => {
    const carys = await client('  Carys   Clarke ', 'ac 10 00 03 c');
    expect(carys).toMatchObject({
      name: 'Carys Clarke',
      nino: 'AC100003C',
      kind: 'client',
      agentRole: 'main',
      authorisation: { status: 'authorised', correlationId: 'corr-ok' },
    });
    const fiona = await client('Fiona Fox', 'AJ100006B');
    expect(fiona.authorisation).toMatchObject({
      status: 'not-authorised',
      code: 'CLIENT_OR_AGENT_NOT_AUTHORISED',
      correlationId: 'corr-CLIENT_OR_AGENT_NOT_AUTHORISED',
    });
    expect(calls).toEqual(['list AC100003C', 'list AJ100006B']);
    // The first profile becomes the active one; every change reached the windows.
    expect(service.active()?.id).toBe(carys.id);
    expect(views.at(-1)?.profiles.map((p) => p.name)).toEqual(['Carys Clarke', 'Fiona Fox']);
  });

  it('refuses bad NINOs, duplicates (archived ones too) and the wrong kind of account, changing nothing', async () => {
    await client('Carys Clarke', 'AC100003C');
    const before = service.list();
    await expect(client('X', 'DA123456A')).rejects.toMatchObject({
      code: 'INVALID_NINO',
      message: expect.stringContaining('never start with D'),
    });
    await expect(client('X', 'AB12345C')).rejects.toMatchObject({ code: 'INVALID_NINO' });
    await expect(client('Carys again', 'AC 100003 C')).rejects.toMatchObject({
      code: 'DUPLICATE_PROFILE',
      message: 'AC 10 00 03 C is already in Ledgerlink as Carys Clarke.',
      details: {
        fields: [
          { path: 'nino', message: 'AC 10 00 03 C is already in Ledgerlink as Carys Clarke.' },
        ],
      },
    });
    await expect(
      service.create({ kind: 'client', name: 'No role', nino: 'AE100004D', accountId: 'agent-1' }),
    ).rejects.toMatchObject({ code: 'AGENT_ROLE_MISSING' });
    await expect(
      service.create({
        kind: 'client',
        name: 'Wrong',
        nino: 'AE100004D',
        accountId: 'alice',
        agentRole: 'main',
      }),
    ).rejects.toMatchObject({ code: 'ACCOUNT_WRONG_KIND' });
    await expect(
      service.create({
        kind: 'client',
        name: 'Wrong',
        nino: 'AE100004D',
        accountId: 'sandbox-agent',
        agentRole: 'main',
      }),
    ).rejects.toMatchObject({ code: 'ACCOUNT_WRONG_ENVIRONMENT' });
    await expect(
      service.create({
        kind: 'client',
        name: '   ',
        nino: 'AE100004D',
        accountId: 'agent-1',
        agentRole: 'main',
      }),
    ).rejects.toMatchObject({ code: 'PROFILE_NAME_MISSING' });
    service.archive(before[0]!.id);
    await expect(client('Carys again', 'AC100003C')).rejects.toMatchObject({
      code: 'DUPLICATE_PROFILE',
      message: 'AC 10 00 03 C is already in Ledgerlink as Carys Clarke (archived).',
      action: expect.stringContaining('Restore'),
    });
    expect(service.list().map((p) => p.id)).toEqual(before.map((p) => p.id));
    expect(calls).toEqual(['list AC100003C']);
  });

  it('lets the same NINO exist once per environment', async () => {
    await client('Carys Clarke', 'AC100003C');
    environment = 'sandbox';
    const sandbox = await service.create({
      kind: 'client',
      name: 'Carys Clarke',
      nino: 'AC100003C',
      accountId: 'sandbox-agent',
      agentRole: 'main',
    });
    expect(service.list().map((p) => p.id)).toEqual([sandbox.id]);
    environment = 'practice';
    expect(service.list()).toHaveLength(1);
    expect(service.list()[0]!.id).not.toBe(sandbox.id);
  });

  it('remembers the active profile across a restart and falls back when it is archived or deleted', async () => {
    const carys = await client('Carys Clarke', 'AC100003C');
    const dev = await client('Dev Desai', 'AE100004D');
    service.setActive(dev.id);
    service.dispose();
    service = start();
    expect(service.active()?.id).toBe(dev.id);
    service.archive(dev.id);
    expect(service.active()?.id).toBe(carys.id);
    await expect(async () => service.setActive(dev.id)).rejects.toMatchObject({
      code: 'PROFILE_ARCHIVED',
    });
    service.archive(dev.id, false);
    service.setActive(dev.id);
    service.delete(dev.id, { confirmUnsynced: false });
    expect(service.active()?.id).toBe(carys.id);
  });

  it('keeps one ledger file per profile, opened once and closed on dispose', async () => {
    const carys = await client('Carys Clarke', 'AC100003C');
    const dev = await client('Dev Desai', 'AE100004D');
    const ledger = service.ledger(carys.id);
    expect(ledger.file).toBe(join(dir, 'profiles', carys.id, 'ledger.sqlite'));
    expect(service.ledger(carys.id)).toBe(ledger);
    expect(service.ledger(dev.id).file).toBe(join(dir, 'profiles', dev.id, 'ledger.sqlite'));
    ledger.transactions.add({ date: '2026-05-01', description: 'Sale', amountPence: 1000 });
    expect(service.ledger(dev.id).records.summarise({}).count).toBe(0);
    expect(() => service.ledger('00000000-0000-4000-8000-000000000000')).toThrow(
      /no longer in Ledgerlink/,
    );
    service.dispose();
    expect(() =>
      ledger.transactions.add({ date: '2026-05-02', description: 'x', amountPence: 1 }),
    ).toThrow();
    service = start();
  });

  it('fetches businesses and obligations, keeps them offline, and adds the businesses to the profile’s ledger', async () => {
    const dev = await client('Dev Desai', 'AE100004D');
    calls.length = 0;
    const snapshot = await service.refresh(dev.id);
    expect(calls).toEqual([
      'list AE100004D',
      'obligations AE100004D open',
      'obligations AE100004D year',
      'final AE100004D',
      'retrieve XPIS40000000001',
      'retrieve XFIS40000000002',
    ]);
    expect(snapshot.checkedAt).toBe(FIXED_NOW.toISOString());
    expect(
      snapshot.businesses.map((b) => [b.name, b.typeOfBusiness, b.ledgerBusinessId !== undefined]),
    ).toEqual([
      // Every kind HMRC's MTD APIs carry is kept in the ledger, foreign property included.
      ['Foreign property', 'foreign-property', true],
      ['UK property', 'uk-property', true],
    ]);
    expect(snapshot.obligations.map((o) => [o.businessId, o.dueDate, o.overdue])).toEqual([
      ['XPIS40000000001', '2026-08-07', true],
      ['XFIS40000000002', '2026-08-07', true],
      ['XPIS40000000001', '2026-11-07', true],
      ['XFIS40000000002', '2026-11-07', true],
      ['XPIS40000000001', '2027-02-07', false],
      ['XFIS40000000002', '2027-02-07', false],
    ]);
    // The ledger keeps both businesses, foreign property as a kind of its own.
    const businesses = service.ledger(dev.id).businesses.list();
    expect(businesses.map((b) => [b.kind, b.hmrcBusinessId, b.commencementDate])).toEqual([
      ['foreign-property', 'XFIS40000000002', '2015-05-01'],
      ['uk-property', 'XPIS40000000001', '2015-05-01'],
    ]);
    // The summary for the overview, from the registry (no ledger opened).
    expect(service.require(dev.id).hmrc).toMatchObject({
      openCount: 6,
      nextDue: { dueDate: '2026-08-07' },
    });
    expect(service.overview().rows[0]).toMatchObject({ name: 'Dev Desai', status: 'overdue' });

    // Offline: the refresh fails, the last answer stays, and the failed check is recorded.
    script.set('AE100004D', 'offline');
    await expect(service.refresh(dev.id)).rejects.toMatchObject({ code: 'HMRC_UNREACHABLE' });
    const offline = service.snapshot(dev.id);
    expect(offline.checkedAt).toBe(snapshot.checkedAt);
    expect(offline.obligations).toEqual(snapshot.obligations);
    expect(readHmrcCache(service.ledger(dev.id).database).lastCheck).toMatchObject({
      outcome: 'failed',
      code: 'HMRC_UNREACHABLE',
    });
    // Refreshing again adds nothing twice.
    script.set('AE100004D', {
      businesses: [{ typeOfBusiness: 'uk-property', businessId: 'XPIS40000000001' }],
    });
    await service.refresh(dev.id);
    // The UK property business once (the foreign one HMRC no longer lists stays, with its records).
    expect(service.ledger(dev.id).businesses.list()).toHaveLength(2);
  });

  it('shows when a client last synced in the overview, from the registry, kept across HMRC checks', async () => {
    const dev = await client('Dev Desai', 'AE100004D');
    expect(service.overview().rows[0]).not.toHaveProperty('lastSyncedAt');
    // What a sync run leaves in the ledger, then tells the service about.
    profileSyncState(service.ledger(dev.id).database).setLastSync({
      at: '2026-12-01T09:30:00.000Z',
      outcome: 'There was nothing to send.',
    });
    views.length = 0;
    service.keepSyncSummary(dev.id);
    expect(views).toHaveLength(1);
    expect(service.overview().rows[0]).toMatchObject({ lastSyncedAt: '2026-12-01T09:30:00.000Z' });
    // Told again with nothing new: no write, no event.
    service.keepSyncSummary(dev.id);
    expect(views).toHaveLength(1);
    // A later HMRC check rewrites HMRC's summary but not what the sync left.
    await service.refresh(dev.id);
    expect(service.overview().rows[0]).toMatchObject({
      lastSyncedAt: '2026-12-01T09:30:00.000Z',
      status: 'overdue',
      attention: ['Overdue update'],
    });
  });

  it('names a client whose role HMRC gave differently in the overview, and updates when HMRC’s answer changes', async () => {
    const carys = await client('Carys Clarke', 'AC100003C', 'main');
    const roles: Record<string, 'main' | 'supporting' | 'none'> = { [carys.id]: 'supporting' };
    const rolesChanged = service.useHmrcRoles(() => (id) => roles[id]);
    expect(service.overview().rows[0]!.attention).toContain(
      'HMRC says you are the supporting agent, not the main agent',
    );
    // HMRC's answer kept again (now agreeing): the windows hear of it and the reason goes.
    roles[carys.id] = 'main';
    views.length = 0;
    rolesChanged();
    expect(views).toHaveLength(1);
    expect(service.overview().rows[0]!.attention).not.toContainEqual(
      expect.stringMatching(/^HMRC says you are/),
    );
  });

  it('records a refusal as the authorisation status and changes no data', async () => {
    const fiona = await client('Fiona Fox', 'AJ100006B');
    calls.length = 0;
    const snapshot = await service.refresh(fiona.id);
    expect(calls).toEqual(['list AJ100006B']);
    expect(snapshot).toMatchObject({
      checkedAt: null,
      businesses: [],
      obligations: [],
      authorisation: { status: 'not-authorised' },
    });
    expect(service.overview().rows[0]).toMatchObject({
      status: 'not-authorised',
      statusText: 'Not authorised — ask the client to authorise you',
    });
    expect(service.ledger(fiona.id).businesses.list()).toEqual([]);
    script.set('AJ100006B', 'none');
    expect((await service.checkAuthorisation(fiona.id)).authorisation.status).toBe('not-signed-up');
  });

  it('refuses a calendar-quarter change before calling HMRC unless HMRC allows it and the person confirmed', async () => {
    const carys = await client('Carys Clarke', 'AC100003C');
    await service.refresh(carys.id);
    calls.length = 0;
    await expect(
      service.setQuarterlyPeriodType(carys.id, 'XAIS30000000001', 'calendar', { lockIn: true }),
    ).rejects.toMatchObject({ code: 'CONFIRMATION_NEEDED' });
    await expect(
      service.setQuarterlyPeriodType(carys.id, 'XAIS99999999999', 'calendar', {
        lockIn: true,
        accountingPeriod: true,
      }),
    ).rejects.toMatchObject({ code: 'BUSINESS_NOT_FOUND' });
    expect(calls).toEqual([]);
    await service.setQuarterlyPeriodType(carys.id, 'XAIS30000000001', 'calendar', {
      lockIn: true,
      accountingPeriod: true,
    });
    expect(calls[0]).toBe('period-type XAIS30000000001 2026-27 {"quarterlyPeriodType":"calendar"}');
  });

  it('edits a profile; a new NINO forgets the old HMRC answers', async () => {
    const carys = await client('Carys Clarke', 'AC100003C');
    await service.refresh(carys.id);
    const renamed = service.edit(carys.id, { name: 'Carys Clarke-Jones', agentRole: 'supporting' });
    expect(renamed).toMatchObject({
      name: 'Carys Clarke-Jones',
      agentRole: 'supporting',
      authorisation: { status: 'authorised' },
    });
    const moved = service.edit(carys.id, { nino: 'AE 10 00 04 D' });
    expect(moved).toMatchObject({
      nino: 'AE100004D',
      authorisation: { status: 'unknown' },
      hmrc: {},
    });
    await client('Someone', 'AC100003C');
    expect(() => service.edit(carys.id, { nino: 'AC100003C' })).toThrow(
      /already in Ledgerlink as Someone/,
    );
  });

  it('asks before deleting a profile with unsynced records, and lets sync count them', async () => {
    const carys = await client('Carys Clarke', 'AC100003C');
    service
      .ledger(carys.id)
      .transactions.add({ date: '2026-05-01', description: 'Sale', amountPence: 1000 });
    expect(service.unsyncedRecordCount(carys.id)).toBe(1);
    expect(() => service.delete(carys.id, { confirmUnsynced: false })).toThrow(
      /1 record not yet sent to HMRC/,
    );
    // Issue 8 replaces the counter with the submission log's answer.
    service.useUnsyncedRecordCounter(() => 0);
    service.delete(carys.id, { confirmUnsynced: false });
    expect(existsSync(join(dir, 'profiles', carys.id))).toBe(false);
    expect(service.get(carys.id)).toBeUndefined();
  });

  it('previews a CSV without saving, then imports only the good rows in one go, and checks them in the background', async () => {
    await client('Carys Clarke', 'AC100003C');
    const csv =
      'name,nino,role\nDev Desai,AE100004D,main\nBad,XX1,main\nFiona Fox,AJ100006B,supporting\nCarys,AC100003C,main\n';
    const preview = service.previewImport('agent-1', csv);
    expect(preview).toMatchObject({ valid: 2, invalid: 2 });
    expect(service.list()).toHaveLength(1);
    expect(() => service.previewImport('alice', csv)).toThrow(/agent services account/);

    const result = service.importClients('agent-1', csv);
    expect(result).toEqual({
      imported: 2,
      skipped: [
        { line: 3, message: expect.stringContaining('2 letters, 6 numbers') },
        { line: 5, message: 'AC 10 00 03 C is already in Ledgerlink as Carys Clarke.' },
      ],
    });
    await service.refreshIdle();
    expect(progress.at(-1)).toMatchObject({ running: false, done: 2, total: 2, failed: 0 });
    const byName = Object.fromEntries(service.list().map((p) => [p.name, p]));
    expect(byName['Dev Desai']).toMatchObject({
      agentRole: 'main',
      authorisation: { status: 'authorised' },
      hmrc: { openCount: 6 },
    });
    expect(byName['Fiona Fox']).toMatchObject({
      agentRole: 'supporting',
      authorisation: { status: 'not-authorised' },
    });

    expect(() => service.importClients('agent-1', 'name,nino,role\nBad,XX1,main\n')).toThrow(
      /every row has a problem/,
    );
    expect(() => service.importClients('agent-1', 'a,b\n1,2\n')).toThrow(/must name the columns/);
    expect(service.list()).toHaveLength(3);
  });

  it('stops a background check of all clients when HMRC cannot be reached, saying why', async () => {
    await client('Carys Clarke', 'AC100003C');
    await client('Dev Desai', 'AE100004D');
    script.set('AC100003C', 'offline');
    script.set('AE100004D', 'offline');
    const started = service.refreshAll();
    expect(started).toMatchObject({ running: true, total: 2 });
    await service.refreshIdle();
    expect(progress.at(-1)).toMatchObject({
      running: false,
      done: 1,
      failed: 1,
      lastError: { code: 'HMRC_UNREACHABLE' },
    });
  });

  it('gives supporting agents a client that refuses calculations before sending', async () => {
    const ewan = await client('Ewan Ellis', 'AC100003C', 'supporting');
    calls.length = 0;
    const { client: hmrc } = service.hmrcFor(ewan.id);
    await expect(
      hmrc.calculations.trigger('AC100003C', '2026-27', 'in-year'),
    ).rejects.toMatchObject({ code: 'SUPPORTING_AGENT_NOT_ALLOWED' });
    expect(() => service.assertAllowed(ewan.id, 'final-declaration')).toThrow(/supporting agent/);
    expect(calls).toEqual([]);
    const own = await service.create({
      kind: 'self',
      name: 'Alice',
      nino: 'AE100004D',
      accountId: 'alice',
    });
    await service.hmrcFor(own.id).client.calculations.trigger('AE100004D', '2026-27', 'in-year');
    expect(calls).toEqual(['list AE100004D', 'trigger']);
  });
});
