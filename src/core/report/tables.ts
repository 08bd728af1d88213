import { type ItemResult, type Totals } from '../indicators/types';
import { totalsOf } from '../indicators/totals';
import { formatPercent, formatPoints, formatWan } from '../money/format';
import { type Percent } from '../money/percent';
import { type ReportModel } from './types';
import { periodLabel } from './phrases';
import { contentWidths } from './table-layout';
import { departmentFunds } from './department';

/**
 * The monitoring tables as plain strings, derived once from `ReportModel.indicators`, so the
 * clipboard HTML, the plain text, the .docx (and later the worksheet) print the same figures.
 */

export type CellAlign = 'left' | 'center' | 'right';

export interface TableRow {
  readonly cells: readonly string[];
  /** 小计/合计 rows, rendered bold. */
  readonly total?: boolean;
  /** A project flagged as under-executed, so an output may mark it. */
  readonly flagged?: boolean;
  /**
   * Same group as the row above (表3, 表4: the project's next row): printed outputs merge the first
   * column down over the group; text outputs repeat it.
   */
  readonly continues?: boolean;
}

export interface ReportTable {
  /** "表1\u30001-8月预算执行情况（按支出类别）" */
  readonly title: string;
  /** "单位：万元" */
  readonly unit: string;
  readonly header: readonly string[];
  /** Alignment per column: text left, figures right. */
  readonly align: readonly CellAlign[];
  /** Relative widths per column, summing to 100, from the content (see table-layout.ts). */
  readonly widths: readonly number[];
  readonly rows: readonly TableRow[];
  /** Explanations printed under the table ("—" means no budget), empty when none is needed. */
  readonly notes: readonly string[];
  /** Printed across a landscape page (the targets tables: nine wide columns). */
  readonly landscape?: boolean;
}

/** Characters of 五号 text across the 156 mm type area of a portrait page, and the 243 mm of a landscape one. */
const TABLE_CHARS = 42;
const LANDSCAPE_CHARS = 65;

function widthsOf(header: readonly string[], rows: readonly TableRow[], landscape = false): number[] {
  return contentWidths(
    header,
    rows.map((r) => r.cells),
    landscape ? LANDSCAPE_CHARS : TABLE_CHARS,
  );
}

/** Rows of one project's indicators that stay under one merged name; a longer group repeats it. */
const LONG_GROUP = 15;

const T3_HEADER = (period: string): string[] => [
  '项目名称',
  '资金来源',
  '年初预算',
  '年度预算调整',
  '调整后预算',
  `${period}执行数`,
  '执行率',
  '全年预计执行数',
  '目标完成进度',
];

const T4_HEADER = (period: string): string[] => [
  '项目名称',
  '二级指标',
  '三级指标',
  '年度指标值',
  `${period}完成情况`,
  '完成进度',
  '全年预计完成情况',
  '完成目标可能性',
  '偏差原因',
];

/** Separates 表1 from 1-8月 so the two numbers do not read as one. */
const IDEOGRAPHIC_SPACE = '\u3000';

/** Shown where a rate cannot exist because the budget is zero: the report never divides by zero. */
export const NO_RATE = '—';

/** The period label every header and sentence uses (one definition, in phrases). */
export { periodLabel } from './phrases';

/** 执行率 of a group, or "—" when its budget is not positive. */
export function rateText(p: Percent | null): string {
  return p === null ? NO_RATE : formatPercent(p);
}

/**
 * 偏差 to 时间进度 in words a reader cannot misread: "低于3.92", "高于1.20", "持平"; "—" without a rate.
 * Signs alone ("-3.92") are easy to miss in print, so the direction is a word.
 */
export function gapText(p: Percent | null): string {
  if (p === null) return NO_RATE;
  if (p === 0) return '持平';
  return `${p < 0 ? '低于' : '高于'}${formatPoints(p)}`;
}

const NO_RATE_NOTE = `执行率为“${NO_RATE}”的行全年预算为0，无法计算执行率。`;

function amounts(t: Totals): string[] {
  return [formatWan(t.initial), formatWan(t.adjustment), formatWan(t.budget), formatWan(t.executed)];
}

/**
 * 表1: the funds by category — 人员支出, 公用支出, 基本支出小计 (when both exist), 项目支出, 合计 —
 * with the budget, its change, the spending to month N, the rate, 时间进度 and the gap.
 */
