import { type FraudHeaderReport } from './validate';

/** One request's fraud-header result, kept for validation feedback. */
export interface FraudHeaderFeedback {
  method: string;
  path: string;
  requestedAt: string;
  report: FraudHeaderReport;
}

/**
 * HMRC's validation feedback reports on the last request an application made to each API
 * [reference §4.5]; Practice HMRC keeps the same, per client id and API, in memory.
 */
export class FraudFeedbackStore {
  private readonly byClient = new Map<string, Map<string, FraudHeaderFeedback>>();

  record(clientId: string, api: string, feedback: FraudHeaderFeedback): void {
    let apis = this.byClient.get(clientId);
    if (!apis) {
      apis = new Map();
      this.byClient.set(clientId, apis);
    }
    apis.set(api, feedback);
  }

  /** Last request per API for a client id. */
  forClient(clientId: string): Record<string, FraudHeaderFeedback> {
    return Object.fromEntries(this.byClient.get(clientId) ?? []);
  }

  last(clientId: string, api: string): FraudHeaderFeedback | undefined {
    return this.byClient.get(clientId)?.get(api);
  }
}
