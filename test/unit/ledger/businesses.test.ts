import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ledger } from '../../../src/main/ledger';
import { tempLedger } from './ledger-fixture';

let t: ReturnType<typeof tempLedger>;
let ledger: Ledger;
beforeEach(() => {
  t = tempLedger();
  ledger = t.ledger;
});
afterEach(() => t.dispose());

describe('businesses', () => {
  it('links each HMRC business id to one business only, with a clear message', () => {
    const a = ledger.businesses.create({
      kind: 'self-employment',
      name: 'Plumbing',
      hmrcBusinessId: 'xais12345678910',
    });
    expect(a.hmrcBusinessId).toBe('XAIS12345678910');
    expect(() =>
      ledger.businesses.create({
        kind: 'self-employment',
        name: 'Other',
        hmrcBusinessId: 'XAIS12345678910',
      }),
    ).toThrow(/already linked to “Plumbing”/);
    expect(() =>
      ledger.businesses.create({ kind: 'self-employment', name: 'Bad', hmrcBusinessId: 'XAIS1' }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() =>
      ledger.businesses.create({ kind: 'property-unspecified' as never, name: 'Villa' }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('creates or refreshes a business from HMRC details (for the profiles capability)', () => {
    const first = ledger.businesses.upsertFromHmrc({
      kind: 'uk-property',
      name: 'Lettings',
      hmrcBusinessId: 'XPIS00000000001',
    });
    const again = ledger.businesses.upsertFromHmrc({
      kind: 'uk-property',
      name: 'UK lettings',
      hmrcBusinessId: 'XPIS00000000001',
      commencementDate: '2019-01-01',
    });
    expect(again).toMatchObject({
      id: first.id,
      name: 'UK lettings',
      commencementDate: '2019-01-01',
    });
    expect(ledger.businesses.list()).toHaveLength(1);
  });

  it('carries the calendar election forward year to year until changed back (reference §5.2)', () => {
    const id = ledger.businesses.create({ kind: 'self-employment', name: 'Shop' }).id;
    expect(ledger.businesses.yearSettings(id, '2026-27')).toMatchObject({
      periodType: 'standard',
      firstCalendarYear: false,
    });
    ledger.businesses.setYearSettings(id, '2026-27', { periodType: 'calendar' });
    expect(ledger.businesses.yearSettings(id, '2025-26').periodType).toBe('standard');
    expect(ledger.businesses.yearSettings(id, '2026-27')).toMatchObject({
      periodType: 'calendar',
      firstCalendarYear: true,
      periodTypeSetThisYear: true,
    });
    expect(ledger.businesses.yearSettings(id, '2028-29')).toMatchObject({
      periodType: 'calendar',
      firstCalendarYear: false,
      periodTypeSetThisYear: false,
    });
    ledger.businesses.setYearSettings(id, '2029-30', { periodType: 'standard' });
    expect(ledger.businesses.periodBasis(id, '2030-31')).toEqual({ type: 'standard' });
  });

  it('keeps consolidated expenses as a choice for one tax year', () => {
    const id = ledger.businesses.create({ kind: 'self-employment', name: 'Shop' }).id;
    ledger.businesses.setYearSettings(id, '2026-27', { consolidatedExpenses: true });
    expect(ledger.businesses.yearSettings(id, '2026-27').consolidatedExpenses).toBe(true);
    expect(ledger.businesses.yearSettings(id, '2027-28').consolidatedExpenses).toBe(false);
    expect(ledger.changeLog.list({ entity: 'business-year' })[0]).toMatchObject({
      entityId: `${id}/2026-27`,
      after: { consolidatedExpenses: true },
    });
  });

  it('archives without losing anything', () => {
    const id = ledger.businesses.create({ kind: 'self-employment', name: 'Old trade' }).id;
    ledger.businesses.archive(id);
    expect(ledger.businesses.list()).toEqual([]);
    expect(ledger.businesses.list({ includeArchived: true })[0]?.archivedAt).not.toBeNull();
  });
});
