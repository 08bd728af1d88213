/**
 * Money is an integer number of 分 (0.01 元). JavaScript numbers hold integers exactly up to
 * 2^53 分 ≈ 90 万亿元, far above any budget unit's ledger, so plain `+` on Fen is exact.
 */
export type Fen = number;

export const FEN_PER_YUAN = 100;
export const FEN_PER_WAN = 1_000_000;

/** Sums amounts exactly. @example sumFen([1, 2, 3]) === 6 */
export function sumFen(values: Iterable<Fen>): Fen {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/**
 * Integer division rounded half away from zero, exact for safe integers
 * (used for every rounding the product presents).
 * @example roundDiv(5, 2) === 3; roundDiv(-5, 2) === -3; roundDiv(4, 3) === 1
 */
export function roundDiv(num: number, den: number): number {
  if (den === 0) throw new RangeError('roundDiv: division by zero');
  if (Number.isSafeInteger(num * 2) && Number.isSafeInteger(den * 2)) {
    const sign = num < 0 !== den < 0 ? -1 : 1;
    const a = Math.abs(num);
    const b = Math.abs(den);
    const q = Math.floor(a / b);
    const r = a - q * b;
    const out = sign * (2 * r >= b ? q + 1 : q);
    return out === 0 ? 0 : out; // never -0: it would print as "-0.00"
  }
  const n = BigInt(Math.round(num));
  const d = BigInt(Math.round(den));
  const sign = n < 0n !== d < 0n ? -1n : 1n;
  const a = n < 0n ? -n : n;
  const b = d < 0n ? -d : d;
  const q = a / b;
  const r = a % b;
  return Number(sign * (2n * r >= b ? q + 1n : q));
}

/** 元 as a JSON number with at most two decimals. @example fenToYuan(51642000) === 516420 */
export function fenToYuan(fen: Fen): number {
  return Number((fen / 100).toFixed(2));
}
