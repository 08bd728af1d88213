import { type Fen } from '../money/fen';
import { type Percent, timeProgress as timeProgressOf } from '../money/percent';
import { CATEGORIES, type Category } from '../types';
import { sichuanWarningLine } from '../indicators/warning-line';
import { figuresOf } from './summarize';
import {
  type BatchModel,
  type BatchOptions,
  type BatchTotals,
  type CommonProblem,
  type LaggingProject,
  type RankedUnit,
  type Standing,
  type UnitFailure,
  type UnitFigures,
  type UnitOutcome,
  type UnitSummary,
} from './types';

/** Code-point order: the same on every machine, whatever its locale. */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** 执行率 highest first; units without a rate (no budget) last; ties by name. */
export function compareByRate(a: UnitSummary, b: UnitSummary): number {
  const ra = a.total.rate;
  const rb = b.total.rate;
  if (ra === null || rb === null) {
    if (ra !== rb) return ra === null ? 1 : -1;
  } else if (ra !== rb) return rb - ra;
  return byText(a.name, b.name) || byText(a.file, b.file);
}

export function standingOf(deviation: Percent | null, gapPoints: number): Standing {
  if (deviation === null) return '无法计算';
  if (deviation >= 0) return '达到时间进度';
  return deviation > -Math.round(gapPoints * 100) ? '略低于时间进度' : '明显低于时间进度';
}

/** The period most units report for; on a tie the latest. */
function commonPeriod(units: readonly UnitSummary[]): { year: number; month: number } | null {
  const counts = new Map<number, number>();
  for (const u of units) counts.set(u.year * 100 + u.month, (counts.get(u.year * 100 + u.month) ?? 0) + 1);
  let best: number | null = null;
  for (const [key, n] of counts) {
    if (best === null || n > (counts.get(best) ?? 0) || (n === counts.get(best) && key > best)) best = key;
  }
  return best === null ? null : { year: Math.floor(best / 100), month: best % 100 };
}

function sumOf<T>(xs: readonly T[], f: (x: T) => number): number {
  let s = 0;
  for (const x of xs) s += f(x);
  return s;
}

function totalsOf(units: readonly UnitSummary[]): BatchTotals {
  const figures = (pick: (u: UnitSummary) => UnitFigures): UnitFigures =>
    figuresOf({ budget: sumOf(units, (u) => pick(u).budget), executed: sumOf(units, (u) => pick(u).executed) });
  const categories = Object.fromEntries(CATEGORIES.map((c) => [c, figures((u) => u.categories[c])])) as Record<
    Category,
    UnitFigures
  >;
  return {
    initial: sumOf(units, (u) => u.initial),
    adjustment: sumOf(units, (u) => u.adjustment),
    total: figures((u) => u.total),
    categories,
    laggingCount: sumOf(units, (u) => u.lagging.length),
    laggingBudget: sumOf(units, (u) => sumOf(u.lagging, (p) => p.budget)),
    targetsAtRisk: sumOf(units, (u) => u.targetsAtRisk ?? 0),
    warnings: sumOf(units, (u) => u.warnings),
  };
}

function problemsOf(units: readonly UnitSummary[]): CommonProblem[] {
  const problem = (
    kind: CommonProblem['kind'],
    hit: (u: UnitSummary) => boolean,
    count: (u: UnitSummary) => number,
    amount: ((u: UnitSummary) => Fen) | null,
  ): CommonProblem => {
    const concerned = units.filter(hit);
    return {
      kind,
      units: concerned.length,
      count: sumOf(concerned, count),
      amount: amount ? sumOf(concerned, amount) : null,
    };
  };
  const unspent = (u: UnitSummary) => u.lagging.filter((p) => p.category === '项目支出' && p.executed <= 0);
  const list = [
    problem(
      'behind',
      (u) => u.deviation !== null && u.deviation < 0,
      () => 1,
      (u) => u.shortfall,
    ),
    problem(
      'unspent',
      (u) => unspent(u).length > 0,
      (u) => unspent(u).length,
      (u) => sumOf(unspent(u), (p) => p.budget),
    ),
    problem(
      'lagging',
      (u) => u.lagging.length > 0,
      (u) => u.lagging.length,
      (u) => sumOf(u.lagging, (p) => p.budget),
    ),
    problem(
      'targets',
      (u) => (u.targetsAtRisk ?? 0) > 0,
      (u) => u.targetsAtRisk ?? 0,
      null,
    ),
    problem(
      'mismatch',
      (u) => u.mismatchedProjects > 0,
      (u) => u.mismatchedProjects,
      null,
    ),
    problem(
      'sichuan',
      (u) => u.sichuan?.warned === true,
      () => 1,
      null,
    ),
    problem(
      'differences',
      (u) => u.acceptedDifferences > 0,
      (u) => u.acceptedDifferences,
      null,
    ),
  ];
  return list.filter((p) => p.units > 0);
}

const byShortfall = (a: LaggingProject, b: LaggingProject): number =>
  b.shortfall - a.shortfall || b.budget - a.budget || byText(a.unit, b.unit) || byText(a.name, b.name);

/**
 * The 汇总 of many units from each unit's own summary: ranking, distribution, totals that are the
 * exact sums of the units (so the 汇总 reconciles to the 分), the most lagging units and projects,
 * and the problems several units share. Units that gave no report are kept with their reason.
 */
export function aggregateUnits(outcomes: readonly UnitOutcome[], options: BatchOptions = {}): BatchModel {
  const gapPoints = options.gapPoints ?? 10;
  const summaries: UnitSummary[] = [];
  const failures: UnitFailure[] = [];
  for (const o of outcomes) {
    if (o.ok) summaries.push(o.unit);
    else failures.push(o.failure);
  }
  failures.sort((a, b) => byText(a.file, b.file));
  const units: RankedUnit[] = [...summaries]
    .sort(compareByRate)
    .map((u, i) => ({ ...u, rank: i + 1, standing: standingOf(u.deviation, gapPoints) }));
  const period = commonPeriod(units) ?? { year: 0, month: 0 };
  const tp = period.month > 0 ? timeProgressOf(period.month) : 0;
  const totals = totalsOf(units);
  const distribution: Record<Standing, number> = {
    达到时间进度: 0,
    略低于时间进度: 0,
    明显低于时间进度: 0,
    无法计算: 0,
  };
  for (const u of units) distribution[u.standing]++;
  const lagging = units.flatMap((u) => u.lagging).sort(byShortfall);
  const mostLaggingUnits = units
    .filter((u) => u.shortfall > 0)
    .sort((a, b) => b.shortfall - a.shortfall || compareByRate(a, b))
    .slice(0, 10);
  const sichuan = options.rule === 'sichuan' || units.some((u) => u.sichuan !== null);
  return {
    year: period.year,
    month: period.month,
    timeProgress: tp,
    gapPoints,
    rule: sichuan ? 'sichuan' : 'gap',
    units,
    otherPeriods: units.filter((u) => u.year !== period.year || u.month !== period.month),
    failures,
    totals,
    deviation: totals.total.rate === null ? null : totals.total.rate - tp,
    distribution,
    mostLaggingUnits,
    lagging,
    mostLaggingProjects: lagging.slice(0, 10),
    problems: problemsOf(units),
    sichuanLine: sichuan ? sichuanWarningLine(period.month) : null,
    sichuanWarned: sichuan ? units.filter((u) => u.sichuan?.warned === true).length : null,
  };
}
