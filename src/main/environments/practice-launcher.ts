import { join } from 'node:path';
import type { PracticeEndpoint, PracticeLauncher } from './practice-endpoint';

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
  testUsers: {
    userId: string;
    password: string;
    kind: 'individual' | 'agent';
    name: string;
    nino?: string;
    description: string;
  }[];
  stop(): Promise<void>;
}): PracticeEndpoint {
  return {
    baseUrl: server.baseUrl,
    clientId: server.client.clientId,
    clientSecret: server.client.clientSecret,
    redirectUris: [...server.client.redirectUris],
    testUsers: server.testUsers.map((u) => ({
      userId: u.userId,
      password: u.password,
      kind: u.kind,
      name: u.name,
      ...(u.nino ? { nino: u.nino } : {}),
      description: u.description,
    })),
    stop: () => server.stop(),
  };
}
