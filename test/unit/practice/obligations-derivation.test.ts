import { describe, expect, it } from 'vitest';
import {
  finalDeclarationObligations,
  quarterlyObligations,
} from '../../../src/practice/rules/obligations';
import { type BusinessRecord, type TaxpayerRecord } from '../../../src/practice/state/model';

const at = (iso: string) => Date.parse(iso);
function setup(
  history: { toDate: string; receivedAt: number }[],
  extra: Partial<BusinessRecord> = {},
) {
  const business: BusinessRecord = {
    businessId: 'XAIS00000000001',
    typeOfBusiness: 'self-employment',
    accountingType: 'CASH',
    periodTypeChoices: [],
    cumulative: history.length
      ? {
          '2026-27': {
            fromDate: '2026-04-06',
            toDate: history[history.length - 1]!.toDate,
            amounts: {},
            submittedAt: 0,
            history,
          },
        }
      : {},
    ...extra,
  };
  const taxpayer: TaxpayerRecord = {
    nino: 'AA000000A',
    name: 'T',
    dateOfBirth: '1980-01-01',
    mtdStartTaxYear: '2026-27',
    itsaStatus: {},
    businesses: [business],
    calculations: [],
    finalDeclarations: {},
  };
  return { business, taxpayer };
}

describe('obligations derived from periods and submissions [reference §5.2]', () => {
  it('fulfilled once an update reaches the period end; receivedDate is the first such update', () => {
    const { business, taxpayer } = setup([
      { toDate: '2026-05-31', receivedAt: at('2026-06-02T10:00:00Z') },
      { toDate: '2026-07-31', receivedAt: at('2026-08-03T10:00:00Z') },
      { toDate: '2026-10-05', receivedAt: at('2026-10-20T10:00:00Z') },
    ]);
    const o = quarterlyObligations(taxpayer, business, '2026-11-29');
    expect(o.map((d) => [d.periodEndDate, d.status, d.receivedDate])).toEqual([
      ['2026-07-05', 'fulfilled', '2026-08-03'],
      ['2026-10-05', 'fulfilled', '2026-10-20'],
      ['2027-01-05', 'open', undefined],
      ['2027-04-05', 'open', undefined],
    ]);
  });

  it('next year appears when its tax year starts (the practice clock decides)', () => {
    const { business, taxpayer } = setup([]);
    expect(quarterlyObligations(taxpayer, business, '2027-04-05')).toHaveLength(4);
    expect(quarterlyObligations(taxpayer, business, '2027-04-06')).toHaveLength(8);
  });

  it('a business that started mid-year has no obligation for quarters before it started', () => {
    const { business, taxpayer } = setup([], { commencementDate: '2026-08-01' });
    const o = quarterlyObligations(taxpayer, business, '2026-11-29');
    expect(o.map((d) => [d.periodStartDate, d.periodEndDate])).toEqual([
      ['2026-08-01', '2026-10-05'],
      ['2026-08-01', '2027-01-05'],
      ['2026-08-01', '2027-04-05'],
    ]);
  });

  it('final declaration obligations are fulfilled by the declaration', () => {
    const { taxpayer } = setup([]);
    taxpayer.finalDeclarations['2026-27'] = {
      calculationId: 'x',
      receivedAt: at('2027-05-01T09:00:00Z'),
    };
    expect(finalDeclarationObligations(taxpayer, '2027-05-02')[0]).toMatchObject({
      dueDate: '2028-01-31',
      status: 'fulfilled',
      receivedDate: '2027-05-01',
    });
  });
});
