import { type LedgerLine } from '../types';
import { type Percent, ratePercent } from '../money/percent';
import { type Totals } from './types';

/**
 * The totals of a group of lines: exact sums in 分, then rates rounded once.
 * @example totalsOf([{ budget: 100, executed: 50, … }], 6667).rate === 5000
 */
export function totalsOf(lines: readonly LedgerLine[], timeProgress: Percent): Totals {
  let initial = 0;
  let adjustment = 0;
  let budget = 0;
  let executed = 0;
  let forecast: number | null = 0;
  for (const l of lines) {
    initial += l.initial;
    adjustment += l.adjustment;
    budget += l.budget;
    executed += l.executed;
    forecast = forecast === null || l.forecast === null ? null : forecast + l.forecast;
  }
  if (lines.length === 0) forecast = null;
  const rate = ratePercent(executed, budget);
  return {
    initial,
    adjustment,
    budget,
    executed,
    forecast,
    rate,
    deviation: rate === null ? null : rate - timeProgress,
    forecastRate: forecast === null ? null : ratePercent(forecast, budget),
    lines: lines.length,
  };
}
