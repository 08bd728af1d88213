import { type Fen, roundDiv } from './fen';
import { type Percent } from './percent';

/**
 * 万元 with exactly two decimals, rounded half away from zero from exact 分.
 * @example formatWan(51642000) === '516.42'; formatWan(0) === '0.00'
 */
export function formatWan(fen: Fen): string {
  return formatHundredths(roundDiv(fen, 10000));
}

/** 元 with two decimals and thousands separators. @example formatYuan(123456789) === '1,234,567.89' */
export function formatYuan(fen: Fen): string {
  const s = formatHundredths(fen);
  const [int = '', frac = ''] = s.split('.');
  const neg = int.startsWith('-');
  const digits = neg ? int.slice(1) : int;
  return `${neg ? '-' : ''}${digits.replace(/\B(?=(\d{3})+$)/g, ',')}.${frac}`;
}

/** A Percent as "64.55%". @example formatPercent(6455) === '64.55%' */
export function formatPercent(p: Percent): string {
  return `${formatHundredths(p)}%`;
}

/** The size of a gap in points, without sign: "3.92". @example formatPoints(-392) === '3.92' */
export function formatPoints(p: Percent): string {
  return formatHundredths(Math.abs(p));
}

/** An integer count of hundredths as a decimal with two places. @example formatHundredths(-5) === '-0.05' */
export function formatHundredths(n: number): string {
  const neg = n < 0;
  const a = Math.abs(n);
  const int = Math.floor(a / 100);
  const frac = a - int * 100;
  return `${neg ? '-' : ''}${int}.${String(frac).padStart(2, '0')}`;
}

/** 万元 as a number with two decimals, for cells whose number format shows 万元. */
export function fenToWanNumber(fen: Fen): number {
  return roundDiv(fen, 10000) / 100;
}
