import { useCallback, useState } from 'react';
import type { ReviewIssue } from '@shared/ipc/channels/review';

/**
 * Which review warnings the person has ticked, remembered on this computer per profile, business
 * and tax year. A tick belongs to the warning as it was worded when ticked: the same warning about
 * the same rows stays ticked on the next visit, one that now says something else asks again.
 */
const storageKey = (profileId: string, businessId: number, taxYear: string) =>
  `ledgerlink.review.acknowledged.${profileId}.${businessId}.${taxYear}`;

export const warningSignature = (w: ReviewIssue): string =>
  [w.code, w.message, ...(w.details ?? [])].join('\n');

function load(key: string): string[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    // Unreadable or unavailable storage: ask again, which is the safe side.
    return [];
  }
}

export function useAcknowledgements(
  profileId: string,
  businessId: number,
  taxYear: string,
): {
  acknowledgedCodes: (warnings: readonly ReviewIssue[]) => string[];
  setAcknowledged: (warning: ReviewIssue, checked: boolean) => void;
} {
  const key = storageKey(profileId, businessId, taxYear);
  const [signatures, setSignatures] = useState(() => load(key));
  const acknowledgedCodes = useCallback(
    (warnings: readonly ReviewIssue[]) =>
      warnings.filter((w) => signatures.includes(warningSignature(w))).map((w) => w.code),
    [signatures],
  );
  const setAcknowledged = useCallback(
    (warning: ReviewIssue, checked: boolean) => {
      setSignatures((current) => {
        const signature = warningSignature(warning);
        const next = checked
          ? [...new Set([...current, signature])].slice(-50)
          : current.filter((s) => s !== signature);
        try {
          window.localStorage.setItem(key, JSON.stringify(next));
        } catch {
          // Not remembered for next time; the tick still counts now.
        }
        return next;
      });
    },
    [key],
  );
  return { acknowledgedCodes, setAcknowledged };
}
