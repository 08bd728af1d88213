import { type Totals } from '../indicators/types';
import { type Fen, roundDiv } from '../money/fen';
import { type Percent, ratePercent } from '../money/percent';
import { type ReportModel } from '../report/types';
import { CATEGORIES, type Category } from '../types';
import { sichuanWarningLine } from '../indicators/warning-line';
import { type LaggingProject, type UnitFigures, type UnitSummary } from './types';

export const figuresOf = (t: { budget: Fen; executed: Fen }): UnitFigures => ({
  budget: t.budget,
  executed: t.executed,
  rate: ratePercent(t.executed, t.budget),
});

/**
 * What spending is short of 时间进度: budget × 时间进度 − executed, in 分, never negative.
 * Exact: the product is rounded once (half away from zero) to the 分.
 * @example shortfallOf(100_000, 0, 6667) === 66_670
 */
export function shortfallOf(budget: Fen, executed: Fen, timeProgress: Percent): Fen {
  if (budget <= 0) return 0;
  const due = roundDiv(budget * timeProgress, 10000);
  return Math.max(0, due - executed);
}

/**
 * One unit's row of the 汇总 from its own report model: the same figures its report prints, so a
 * unit's line in the 汇总 and its own report can never disagree.
 * @param name the unit's name in the 汇总 (its organisation, made unique by the caller)
 */
export function summarizeUnit(model: ReportModel, file: string, name: string = model.organization): UnitSummary {
  const ind = model.indicators;
  const tp = ind.timeProgress;
  const categories = Object.fromEntries(CATEGORIES.map((c) => [c, figuresOf(ind.categories[c])])) as Record<
    Category,
    UnitFigures
  >;
  const lagging: LaggingProject[] = ind.flagged.map((it) => ({
    unit: name,
    name: it.line.name,
    category: it.line.category,
    budget: it.totals.budget,
    executed: it.totals.executed,
    rate: it.totals.rate,
    deviation: it.totals.deviation,
    shortfall: shortfallOf(it.totals.budget, it.totals.executed, tp),
    reason: it.flagReason ?? '',
  }));
  // From the flagged list, where a project on several 指标 rows is one item (among the items it is several).
  const unspentProjects = lagging.filter((p) => p.category === '项目支出' && p.executed <= 0).length;
  const targets = model.targets;
  return {
    name,
    organization: model.organization,
    file,
    year: ind.year,
    month: ind.month,
    timeProgress: tp,
    initial: ind.total.initial,
    adjustment: ind.total.adjustment,
    total: figuresOf(ind.total),
    categories,
    deviation: ind.total.deviation,
    shortfall: shortfallOf(ind.total.budget, ind.total.executed, tp),
    lagging,
    unspentProjects,
    targetsAtRisk: targets ? targets.atRisk.length : null,
    mismatchedProjects: targets ? targets.mismatched.length : 0,
    sichuan: ind.rule === 'sichuan' ? sichuanOf(ind.categories, ind.month, lagging.length) : null,
    warnings: model.warnings.length,
    acceptedDifferences: model.recognition.discrepancies.length,
    sheets: Math.max(1, ind.units.length),
  };
}

/** 公用 + 项目 against the 四川省预警线 (personnel spending is out of scope of the rule). */
function sichuanOf(categories: Readonly<Record<Category, Totals>>, month: number, flaggedProjects: number) {
  const line = sichuanWarningLine(month);
  const figures = figuresOf({
    budget: categories['公用支出'].budget + categories['项目支出'].budget,
    executed: categories['公用支出'].executed + categories['项目支出'].executed,
  });
  const below = line !== null && figures.rate !== null && figures.rate < line;
  return { line, figures, warned: line !== null && (below || flaggedProjects > 0) };
}

/** The same unit under another name in the 汇总 (two units of one organisation, told apart). */
export function renameUnit(u: UnitSummary, name: string): UnitSummary {
  return { ...u, name, lagging: u.lagging.map((p) => ({ ...p, unit: name })) };
}
