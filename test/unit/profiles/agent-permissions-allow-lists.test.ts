import { describe, expect, it } from 'vitest';
import {
  actionPermission,
  AGENT_ACTIONS,
  ALLOWED_ACTIONS,
  OTHER_INCOME_ACTIONS,
  refusedActions,
  type AgentAction,
} from '@shared/domain/agent-permissions';
import { requestActionOf, restrictedActionOf } from '../../../src/main/profiles/profile-guard';

/**
 * Permissions are allow-lists: each role names what it may do and anything else is refused.
 * HMRC's configuration (each API's `api.supporting-agent-endpoints`, hmrc-specs/SOURCES.md
 * "Supporting agents") refuses supporting agents Savings, Dividends and the Reliefs pension and
 * charitable-giving endpoints, besides calculations, the declaration and the accounting type.
 */
describe('agent permissions as allow-lists', () => {
  it('lets a taxpayer and a main agent do everything Ledgerlink does', () => {
    for (const action of AGENT_ACTIONS) {
      expect(actionPermission(undefined, action)).toEqual({ allowed: true });
      expect(actionPermission('main', action)).toEqual({ allowed: true });
    }
    expect(refusedActions('main')).toEqual([]);
  });

  it('allows a supporting agent only what is on their list, and says why for the rest', () => {
    expect(ALLOWED_ACTIONS.supporting).toEqual([
      'business-details',
      'obligations',
      'quarterly-updates',
      'annual-figures',
      'itsa-status',
      'losses',
      'adjustments',
    ]);
    expect(refusedActions('supporting').map((r) => r.action)).toEqual([
      'calculations',
      'final-declaration',
      'accounting-type',
      'savings',
      'dividends',
      'pension-relief',
      'charitable-giving',
    ]);
    for (const action of OTHER_INCOME_ACTIONS) {
      const p = actionPermission('supporting', action);
      expect(p.allowed).toBe(false);
      if (!p.allowed)
        expect(p.reason).toMatch(/^HMRC does not let a supporting agent .+main agent/);
    }
  });

  it('refuses an action nobody has decided yet', () => {
    const undecided = 'crypto-gains' as AgentAction;
    const p = actionPermission('supporting', undecided);
    expect(p.allowed).toBe(false);
    if (!p.allowed) expect(p.reason).toMatch(/does not know whether HMRC allows this/);
    expect(actionPermission('main', undecided).allowed).toBe(false);
  });

  it('knows each refused HMRC endpoint in the main process, and leaves the allowed Reliefs alone', () => {
    const of = (api: Parameters<typeof restrictedActionOf>[0]['api'], template: string) =>
      restrictedActionOf({ api, template });
    expect(of('savings-income', '/individuals/savings-income/uk-accounts/{nino}')).toBe('savings');
    expect(of('dividends-income', '/individuals/dividends-income/uk/{nino}/{taxYear}')).toBe(
      'dividends',
    );
    expect(of('reliefs', '/individuals/reliefs/pensions/{nino}/{taxYear}')).toBe('pension-relief');
    expect(of('reliefs', '/individuals/reliefs/charitable-giving/{nino}/{taxYear}')).toBe(
      'charitable-giving',
    );
    // Relief investments, other and foreign reliefs are allowed to supporting agents.
    expect(of('reliefs', '/individuals/reliefs/investment/{nino}/{taxYear}')).toBeUndefined();
    // Losses, BSAS and BISS are allowed to supporting agents by HMRC's configuration.
    expect(
      of(
        'individual-losses',
        '/individuals/losses/{nino}/businesses/{businessId}/loss-claims/{taxYear}',
      ),
    ).toBeUndefined();
    expect(of('individual-losses-6', '/individuals/losses/{nino}/loss-claims')).toBeUndefined();
    expect(
      of(
        'business-source-adjustable-summary',
        '/individuals/self-assessment/adjustable-summary/{nino}/trigger',
      ),
    ).toBeUndefined();
    expect(
      of(
        'business-income-source-summary',
        '/individuals/self-assessment/income-summary/{nino}/{typeOfBusiness}/{taxYear}/{businessId}',
      ),
    ).toBeUndefined();
  });

  it('names the action of every request, so each API is decided for each role', () => {
    expect(
      requestActionOf({
        api: 'individual-losses',
        template: '/individuals/losses/{nino}/businesses/{businessId}/loss-claims/{taxYear}',
      }),
    ).toBe('losses');
    expect(
      requestActionOf({
        api: 'business-source-adjustable-summary',
        template: '/individuals/self-assessment/adjustable-summary/{nino}/{taxYear}',
      }),
    ).toBe('adjustments');
    expect(
      requestActionOf({
        api: 'property-business',
        template: '/individuals/business/property/uk/{nino}/{businessId}/annual/{taxYear}',
      }),
    ).toBe('annual-figures');
    expect(
      requestActionOf({
        api: 'individual-details',
        template: '/individuals/person/itsa-status/{nino}/{taxYear}',
      }),
    ).toBe('itsa-status');
  });
});
