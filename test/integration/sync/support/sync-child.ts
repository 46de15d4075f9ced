/**
 * A separate app process for the crash test: the real main-process services on the parent's
 * data folder and Practice HMRC, syncing one profile. The parent SIGKILLs it at chosen points
 * and starts another; this file only starts, syncs and reports.
 *
 *   SYNC_DATA_DIR, SYNC_PRACTICE_URL, SYNC_APP_AT, SYNC_PROFILE_ID, SYNC_KILL_AFTER_CHANGES
 */
import {
  PRACTICE_CLIENT_ID,
  PRACTICE_CLIENT_SECRET,
  PRACTICE_REDIRECT_URIS,
} from '../../../../src/practice/server';
import { startApp } from './sync-harness';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const app = await startApp({
  dataDir: env('SYNC_DATA_DIR'),
  at: env('SYNC_APP_AT'),
  practice: {
    baseUrl: env('SYNC_PRACTICE_URL'),
    clientId: PRACTICE_CLIENT_ID,
    clientSecret: PRACTICE_CLIENT_SECRET,
    redirectUris: [...PRACTICE_REDIRECT_URIS],
    testUsers: [],
    stop: async () => undefined,
  },
});
const profileId = env('SYNC_PROFILE_ID');
// The parent may ask this run to die right after its Nth outbox change is committed.
const killAfterChanges = Number(process.env.SYNC_KILL_AFTER_CHANGES ?? '0');
let changes = 0;
app.services.ipc.onEmit((event) => {
  if (event !== 'sync.changed') return;
  process.stdout.write('changed\n');
  changes += 1;
  if (changes === killAfterChanges) process.kill(process.pid, 'SIGKILL');
});
process.stdout.write('ready\n');
const run = await app.services.sync.syncNow(profileId, {
  estimate: false,
  refreshObligations: false,
});
process.stdout.write(
  `done ${JSON.stringify({ accepted: run.accepted, queued: run.queued, failed: run.failed })}\n`,
);
await app.services.dispose();
process.exit(0);
