import {
  type CumulativeRecord,
  type ItsaStatus,
  type PenceTree,
  type TaxpayerRecord,
} from './model';

export function at(iso: string): number {
  return Date.parse(iso);
}

/** A cumulative summary sent several times in the year, the last one holding `amounts`. */
export function cumulative(
  fromDate: string,
  history: [toDate: string, receivedAt: string][],
  amounts: PenceTree,
): CumulativeRecord {
  const last = history[history.length - 1] as [string, string];
  return {
    fromDate,
    toDate: last[0],
    amounts,
    submittedAt: at(last[1]),
    history: history.map(([toDate, receivedAt]) => ({ toDate, receivedAt: at(receivedAt) })),
  };
}

/**
 * Records an ITSA status decision for a tax year, as HMRC's status service would: the latest
 * decision is the one in force. [SAID schemas/retrieveItsaStatus/def1/definitions.json]
 */
export function setItsaStatus(
  taxpayer: TaxpayerRecord,
  taxYear: string,
  status: ItsaStatus,
  statusReason: string,
  submittedOn: string,
): void {
  taxpayer.itsaStatus[taxYear] = status;
  taxpayer.itsaStatusDetails = {
    ...taxpayer.itsaStatusDetails,
    [taxYear]: [
      ...(taxpayer.itsaStatusDetails?.[taxYear] ?? []),
      { submittedOn: at(submittedOn), status, statusReason },
    ],
  };
}
