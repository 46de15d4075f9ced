import type { Pence } from '@shared/domain/money';
import { readAmount } from './money-entry';

/** One part of a split as typed: a size in the transaction's own direction. */
export interface DraftPart {
  key: string;
  amount: string;
  businessId: number | null;
  categoryId: string | null;
  disallowable: string;
}

export interface SplitPlan {
  /** Sizes of the parts that read (others count as zero while being typed). */
  allocatedPence: Pence;
  /** What is left to allocate: + still to place, − placed too much. */
  remainderPence: Pence;
  /** Part index → message for parts whose amount cannot be read. */
  problems: Map<number, string>;
  /** True when every part reads, there are at least two, and they add up exactly. */
  ready: boolean;
}

/**
 * The live arithmetic of the split dialog, in pence: a person sees what is left to allocate
 * after every keystroke, and can save only when the parts match the bank line exactly.
 */
export function planSplit(totalPence: Pence, parts: readonly DraftPart[]): SplitPlan {
  const size = Math.abs(totalPence);
  const problems = new Map<number, string>();
  let allocated = 0;
  parts.forEach((part, index) => {
    if (part.amount.trim() === '') {
      problems.set(index, 'Enter the amount of this part.');
      return;
    }
    const read = readAmount(part.amount);
    if (read.ok) allocated += read.pence;
    else problems.set(index, read.message);
  });
  const remainder = size - allocated;
  return {
    allocatedPence: allocated,
    remainderPence: remainder,
    problems,
    ready: parts.length >= 2 && problems.size === 0 && remainder === 0,
  };
}
