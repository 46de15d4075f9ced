import { describe, expect, it } from 'vitest';
import {
  declarationBlockers,
  type GateInput,
} from '../../../src/main/year-end/declaration/declaration-gate';
import {
  AGENT_DECLARATION,
  INDIVIDUAL_DECLARATION,
  declarationWording,
} from '../../../src/main/year-end/declaration/declaration-wording';

const ID = '0b8d3e1c-6f1a-4c55-9d1e-2f3a4b5c6d7e';
const OTHER = '1c9e4f2d-7a2b-4d66-8e2f-3a4b5c6d7e8f';

const ready: GateInput = {
  actor: 'individual',
  purpose: 'final-declaration',
  yearEnded: true,
  declared: false,
  withinAmendmentWindow: true,
  latest: { calculationId: ID, errors: 0 },
  agreedCalculationId: ID,
  requestedCalculationId: ID,
};
const codes = (input: GateInput) => declarationBlockers(input).map((b) => b.code);

describe('declaration gating', () => {
  it('an individual who agreed to this calculation may declare', () => {
    expect(codes(ready)).toEqual([]);
  });
  it('no agreement: refused', () => {
    expect(codes({ ...ready, agreedCalculationId: undefined })).toEqual(['NO_AGREEMENT']);
  });
  it('agreement to an older calculation does not count', () => {
    expect(codes({ ...ready, agreedCalculationId: OTHER })).toEqual(['NO_AGREEMENT']);
  });
  it('wrong calculation id: refused, even with an agreement', () => {
    expect(codes({ ...ready, requestedCalculationId: OTHER })).toEqual(['WRONG_CALCULATION']);
  });
  it('main agent without the client’s approval: refused', () => {
    expect(codes({ ...ready, actor: 'main-agent' })).toEqual(['NO_CLIENT_APPROVAL']);
    expect(codes({ ...ready, actor: 'main-agent', clientApprovedCalculationId: OTHER })).toEqual([
      'NO_CLIENT_APPROVAL',
    ]);
    expect(codes({ ...ready, actor: 'main-agent', clientApprovedCalculationId: ID })).toEqual([]);
  });
  it('supporting agent: refused with HMRC’s reason, whatever else is true', () => {
    const b = declarationBlockers({ ...ready, actor: 'supporting-agent' });
    expect(b.map((x) => x.code)).toEqual(['SUPPORTING_AGENT']);
    expect(b[0]!.message).toMatch(/supporting agent/);
  });
  it('calculation errors block and point at where the figures are fixed', () => {
    const b = declarationBlockers({ ...ready, latest: { calculationId: ID, errors: 2 } });
    expect(b.map((x) => x.code)).toEqual(['CALCULATION_ERRORS']);
    expect(b[0]!.fixAt).toBe('review');
  });
  it('before the year ends, or once declared, nothing else is asked', () => {
    expect(codes({ ...ready, yearEnded: false })).toEqual(['TAX_YEAR_NOT_ENDED']);
    expect(codes({ ...ready, declared: true })).toEqual(['ALREADY_DECLARED']);
  });
  it('no calculation yet', () => {
    expect(codes({ ...ready, latest: undefined })).toEqual(['NO_CALCULATION']);
  });
  it('amendments: only after a declaration and inside the window', () => {
    const amend = { ...ready, purpose: 'confirm-amendment' as const };
    expect(codes(amend)).toEqual(['NOT_DECLARED']);
    expect(codes({ ...amend, declared: true })).toEqual([]);
    expect(codes({ ...amend, declared: true, withinAmendmentWindow: false })).toEqual([
      'OUTSIDE_AMENDMENT_WINDOW',
    ]);
  });
  it('HMRC’s wording, verbatim, individual and agent', () => {
    expect(declarationWording('individual').statement).toBe(INDIVIDUAL_DECLARATION);
    expect(declarationWording('agent').statement).toBe(AGENT_DECLARATION);
    expect(INDIVIDUAL_DECLARATION).toBe(
      'I declare that the information and self-assessment I have filed are (taken together) correct and complete to the best of my knowledge. I understand that I may have to pay financial penalties and face prosecution if I give false information.',
    );
    expect(declarationWording('individual').leadIn).toMatch(
      /^Before you can submit the information displayed here in response to your notice to file from HM Revenue & Customs/,
    );
    expect(declarationWording('agent').hash).not.toBe(declarationWording('individual').hash);
  });
});
