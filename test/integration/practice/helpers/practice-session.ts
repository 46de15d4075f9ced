import {
  type OffsetClock,
  type PracticeHmrc,
  type PracticeHmrcOptions,
  SEEDED,
  createOffsetClock,
  startPracticeHmrc,
} from '../../../../src/practice/server';
import { ApiClient } from './contract-client';
import { type Tokens, linkUser } from './grant-journey';

/**
 * A Practice HMRC for one test file: real sockets on 127.0.0.1, an offset clock, the rate limit
 * lifted unless a test asks for it, and signed-in API clients for the seeded users.
 */
export interface Session {
  practice: PracticeHmrc;
  clock: OffsetClock;
  /** Links a user (full journey + code exchange) and returns an API client with their token. */
  as(
    user: { userId: string; password: string },
    scope?: string,
  ): Promise<ApiClient & { tokens: Tokens }>;
}

/** A Practice clock that moves only when the test moves it (`advance`/`set`). */
export function standingClock(startAt: number): OffsetClock {
  let now = startAt;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
    set(ms: number) {
      now = ms;
    },
  };
}

export async function startSession(
  options: PracticeHmrcOptions & {
    at?: string;
    /** Practice's time stands still unless the test moves it (nothing may expire by itself). */
    standing?: boolean;
  } = {},
): Promise<Session> {
  const startAt = options.at ? Date.parse(options.at) : Date.now();
  const clock = options.standing ? standingClock(startAt) : createOffsetClock(startAt);
  const practice = await startPracticeHmrc({
    rateLimitPerSecond: 0,
    calculationDelayMs: 50,
    ...options,
    clock,
  });
  return {
    practice,
    clock,
    async as(user, scope) {
      const tokens = await linkUser(practice.baseUrl, user, scope ? { scope } : {});
      const client = new ApiClient(practice.baseUrl, tokens.access_token) as ApiClient & {
        tokens: Tokens;
      };
      client.tokens = tokens;
      return client;
    },
  };
}

export { SEEDED };

/** 2026-11-29 12:00 UK time: the reference date these tests are written against. */
export const REFERENCE_NOW = '2026-11-29T12:00:00Z';
