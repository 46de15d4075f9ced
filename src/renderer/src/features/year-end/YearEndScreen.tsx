import type { JSX } from 'react';
import { useActiveProfile } from '@renderer/app/use-active-profile';
import { useHashRoute } from '@renderer/app/use-hash-route';
import { Loading } from '@renderer/ui/Loading';
import { ScreenHeader } from '@renderer/ui/ScreenHeader';
import { AdjustmentsScreen } from './adjustments/AdjustmentsScreen';
import { AmendmentScreen } from './amendment/AmendmentScreen';
import { AnnualScreen } from './annual/AnnualScreen';
import { BusinessFactsScreen } from './business-facts/BusinessFactsScreen';
import { CalculationScreen } from './calculation/CalculationScreen';
import { ChecklistScreen } from './checklist/ChecklistScreen';
import { CorrectionScreen } from './correction/CorrectionScreen';
import { DeclarationScreen } from './declaration/DeclarationScreen';
import { OtherIncomeScreen } from './other-income/OtherIncomeScreen';
import { LossesScreen } from './losses/LossesScreen';
import { defaultYearEndTaxYear, parseYearEndRoute, yearEndHref } from './year-end-route';

/**
 * The year end section: one screen per id (see year-end-route.ts), for the profile and tax
 * year in the address, or the active profile and last tax year when none is given.
 */
export function YearEndScreen(): JSX.Element {
  const { rest } = useHashRoute();
  const route = parseYearEndRoute(rest);
  const { active, profiles } = useActiveProfile();
  if (profiles.isPending) return <Loading label="Opening the year end…" />;
  const profileId = route.profileId ?? active?.id;
  const taxYear = route.taxYear ?? defaultYearEndTaxYear();
  if (!profileId) {
    return (
      <>
        <ScreenHeader title="Year end" />
        <p className="empty-state">
          Add a profile first: the year end is for one person’s businesses.{' '}
          <a href="#/profiles">Go to Profiles</a>.
        </p>
      </>
    );
  }
  // A new profile or year mounts the screen afresh, so no state carries across.
  const key = `${profileId}:${taxYear}`;
  switch (route.screen) {
    case 'checklist':
      return <ChecklistScreen profileId={profileId} taxYear={taxYear} />;
    case 'correction':
      return (
        <CorrectionScreen profileId={profileId} taxYear={taxYear} businessId={route.businessId} />
      );
    case 'annual':
      return <AnnualScreen profileId={profileId} taxYear={taxYear} businessId={route.businessId} />;
    case 'business-facts':
      return (
        <BusinessFactsScreen
          key={`${key}:${route.businessId ?? ''}`}
          profileId={profileId}
          taxYear={taxYear}
          businessId={route.businessId}
        />
      );
    case 'calculation':
      return <CalculationScreen key={key} profileId={profileId} taxYear={taxYear} />;
    case 'declaration':
      return <DeclarationScreen key={key} profileId={profileId} taxYear={taxYear} />;
    case 'other-income':
      return <OtherIncomeScreen key={key} profileId={profileId} taxYear={taxYear} />;
    case 'amendment':
      return <AmendmentScreen key={key} profileId={profileId} taxYear={taxYear} />;
    case 'adjustments':
      return (
        <AdjustmentsScreen profileId={profileId} taxYear={taxYear} businessId={route.businessId} />
      );
    case 'losses':
      return <LossesScreen key={key} profileId={profileId} taxYear={taxYear} />;
    default:
      return (
        <>
          <ScreenHeader title="Year end" />
          <p className="notice">
            This part of the year end opens from the checklist.{' '}
            <a href={yearEndHref('checklist', profileId, taxYear)}>Open the year-end checklist</a>.
          </p>
        </>
      );
  }
}
