import { type Percent } from '../core/money/percent';
import { formatPercent, formatPoints, formatWan } from '../core/money/format';
import { type Place } from '../core/types';
import { placeText } from '../core/errors';

export const wan = (fen: number): string => `${formatWan(fen)}万元`;
export const pct = (p: Percent | null): string => (p === null ? '—（预算为0）' : formatPercent(p));
export function gapText(deviation: Percent | null): string {
  if (deviation === null) return '';
  if (deviation === 0) return '与时间进度持平';
  return `${deviation < 0 ? '低于' : '高于'}时间进度${formatPoints(deviation)}个百分点`;
}
export const where = (p: Place): string => placeText(p);
