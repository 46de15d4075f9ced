import {
  INVITATION_STATUS_LABELS,
  validateArn,
  validateClientNino,
  validatePostcode,
} from '@shared/domain/agent-authorisation';
import type { AgentRole } from '@shared/domain/agent-permissions';
import type { AgentsState, ClientRelationship, InvitationView } from '@shared/ipc/channels/agents';
import type { Environment } from '@shared/ipc/channels/settings';
import type { HmrcAccount } from '../auth/hmrc-accounts';
import type { Clock } from '../clock/clock';
import * as aa from '../hmrc/endpoints/agent-authorisation';
import type { HmrcService } from '../hmrc/hmrc-service';
import { AppError } from '../ipc/app-error';
import type { Profile } from '../profiles/profile-record';
import type { ProfilesService } from '../profiles/profiles-api';
import type { AgentsStore, HmrcInvitation } from './agents-store';
import { reconcileRole, type HmrcRole } from './role-reconciliation';

/** The scopes Agent Authorisation needs [agent-authorisation-api application.yaml securitySchemes]. */
export const AGENT_AUTHORISATION_SCOPES = [
  'read:sent-invitations',
  'write:sent-invitations',
  'write:cancel-invitations',
  'read:check-relationship',
  'write:relationships',
] as const;

export interface AgentsServiceDeps {
  store: AgentsStore;
  hmrc: Pick<HmrcService, 'forAccount' | 'accountsFor'>;
  profiles: Pick<ProfilesService, 'list' | 'require' | 'edit'>;
  environment: () => Environment;
  clock: Clock;
}

export interface InviteInput {
  accountId: string;
  clientName: string;
  nino: string;
  postcode: string;
  role: AgentRole;
  profileId?: string | undefined;
}

export type AgentsService = ReturnType<typeof createAgentsService>;

const fieldError = (field: string, message: string) =>
  new AppError('INVALID_INPUT', message, 'Correct it and try again.', {
    fields: [{ path: field, message }],
  });

/**
 * The agent's side of HMRC's Agent Authorisation API: ask a client for authority (main or
 * supporting), follow the requests, cancel one, learn each client's role from HMRC and make
 * the profile follow it, and stop acting for a client. Every HMRC call goes through the one
 * HMRC client (rate limit, fraud headers, errors in plain English).
 */
