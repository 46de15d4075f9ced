import type { Environment } from '@shared/ipc/channels/settings';
import { createFraudHeaderCollector } from '../../../../src/main/hmrc/fraud-prevention/collect-fraud-headers';
import {
  createHmrcHttpClient,
  type HmrcBusyInfo,
} from '../../../../src/main/hmrc/hmrc-http-client';
import { createRateLimiter } from '../../../../src/main/hmrc/rate-limiter';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../../../src/main/hmrc/retry-policy';
import { createLogger, memorySink } from '../../../../src/main/logging/logger';
import { fakeDisplay, fakeMachineFacts } from '../../../support/fakes/fake-machine-facts';

/**
 * One account's client against a fake HMRC at `baseUrl`, with a token provider that hands out
 * tok-1, tok-2… and time that only moves when the client sleeps: retries cost no real time.
 */
export function clientUnderTest(
  baseUrl: string,
  options: {
    environment?: Environment;
    kind?: 'individual' | 'agent';
    retry?: Partial<RetryPolicy>;
    timeoutMs?: number;
  } = {},
) {
  const logs = memorySink();
  let clock = Date.parse('2026-11-29T10:00:00.000Z');
  const sleeps: number[] = [];
  const busy: HmrcBusyInfo[] = [];
  const tokens = {
    issued: 1,
    refreshes: [] as string[],
    accessToken: async () => `tok-${tokens.issued}`,
    refreshAfterRejection: async (_id: string, rejected: string) => {
      tokens.refreshes.push(rejected);
      tokens.issued += 1;
      return `tok-${tokens.issued}`;
    },
  };
  let used = 0;
  const client = createHmrcHttpClient({
    account: {
      id: 'acc-1',
      environment: options.environment ?? 'sandbox',
      kind: options.kind ?? 'individual',
    },
    apiBaseUrl: async () => baseUrl,
    tokens,
    fraudHeaders: createFraudHeaderCollector({
      machine: fakeMachineFacts(),
      display: fakeDisplay(),
      deviceId: () => 'beec798b-b366-47fa-b1f8-92cede14a1ce',
      vendor: { productName: 'Ledgerlink', version: '1.2.3' },
      now: () => new Date(clock),
    }),
    limiter: createRateLimiter({
      limit: 1000,
      windowMs: 1000,
      now: () => clock,
      sleep: async () => {},
    }),
    retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    timeoutMs: options.timeoutMs ?? 5_000,
    userAgent: 'Ledgerlink/1.2.3',
    logger: createLogger(logs),
    now: () => new Date(clock),
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    random: () => 0.5,
    onBusy: (info) => busy.push(info),
    onUsed: () => void (used += 1),
  });
  return { client, tokens, sleeps, busy, logs: logs.records, used: () => used, now: () => clock };
}
