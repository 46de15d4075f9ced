import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED } from '../../../src/practice/server';
import { startProfilesHarness, type ProfilesHarness } from './profiles-harness';

/**
 * The profiles capability against Practice HMRC's seeded agent: main agent for Carys and Dev,
 * supporting agent for Ewan, not authorised by Fiona (reference §2.10); and its individuals,
 * Alice (standard quarters, 2026-27 Q1 sent for her joinery) and Bilal.
 */
const c = SEEDED.agentClients;

describe('profiles against Practice HMRC: an agent and their clients', () => {
  let h: ProfilesHarness;
  let agentId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await startProfilesHarness();
    agentId = await h.link(SEEDED.agent, 'agent');
  });
  afterAll(async () => h?.close());

  it('adds clients and records HMRC’s answer for each: authorised, or not authorised with what to do', async () => {
    const add = (name: string, nino: string, agentRole: 'main' | 'supporting') =>
      h.ok('profiles.create', { kind: 'client', name, nino, accountId: agentId, agentRole });

    const carys = await add('Carys Clarke', c.mainSelfEmployed.nino.toLowerCase(), 'main');
    const dev = await add('Dev Desai', c.mainLandlord.nino, 'main');
    const ewan = await add('Ewan Ellis', 'AH 10 00 05 A', 'supporting');
    const fiona = await add('Fiona Fox', c.notAuthorised.nino, 'main');
    Object.assign(ids, { carys: carys.id, dev: dev.id, ewan: ewan.id, fiona: fiona.id });

    expect(carys.nino).toBe('AC100003C');
    expect(carys.authorisation).toMatchObject({ status: 'authorised' });
    expect(carys.authorisation.correlationId).toMatch(/\S{10,}/);
    expect(dev.authorisation.status).toBe('authorised');
    expect(ewan).toMatchObject({
      agentRole: 'supporting',
      authorisation: { status: 'authorised' },
    });
    expect(fiona.authorisation).toMatchObject({
      status: 'not-authorised',
      code: 'CLIENT_OR_AGENT_NOT_AUTHORISED',
    });
    expect(fiona.authorisation.message).toContain('ask the client to authorise you');

    // The lightweight check is List All Businesses, one call per client.
    const lists = h.apiRequests().filter((e) => e.url.endsWith('/list'));
    expect(lists.map((e) => e.url.split('/')[4])).toEqual([
      'AC100003C',
      'AE100004D',
      'AH100005A',
      'AJ100006B',
    ]);
  });

  it('refuses a bad NINO and a duplicate client with a clear message, and adds nothing', async () => {
    const before = (await h.ok('profiles.list')).profiles.length;
    const requestsBefore = h.apiRequests().length;

    const bad = await h.fails('profiles.create', {
      kind: 'client',
      name: 'Typo Person',
      nino: 'AB123456X',
      accountId: agentId,
      agentRole: 'main',
    });
    expect(bad).toMatchObject({ code: 'INVALID_NINO' });
    expect(bad.message).toContain('A, B, C or D');
    const prefix = await h.fails('profiles.create', {
      kind: 'client',
      name: 'Prefix Person',
      nino: 'GB123456A',
      accountId: agentId,
      agentRole: 'main',
    });
    expect(prefix.message).toContain('never start with GB');

    const duplicate = await h.fails('profiles.create', {
      kind: 'client',
      name: 'Carys again',
      nino: 'ac 10 00 03 c',
      accountId: agentId,
      agentRole: 'main',
    });
    expect(duplicate).toMatchObject({ code: 'DUPLICATE_PROFILE' });
    expect(duplicate.message).toBe('AC 10 00 03 C is already in Ledgerlink as Carys Clarke.');

    expect((await h.ok('profiles.list')).profiles).toHaveLength(before);
    expect(h.apiRequests()).toHaveLength(requestsBefore);
  });

  it('fetches a client’s businesses and obligations, keeps them in the client’s ledger and shows HMRC’s due dates', async () => {
    const snapshot = await h.ok('profiles.refresh', { profileId: ids.carys! });
    expect(snapshot.authorisation.status).toBe('authorised');
    expect(snapshot.checkedAt).not.toBeNull();
    expect(snapshot.businesses).toEqual([
      expect.objectContaining({
        hmrcBusinessId: c.mainSelfEmployed.businessId,
        typeOfBusiness: 'self-employment',
        name: 'Clarke Catering',
      }),
    ]);

    // Every open obligation shown is exactly what the Obligations API says, due date included.
    const direct = await h.services.hmrc
      .forAccount(agentId)
      .obligations.incomeAndExpenditure(c.mainSelfEmployed.nino, { status: 'open' });
    const hmrcOpen = direct.data.obligations.flatMap((o) =>
      o.obligationDetails.map((d) => `${d.periodEndDate} due ${d.dueDate}`),
    );
    const shownOpen = snapshot.obligations
      .filter((o) => o.kind === 'quarterly' && o.status === 'open')
      .map((o) => `${o.periodEnd} due ${o.dueDate}`);
    expect(shownOpen.sort()).toEqual(hmrcOpen.sort());
    expect(shownOpen.length).toBeGreaterThan(0);

    // The HMRC business is now a ledger business, linked by HMRC's id.
    const ledger = h.services.profiles.ledger(ids.carys!);
    const businesses = ledger.businesses.list();
    expect(businesses).toEqual([
      expect.objectContaining({
        kind: 'self-employment',
        name: 'Clarke Catering',
        hmrcBusinessId: c.mainSelfEmployed.businessId,
      }),
    ]);
    expect(snapshot.businesses[0]!.ledgerBusinessId).toBe(businesses[0]!.id);

    // Each profile has its own ledger file.
    expect(existsSync(join(h.dataDir, 'profiles', ids.carys!, 'ledger.sqlite'))).toBe(true);
    expect(existsSync(join(h.dataDir, 'profiles', ids.dev!, 'ledger.sqlite'))).toBe(false);
  });

  it('shows the last answer offline, saying when it was checked', async () => {
    const before = await h.ok('profiles.snapshot', { profileId: ids.carys! });
    h.practice.setFaults({ dropRate: 1, dropWhen: 'before' });
    try {
      const offline = await h.fails('profiles.refresh', { profileId: ids.carys! });
      expect(offline.code).toMatch(/HMRC_(UNREACHABLE|OUTCOME_UNKNOWN|TIMEOUT)|SERVER_ERROR/);
      const after = await h.ok('profiles.snapshot', { profileId: ids.carys! });
      expect(after.checkedAt).toBe(before.checkedAt);
      expect(after.businesses).toEqual(before.businesses);
      expect(after.obligations).toEqual(before.obligations);
    } finally {
      h.practice.setFaults({ dropRate: 0 });
    }
  }, 120_000);

  it('refuses a supporting agent’s calculation and final declaration before anything reaches HMRC', async () => {
    const { client } = h.services.profiles.hmrcFor(ids.ewan!);
    const sent = h.apiRequests().length;
    await expect(
      client.calculations.trigger(c.supporting.nino, '2026-27', 'in-year'),
    ).rejects.toMatchObject({
      code: 'SUPPORTING_AGENT_NOT_ALLOWED',
    });
    await expect(
      client.calculations.submitFinalDeclaration(
        c.supporting.nino,
        '2025-26',
        '0b5a2d3c-1e7f-4a3b-9c2d-7e6f5a4b3c2d',
        'final-declaration',
      ),
    ).rejects.toMatchObject({
      code: 'SUPPORTING_AGENT_NOT_ALLOWED',
      message: expect.stringContaining('final declaration'),
    });
    // Even a request sent straight through the transport is stopped.
    await expect(
      client.transport.send({
        api: 'business-details',
        method: 'GET',
        template: '/individuals/business/details/{nino}/{businessId}/{taxYear}/accounting-type',
        path: `/individuals/business/details/${c.supporting.nino}/${c.supporting.businessId}/2026-27/accounting-type`,
      }),
    ).rejects.toMatchObject({ code: 'SUPPORTING_AGENT_NOT_ALLOWED' });
    expect(h.apiRequests()).toHaveLength(sent);

    // In-year updates, obligations and business details stay allowed: Practice answers them.
    const snapshot = await h.ok('profiles.refresh', { profileId: ids.ewan! });
    expect(snapshot.businesses.map((b) => b.name)).toEqual(['Ellis Electrical']);

    // A main agent's calculations are not blocked by Ledgerlink: HMRC gets to answer.
    const main = h.services.profiles.hmrcFor(ids.carys!).client;
    const before = h.apiRequests().length;
    const answer = await main.calculations
      .trigger(c.mainSelfEmployed.nino, '2026-27', 'in-year')
      .then(
        () => 'calculated',
        (e: { code: string }) => e.code,
      );
    expect(answer).not.toBe('SUPPORTING_AGENT_NOT_ALLOWED');
    expect(h.apiRequests().length).toBe(before + 1);
  });

  it('imports a CSV of clients: a preview with line numbers first, nothing saved until confirmed, then only the good rows', async () => {
    const extra = [
      h.practice.createIndividual({
        name: 'Gwen Gray',
        businesses: [{ typeOfBusiness: 'self-employment', tradingName: 'Gray Glass' }],
      }),
      h.practice.createIndividual({
        name: 'Huw Hale',
        businesses: [{ typeOfBusiness: 'uk-property' }],
      }),
    ];
    h.practice.authoriseAgent(SEEDED.agent.userId, extra[0]!.nino!, 'main');
    h.practice.authoriseAgent(SEEDED.agent.userId, extra[1]!.nino!, 'supporting');
    const csv = [
      'Client name,NI number,Agent role',
      `Gwen Gray,${extra[0]!.nino},main`,
      'Broken Nino,ZZ123456A,main',
      '',
      `Huw Hale,${extra[1]!.nino},Supporting agent`,
      `Carys Again,${c.mainSelfEmployed.nino},main`,
      'No Role,JK123456C,',
      `Gwen Twice,${extra[0]!.nino},main`,
    ].join('\r\n');

    const before = (await h.ok('profiles.list')).profiles.length;
    const preview = await h.ok('profiles.previewImport', { accountId: agentId, csv });
    expect(preview).toMatchObject({ valid: 2, invalid: 4, fileProblems: [] });
    const problems = preview.rows
      .filter((r) => r.problems.length > 0)
      .map((r) => `${r.line}: ${r.problems.map((p) => p.message).join(' ')}`);
    expect(problems).toEqual([
      '3: National Insurance numbers never start with ZZ. Check the first two letters.',
      '6: AC 10 00 03 C is already in Ledgerlink as Carys Clarke.',
      '7: The role is missing: write main or supporting.',
      `8: ${extra[0]!.nino!.replace(/^(..)(..)(..)(..)(.)$/, '$1 $2 $3 $4 $5')} is also on line 2.`,
    ]);
    expect((await h.ok('profiles.list')).profiles).toHaveLength(before);

    const result = await h.ok('profiles.importClients', { accountId: agentId, csv });
    expect(result.imported).toBe(2);
    expect(result.skipped.map((s) => s.line)).toEqual([3, 6, 7, 8]);
    await h.services.profiles.refreshIdle();
    const list = (await h.ok('profiles.list')).profiles;
    expect(list).toHaveLength(before + 2);
    const gwen = list.find((p) => p.name === 'Gwen Gray')!;
    const huw = list.find((p) => p.name === 'Huw Hale')!;
    expect(gwen).toMatchObject({ agentRole: 'main', authorisation: { status: 'authorised' } });
    expect(huw).toMatchObject({ agentRole: 'supporting', authorisation: { status: 'authorised' } });
    expect(gwen.hmrc.checkedAt).toBeTruthy();
  });

  it('imports nothing from a file without the right columns', async () => {
    const before = (await h.ok('profiles.list')).profiles.length;
    const preview = await h.ok('profiles.previewImport', {
      accountId: agentId,
      csv: 'who,number\nA,B\n',
    });
    expect(preview.fileProblems[0]).toContain('must name the columns');
    const error = await h.fails('profiles.importClients', {
      accountId: agentId,
      csv: 'who,number\nA,B\n',
    });
    expect(error.code).toBe('IMPORT_FILE_INVALID');
    expect((await h.ok('profiles.list')).profiles).toHaveLength(before);
  });

  it('gives the agent one overview of every client, from the last check, that keeps working offline', async () => {
    const started = await h.ok('profiles.refreshAll');
    expect(started.running).toBe(true);
    await h.services.profiles.refreshIdle();
    const progress = h.events.filter((e) => e.event === 'profiles.refreshProgress').at(-1)!
      .payload as {
      running: boolean;
      done: number;
      total: number;
    };
    expect(progress).toMatchObject({ running: false, done: started.total });

    h.practice.setFaults({ dropRate: 1, dropWhen: 'before' });
    try {
      const overview = await h.ok('profiles.overview');
      const byName = Object.fromEntries(overview.rows.map((r) => [r.name, r]));
      expect(byName['Fiona Fox']).toMatchObject({ status: 'not-authorised' });
      // Nothing has been sent for 2026-27 by Carys: her first quarter is past HMRC's due date.
      expect(byName['Carys Clarke']).toMatchObject({
        status: 'overdue',
        nextDue: { kind: 'quarterly' },
      });
      expect(byName['Carys Clarke']!.nextDue!.dueDate < overview.today).toBe(true);
      expect(byName['Ewan Ellis']).toMatchObject({ agentRole: 'supporting' });
      expect(overview.newestCheck).toBeTruthy();
    } finally {
      h.practice.setFaults({ dropRate: 0 });
    }
  }, 120_000);

  it('offers calendar quarters where HMRC allows it and changes them at HMRC after confirmation', async () => {
    const snapshot = await h.ok('profiles.snapshot', { profileId: ids.carys! });
    const business = snapshot.businesses[0]!;
    expect(business.election).toMatchObject({
      offered: true,
      currentType: 'standard',
      changeTo: 'calendar',
    });
    expect(business.election.reason).toContain('fixed for the rest of the tax year');

    const unconfirmed = await h.fails('profiles.setQuarterlyPeriodType', {
      profileId: ids.carys!,
      hmrcBusinessId: business.hmrcBusinessId,
      quarterlyPeriodType: 'calendar',
      confirmLockIn: true,
    });
    expect(unconfirmed.code).toBe('CONFIRMATION_NEEDED');

    const after = await h.ok('profiles.setQuarterlyPeriodType', {
      profileId: ids.carys!,
      hmrcBusinessId: business.hmrcBusinessId,
      quarterlyPeriodType: 'calendar',
      confirmLockIn: true,
      confirmAccountingPeriod: true,
    });
    expect(after.businesses[0]!.election.currentType).toBe('calendar');
    // HMRC's obligations now end on calendar quarter ends.
    expect(
      after.obligations.some((o) => o.kind === 'quarterly' && o.periodEnd.endsWith('-06-30')),
    ).toBe(true);
    const ledger = h.services.profiles.ledger(ids.carys!);
    const local = ledger.businesses.findByHmrcId(business.hmrcBusinessId)!;
    expect(ledger.businesses.yearSettings(local.id, snapshot.taxYear).periodType).toBe('calendar');
  });

  it('deletes a client with unsynced records only after confirmation', async () => {
    const ledger = h.services.profiles.ledger(ids.dev!);
    ledger.transactions.add({ date: '2026-05-01', description: 'Rent', amountPence: 95_000 });
    const check = await h.ok('profiles.deletionCheck', { profileId: ids.dev! });
    expect(check.unsyncedRecords).toBe(1);
    const refused = await h.fails('profiles.delete', {
      profileId: ids.dev!,
      confirmUnsynced: false,
    });
    expect(refused).toMatchObject({ code: 'UNSYNCED_RECORDS' });
    expect(refused.message).toContain('1 record not yet sent to HMRC');
    expect(existsSync(join(h.dataDir, 'profiles', ids.dev!, 'ledger.sqlite'))).toBe(true);

    await h.ok('profiles.delete', { profileId: ids.dev!, confirmUnsynced: true });
    expect(existsSync(join(h.dataDir, 'profiles', ids.dev!))).toBe(false);
    expect((await h.ok('profiles.list')).profiles.some((p) => p.id === ids.dev)).toBe(false);
  });

  it('remembers the active profile across a restart', async () => {
    await h.ok('profiles.setActive', { profileId: ids.ewan! });
    await h.restart();
    const view = await h.ok('profiles.list');
    expect(view.activeId).toBe(ids.ewan);
    expect(h.services.profiles.active()?.name).toBe('Ewan Ellis');
  });
});

