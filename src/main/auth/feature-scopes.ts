import type { HmrcAccount } from './hmrc-accounts';

/**
 * What each part of Ledgerlink needs from HMRC, for the scope status screen. Every ITSA
 * endpoint uses one of two scopes: GETs `read:self-assessment`, PUT/POST/DELETE
 * `write:self-assessment` (reference §2.9, §3.4).
 */
export const FEATURE_SCOPES = [
  { id: 'businesses', label: 'See your businesses', scope: 'read:self-assessment' },
  { id: 'obligations', label: 'See your obligations and deadlines', scope: 'read:self-assessment' },
  { id: 'calculations', label: 'See tax calculations', scope: 'read:self-assessment' },
  { id: 'updates', label: 'Send quarterly updates', scope: 'write:self-assessment' },
  { id: 'final-declaration', label: 'Send the final declaration', scope: 'write:self-assessment' },
] as const;

export type FeatureId = (typeof FEATURE_SCOPES)[number]['id'];

export const featuresFor = (account: Pick<HmrcAccount, 'scopes'>) =>
  FEATURE_SCOPES.map((f) => ({ ...f, granted: account.scopes.includes(f.scope) }));
