import { describe, expect, it } from 'vitest';
import { explainItsaStatus, ITSA_STATUSES } from '@shared/domain/itsa-status';
import { HmrcError } from '../../../src/main/hmrc/errors/hmrc-error';
import type { ItsaStatusQuery } from '../../../src/main/hmrc/schemas/itsa-status';
import {
  fetchItsaStatuses,
  itsaStatusView,
  keptItsaStatuses,
} from '../../../src/main/profiles/itsa-status';
import { fakeHmrcAccountClient } from '../../support/fakes/fake-hmrc-client';

describe('ITSA status → what is due (reference §5.1)', () => {
  it('expects quarterly updates only from MTD Mandated and MTD Voluntary customers', () => {
    const quarterly = ITSA_STATUSES.filter((s) => explainItsaStatus(s).quarterlyUpdatesDue);
    expect(quarterly).toEqual(['MTD Mandated', 'MTD Voluntary']);
  });

  it('sends updates without dates exactly when no quarterly updates are due', () => {
    for (const s of ITSA_STATUSES) {
      const e = explainItsaStatus(s);
      expect(e.updatesWithoutDates).toBe(!e.quarterlyUpdatesDue);
    }
  });

  it('says a voluntary customer’s only penalty-bearing obligation is the final declaration', () => {
    const voluntary = explainItsaStatus('MTD Voluntary');
    expect(voluntary.quarterlyPenalties).toBe(false);
    expect(voluntary.text).toContain('only the final declaration');
    expect(explainItsaStatus('MTD Mandated').quarterlyPenalties).toBe(true);
  });

  it('explains Annual in plain words: no quarterly updates, the final declaration still due', () => {
    const annual = explainItsaStatus('Annual');
    expect(annual.text).toContain('No quarterly updates are due');
    expect(annual.text).toContain('without dates');
    expect(annual.text).toContain('final declaration is still due');
  });

  it('until HMRC is asked, assumes updates are due (and says it has not checked)', () => {
    const view = itsaStatusView(undefined, '2026-27', undefined);
    expect(view).toMatchObject({
      label: 'Making Tax Digital status not read yet',
      quarterlyUpdatesDue: true,
    });
    expect(view.status).toBeUndefined();
    // Asked, and HMRC holds nothing for the year.
    expect(itsaStatusView([], '2026-27', '2026-11-29T10:00:00.000Z')).toMatchObject({
      label: 'No status yet',
      checkedAt: '2026-11-29T10:00:00.000Z',
    });
  });
});

describe('fetching the ITSA status with the businesses', () => {
  it('asks once from last tax year with futureYears and keeps the decision in force', async () => {
    const asked: [string, string, ItsaStatusQuery | undefined][] = [];
    const client = fakeHmrcAccountClient({
      individualDetails: {
        itsaStatus: async (nino, taxYear, query) => {
          asked.push([nino, taxYear, query]);
          return {
            correlationId: 'c',
            status: 200,
            data: {
              itsaStatuses: [
                {
                  taxYear: '2025-26',
                  itsaStatusDetails: [
                    { status: 'MTD Mandated', statusReason: 'CESA SA return' },
                    { status: 'Annual', statusReason: 'MTD ITSA Opt-Out' },
                  ],
                },
                { taxYear: '2026-27', itsaStatusDetails: [{ status: 'MTD Voluntary' }] },
                { taxYear: '2027-28', itsaStatusDetails: [] },
              ],
            },
          };
        },
      },
    });
    const records = await fetchItsaStatuses(client, 'AA123456A', '2026-11-29');
    expect(asked).toEqual([['AA123456A', '2025-26', { futureYears: 'true' }]]);
    expect(records).toEqual([
      { taxYear: '2025-26', status: 'Annual', statusReason: 'MTD ITSA Opt-Out' },
      { taxYear: '2026-27', status: 'MTD Voluntary' },
    ]);
  });

  it('reads HMRC’s 404 as no status held, and lets any other failure through', async () => {
    const failing = (status: number, code: string) =>
      fakeHmrcAccountClient({
        individualDetails: {
          itsaStatus: () =>
            Promise.reject(
              new HmrcError({ code, message: code, action: 'a', fixedBy: 'hmrc', status }),
            ),
        },
      });
    await expect(
      fetchItsaStatuses(failing(404, 'MATCHING_RESOURCE_NOT_FOUND'), 'AA123456A', '2026-11-29'),
    ).resolves.toEqual([]);
    await expect(
      fetchItsaStatuses(failing(503, 'SERVICE_UNAVAILABLE'), 'AA123456A', '2026-11-29'),
    ).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });

  it('keeps only well-formed statuses read back from the registry', () => {
    expect(
      keptItsaStatuses([
        { taxYear: '2026-27', status: 'Annual', statusReason: 'CESA SA return' },
        { taxYear: '2026-27', status: 'Made Up' },
        { taxYear: 'soon', status: 'Annual' },
        'nonsense',
      ]),
    ).toEqual([{ taxYear: '2026-27', status: 'Annual', statusReason: 'CESA SA return' }]);
    expect(keptItsaStatuses('not a list')).toBeUndefined();
  });
});
