import { useCallback, useState } from 'react';

/**
 * How review cards are shown, remembered on this computer for every profile: compact (an update
 * fits on one screen) and whether HMRC's own field names are shown under each line (an agent
 * checking against HMRC's documents may keep them on).
 */
export interface ReviewDisplay {
  compact: boolean;
  hmrcNames: boolean;
}

const KEY = 'ledgerlink.review.display';
const DEFAULTS: ReviewDisplay = { compact: true, hmrcNames: false };

function load(): ReviewDisplay {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return DEFAULTS;
    const p = parsed as Partial<Record<keyof ReviewDisplay, unknown>>;
    return {
      compact: typeof p.compact === 'boolean' ? p.compact : DEFAULTS.compact,
      hmrcNames: typeof p.hmrcNames === 'boolean' ? p.hmrcNames : DEFAULTS.hmrcNames,
    };
  } catch {
    return DEFAULTS;
  }
}

export function useReviewDisplay(): [ReviewDisplay, (patch: Partial<ReviewDisplay>) => void] {
  const [display, setDisplay] = useState(load);
  const update = useCallback((patch: Partial<ReviewDisplay>) => {
    setDisplay((current) => {
      const next = { ...current, ...patch };
      try {
        window.localStorage.setItem(KEY, JSON.stringify(next));
      } catch {
        // Not remembered for next time; the choice still applies now.
      }
      return next;
    });
  }, []);
  return [display, update];
}
