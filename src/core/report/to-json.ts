import { type Totals } from '../indicators/types';
import { fenToYuan } from '../money/fen';
import { percentToFraction } from '../money/percent';
import { type Discrepancy, type Warning } from '../types';
import { type ReportModel, blocksToText } from './types';

/** The figures of one group as report.json carries them: 元 with two decimals, rates as fractions. */
export interface JsonTotals {
  readonly initialBudget: number;
  readonly adjustment: number;
  readonly budget: number;
  readonly executed: number;
  readonly executionRate: number | null;
  /** 执行率 − 时间进度 in percentage points (e.g. -3.92), null with the rate. */
  readonly deviationPoints: number | null;
  readonly forecast: number | null;
}

export interface ReportJson {
  readonly organization: string;
  readonly year: number;
  readonly month: number;
  readonly timeProgress: number;
  readonly total: JsonTotals;
  readonly categories: readonly ({ readonly name: string } & JsonTotals)[];
  readonly basic: JsonTotals;
  readonly sources: readonly ({ readonly name: string } & JsonTotals)[];
  /** Per unit sheet of a 主管部门 workbook (empty for one sheet). */
  readonly units: readonly ({ readonly name: string; readonly sheet: string } & JsonTotals)[];
  readonly items: readonly ({
    readonly name: string;
    readonly category: string;
    readonly source: string;
    readonly sheet: string;
    readonly row: number;
    /** How many ledger rows make up this item (one project on several 指标 rows). */
    readonly lines: number;
    readonly status: string;
    readonly flagged: boolean;
    readonly flagReason: string | null;
  } & JsonTotals)[];
  readonly flagged: readonly string[];
  readonly warnings: readonly Warning[];
  /** The ledger's own contradictions the user chose to accept (empty otherwise). */
  readonly discrepancies: readonly Discrepancy[];
  /** The sheets read. */
  readonly sheets: readonly string[];
  readonly narrative: string;
}

function jsonTotals(t: Totals): JsonTotals {
  return {
    initialBudget: fenToYuan(t.initial),
    adjustment: fenToYuan(t.adjustment),
    budget: fenToYuan(t.budget),
    executed: fenToYuan(t.executed),
    executionRate: t.rate === null ? null : percentToFraction(t.rate),
    deviationPoints: t.deviation === null ? null : Number((t.deviation / 100).toFixed(2)),
    forecast: t.forecast === null ? null : fenToYuan(t.forecast),
  };
}

/** The model as the report.json the CLI writes (and batch users script against). */
export function reportToJson(model: ReportModel): ReportJson {
  const ind = model.indicators;
  return {
    organization: model.organization,
    year: model.year,
    month: model.month,
    timeProgress: percentToFraction(ind.timeProgress),
    total: jsonTotals(ind.total),
    categories: (['人员支出', '公用支出', '项目支出'] as const).map((name) => ({
      name,
      ...jsonTotals(ind.categories[name]),
    })),
    basic: jsonTotals(ind.basic),
    sources: ind.sources.map((s) => ({ name: s.name, ...jsonTotals(s.totals) })),
    units: ind.units.map((u) => ({
      name: model.recognition.unitNames[u.sheet] ?? u.sheet,
      sheet: u.sheet,
      ...jsonTotals(u.totals),
    })),
    items: ind.items.map((i) => ({
      name: i.line.name,
      category: i.line.category,
      source: i.line.source,
      sheet: i.line.sheet,
      row: i.line.row,
      lines: i.line.rows?.length ?? 1,
      ...jsonTotals(i.totals),
      status: i.status,
      flagged: i.flagged,
      flagReason: i.flagReason,
    })),
    flagged: ind.flagged.map((i) => i.line.name),
    warnings: model.warnings,
    discrepancies: model.recognition.discrepancies,
    sheets: model.recognition.sheets,
    narrative: blocksToText(model.blocks),
  };
}
