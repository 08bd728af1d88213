import { type Fen } from './fen';

/**
 * Parses a plain decimal string ("-1234.5678") into an integer count of 10^-scale units,
 * rounding half away from zero — exactly, without going through binary floating point.
 * Returns null when the text is not a plain decimal.
 * @example parseScaled('12.345', 2) === 1235; parseScaled('-0.5', 0) === -1; parseScaled('1e3', 0) === null
 */
export function parseScaled(text: string, scale: number): number | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m) return null;
  const [, sign, intPart = '', fracPart = ''] = m;
  if (intPart === '' && fracPart === '') return null;
  const kept = (fracPart + '0'.repeat(scale)).slice(0, scale);
  const next = fracPart.length > scale ? Number(fracPart[scale]) : 0;
  const digits = (intPart || '0') + kept;
  if (digits.length <= 15) {
    // Up to 15 digits a double holds the integer exactly: no BigInt needed.
    const small = Number(digits) + (next >= 5 ? 1 : 0);
    return sign === '-' ? (small === 0 ? 0 : -small) : small;
  }
  let units = BigInt(digits);
  if (next >= 5) units += 1n;
  const n = Number(sign === '-' ? -units : units);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * A JavaScript number (as Excel stores amounts) to 分, via its shortest decimal form so that
 * 0.1 + 0.2 style float noise in the cached value does not leak into the cents.
 * @example numberToFen(1234.56, 100) === 123456; numberToFen(57.12, 1_000_000) === 57120000
 */
export function numberToFen(value: number, fenPerUnit: number): Fen | null {
  if (!Number.isFinite(value)) return null;
  // Fast path: a value written with at most the unit's decimals lands within a few ulps of an
  // integer once scaled; anything else takes the exact decimal route below.
  const scaled = value * fenPerUnit;
  if (Math.abs(scaled) < 2 ** 50) {
    const r = Math.round(scaled);
    if (Math.abs(scaled - r) < 1e-6) return r === 0 ? 0 : r;
  }
  const scale = Math.round(Math.log10(fenPerUnit));
  let text = String(value);
  if (/e/i.test(text)) text = value.toFixed(Math.min(20, scale + 6));
  // Excel keeps 15 significant digits; a cached 0.30000000000000004 means 0.3.
  text = trimFloatNoise(text);
  return parseScaled(text, scale);
}

function trimFloatNoise(text: string): string {
  const m = /^(-?)(\d+)\.(\d+)$/.exec(text);
  if (!m) return text;
  const [, sign, int = '', frac = ''] = m;
  const digits = int.replace(/^0+/, '').length;
  const keep = Math.max(0, 15 - Math.max(digits, 1));
  if (frac.length <= keep) return text;
  const rounded = Number(`${sign}${int}.${frac}`).toFixed(keep);
  return rounded.includes('.') ? rounded.replace(/0+$/, '').replace(/\.$/, '') : rounded;
}
