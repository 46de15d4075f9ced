import type { AccountKind, LinkStepId } from '@shared/ipc/channels/auth';

export interface StepText {
  title: string;
  /** What the person does, for the steps that happen in HMRC's pages. */
  guidance?: (kind: AccountKind) => string;
}

/** The nine steps of HMRC's "Link software to HMRC", in the person's words. */
export const STEP_TEXT: Record<LinkStepId, StepText> = {
  requested: { title: 'You asked to link Ledgerlink to HMRC' },
  'browser-opened': { title: 'Ledgerlink opens HMRC’s pages in your browser' },
  'start-page': {
    title: 'HMRC’s start page',
    guidance: () => 'Read what you are about to do, then choose Continue.',
  },
  'sign-in': {
    title: 'Sign in',
    guidance: (kind) =>
      kind === 'agent'
        ? 'Agents: use your agent services account user ID and password.'
        : 'Use your Government Gateway user ID and password. Agents: use your agent services account user ID.',
  },
  'two-step': {
    title: '2-step verification',
    guidance: () =>
      'Enter the access code HMRC sends you, or set up 2-step verification if HMRC asks.',
  },
  identity: {
    title: 'Identity checks',
    guidance: () => 'If HMRC asks, answer its questions to confirm who you are.',
  },
  grant: {
    title: 'Grant authority',
    guidance: () => 'Choose to give Ledgerlink authority to deal with HMRC for you.',
  },
  'token-issued': { title: 'HMRC issues a token for Ledgerlink' },
  'token-stored': { title: 'Ledgerlink stores the token securely' },
};

export const kindLabel = (kind: AccountKind): string =>
  kind === 'agent' ? 'an agent services account' : 'a business or landlord';