export function createAgentsService(deps: AgentsServiceDeps) {
  const { store } = deps;
  const nowIso = () => deps.clock.now().toISOString();

  const agentAccounts = (): HmrcAccount[] =>
    deps.hmrc
      .accountsFor(deps.environment())
      .map((a) => a.account)
      .filter((a) => a.kind === 'agent');

  const accountOf = (accountId?: string): HmrcAccount | undefined => {
    const all = agentAccounts();
    return accountId ? all.find((a) => a.id === accountId) : all[0];
  };

  const requireAccount = (accountId: string): HmrcAccount => {
    const account = accountOf(accountId);
    if (!account)
      throw new AppError(
        'NOT_AN_AGENT_ACCOUNT',
        'That is not a linked agent services account.',
        'Link Ledgerlink with your agent services account first.',
      );
    return account;
  };

  const requireArn = (accountId: string): string => {
    const arn = store.arn(accountId);
    if (!arn)
      throw new AppError(
        'ARN_NEEDED',
        'Ledgerlink needs your Agent Reference Number to ask HMRC about clients.',
        'Enter it at the top of the Clients’ authority page (it is on your agent services account).',
      );
    return arn;
  };

  const clientProfiles = (accountId: string): Profile[] =>
    deps.profiles
      .list()
      .filter((p) => p.kind === 'client' && p.accountId === accountId && !p.archivedAt);

  const invitationViews = (accountId: string): InvitationView[] => {
    const sent = new Map(store.sent(accountId).map((s) => [s.invitationId, s]));
    const known = store.hmrcList(accountId)?.list ?? [];
    const seen = new Set(known.map((k) => k.invitationId));
    // Requests made here that HMRC has not listed yet (just made, or the list is older).
    const local: HmrcInvitation[] = [...sent.values()]
      .filter((s) => !seen.has(s.invitationId))
      .map((s) => ({
        invitationId: s.invitationId,
        status: 'Pending',
        role: s.role,
        created: s.createdAt,
      }));
    return [...known, ...local]
      .map((inv): InvitationView => {
        const s = sent.get(inv.invitationId);
        const status = (
          inv.status in INVITATION_STATUS_LABELS ? inv.status : 'Pending'
        ) as InvitationView['status'];
        return {
          invitationId: inv.invitationId,
          status,
          statusLabel: INVITATION_STATUS_LABELS[status],
          role: inv.role,
          created: inv.created,
          ...(inv.updated ? { updated: inv.updated } : {}),
          ...(inv.expiresOn ? { expiresOn: inv.expiresOn } : {}),
          ...(status === 'Pending' && inv.clientActionUrl
            ? { clientLink: inv.clientActionUrl }
            : {}),
          ...(s
            ? {
                client: {
                  name: s.name,
                  nino: s.nino,
                  postcode: s.postcode,
                  ...(s.profileId ? { profileId: s.profileId } : {}),
                },
              }
            : {}),
        };
      })
      .sort((a, b) => (a.created < b.created ? 1 : a.created > b.created ? -1 : 0));
  };

  const relationships = (accountId: string, invitations: InvitationView[]): ClientRelationship[] =>
    clientProfiles(accountId).map((p) => {
      const facts = store.client(p.id);
      const pending = invitations.find((i) => i.status === 'Pending' && i.client?.nino === p.nino);
      const typedRole = p.agentRole ?? null;
      const hmrcRole = facts.hmrcRole ?? null;
      const r = reconcileRole({
        name: p.name,
        nino: p.nino,
        typedRole,
        postcode: facts.postcode ?? null,
        hmrcRole,
        pendingInvitation: pending !== undefined,
      });
      return {
        profileId: p.id,
        name: p.name,
        nino: p.nino,
        typedRole,
        postcode: facts.postcode ?? null,
        hmrcRole,
        ...(facts.checkedAt ? { checkedAt: facts.checkedAt } : {}),
        ...(facts.correlationId ? { correlationId: facts.correlationId } : {}),
        status: r.status,
        message: r.message,
        ...(pending ? { pendingInvitationId: pending.invitationId } : {}),
      };
    });

  function state(accountId?: string): AgentsState {
    const account = accountOf(accountId);
    if (!account)
      return {
        accountId: null,
        accountLabel: null,
        arn: null,
        needsRelink: false,
        invitations: [],
        clients: [],
      };
    const invitations = invitationViews(account.id);
    const checked = store.hmrcList(account.id)?.checkedAt;
    return {
      accountId: account.id,
      accountLabel: account.label,
      arn: store.arn(account.id) ?? null,
      needsRelink: AGENT_AUTHORISATION_SCOPES.some((s) => !account.scopes.includes(s)),
      invitations,
      ...(checked ? { invitationsCheckedAt: checked } : {}),
      clients: relationships(account.id, invitations),
    };
  }

  async function refreshInvitations(accountId: string): Promise<AgentsState> {
    requireAccount(accountId);
    const arn = requireArn(accountId);
    const { data } = await aa.listInvitations(deps.hmrc.forAccount(accountId).transport, arn);
    const list = data.flatMap((inv): HmrcInvitation[] => {
      const id = aa.invitationIdFromLocation(inv._links.self.href);
      if (!id) return [];
      return [
        {
          invitationId: id,
          status: inv.status,
          role: inv.agentType ?? 'main',
          created: inv.created,
          ...(inv.updated ? { updated: inv.updated } : {}),
          ...(inv.expiresOn ? { expiresOn: inv.expiresOn } : {}),
          ...(inv.clientActionUrl ? { clientActionUrl: inv.clientActionUrl } : {}),
        },
      ];
    });
    store.setHmrcList(accountId, { checkedAt: nowIso(), list });
    return state(accountId);
  }

  function setArn(accountId: string, arn: string): AgentsState {
    requireAccount(accountId);
    const checked = validateArn(arn);
    if (!checked.ok) throw fieldError('arn', checked.message);
    store.setArn(accountId, checked.value);
    return state(accountId);
  }

  async function invite(
    input: InviteInput,
  ): Promise<{ state: AgentsState; invitation: InvitationView }> {
    requireAccount(input.accountId);
    const name = input.clientName.trim();
    if (name === '') throw fieldError('clientName', 'Enter the client’s name.');
    const nino = validateClientNino(input.nino);
    if (!nino.ok) throw fieldError('nino', nino.message);
    const postcode = validatePostcode(input.postcode);
    if (!postcode.ok) throw fieldError('postcode', postcode.message);
    const arn = requireArn(input.accountId);
    const transport = deps.hmrc.forAccount(input.accountId).transport;
    const created = await aa.createInvitation(transport, arn, {
      service: 'MTD-IT',
      clientType: 'personal',
      clientIdType: 'ni',
      clientId: nino.value,
      knownFact: postcode.value,
      agentType: input.role,
    });
    if (!created.invitationId)
      throw new AppError(
        'UNEXPECTED_HMRC_RESPONSE',
        'HMRC accepted the request but did not say where it is.',
        'Refresh the list of requests to find it.',
      );
    const profile =
      (input.profileId ? deps.profiles.require(input.profileId) : undefined) ??
      clientProfiles(input.accountId).find((p) => p.nino === nino.value);
    store.addSent(input.accountId, {
      invitationId: created.invitationId,
      name,
      nino: nino.value,
      postcode: postcode.value,
      role: input.role,
      ...(profile ? { profileId: profile.id } : {}),
      createdAt: nowIso(),
    });
    if (profile)
      store.setClient(profile.id, { ...store.client(profile.id), postcode: postcode.value });
    // HMRC's answer to the create has no body: read the request for its client link.
    await refreshInvitations(input.accountId);
    const s = state(input.accountId);
    const invitation = s.invitations.find((i) => i.invitationId === created.invitationId);
    if (!invitation)
      throw new AppError(
        'UNEXPECTED_HMRC_RESPONSE',
        'HMRC does not list the request it has just accepted.',
        'Refresh the list of requests in a minute.',
      );
    return { state: s, invitation };
  }

  async function cancelInvitation(accountId: string, invitationId: string): Promise<AgentsState> {
    requireAccount(accountId);
    const arn = requireArn(accountId);
    await aa.cancelInvitation(deps.hmrc.forAccount(accountId).transport, arn, invitationId);
    return refreshInvitations(accountId);
  }

  const clientContext = (profileId: string) => {
    const profile = deps.profiles.require(profileId);
    if (profile.kind !== 'client' || !profile.accountId)
      throw new AppError(
        'NOT_AN_AGENT_CLIENT',
        'This is not a client profile acting through an agent account.',
        'Choose one of your clients.',
      );
    requireAccount(profile.accountId);
    return { profile, accountId: profile.accountId, arn: requireArn(profile.accountId) };
  };

  /** Main first (the usual role), then supporting: at most two requests per client. */
  async function checkRelationship(
    profileId: string,
    postcodeInput?: string,
  ): Promise<AgentsState> {
    const { profile, accountId, arn } = clientContext(profileId);
    const facts = store.client(profileId);
    let postcode = facts.postcode;
    if (postcodeInput !== undefined) {
      const checked = validatePostcode(postcodeInput);
      if (!checked.ok) throw fieldError('postcode', checked.message);
      postcode = checked.value;
      store.setClient(profileId, { ...facts, postcode });
    }
    if (!postcode) throw fieldError('postcode', 'Enter the client’s postcode, as HMRC holds it.');
    const transport = deps.hmrc.forAccount(accountId).transport;
    let hmrcRole: HmrcRole = 'none';
    let correlationId: string | undefined;
    for (const agentType of ['main', 'supporting'] as const) {
      const answer = await aa.checkRelationship(transport, arn, {
        service: 'MTD-IT',
        clientIdType: 'ni',
        clientId: profile.nino,
        knownFact: postcode,
        agentType,
      });
      correlationId = answer.correlationId;
      if (answer.held) {
        hmrcRole = agentType;
        break;
      }
    }
    store.setClient(profileId, {
      ...store.client(profileId),
      postcode,
      hmrcRole,
      checkedAt: nowIso(),
      ...(correlationId ? { correlationId } : {}),
    });
    return state(accountId);
  }

  function useHmrcRole(profileId: string): AgentsState {
    const { profile, accountId } = clientContext(profileId);
    const hmrcRole = store.client(profileId).hmrcRole;
    if (hmrcRole !== 'main' && hmrcRole !== 'supporting')
      throw new AppError(
        'NO_HMRC_ROLE',
        'HMRC has not confirmed a role for this client.',
        'Check the relationship with HMRC first.',
      );
    if (profile.agentRole !== hmrcRole) deps.profiles.edit(profileId, { agentRole: hmrcRole });
    return state(accountId);
  }

  async function deauthorise(profileId: string): Promise<AgentsState> {
    const { profile, accountId, arn } = clientContext(profileId);
    const facts = store.client(profileId);
    const role =
      facts.hmrcRole === 'main' || facts.hmrcRole === 'supporting'
        ? facts.hmrcRole
        : profile.agentRole;
    if (!role)
      throw new AppError(
        'NO_HMRC_ROLE',
        'Ledgerlink does not know which role to end.',
        'Check the relationship with HMRC first.',
      );
    await aa.deauthoriseClient(deps.hmrc.forAccount(accountId).transport, arn, {
      service: 'MTD-IT',
      clientType: 'personal',
      clientIdType: 'ni',
      clientId: profile.nino,
      agentType: role,
    });
    store.setClient(profileId, { ...facts, hmrcRole: 'none', checkedAt: nowIso() });
    return state(accountId);
  }

  return {
    state,
    setArn,
    refreshInvitations,
    invite,
    cancelInvitation,
    checkRelationship,
    useHmrcRole,
    deauthorise,
  };
}
