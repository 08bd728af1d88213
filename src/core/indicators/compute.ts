import { type Category, type LedgerLine, CATEGORIES } from '../types';
import { formatPercent, formatPoints } from '../money/format';
import { type Percent, ratePercent, timeProgress as progressOf } from '../money/percent';
import { totalsOf } from './totals';
import { sichuanWarningLine } from './warning-line';
import {
  type IndicatorOptions,
  type Indicators,
  type ItemResult,
  type LineStatus,
  type ProjectPlan,
  type Totals,
} from './types';

/**
 * The monitoring indicators of a ledger at the end of month N: totals per line, category,
 * funding source and overall; a status per line; and the under-executed lines.
 */
export function computeIndicators(
  lines: readonly LedgerLine[],
  year: number,
  month: number,
  options: IndicatorOptions = {},
): Indicators {
  const tp = progressOf(month);
  const gapPoints = options.gapPoints ?? 10;
  const rule = options.rule ?? 'gap';
  const includeBasic = options.includeBasic ?? false;
  const warningLine = rule === 'sichuan' ? sichuanWarningLine(month) : tp - Math.round(gapPoints * 100);

  const items: ItemResult[] = lines.map((line) => {
    const totals = totalsOf([line], tp);
    const status = statusOf(totals);
    const inScope =
      line.category === '项目支出' || (includeBasic && (rule !== 'sichuan' || line.category !== '人员支出'));
    const reason = inScope ? flagReason(totals, status, warningLine, tp, rule) : null;
    return { line, totals, status, flagged: reason !== null, flagReason: reason };
  });

  const byCategory = {} as Record<Category, Totals>;
  for (const c of CATEGORIES)
    byCategory[c] = totalsOf(
      lines.filter((l) => l.category === c),
      tp,
    );
  const sourceNames = [...new Set(lines.map((l) => l.source))];
  const total = totalsOf(lines, tp);
  const shares = {} as Record<Category, Percent | null>;
  for (const c of CATEGORIES) shares[c] = ratePercent(byCategory[c].budget, total.budget);
  const remaining = total.forecast === null ? null : total.forecast - total.executed;
  const projectLines = lines.filter((l) => l.category === '项目支出');
  const added = projectLines.filter((l) => l.initial === 0 && l.adjustment > 0);
  const fromStart = projectLines.filter((l) => l.initial > 0);
  const initialSum = fromStart.reduce((s, l) => s + l.initial, 0);
  const addedSum = added.reduce((s, l) => s + l.budget, 0);
  const projectPlan: ProjectPlan = {
    initialCount: fromStart.length,
    initialSum,
    addedCount: added.length,
    addedSum,
    // Whatever else changed: adjustments of 年初 projects (and of any project neither started nor added).
    otherAdjustment: byCategory.项目支出.budget - initialSum - addedSum,
  };
  return {
    year,
    month,
    timeProgress: tp,
    warningLine,
    rule,
    gapPoints,
    includeBasic,
    total,
    shares,
    projectPlan,
    remaining,
    remainingShare: remaining === null ? null : ratePercent(remaining, total.budget),
    categories: byCategory,
    basic: totalsOf(
      lines.filter((l) => l.category !== '项目支出'),
      tp,
    ),
    sources: sourceNames.map((name) => ({
      name,
      totals: totalsOf(
        lines.filter((l) => l.source === name),
        tp,
      ),
    })),
    items,
    flagged: items.filter((i) => i.flagged),
  };
}

/**
 * 未执行: a budget and nothing spent; 超预算: more spent than the budget (or spending without one);
 * 滞后: below 时间进度; otherwise 正常.
 */
export function statusOf(t: Totals): LineStatus {
  if (t.budget > 0 && t.executed <= 0) return '未执行';
  if (t.executed > t.budget && t.executed > 0) return '超预算';
  if (t.deviation !== null && t.deviation < 0) return '滞后';
  return '正常';
}

function flagReason(
  t: Totals,
  status: LineStatus,
  warningLine: Percent | null,
  tp: Percent,
  rule: string,
): string | null {
  if (status === '未执行') return '尚未支出';
  if (t.rate === null || warningLine === null || t.rate >= warningLine) return null;
  if (rule === 'sichuan') return `执行率${formatPercent(t.rate)}，低于预警线${formatPercent(warningLine)}`;
  return `执行率${formatPercent(t.rate)}，低于时间进度${formatPoints(t.rate - tp)}个百分点`;
}
