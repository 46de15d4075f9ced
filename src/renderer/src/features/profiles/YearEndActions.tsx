import type { JSX } from 'react';
import {
  actionPermission,
  RESTRICTED_ACTIONS,
  SUPPORTING_AGENT_RESTRICTIONS,
  type AgentRole,
  type RestrictedAction,
} from '@shared/domain/agent-permissions';
import type { ProfileView } from '@shared/ipc/channels/profiles';
import { defaultYearEndTaxYear, yearEndHref } from '../year-end/year-end-route';

const WHAT: Record<RestrictedAction, string> = {
  calculations: 'See HMRC’s estimate of the tax due so far this year.',
  'final-declaration': 'Confirm the year’s figures to HMRC after the tax year ends.',
  'accounting-type': 'Whether each business uses cash or traditional accounting.',
};

/** Where each action is done (the estimate has its own tab; the year end starts at review). */
const HREF: Record<RestrictedAction, string> = {
  calculations: '#/review/estimate',
  'final-declaration': '#/review',
  'accounting-type': '#/review',
};

/** The profile's role as the permission rules see it (a taxpayer acting for themselves has none). */
export const roleOf = (profile: Pick<ProfileView, 'kind' | 'agentRole'>): AgentRole | undefined =>
  profile.kind === 'client' ? profile.agentRole : undefined;

/**
 * The actions HMRC refuses a supporting agent (reference §2.10), shown disabled up front with
 * the reason instead of failing with a 403 later. They stay focusable (aria-disabled) so a
 * keyboard or screen-reader user finds them and hears why.
 */
export function YearEndActions({ profile }: { profile: ProfileView }): JSX.Element {
  const role = roleOf(profile);
  const restricted = RESTRICTED_ACTIONS.some((a) => !actionPermission(role, a).allowed);
  return (
    <section className="card profiles-actions" aria-labelledby="profile-actions-heading">
      <h2 id="profile-actions-heading">Calculations and the end of the year</h2>
      <p>
        <a
          className="button primary"
          href={yearEndHref('checklist', profile.id, defaultYearEndTaxYear())}
        >
          Open the year-end checklist for {defaultYearEndTaxYear()}
        </a>
      </p>
      {restricted ? (
        <p className="notice notice-warn" id="profile-actions-limits">
          You are {profile.name}’s supporting agent. HMRC lets a supporting agent send quarterly
          updates, but not the actions below.
        </p>
      ) : null}
      <ul className="plain-list profiles-action-list">
        {RESTRICTED_ACTIONS.map((action) => {
          const permission = actionPermission(role, action);
          const label = SUPPORTING_AGENT_RESTRICTIONS[action].label;
          const reasonId = `profile-action-${action}-why`;
          return (
            <li key={action} data-action={action}>
              {permission.allowed ? (
                <a className="button" href={HREF[action]}>
                  {label}
                </a>
              ) : (
                <button
                  type="button"
                  className="button"
                  aria-disabled="true"
                  aria-describedby={reasonId}
                  onClick={(e) => e.preventDefault()}
                >
                  {label}
                </button>
              )}
              <p className="hint" id={reasonId}>
                {permission.allowed ? WHAT[action] : permission.reason}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