export function fundsByCategory(model: ReportModel): ReportTable {
  const ind = model.indicators;
  const period = periodLabel(ind.month);
  const tp = formatPercent(ind.timeProgress);
  const row = (label: string, t: Totals, total = false): TableRow => ({
    cells: [label, ...amounts(t), rateText(t.rate), tp, gapText(t.deviation)],
    total,
  });
  const personnel = ind.categories['人员支出'];
  const publicSpending = ind.categories['公用支出'];
  // The text's own term: 日常公用支出.
  const rows: TableRow[] = [row('人员支出', personnel), row('日常公用支出', publicSpending)];
  // A subtotal of one category repeats its row; show it only when it adds up two.
  if (personnel.lines > 0 && publicSpending.lines > 0) rows.push(row('基本支出小计', ind.basic, true));
  rows.push(row('项目支出', ind.categories['项目支出']), row('合计', ind.total, true));
  return {
    title: `表1${IDEOGRAPHIC_SPACE}${period}预算执行情况（按支出类别）`,
    unit: '单位：万元',
    header: ['类别', '年初预算', '年中调整', '全年预算', `${period}执行数`, '执行率', '时间进度', '偏差（个百分点）'],
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'center'],
    widths: widthsOf(
      ['类别', '年初预算', '年中调整', '全年预算', `${period}执行数`, '执行率', '时间进度', '偏差（个百分点）'],
      rows,
    ),
    rows,
    notes: rows.some((r) => r.cells[5] === NO_RATE) ? [NO_RATE_NOTE] : [],
  };
}

/**
 * 表2: every 项目支出 line with its funding source, figures, rate, gap and status, then their total.
 * A ledger without projects gets one row saying so, rather than an empty table.
 */
/**
 * Rows a printed report can carry: a Word table of a thousand projects helps nobody (and costs the
 * .docx seconds and hundreds of MB). Past this, the table keeps every flagged project and the
 * largest others, sums the rest in one row, and points to the 监控汇总 sheet, which lists them all.
 */
export const MAX_TABLE_PROJECTS = 100;

function tableProjects(all: readonly ItemResult[]): readonly ItemResult[] {
  if (all.length <= MAX_TABLE_PROJECTS) return all;
  const keep = new Set<ItemResult>(all.filter((i) => i.flagged).slice(0, MAX_TABLE_PROJECTS));
  for (const i of [...all].sort((a, b) => b.line.budget - a.line.budget)) {
    if (keep.size >= MAX_TABLE_PROJECTS) break;
    keep.add(i);
  }
  return all.filter((i) => keep.has(i));
}

export function fundsByProject(model: ReportModel): ReportTable {
  const ind = model.indicators;
  const period = periodLabel(ind.month);
  const all = ind.items.filter((i) => i.line.category === '项目支出');
  const projects = tableProjects(all);
  const rows: TableRow[] = projects.map((i) => ({
    cells: [
      i.line.name,
      i.line.source,
      ...amounts(i.totals),
      rateText(i.totals.rate),
      gapText(i.totals.deviation),
      i.status,
    ],
    flagged: i.flagged,
  }));
  const header = ['项目名称', '资金来源', '年初预算', '调整', '全年预算', `${period}执行数`, '执行率', '偏差', '状态'];
  if (projects.length < all.length) {
    const rest = totalsOf(
      all.filter((i) => !projects.includes(i)).map((i) => i.line),
      ind.timeProgress,
    );
    rows.push({
      cells: [
        `其余${all.length - projects.length}个项目（明细见“监控汇总”表）`,
        '',
        ...amounts(rest),
        rateText(rest.rate),
        gapText(rest.deviation),
        '',
      ],
    });
  }
  if (rows.length === 0) {
    rows.push({ cells: ['无项目支出', ...Array<string>(header.length - 1).fill('')] });
  } else {
    const t = ind.categories['项目支出'];
    rows.push({ cells: ['合计', '', ...amounts(t), rateText(t.rate), gapText(t.deviation), ''], total: true });
  }
  return {
    title: `表2${IDEOGRAPHIC_SPACE}${period}项目支出执行情况`,
    unit: '单位：万元',
    header,
    align: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'center', 'center'],
    widths: widthsOf(header, rows),
    rows,
    notes: [
      `时间进度为${formatPercent(ind.timeProgress)}；偏差为执行率与时间进度之差，单位为个百分点。`,
      ...(rows.some((r) => r.cells[6] === NO_RATE) ? [NO_RATE_NOTE] : []),
    ],
  };
}

/**
 * 表3 (when the workbook has targets): the funds part of the monitoring table per project — source,
 * budget, change, spending, 执行率, forecast — beside the project's target completion, so spending and
 * targets are read together. Rows whose gap exceeds the Sichuan line are flagged.
 */
