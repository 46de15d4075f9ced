import { z } from 'zod';
import type { KeyValueStore } from '../storage/key-value-store';

/**
 * What the agent's practice keeps on this computer (a small JSON document, `agents`): each
 * agent account's Agent Reference Number, the requests made from here (HMRC's list does not say
 * who a request went to), HMRC's last list of requests, and per client profile the postcode
 * HMRC checks and HMRC's last answer about the relationship. Read with zod: a damaged entry is
 * dropped, never trusted.
 */
const role = z.enum(['main', 'supporting']);

const sentSchema = z.object({
  invitationId: z.string(),
  name: z.string(),
  nino: z.string(),
  postcode: z.string(),
  role,
  profileId: z.string().optional(),
  createdAt: z.string(),
});
export type SentInvitation = z.infer<typeof sentSchema>;

const hmrcInvitationSchema = z.object({
  invitationId: z.string(),
  status: z.string(),
  role,
  created: z.string(),
  updated: z.string().optional(),
  expiresOn: z.string().optional(),
  clientActionUrl: z.string().optional(),
});
export type HmrcInvitation = z.infer<typeof hmrcInvitationSchema>;

const clientSchema = z.object({
  postcode: z.string().optional(),
  hmrcRole: z.enum(['main', 'supporting', 'none']).optional(),
  checkedAt: z.string().optional(),
  correlationId: z.string().optional(),
});
export type ClientFacts = z.infer<typeof clientSchema>;

const recordOf = <T extends z.ZodType>(schema: T) => z.record(z.string(), schema);
const lists = {
  arns: recordOf(z.string()),
  sent: recordOf(z.array(sentSchema)),
  hmrc: recordOf(z.object({ checkedAt: z.string(), list: z.array(hmrcInvitationSchema) })),
  clients: recordOf(clientSchema),
};
type Lists = { [K in keyof typeof lists]: z.infer<(typeof lists)[K]> };

export interface AgentsStore {
  arn(accountId: string): string | undefined;
  setArn(accountId: string, arn: string): void;
  sent(accountId: string): SentInvitation[];
  addSent(accountId: string, sent: SentInvitation): void;
  hmrcList(accountId: string): { checkedAt: string; list: HmrcInvitation[] } | undefined;
  setHmrcList(accountId: string, value: { checkedAt: string; list: HmrcInvitation[] }): void;
  client(profileId: string): ClientFacts;
  /** Every client's facts in one read (the overview asks for a thousand at once). */
  clients(): Record<string, ClientFacts>;
  setClient(profileId: string, facts: ClientFacts): void;
}

export function createAgentsStore(store: KeyValueStore): AgentsStore {
  // Keys are whole words: the store treats dots in a key as nesting.
  const read = <K extends keyof Lists>(key: K): Lists[K] => {
    const parsed = lists[key].safeParse(store.get(key) ?? {});
    return (parsed.success ? parsed.data : {}) as Lists[K];
  };
  const write = <K extends keyof Lists>(key: K, value: Lists[K]) => store.set(key, value);
  return {
    arn: (accountId) => read('arns')[accountId],
    setArn: (accountId, arn) => write('arns', { ...read('arns'), [accountId]: arn }),
    sent: (accountId) => read('sent')[accountId] ?? [],
    addSent: (accountId, sent) => {
      const all = read('sent');
      write('sent', { ...all, [accountId]: [...(all[accountId] ?? []), sent] });
    },
    hmrcList: (accountId) => read('hmrc')[accountId],
    setHmrcList: (accountId, value) => write('hmrc', { ...read('hmrc'), [accountId]: value }),
    client: (profileId) => read('clients')[profileId] ?? {},
    clients: () => read('clients'),
    setClient: (profileId, facts) => write('clients', { ...read('clients'), [profileId]: facts }),
  };
}
