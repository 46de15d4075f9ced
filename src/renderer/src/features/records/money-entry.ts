import {
  BASIS_POINTS_WHOLE,
  parseMoney,
  penceToDecimalString,
  type Pence,
} from '@shared/domain/money';

/**
 * What a person types for an amount, as pence. The direction comes from a separate choice
 * (money in / money out), so the box takes a plain size: "45.20", "£1,234.56".
 */
export type AmountEntry = { ok: true; pence: Pence } | { ok: false; message: string };

export function readAmount(text: string, options: { allowZero?: boolean } = {}): AmountEntry {
  if (text.trim() === '') return { ok: false, message: 'Enter an amount, like 45.20.' };
  const parsed = parseMoney(text);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  if (parsed.pence < 0) return { ok: false, message: 'Enter the amount without a minus sign.' };
  if (parsed.pence === 0 && !options.allowZero)
    return { ok: false, message: 'The amount cannot be zero.' };
  return { ok: true, pence: parsed.pence };
}

/** A signed amount from a size and a direction. */
export const signed = (size: Pence, direction: 'in' | 'out'): Pence =>
  direction === 'out' && size !== 0 ? -size : size;

/** Pence as the text an amount box starts with: "45.20" (no sign, no £). */
export const amountText = (pence: Pence): string => penceToDecimalString(Math.abs(pence));

/** "25" or "12.5" (%) as basis points; at most two decimal places, 0–100. */
export type ShareEntry = { ok: true; basisPoints: number } | { ok: false; message: string };

export function readShare(text: string): ShareEntry {
  const trimmed = text.trim().replace(/%$/, '').trim();
  if (trimmed === '') return { ok: true, basisPoints: 0 };
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(trimmed)) {
    return { ok: false, message: 'Enter a percentage from 0 to 100, like 25 or 12.5.' };
  }
  const [whole, fraction = ''] = trimmed.split('.');
  const basisPoints = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (basisPoints > BASIS_POINTS_WHOLE)
    return { ok: false, message: 'A share cannot be more than 100 %.' };
  return { ok: true, basisPoints };
}

/** Basis points as a percentage for display: 2500 → "25", 1250 → "12.5". */
export function shareText(basisPoints: number): string {
  const whole = Math.floor(basisPoints / 100);
  const rest = basisPoints % 100;
  if (rest === 0) return String(whole);
  return `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}
