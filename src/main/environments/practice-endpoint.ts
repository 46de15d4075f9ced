/**
 * What the app needs from a running Practice HMRC: where it is and the practice application
 * registered there. The Electron layer starts the real server from src/practice; the browser
 * host and tests hand in one they started themselves (so they can move its clock or inject
 * faults).
 */
export interface PracticeTestUserSummary {
  userId: string;
  password: string;
  kind: 'individual' | 'agent';
  name: string;
  nino?: string;
  description: string;
}

/** A test user's summary, with exactly these fields and nothing else the source object has. */
export const testUserSummary = (u: PracticeTestUserSummary): PracticeTestUserSummary => ({
  userId: u.userId,
  password: u.password,
  kind: u.kind,
  name: u.name,
  ...(u.nino ? { nino: u.nino } : {}),
  description: u.description,
});

export interface PracticeEndpoint {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  testUsers: PracticeTestUserSummary[];
  stop(): Promise<void>;
}

export type PracticeLauncher = () => Promise<PracticeEndpoint>;
