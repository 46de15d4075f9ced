import { type PracticeStateData } from './model';

/**
 * Adds to a loaded data file the seeded practice users it does not have yet (a file written by
 * an earlier Practice HMRC predates them), with their records and the seeded agent's
 * authorisations for them. Nothing already in the file is changed, so a person's own practice
 * work is kept. Returns whether anything was added.
 */
export function topUpSeededUsers(loaded: PracticeStateData, fresh: PracticeStateData): boolean {
  const added: string[] = [];
  for (const user of fresh.users) {
    if (loaded.users.some((u) => u.userId === user.userId)) continue;
    if (user.nino && loaded.taxpayers[user.nino]) continue;
    if (user.nino) {
      const taxpayer = fresh.taxpayers[user.nino];
      if (!taxpayer) continue;
      loaded.taxpayers[user.nino] = taxpayer;
      added.push(user.nino);
    }
    loaded.users.push(user.kind === 'agent' ? { ...user, clients: [] } : user);
  }
  for (const agent of fresh.users.filter((u) => u.kind === 'agent')) {
    const mine = loaded.users.find((u) => u.userId === agent.userId && u.kind === 'agent');
    if (!mine) continue;
    for (const client of agent.clients ?? []) {
      if (!added.includes(client.nino)) continue;
      mine.clients = [...(mine.clients ?? []).filter((c) => c.nino !== client.nino), client];
    }
  }
  return added.length > 0;
}
