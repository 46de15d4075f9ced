import { sha256Hex } from '../../sync/canonical-json';

/**
 * HMRC's declaration wording, verbatim (reference §5.7 step 4, from HMRC's Income Tax (MTD)
 * end-to-end service guide, "Final declaration"). The individual sees the lead-in and the
 * individual statement; an agent declaring for a client sees the agent statement. Never
 * reworded: the person agrees to HMRC's words, and the agreement records which ones (by hash).
 */
export const DECLARATION_LEAD_IN =
  'Before you can submit the information displayed here in response to your notice to file from HM Revenue & Customs, you must read and agree to the following statement';

export const INDIVIDUAL_DECLARATION =
  'I declare that the information and self-assessment I have filed are (taken together) correct and complete to the best of my knowledge. I understand that I may have to pay financial penalties and face prosecution if I give false information.';

export const AGENT_DECLARATION =
  'I confirm that my client has received a copy of all the information being filed and approved the information as being correct and complete to the best of their knowledge and belief. My client understands that they may have to pay financial penalties and face prosecution if they give false information.';

export type WordingVariant = 'individual' | 'agent';

export function declarationWording(variant: WordingVariant) {
  const statement = variant === 'agent' ? AGENT_DECLARATION : INDIVIDUAL_DECLARATION;
  return {
    leadIn: DECLARATION_LEAD_IN,
    statement,
    variant,
    hash: sha256Hex(`${DECLARATION_LEAD_IN}\n${statement}`),
  };
}