describe('profiles against Practice HMRC: a sole trader', () => {
  let h: ProfilesHarness;
  let aliceAccount: string;

  beforeAll(async () => {
    h = await startProfilesHarness();
    aliceAccount = await h.link(SEEDED.individualA, 'individual');
  });
  afterAll(async () => h?.close());

  it('creates their own profile on their own sign-in and sees both businesses and the open final declaration', async () => {
    const alice = await h.ok('profiles.create', {
      kind: 'self',
      name: 'Alice Ashworth',
      nino: SEEDED.individualA.nino,
      accountId: aliceAccount,
    });
    expect(alice).toMatchObject({ kind: 'self', authorisation: { status: 'authorised' } });
    expect((await h.ok('profiles.list')).activeId).toBe(alice.id);

    const snapshot = await h.ok('profiles.refresh', { profileId: alice.id });
    expect(snapshot.businesses.map((b) => b.hmrcBusinessId).sort()).toEqual([
      SEEDED.individualA.selfEmploymentId,
      SEEDED.individualA.ukPropertyId,
    ]);
    const finals = snapshot.obligations.filter((o) => o.kind === 'final-declaration');
    expect(finals.some((o) => o.periodEnd === '2026-04-05' && o.status === 'open')).toBe(true);

    // The joinery sent its first 2026-27 update: its quarters are fixed for the year.
    const joinery = snapshot.businesses.find((b) => b.typeOfBusiness === 'self-employment')!;
    expect(joinery.election).toMatchObject({ offered: false });
    expect(joinery.election.reason).toContain('already been sent');
    const sent = h.apiRequests().length;
    const refused = await h.fails('profiles.setQuarterlyPeriodType', {
      profileId: alice.id,
      hmrcBusinessId: joinery.hmrcBusinessId,
      quarterlyPeriodType: 'calendar',
      confirmLockIn: true,
      confirmAccountingPeriod: true,
    });
    expect(refused.code).toBe('PERIOD_TYPE_NOT_OFFERED');
    expect(h.apiRequests()).toHaveLength(sent);
  });

  it('says a NINO that is not on the linked sign-in cannot be acted for', async () => {
    const other = await h.ok('profiles.create', {
      kind: 'self',
      name: 'Bilal Bhatt',
      nino: SEEDED.individualB.nino,
      accountId: aliceAccount,
    });
    expect(other.authorisation).toMatchObject({ status: 'not-signed-up' });
    expect(other.authorisation.message).toContain('not the one on that sign-in');
  });

  it('refuses to put a client on an individual’s sign-in', async () => {
    const error = await h.fails('profiles.create', {
      kind: 'client',
      name: 'Carys Clarke',
      nino: SEEDED.agentClients.mainSelfEmployed.nino,
      accountId: aliceAccount,
      agentRole: 'main',
    });
    expect(error.code).toBe('ACCOUNT_WRONG_KIND');
  });
});
