import { LedgerError } from '../errors';
import { type IndicatorOptions } from './types';

/**
 * The indicator options as the user set them in the pane or on the command line, checked before
 * they reach a sentence: a gap that is not a number would print as "NaN个百分点".
 */
export function indicatorOptionsError(options: IndicatorOptions): LedgerError | null {
  const gap = options.gapPoints;
  if (gap !== undefined && !(Number.isFinite(gap) && gap >= 0 && gap <= 100)) {
    return new LedgerError(`预警差距应为0到100之间的数（单位：个百分点，如10），收到的是“${String(gap)}”。`);
  }
  if (options.rule !== undefined && options.rule !== 'gap' && options.rule !== 'sichuan') {
    return new LedgerError(`预警规则应为“低于时间进度”或“四川省预警线”，收到的是“${String(options.rule)}”。`);
  }
  return null;
}
