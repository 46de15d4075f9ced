import { join } from 'node:path';
import {
  testUserSummary,
  type PracticeEndpoint,
  type PracticeLauncher,
  type PracticeTestUserSummary,
} from './practice-endpoint';

/**
 * Starts the built-in Practice HMRC for the desktop app, keeping a practice user's data in
 * <userData>/practice-hmrc.json across restarts. Imported lazily so a build that never uses
 * Practice does not pay for starting it.
 */
export function practiceLauncher(userData: string): PracticeLauncher {
  return async (): Promise<PracticeEndpoint> => {
    const { startPracticeHmrc } = await import('../../practice/server');
    const server = await startPracticeHmrc({
      dataFile: join(userData, 'practice-hmrc.json'),
      quiet: true,
    });
    return fromPracticeServer(server);
  };
}

/** Adapts a running Practice HMRC (however it was started) to what the app needs. */
export function fromPracticeServer(server: {
  baseUrl: string;
  client: { clientId: string; clientSecret: string; redirectUris: string[] };
  /** Practice's users may carry more than a summary (seed data): only the summary is kept. */
  testUsers: PracticeTestUserSummary[];
  stop(): Promise<void>;
}): PracticeEndpoint {
  return {
    baseUrl: server.baseUrl,
    clientId: server.client.clientId,
    clientSecret: server.client.clientSecret,
    redirectUris: [...server.client.redirectUris],
    testUsers: server.testUsers.map(testUserSummary),
    stop: () => server.stop(),
  };
}
