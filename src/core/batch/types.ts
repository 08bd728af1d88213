import { type Fen } from '../money/fen';
import { type Percent } from '../money/percent';
import { type Category } from '../types';

/** Budget, spending and rate of one group of lines of one unit. */
export interface UnitFigures {
  readonly budget: Fen;
  readonly executed: Fen;
  /** 执行率; null when the budget is not positive. */
  readonly rate: Percent | null;
}

/** A project (or, with 日常公用 included, a basic line) behind its warning line, as one unit reported it. */
export interface LaggingProject {
  readonly unit: string;
  readonly name: string;
  readonly category: Category;
  readonly budget: Fen;
  readonly executed: Fen;
  readonly rate: Percent | null;
  /** 执行率 − 时间进度, in 0.01 points; null without a rate. */
  readonly deviation: Percent | null;
  /** What spending is short of 时间进度: budget × 时间进度 − executed, in 分 (0 when not short). */
  readonly shortfall: Fen;
  /** The unit's own words for why it was flagged ("尚未支出", "低于时间进度13.92个百分点"). */
  readonly reason: string;
}

/** The 四川省预警线 judgement of a unit: personnel spending is out of scope of the rule. */
export interface SichuanStatus {
  /** The line for the month (null before April: no warning yet). */
  readonly line: Percent | null;
  /** 公用 + 项目 together. */
  readonly figures: UnitFigures;
  /** Below the line overall, or with projects below it. */
  readonly warned: boolean;
}

/**
 * One unit's row of the 汇总, taken from its own report model — the same figures its own report
 * prints. Plain data (no functions, no Map), so a worker thread can send it back as it is.
 */
export interface UnitSummary {
  /** The name shown in the 汇总 and used for the unit's folder: its organisation, made unique. */
  readonly name: string;
  /** The organisation as its workbook gives it (or the file name when it gives none). */
  readonly organization: string;
  /** The file it came from, as given (relative to the folder). */
  readonly file: string;
  readonly year: number;
  readonly month: number;
  readonly timeProgress: Percent;
  readonly initial: Fen;
  readonly adjustment: Fen;
  readonly total: UnitFigures;
  readonly categories: Readonly<Record<Category, UnitFigures>>;
  /** 执行率 − 时间进度 of the whole unit; null without a rate. */
  readonly deviation: Percent | null;
  /** What the unit's spending is short of 时间进度, in 分 (0 when on or ahead of it). */
  readonly shortfall: Fen;
  readonly lagging: readonly LaggingProject[];
  /** Flagged projects with nothing spent by the cut-off. */
  readonly unspentProjects: number;
  /** Targets at risk of the unit's 绩效目标 sheet; null when it has none. */
  readonly targetsAtRisk: number | null;
  /** Projects whose target progress and spending differ by more than the threshold. */
  readonly mismatchedProjects: number;
  /** Only when the 四川 rule was chosen. */
  readonly sichuan: SichuanStatus | null;
  /** The recognition's and the targets' warnings (things the unit should check). */
  readonly warnings: number;
  /** The ledger's own contradictions the user accepted (with --accept-differences). */
  readonly acceptedDifferences: number;
  /** The sheets its 主管部门 ledger added up (more than one for 本级 + 二级单位). */
  readonly sheets: number;
}

/** A file that gave no report, kept with the reason: a unit is never dropped silently. */
export interface UnitFailure {
  readonly name: string;
  readonly file: string;
  readonly reason: string;
}

export type UnitOutcome =
  { readonly ok: true; readonly unit: UnitSummary } | { readonly ok: false; readonly failure: UnitFailure };

/** Where a unit stands against 时间进度. */
export type Standing = '达到时间进度' | '略低于时间进度' | '明显低于时间进度' | '无法计算';

export interface RankedUnit extends UnitSummary {
  /** 1-based rank by 执行率, highest first; units without a rate come last. */
  readonly rank: number;
  readonly standing: Standing;
}

/** Sums over every readable unit, exact in 分; rates from the sums, rounded once. */
export interface BatchTotals {
  readonly initial: Fen;
  readonly adjustment: Fen;
  readonly total: UnitFigures;
  readonly categories: Readonly<Record<Category, UnitFigures>>;
  readonly laggingCount: number;
  readonly laggingBudget: Fen;
  readonly targetsAtRisk: number;
  readonly warnings: number;
}

/** A problem several units share, with how many units and the figure behind it. */
export interface CommonProblem {
  readonly kind: 'unspent' | 'lagging' | 'behind' | 'targets' | 'mismatch' | 'sichuan' | 'differences';
  readonly units: number;
  /** Projects (or targets) concerned, over all those units. */
  readonly count: number;
  /** The budget concerned, in 分, when the problem has one. */
  readonly amount: Fen | null;
}

export interface BatchOptions {
  /** Points below 时间进度 beyond which a unit is 明显低于时间进度 (the --gap, default 10). */
  readonly gapPoints?: number;
  readonly rule?: 'gap' | 'sichuan';
}

export interface BatchModel {
  /** The year and month most units report for (the 通报's period). */
  readonly year: number;
  readonly month: number;
  readonly timeProgress: Percent;
  readonly gapPoints: number;
  readonly rule: 'gap' | 'sichuan';
  /** Every readable unit, ranked. */
  readonly units: readonly RankedUnit[];
  /** Units whose year or month differs from the 通报's. */
  readonly otherPeriods: readonly RankedUnit[];
  readonly failures: readonly UnitFailure[];
  readonly totals: BatchTotals;
  /** 执行率 of all units together and its gap to 时间进度 (from the exact sums). */
  readonly deviation: Percent | null;
  readonly distribution: Readonly<Record<Standing, number>>;
  /** Up to ten units with the largest shortfall to 时间进度, largest first. */
  readonly mostLaggingUnits: readonly RankedUnit[];
  /** Every lagging project of every unit, largest shortfall first. */
  readonly lagging: readonly LaggingProject[];
  /** Up to ten of them. */
  readonly mostLaggingProjects: readonly LaggingProject[];
  readonly problems: readonly CommonProblem[];
  /** The 四川省预警线 of the 通报's month (null without the rule, or before April). */
  readonly sichuanLine: Percent | null;
  /** Units that reported under the 四川 rule and are warned (null when the rule is not chosen). */
  readonly sichuanWarned: number | null;
}
