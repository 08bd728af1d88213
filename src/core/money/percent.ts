import { type Fen, roundDiv } from './fen';

/**
 * A percentage kept as an integer count of 0.01% (basis points of a percent), the precision
 * every report prints: 6455 means 64.55%. Rounded half away from zero, once, from exact 分.
 */
export type Percent = number;

/**
 * 执行率 as a Percent, or null when the denominator is not positive (no rate exists).
 * @example ratePercent(36870000, 57120000) === 6455 // 64.55%
 * @example ratePercent(100, 0) === null
 */
export function ratePercent(numerator: Fen, denominator: Fen): Percent | null {
  if (denominator <= 0) return null;
  return roundDiv(numerator * 10000, denominator);
}

/**
 * 时间进度 for a cut-off month: N ÷ 12.
 * @example timeProgress(8) === 6667 // 66.67%
 */
export function timeProgress(month: number): Percent {
  return roundDiv(month * 10000, 12);
}

/** Percent as a fraction with four decimals, as report.json carries rates. @example percentToFraction(6455) === 0.6455 */
export function percentToFraction(p: Percent): number {
  return Number((p / 10000).toFixed(4));
}
