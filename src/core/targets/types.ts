import { type Percent } from '../money/percent';
import { type Totals } from '../indicators/types';
import { type Warning } from '../types';

/** Which way a target is met: reach at least (≥), stay at most (≤), or hit (=). */
export type Direction = '≥' | '≤' | '=';

/**
 * A target value or an actual as the user wrote it, read into what can be compared:
 * - number: "≥95%", "≤57.12万元", "100人次", "≤2个工作日" (label: words before the figure, "满意度");
 * - deadline: "12月底前", "2024年11月30日前", "年底前";
 * - qualitative: "有效保障", "逐步提高", "已完成";
 * - empty: nothing written.
 */
export type TargetValue =
  | {
      readonly kind: 'number';
      readonly direction: Direction;
      /** False when no comparison word was written ("100人次"): the indicator kind decides. */
      readonly directionGiven: boolean;
      readonly value: number;
      readonly unit: string;
      readonly label: string;
    }
  | { readonly kind: 'deadline'; readonly month: number; readonly day: number | null }
  | { readonly kind: 'qualitative'; readonly text: string }
  | { readonly kind: 'empty' };

/** The kinds 四（二） forecasts by: 二级指标 folded (经济/社会/生态/可持续影响效益 → 效益). */
export const INDICATOR_KINDS = ['数量', '质量', '时效', '成本', '效益', '满意度', '其他'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/** What a column of the targets sheet means. */
export type TargetColumnRole =
  'project' | 'level1' | 'level2' | 'level3' | 'target' | 'actual' | 'forecast' | 'reason' | 'likelihood' | 'remark';

/** One indicator row of the targets sheet, as written, with its values parsed. */
export interface TargetRow {
  /** The project as written; '' for the whole unit. */
  readonly project: string;
  readonly level1: string;
  readonly level2: string;
  readonly level3: string;
  readonly kind: IndicatorKind;
  readonly targetText: string;
  readonly actualText: string;
  readonly forecastText: string;
  readonly reason: string;
  readonly likelihood: string;
  readonly remark: string;
  readonly target: TargetValue;
  readonly actual: TargetValue;
  readonly forecast: TargetValue;
  readonly sheet: string;
  /** 1-based row, as Excel numbers it. */
  readonly row: number;
}

export interface TargetSheetRecognition {
  readonly sheet: string;
  /** 1-based header rows. */
  readonly headerRows: readonly number[];
  readonly columns: Readonly<Partial<Record<TargetColumnRole, number>>>;
  readonly rows: readonly TargetRow[];
  readonly warnings: readonly Warning[];
}

/**
 * How far a target is met at the cut-off:
 * 已达成 — met (or a ≤ target not exceeded); 正常 — on course; 滞后 — behind;
 * 未到期 — a deadline still ahead and not yet done; 逾期 — a deadline passed undone;
 * 未填报 — no actual written; 定性 — a qualitative target (judged by 完成目标可能性 only).
 */
export type TargetStatus = '已达成' | '正常' | '滞后' | '未到期' | '逾期' | '未填报' | '定性';

export interface TargetResult {
  readonly row: TargetRow;
  /** Completion in 0.01% (capped at 100%), null when it cannot be computed. */
  readonly ratio: Percent | null;
  readonly status: TargetStatus;
  /** The forecast for the year falls short of the target (null without a comparable forecast). */
  readonly forecastShort: boolean | null;
  readonly atRisk: boolean;
  /** Why it is at risk, in words for the report ("1-8月完成40.00%，低于时间进度26.67个百分点"). */
  readonly riskReasons: readonly string[];
}

/** What spending a group of targets is compared with. */
export type TargetScope = 'project' | 'basic' | 'unit' | 'unmatched';

export interface TargetGroup {
  /** The project's name as the ledger has it, or 基本支出 / 部门整体, or the sheet's own name when unmatched. */
  readonly name: string;
  readonly scope: TargetScope;
  /** Budget figures of the matched ledger lines; null when unmatched. */
  readonly totals: Totals | null;
  /** Funds by source, for the funds part of the monitoring table. */
  readonly sources: readonly { readonly name: string; readonly totals: Totals }[];
  /** 1-based rows of the matched ledger lines (to point at them). */
  readonly ledgerRows: readonly number[];
  readonly targets: readonly TargetResult[];
  /** Mean completion of the targets with a ratio, or null when none has one. */
  readonly progress: Percent | null;
  /** 执行率 capped at 100%, or null. */
  readonly spendingRate: Percent | null;
  /** progress − spendingRate in 0.01 points, or null. */
  readonly gap: Percent | null;
  /** |gap| above the threshold (the Sichuan rule: more than 10 points). */
  readonly mismatch: boolean;
}

export interface TargetIndicators {
  readonly sheet: string;
  readonly headerRows: readonly number[];
  readonly groups: readonly TargetGroup[];
  /** Every target at risk, in sheet order. */
  readonly atRisk: readonly TargetResult[];
  /** Targets whose 完成目标可能性 is 完全不可能. */
  readonly impossible: readonly TargetResult[];
  readonly mismatched: readonly TargetGroup[];
  /** The threshold of `mismatch`, in points (10). */
  readonly gapPoints: number;
  readonly count: number;
}
