import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AgentsState, SignOffPack, SignOffSubject } from '@shared/ipc/channels/agents';
import { profileKey, profilesQueryKey } from '@renderer/app/use-active-profile';
import { api, unwrap } from '@renderer/bridge';

/**
 * The agent's practice data: what this computer knows (no HMRC call) and the actions that ask
 * HMRC. Every action's answer is the new state, put straight into the cache.
 */
export const agentsKey = ['agents', 'state'] as const;

export function useAgentsState() {
  return useQuery({ queryKey: agentsKey, queryFn: () => unwrap(api.agents.state({})) });
}

export function useAgentsAction<I>(run: (input: I) => Promise<AgentsState>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (state) => {
      queryClient.setQueryData(agentsKey, state);
      // A role taken from HMRC changes the profile too.
      void queryClient.invalidateQueries({ queryKey: profilesQueryKey });
    },
  });
}

const subjectKey = (subject: SignOffSubject) =>
  subject.kind === 'quarterly'
    ? [subject.kind, subject.businessId, subject.taxYear, subject.periodEnd]
    : subject.kind === 'annual'
      ? [subject.kind, subject.businessId, subject.taxYear]
      : [subject.kind, subject.taxYear];

export const packKey = (profileId: string, subject: SignOffSubject) =>
  profileKey(profileId, 'sign-off', ...subjectKey(subject));

export function useSignOffPack(profileId: string, subject: SignOffSubject) {
  return useQuery({
    queryKey: packKey(profileId, subject),
    queryFn: () => unwrap(api.agents.signOffPack({ profileId, subject })),
  });
}

export function useRecordSignOff(profileId: string, subject: SignOffSubject) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      reference: string;
      approvedOn: string;
      method: NonNullable<SignOffPack['approval']>['method'];
      note: string;
    }) => unwrap(api.agents.recordSignOff({ profileId, subject, ...input })),
    onSuccess: (pack) => queryClient.setQueryData(packKey(profileId, subject), pack),
  });
}
