import { type Category, type LedgerLine } from '../types';
import { type Fen } from '../money/fen';
import { type Percent } from '../money/percent';

/** The figures every table row and every sentence is built from. */
export interface Totals {
  readonly initial: Fen;
  readonly adjustment: Fen;
  readonly budget: Fen;
  readonly executed: Fen;
  /** null when no forecast was given for some line of the group. */
  readonly forecast: Fen | null;
  /** 执行率; null when the budget is not positive. */
  readonly rate: Percent | null;
  /** 执行率 − 时间进度 in 0.01 points; null with the rate. */
  readonly deviation: Percent | null;
  /** 全年预计执行率; null without a forecast or a positive budget. */
  readonly forecastRate: Percent | null;
  readonly lines: number;
}

export type LineStatus = '未执行' | '滞后' | '正常' | '超预算';

export interface ItemResult {
  readonly line: LedgerLine;
  readonly totals: Totals;
  readonly status: LineStatus;
  readonly flagged: boolean;
  /** Why it was flagged, in words for the report ("未支出", "低于时间进度13.92个百分点"). */
  readonly flagReason: string | null;
}

export type FlagRule = 'gap' | 'sichuan';

export interface IndicatorOptions {
  /** Points below 时间进度 that make a project under-executed (default 10). */
  readonly gapPoints?: number;
  /** 'gap': 时间进度 − gapPoints; 'sichuan': the 四川省预警线 for the month. */
  readonly rule?: FlagRule;
  /** Also flag 公用 (and, outside the Sichuan rule, 人员) lines, not only projects. */
  readonly includeBasic?: boolean;
}

/**
 * How the project budget came about, for "年初预算安排N个项目X万元，年中追加M个项目Y万元，共计Z万元":
 * initialSum + addedSum + otherAdjustment = the 项目支出 full-year budget.
 */
export interface ProjectPlan {
  /** Projects in the budget at the start of the year (年初 > 0), and their 年初 amounts. */
  readonly initialCount: number;
  readonly initialSum: Fen;
  /** Projects added during the year (年初 0, 调增 > 0), and their budgets. */
  readonly addedCount: number;
  readonly addedSum: Fen;
  /** In-year changes to the projects of the 年初 budget (调增 positive, 调减 negative), 上年结转 included. */
  readonly otherAdjustment: Fen;
  /**
   * Of otherAdjustment, last year's carried-over money (上年结转 of projects not added in the year), said
   * apart so "年中调增" never counts it: otherAdjustment = carryover + inYearAdjustment.
   */
  readonly carryover: Fen;
  readonly inYearAdjustment: Fen;
}

export interface Indicators {
  readonly year: number;
  readonly month: number;
  readonly timeProgress: Percent;
  /** The rate below which a line is flagged, in 0.01%: 时间进度 − gap, or the Sichuan line. */
  readonly warningLine: Percent | null;
  readonly rule: FlagRule;
  readonly gapPoints: number;
  readonly includeBasic: boolean;
  readonly total: Totals;
  readonly categories: Readonly<Record<Category, Totals>>;
  /** 基本支出 = 人员支出 + 公用支出. */
  readonly basic: Totals;
  /** Each category's share of the full-year budget (null when the total budget is not positive). */
  readonly shares: Readonly<Record<Category, Percent | null>>;
  readonly projectPlan: ProjectPlan;
  /** What is left to spend after month N to reach the forecast (null without a forecast). */
  readonly remaining: Fen | null;
  /** `remaining` as a share of the full-year budget. */
  readonly remainingShare: Percent | null;
  /**
   * Monthly spending so far (executed ÷ N) and needed after month N to reach the forecast
   * (remaining ÷ (12 − N)), for the trend in 四（一）; needed is null without a forecast or in December.
   */
  readonly pace: { readonly pastMonthly: Fen; readonly neededMonthly: Fen | null };
  readonly sources: readonly { readonly name: string; readonly totals: Totals }[];
  /**
   * Per ledger sheet, when a 主管部门 keeps one sheet per unit (本级 + 二级单位): the department's
   * figures are their sum. Empty for a ledger on one sheet.
   */
  readonly units: readonly { readonly sheet: string; readonly totals: Totals }[];
  readonly items: readonly ItemResult[];
  readonly flagged: readonly ItemResult[];
}
