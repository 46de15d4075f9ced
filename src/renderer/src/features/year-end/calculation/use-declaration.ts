import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { previousTaxYear, taxYearOf, ukDateOf } from '@shared/domain/tax-year';
import type {
  CalculationProgressView,
  DeclarationStateView,
} from '@shared/ipc/channels/year-end-declaration';
import { api, unwrap } from '@renderer/bridge';
import { profileKey } from '@renderer/app/use-active-profile';

/** The year-end route's parameters: `year-end/<screen>/<profileId>/<taxYear>`. */
export function routeParams(rest: string): { profileId?: string; taxYear?: string } {
  const [, profileId, taxYear] = rest.split('/');
  return {
    ...(profileId ? { profileId } : {}),
    ...(taxYear && /^\d{4}-\d{2}$/.test(taxYear) ? { taxYear } : {}),
  };
}

/** The last tax year that has ended: the one a person declares. */
export const lastEndedTaxYear = (): string => previousTaxYear(taxYearOf(ukDateOf(new Date())));

export const declarationKey = (profileId: string, taxYear: string) =>
  profileKey(profileId, 'year-end', 'declaration', taxYear);

export function useDeclarationState(profileId: string, taxYear: string) {
  const queryClient = useQueryClient();
  const state = useQuery({
    queryKey: declarationKey(profileId, taxYear),
    queryFn: () => unwrap(api.yearEnd.declarationState({ profileId, taxYear })),
  });
  const set = (view: DeclarationStateView) =>
    queryClient.setQueryData(declarationKey(profileId, taxYear), view);
  return { state, set };
}

/** HMRC's calculation: ask, follow progress, cancel. */
export function useFinalCalculation(profileId: string, taxYear: string) {
  const { set } = useDeclarationState(profileId, taxYear);
  const [progress, setProgress] = useState<CalculationProgressView | null>(null);
  useEffect(
    () =>
      api.on('yearEnd.calculationProgress', (p) => {
        if (p.profileId === profileId && p.taxYear === taxYear) setProgress(p);
      }),
    [profileId, taxYear],
  );
  const run = useMutation({
    mutationFn: (purpose: 'finalise' | 'amend') =>
      unwrap(api.yearEnd.finalCalculation({ profileId, taxYear, purpose })),
    onMutate: () => setProgress({ profileId, taxYear, stage: 'asking', attempt: 0, of: 1 }),
    onSuccess: set,
  });
  const cancel = () => void api.yearEnd.cancelCalculation({ profileId, taxYear });
  return { run, progress, cancel };
}
