/**
 * A separate app process for the declaration crash test: the real main-process services on the
 * parent's data folder, talking to Practice HMRC through the parent's proxy, finishing one
 * final declaration. With DECLARE_KILL_AT=N it SIGKILLs itself at the Nth step of sending
 * (declaration-service checkpoints), a deterministic crash point; the parent can also kill it
 * while the proxy holds a request or an answer.
 *
 *   DECLARE_DATA_DIR, DECLARE_PRACTICE_URL, DECLARE_APP_AT, DECLARE_PROFILE_ID, DECLARE_TAX_YEAR,
 *   DECLARE_CALCULATION_ID, DECLARE_KILL_AT (0: never)
 */
import {
  PRACTICE_CLIENT_ID,
  PRACTICE_CLIENT_SECRET,
  PRACTICE_REDIRECT_URIS,
} from '../../../../src/practice/server';
import { startDeclareApp } from './declare-harness';

const env = (name: string) => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const killAt = Number(env('DECLARE_KILL_AT'));
let steps = 0;
const app = await startDeclareApp({
  dataDir: env('DECLARE_DATA_DIR'),
  at: env('DECLARE_APP_AT'),
  practice: {
    baseUrl: env('DECLARE_PRACTICE_URL'),
    clientId: PRACTICE_CLIENT_ID,
    clientSecret: PRACTICE_CLIENT_SECRET,
    redirectUris: [...PRACTICE_REDIRECT_URIS],
    testUsers: [],
    stop: async () => undefined,
  },
  checkpoint: (step) => {
    steps += 1;
    process.stdout.write(`step ${steps} ${step}\n`);
    if (steps === killAt) process.kill(process.pid, 'SIGKILL');
  },
});
const profileId = env('DECLARE_PROFILE_ID');
const taxYear = env('DECLARE_TAX_YEAR');
process.stdout.write('ready\n');
const before = app.services.declaration.state(profileId, taxYear);
const after = before.declared
  ? before
  : await app.services.declaration.declare(profileId, taxYear, env('DECLARE_CALCULATION_ID'));
process.stdout.write(
  `done ${JSON.stringify({ declared: after.declared ?? null, outbox: after.outbox ?? null })}\n`,
);
await app.services.dispose();
process.exit(0);
