import { type Category, type LedgerLine, CATEGORIES } from '../types';
import { formatPercent, formatPoints } from '../money/format';
import { type Percent, ratePercent, timeProgress as progressOf } from '../money/percent';
import { totalsOf } from './totals';
import { roundDiv } from '../money/fen';
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

  // One project on several lines (a 指标 per source of money): flagged on the project's totals, so a
  // small second line does not make a project on track look behind, and flagged once or not at all.
  const projects = new Map<string, number[]>();
  items.forEach((it, i) => {
    const key = `${it.line.sheet}\u0000${it.line.name.replace(/\s+/g, '')}\u0000${it.line.category}`;
    projects.set(key, [...(projects.get(key) ?? []), i]);
  });
  const projectOf = new Map<number, ItemResult | 'later line'>();
  for (const idx of projects.values()) {
    if (idx.length < 2) continue;
    const first = items[idx[0]!]!;
    if (!first.flagged && !idx.some((i) => items[i]!.flagged)) continue;
    const totals = totalsOf(
      idx.map((i) => items[i]!.line),
      tp,
    );
    const inScope =
      first.line.category === '项目支出' ||
      (includeBasic && (rule !== 'sichuan' || first.line.category !== '人员支出'));
    const reason = inScope ? flagReason(totals, statusOf(totals), warningLine, tp, rule) : null;
    for (const i of idx) items[i] = { ...items[i]!, flagged: reason !== null, flagReason: reason };
    if (reason === null) continue;
    // The project as one item for the lists: its own figures, all its rows.
    const lines = idx.map((i) => items[i]!.line);
    const sum = (f: (l: LedgerLine) => number): number => lines.reduce((a, l) => a + f(l), 0);
    const line: LedgerLine = {
      ...first.line,
      initial: sum((l) => l.initial),
      adjustment: sum((l) => l.adjustment),
      carryover: sum((l) => l.carryover ?? 0),
      budget: sum((l) => l.budget),
      executed: sum((l) => l.executed),
      forecast: lines.every((l) => l.forecast === null) ? null : sum((l) => l.forecast ?? 0),
      source: [...new Set(lines.map((l) => l.source))].join('、'),
      rows: lines.flatMap((l) => l.rows ?? [l.row]),
    };
    projectOf.set(idx[0]!, { line, totals, status: statusOf(totals), flagged: true, flagReason: reason });
    for (const i of idx.slice(1)) projectOf.set(i, 'later line');
  }
  const flagged: ItemResult[] = [];
  items.forEach((it, i) => {
    const project = projectOf.get(i);
    if (project === 'later line') return;
    if (project) flagged.push(project);
    else if (it.flagged) flagged.push(it);
  });

  const byCategory = {} as Record<Category, Totals>;
  for (const c of CATEGORIES)
    byCategory[c] = totalsOf(
      lines.filter((l) => l.category === c),
      tp,
    );
  const sourceNames = [...new Set(lines.map((l) => l.source))];
  const unitSheets = [...new Set(lines.map((l) => l.sheet))];
  const total = totalsOf(lines, tp);
  const shares = {} as Record<Category, Percent | null>;
  for (const c of CATEGORIES) shares[c] = ratePercent(byCategory[c].budget, total.budget);
  const remaining = total.forecast === null ? null : total.forecast - total.executed;
  const projectLines = lines.filter((l) => l.category === '项目支出');
  // 上年结转 alone is no in-year addition.
  const added = projectLines.filter((l) => l.initial === 0 && l.adjustment - (l.carryover ?? 0) > 0);
  const fromStart = projectLines.filter((l) => l.initial > 0);
  const initialSum = fromStart.reduce((s, l) => s + l.initial, 0);
  const addedSum = added.reduce((s, l) => s + l.budget, 0);
  const otherAdjustment = byCategory.项目支出.budget - initialSum - addedSum;
  // An added project's carry-over is inside addedSum already.
  const carried = projectLines.filter((l) => !added.includes(l)).reduce((s, l) => s + (l.carryover ?? 0), 0);
  const projectPlan: ProjectPlan = {
    initialCount: fromStart.length,
    initialSum,
    addedCount: added.length,
    addedSum,
    // Whatever else changed: adjustments of 年初 projects (and of any project neither started nor added).
    otherAdjustment,
    carryover: carried,
    inYearAdjustment: otherAdjustment - carried,
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
    pace: {
      pastMonthly: roundDiv(total.executed, month),
      neededMonthly: remaining === null || remaining < 0 || month >= 12 ? null : roundDiv(remaining, 12 - month),
    },
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
    units:
      unitSheets.length > 1
        ? unitSheets.map((sheet) => ({
            sheet,
            totals: totalsOf(
              lines.filter((l) => l.sheet === sheet),
              tp,
            ),
          }))
        : [],
    items,
    flagged,
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
