import { type Fen } from '../money/fen';
import { formatPercent, formatPoints, formatWan } from '../money/format';
import { type Percent } from '../money/percent';

/** "516.42万元". @example wan(51642000) === '516.42万元' */
export function wan(fen: Fen): string {
  return `${formatWan(fen)}万元`;
}

/** "64.55%", or "无法计算（预算为0）" when there is no rate. */
export function pct(p: Percent | null): string {
  return p === null ? '无法计算（全年预算为0）' : formatPercent(p);
}

/**
 * The gap to 时间进度 in words.
 * @example gapWords(-392) === '低于时间进度3.92个百分点'; gapWords(0) === '与时间进度持平'
 */
export function gapWords(deviation: Percent | null): string {
  if (deviation === null) return '无法与时间进度比较';
  if (deviation === 0) return '与时间进度持平';
  return `${deviation < 0 ? '低于' : '高于'}时间进度${formatPoints(deviation)}个百分点`;
}

/**
 * 调增 or 调减 with its size, for the sentence on the year's budget.
 * @example adjustmentWords(7674000) === '年中调增预算76.74万元'
 */
export function adjustmentWords(adjustment: Fen): string {
  if (adjustment === 0) return '年中未调整预算';
  return `年中${adjustment > 0 ? '调增' : '调减'}预算${wan(Math.abs(adjustment))}`;
}

/** "1-8月" for a cut-off month. */
export function periodLabel(month: number): string {
  return month === 1 ? '1月' : `1-${month}月`;
}

/** Chinese numerals for section numbers. @example chineseNumber(3) === '三' */
export function chineseNumber(n: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  if (n <= 10) return digits[n] ?? String(n);
  if (n < 20) return `十${digits[n - 10] ?? ''}`;
  return `${digits[Math.floor(n / 10)] ?? ''}十${n % 10 === 0 ? '' : (digits[n % 10] ?? '')}`;
}

/** Joins clauses with "；" and ends with "。". */
export function sentence(parts: readonly string[]): string {
  return parts.filter((p) => p !== '').join('；') + '。';
}

/**
 * A name followed by its amount, with a comma where the name ends in a digit so the two cannot
 * run together ("支出事项1，0.00万元", not "支出事项10.00万元").
 * @example nameWithAmount('维权帮扶项目经费', 2000000) === '维权帮扶项目经费2.00万元'
 */
export function nameWithAmount(name: string, fen: Fen): string {
  return `${name}${/[\d.]$/.test(name) ? '，' : ''}${wan(fen)}`;
}

/**
 * "人员支出287.18万元，为全年预算406.14万元的70.71%" — or, with no positive budget, a sentence that
 * says so instead of a rate.
 * @example spentOfBudget('项目支出', 0, 0, null) === '项目支出0.00万元（全年预算为0，无执行率）'
 * @example spentOfBudget('项目支出', 0, 53160000, 0) === '项目支出全年预算53.16万元，尚未支出'
 */
export function spentOfBudget(label: string, executed: Fen, budget: Fen, rate: Percent | null): string {
  // "0.00万元，为全年预算53.16万元的0.00%" says one thing three times.
  if (executed === 0 && budget > 0) return `${label}全年预算${wan(budget)}，尚未支出`;
  if (rate === null) {
    return `${nameWithAmount(label, executed)}（全年预算为${budget === 0 ? '0' : wan(budget)}，无执行率）`;
  }
  return `${nameWithAmount(label, executed)}，为全年预算${wan(budget)}的${formatPercent(rate)}`;
}
