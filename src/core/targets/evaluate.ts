import { type Percent, ratePercent } from '../money/percent';
import { roundDiv } from '../money/fen';
import { formatPercent, formatPoints } from '../money/format';
import { periodLabel } from '../report/phrases';
import { type Direction, type TargetResult, type TargetRow, type TargetStatus, type TargetValue } from './types';

type NumberValue = Extract<TargetValue, { kind: 'number' }>;

/** Words that say a task is done ("已完成", "已拨付到位"), unless negated ("尚未完成"). */
const DONE = /已完成|已办结|已拨付|已到位|已达到|已达成|已实现|已落实|按时完成|完成$/;
const NOT_DONE = /未|尚未|没有|正在|进行中|推进中|计划/;

/** 完成目标可能性 folded: 完全不可能 / 有可能 / 确定能, or '' when not given. */
export function likelihoodOf(text: string): '完全不可能' | '有可能' | '确定能' | '' {
  if (/不可能|无法|不能/.test(text)) return '完全不可能';
  if (/有可能|可能|不确定|较大/.test(text)) return '有可能';
  if (/确定|能|肯定/.test(text)) return '确定能';
  return '';
}

/**
 * The direction a number target is met in: as written, else ≤ for 成本 (a cost target is met by
 * spending less), else ≥ (a count or a rate is met by reaching it).
 * @example directionOf({ kind: 'number', direction: '=', directionGiven: false, value: 2, unit: '万元', label: '' }, '成本') === '≤'
 */
export function directionOf(target: NumberValue, kind: string): Direction {
  if (target.directionGiven) return target.direction;
  return kind === '成本' ? '≤' : '≥';
}

/**
 * The actual in the target's unit, or null when the two cannot be compared: 元 and 万元 convert;
 * a bare number takes the target's unit; 0.96 against a percentage target means 96%.
 * @example comparableValue(num(36.87, '万元'), num(571200, '元')) === 57.12
 * @example comparableValue(num(95, '%'), num(0.96, '')) === 96
 */
export function comparableValue(target: NumberValue, actual: NumberValue): number | null {
  const tu = target.unit;
  const au = actual.unit;
  if (au === '' || au === tu) {
    if (tu === '%' && au === '' && actual.value <= 1.5 && target.value > 1.5) return actual.value * 100;
    return actual.value;
  }
  if (tu === '万元' && au === '元') return actual.value / 10000;
  if (tu === '元' && au === '万元') return actual.value * 10000;
  // "人" and "人次", "个" and "家" differ in words only now and then; a shared first character is enough.
  if (tu !== '' && au[0] === tu[0] && tu !== '%' && au !== '%') return actual.value;
  return null;
}

/** a ÷ t in 0.01%, rounded half away from zero; at most 100%. */
function ratioOf(a: number, t: number): Percent {
  if (t <= 0) return a >= t ? 10000 : 0;
  const r = roundDiv(Math.round(a * 10000) * 10000, Math.round(t * 10000));
  return Math.max(0, Math.min(10000, r));
}

/**
 * Completion of a number target in its direction: ≥/= is actual ÷ target (capped at 100%);
 * ≤ is 100% while the actual stays within the target, else target ÷ actual.
 * @example completionRatio('≥', 300, 120) === 4000
 * @example completionRatio('≤', 57.12, 36.87) === 10000
 * @example completionRatio('≤', 2, 4) === 5000
 */
export function completionRatio(direction: Direction, target: number, actual: number): Percent {
  if (direction === '≤') return actual <= target ? 10000 : actual <= 0 ? 0 : ratioOf(target, actual);
  return ratioOf(actual, target);
}

/** A rate or a level ("≥95%", "满意度", "及时率") is judged against the target itself, not time progress. */
function isLevel(row: TargetRow, target: NumberValue): boolean {
  return (
    target.unit === '%' ||
    /^(个)?(工作日|天|日|小时|分钟|周)$/.test(target.unit) ||
    /率$|度$|比例$|占比$/.test(row.level3 + target.label)
  );
}

function meets(direction: Direction, target: number, value: number): boolean {
  return direction === '≤' ? value <= target : value >= target;
}

