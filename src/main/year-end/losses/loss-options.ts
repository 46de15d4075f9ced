import type { BusinessKind } from '@shared/domain/business-kinds';
import type { LossOption } from '@shared/ipc/channels/year-end-losses';

/**
 * The three ways to use a year's loss, in plain words, and what each does to HMRC's
 * calculation. [reference §5.5–5.6; ITA 2007 s.83 (trade losses carried forward), s.64
 * (sideways, this year or last), s.118–s.120 (property losses); IL losses_and_claims.yaml]
 */
export function lossOptions(kind: BusinessKind, apiVersion: '7.0' | '6.0'): LossOption[] {
  const trade = kind === 'self-employment';
  const carryBack: LossOption = {
    claim: 'carry-back',
    title: 'Set it against last year’s income',
    explanation:
      'Use the loss against your total income of the tax year before this one. HMRC reworks last year and repays or credits the tax that comes off.',
    effect:
      'This year’s calculation does not change. Last year’s tax goes down; anything left over is carried forward.',
  };
  if (!trade)
    carryBack.unavailable =
      'Only a trading loss can be set against last year’s income; a property loss cannot.';
  else if (apiVersion === '6.0')
    carryBack.unavailable =
      'HMRC takes a claim against last year’s income for this year through Self Assessment, not through Making Tax Digital. Ask HMRC or your agent.';
  return [
    {
      claim: 'carry-forward',
      title: 'Keep it for later years',
      explanation: trade
        ? 'Carry the loss forward and set it against the next profits of this same business.'
        : 'Carry the loss forward and set it against your next property profits.',
      effect:
        'This year’s calculation does not change. Next year’s taxable profit from this business goes down by up to the loss, so next year’s tax goes down.',
    },
    {
      claim: 'carry-sideways',
      title: 'Set it against this year’s other income',
      explanation: trade
        ? 'Use the loss against your other income of this year: wages, pensions, savings, other businesses.'
        : 'Use the part of the loss that comes from capital allowances against your other income of this year.',
      effect:
        'This year’s taxable income goes down by the loss (HMRC caps some reliefs), so this year’s tax goes down. Any part not used is carried forward.',
    },
    carryBack,
  ];
}
