import { describe, expect, it } from 'vitest';
import {
  actionPermission,
  RESTRICTED_ACTIONS,
  restrictionsFor,
} from '@shared/domain/agent-permissions';

describe('agent permissions (reference §2.10)', () => {
  it('refuses a supporting agent calculations, the final declaration and the accounting type, with the reason', () => {
    for (const action of RESTRICTED_ACTIONS) {
      const p = actionPermission('supporting', action);
      expect(p.allowed).toBe(false);
      if (!p.allowed) {
        expect(p.reason).toMatch(/^HMRC does not let a supporting agent/);
        expect(p.reason).toContain('main agent');
      }
    }
    expect(restrictionsFor('supporting').map((r) => r.label)).toEqual([
      'Tax calculation',
      'Final declaration',
      'Accounting type',
    ]);
  });

  it('lets a main agent and a taxpayer acting for themselves do everything', () => {
    for (const action of RESTRICTED_ACTIONS) {
      expect(actionPermission('main', action)).toEqual({ allowed: true });
      expect(actionPermission(undefined, action)).toEqual({ allowed: true });
      expect(actionPermission(null, action)).toEqual({ allowed: true });
    }
    expect(restrictionsFor('main')).toEqual([]);
  });
});