/**
 * How far one target is met at the end of month N, and whether it is at risk.
 * @example evaluateTarget(row('法律咨询服务人次', '≥300人次', '120人次'), 8, 6667).status === '滞后'
 */
export function evaluateTarget(row: TargetRow, month: number, timeProgress: Percent, gapPoints = 10): TargetResult {
  const period = periodLabel(month);
  const reasons: string[] = [];
  let ratio: Percent | null = null;
  let status: TargetStatus;
  let forecastShort: boolean | null = null;
  const t = row.target;
  const a = row.actual;
  const actualDone = a.kind === 'qualitative' && DONE.test(a.text) && !NOT_DONE.test(a.text);

  if (t.kind === 'number') {
    const dir = directionOf(t, row.kind);
    const value = a.kind === 'number' ? comparableValue(t, a) : null;
    if (value !== null) {
      ratio = completionRatio(dir, t.value, value);
      const level = isLevel(row, t) || dir === '≤';
      if (dir === '≤') {
        status = meets(dir, t.value, value) ? (isLevel(row, t) ? '已达成' : '正常') : '滞后';
        if (status === '滞后') reasons.push(`${period}已达${row.actualText}，超出目标值${row.targetText}`);
      } else if (ratio >= 10000) status = '已达成';
      else if (level) {
        status = '滞后';
        reasons.push(`${period}实际为${row.actualText}，未达到目标值${row.targetText}`);
      } else if (ratio < timeProgress - gapPoints * 100) {
        status = '滞后';
        reasons.push(
          `${period}完成${row.actualText}，完成${formatPercent(ratio)}，低于时间进度${formatPoints(ratio - timeProgress)}个百分点`,
        );
      } else status = '正常';
    } else if (actualDone) {
      ratio = 10000;
      status = '已达成';
    } else status = a.kind === 'empty' ? '未填报' : '定性';
    const f = row.forecast;
    if (f.kind === 'number') {
      const fv = comparableValue(t, f);
      if (fv !== null) forecastShort = !meets(dir, t.value, fv);
    }
  } else if (t.kind === 'deadline') {
    // "已完成" without a date is taken as done in time: the sheet would say when it was late.
    const doneAt = a.kind === 'deadline' ? a.month : actualDone ? t.month : null;
    if (doneAt !== null) {
      ratio = 10000;
      status = doneAt <= t.month ? '已达成' : '逾期';
      if (status === '逾期') reasons.push(`应于${t.month}月底前完成，${doneAt}月才完成`);
    } else if (month < t.month) status = '未到期';
    else {
      ratio = 0;
      status = '逾期';
      reasons.push(`应于${t.month}月底前完成，截至${month}月底尚未完成`);
    }
    const f = row.forecast;
    if (f.kind === 'deadline') forecastShort = f.month > t.month;
  } else status = a.kind === 'empty' && t.kind === 'empty' ? '未填报' : '定性';

  if (row.forecast.kind === 'qualitative' && /不能|无法|未能|难以|不可能/.test(row.forecast.text)) forecastShort = true;
  if (forecastShort) reasons.push(`全年预计完成${row.forecastText}，达不到目标值${row.targetText}`);
  if (likelihoodOf(row.likelihood) === '完全不可能') reasons.push('完成目标可能性为“完全不可能”');
  return { row, ratio, status, forecastShort, atRisk: reasons.length > 0, riskReasons: reasons };
}

/**
 * The mean completion of targets with a ratio, or null when none has one.
 * @example meanRatio([10000, 4000, null]) === 7000
 */
export function meanRatio(ratios: readonly (Percent | null)[]): Percent | null {
  const xs = ratios.filter((r): r is Percent => r !== null);
  if (xs.length === 0) return null;
  return roundDiv(
    xs.reduce((s, r) => s + r, 0),
    xs.length,
  );
}

/** 执行率 for comparing with target progress: spending beyond the budget counts as 100%. */
export function cappedRate(executed: number, budget: number): Percent | null {
  const r = ratePercent(executed, budget);
  return r === null ? null : Math.min(r, 10000);
}
