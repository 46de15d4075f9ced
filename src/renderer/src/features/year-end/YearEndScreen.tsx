import type { JSX } from 'react';
import { useActiveProfile } from '@renderer/app/use-active-profile';
import { Loading } from '@renderer/ui/Loading';
import { ScreenHeader } from '@renderer/ui/ScreenHeader';
import { AmendmentScreen } from './amendment/AmendmentScreen';
import { CalculationScreen } from './calculation/CalculationScreen';
import { lastEndedTaxYear, routeParams } from './calculation/use-declaration';
import { DeclarationScreen } from './declaration/DeclarationScreen';

/**
 * The year end's screens by route: `year-end/<screen>/<profileId>/<taxYear>` (both optional:
 * the active profile and the last tax year that has ended).
 */
export function YearEndScreen({ rest }: { rest: string }): JSX.Element {
  const { active, profiles } = useActiveProfile();
  const screen = rest.split('/')[0] ?? '';
  const params = routeParams(rest);
  const profileId = params.profileId ?? active?.id;
  const taxYear = params.taxYear ?? lastEndedTaxYear();
  if (profiles.isPending) return <Loading label="Opening the year end…" />;
  if (!profileId)
    return (
      <ScreenHeader title="Year end">
        Add a profile first: the year end belongs to one taxpayer.
      </ScreenHeader>
    );
  const key = `${profileId}:${taxYear}`;
  switch (screen) {
    case 'declaration':
      return <DeclarationScreen key={key} profileId={profileId} taxYear={taxYear} />;
    case 'amendment':
      return <AmendmentScreen key={key} profileId={profileId} taxYear={taxYear} />;
    default:
      return <CalculationScreen key={key} profileId={profileId} taxYear={taxYear} />;
  }
}