export function targetFundsTable(model: ReportModel): ReportTable | null {
  const t = model.targets;
  if (!t || t.count === 0) return null;
  const period = periodLabel(model.month);
  const rows: TableRow[] = [];
  for (const g of t.groups) {
    const progress = rateText(g.progress);
    if (g.totals === null) {
      rows.push({ cells: [g.name, '台账中无对应预算', '', '', '', '', NO_RATE, '', progress], flagged: g.mismatch });
      continue;
    }
    g.sources.forEach((s, k) => {
      const x = s.totals;
      rows.push({
        continues: k > 0,
        cells: [
          g.name,
          s.name,
          ...amounts(x),
          rateText(x.rate),
          x.forecast === null ? '未填列' : formatWan(x.forecast),
          k === 0 ? progress : '',
        ],
        flagged: g.mismatch,
      });
    });
  }
  return {
    title: `表3${IDEOGRAPHIC_SPACE}绩效目标执行监控表（资金）`,
    unit: '单位：万元',
    header: T3_HEADER(period),
    align: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    widths: widthsOf(T3_HEADER(period), rows, true),
    landscape: true,
    rows,
    notes: [
      `目标完成进度为可量化绩效指标完成程度的平均数；与执行率相差超过${t.gapPoints}个百分点的项目为预警项目${t.mismatched.length > 0 ? `（${t.mismatched.map((g) => g.name).join('、')}）` : '（无）'}。`,
    ],
  };
}

/**
 * 表4 (when the workbook has targets): every indicator with its target value, actual, completion,
 * forecast, likelihood and deviation reason, grouped by project; targets at risk are flagged.
 */
export function targetIndicatorsTable(model: ReportModel): ReportTable | null {
  const t = model.targets;
  if (!t || t.count === 0) return null;
  const period = periodLabel(model.month);
  const rows: TableRow[] = t.groups.flatMap((g) =>
    g.targets.map((r, k) => ({
      // A long group starts again every LONG_GROUP rows, so its name is printed again further down.
      continues: k % LONG_GROUP !== 0,
      cells: [
        g.name,
        r.row.level2,
        r.row.level3,
        r.row.targetText,
        r.row.actualText,
        r.ratio === null ? r.status : formatPercent(r.ratio),
        r.row.forecastText,
        r.row.likelihood,
        r.row.reason,
      ],
      flagged: r.atRisk,
    })),
  );
  return {
    title: `表4${IDEOGRAPHIC_SPACE}绩效目标执行监控表（指标）`,
    unit: '',
    header: T4_HEADER(period),
    align: ['left', 'left', 'left', 'center', 'center', 'right', 'center', 'center', 'left'],
    widths: widthsOf(T4_HEADER(period), rows, true),
    landscape: true,
    rows,
    notes: [
      `完成进度按年度指标值测算（“≤”指标不超过即为完成）；${t.atRisk.length > 0 ? `${t.atRisk.length}项指标进度滞后或预计不能完成（见报告“五、存在的问题”）` : '没有进度滞后的指标'}。`,
    ],
  };
}

/**
 * The 部门整体支出绩效监控表 (funds): the whole budget, by source kind and by structure, against 年初,
 * 全年, spending to month N, 执行率 and the forecast.
 */
export function departmentTable(model: ReportModel): ReportTable {
  const d = departmentFunds(model);
  const period = periodLabel(model.month);
  const header = ['项目', '年初预算数', '全年预算数', `${period}执行数`, `${period}执行率`, '全年预计执行数'];
  const rows: TableRow[] = d.rows.map((r) => ({
    cells: [
      r.group === '' ? r.label : `${r.group}：${r.label}`,
      formatWan(r.totals.initial),
      formatWan(r.totals.budget),
      formatWan(r.totals.executed),
      rateText(r.totals.rate),
      r.totals.forecast === null ? (r.totals.lines === 0 ? formatWan(0) : '未填列') : formatWan(r.totals.forecast),
    ],
    total: r.total ?? false,
  }));
  return {
    title: `部门整体支出绩效监控表（资金）`,
    unit: '单位：万元',
    header,
    align: ['left', 'right', 'right', 'right', 'right', 'right'],
    widths: widthsOf(header, rows),
    rows,
    notes: [
      `执行率＝${period}执行数÷全年预算数。`,
      ...(d.unclassified.length > 0
        ? [`资金来源“${d.unclassified.join('、')}”未能判断是否财政性资金，单列为“未能归类”。`]
        : []),
    ],
  };
}

/** The tables in the order every output prints them, numbered 表1, 表2…: the funds, the whole unit, then the targets. */
export function reportTables(model: ReportModel): readonly ReportTable[] {
  const targets = [targetFundsTable(model), targetIndicatorsTable(model)].filter((x): x is ReportTable => x !== null);
  const all = [fundsByCategory(model), fundsByProject(model), departmentTable(model), ...targets];
  return all.map((t, i) => ({ ...t, title: `表${i + 1}${IDEOGRAPHIC_SPACE}${t.title.replace(/^表\d+\u3000/, '')}` }));
}
