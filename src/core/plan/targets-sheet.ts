import { type ReportModel } from '../report/types';
import { type Totals } from '../indicators/types';
import { fenToWanNumber, formatPercent } from '../money/format';
import { periodLabel } from '../report/phrases';
import { OUTPUT_SHEET_MARK, TARGETS_MONITOR_SHEET, TARGETS_SHEET } from '../constants';
import { type TargetGroup, type TargetResult } from '../targets/types';
import { BASIC_GROUP } from '../targets/compute';
import { tableRowHeights } from './row-heights';
import { sheetRows } from './sheet-rows';
import { type CellStyleName, type PlannedCell, type PlannedMerge, type PlannedSheet, type WritePlan } from './types';

const cell = (value: string | number | null, style: CellStyleName): PlannedCell => ({ value, style });

/** Ten columns: the standard nine of the targets part with 完成进度 (the computed completion) after the actual. */
const WIDTH = 10;
export const TARGET_COLUMN_WIDTHS: readonly number[] = [10, 12, 22, 13, 13, 10, 13, 14, 11, 30];

/** The targets part of the monitoring table, in the order the finance bureau's form has them. */
export function targetColumns(month: number): string[] {
  return [
    '一级指标',
    '二级指标',
    '三级指标',
    '年度指标值',
    `${periodLabel(month)}完成情况`,
    '完成进度',
    '全年预计完成情况',
    '偏差原因分析',
    '完成目标可能性',
    '备注',
  ];
}

/** The funds part: 资金来源 | 年初预算 | 年度预算调整 | 调整后预算 | 1–N月执行数 | 执行率 | 全年预计执行数. */
export function fundsColumns(month: number): string[] {
  return [
    '资金来源',
    '年初预算',
    '年度预算调整',
    '调整后预算',
    `${periodLabel(month)}执行数`,
    '执行率',
    '全年预计执行数',
  ];
}

/** 完成进度 as the monitoring table prints it: the ratio, or the status when there is none. */
export function completionText(r: TargetResult): string {
  return r.ratio === null ? r.status : formatPercent(r.ratio);
}

/** One indicator's row of the monitoring table, in the columns of targetColumns. */
export function targetRowCells(r: TargetResult): PlannedCell[] {
  return [
    cell(r.row.level1, 'text'),
    cell(r.row.level2, 'text'),
    cell(r.row.level3, 'text'),
    cell(r.row.targetText, 'text'),
    cell(r.row.actualText, 'text'),
    r.ratio === null
      ? cell(r.status, r.atRisk ? 'statusWarn' : 'statusOk')
      : r.atRisk
        ? cell(formatPercent(r.ratio), 'statusWarn')
        : cell(r.ratio / 10000, 'percent'),
    cell(r.row.forecastText, 'text'),
    cell(r.row.reason, 'text'),
    cell(r.row.likelihood, r.row.likelihood.includes('不可能') ? 'statusWarn' : 'statusOk'),
    cell(remarkText(r), 'text'),
  ];
}

/** 备注 as printed: the user's remark, then why the target is at risk. */
export function remarkText(r: TargetResult): string {
  const risk = r.atRisk ? `【预警】${r.riskReasons.join('；')}` : '';
  return [r.row.remark, risk].filter((s) => s !== '').join('；');
}

/** One sentence under each block: target progress against spending. */
export function groupSummary(g: TargetGroup, gapPoints: number): string {
  if (g.progress === null) return '可量化指标尚无完成数据。';
  const rate = g.spendingRate === null ? '' : `，预算执行率${formatPercent(g.spendingRate)}`;
  const gap =
    g.gap === null || g.spendingRate === null
      ? ''
      : `，${g.gap >= 0 ? '目标完成快于资金支出' : '资金支出快于目标完成'}${formatPercent(Math.abs(g.gap)).replace('%', '')}个百分点`;
  const warn = g.mismatch ? `，超过${gapPoints}个百分点，预警` : '';
  return `目标完成进度（可量化指标平均）${formatPercent(g.progress)}${rate}${gap}${warn}。`;
}

/**
 * The 绩效目标执行监控表 sheet: one block per project (and basic spending, the whole unit) — its
 * name, the funds part by source, then its indicators — in the finance bureau's layout, for printing.
 * Null when the model has no targets.
 */
export function targetsMonitorSheet(model: ReportModel): PlannedSheet | null {
  const t = model.targets;
  if (!t || t.count === 0) return null;
  const period = periodLabel(model.month);
  const { rows, merges, mergeRow, fill } = sheetRows(WIDTH);

  rows.push([cell(`${model.organization}${model.year}年绩效目标执行监控表（${period}）`, 'title')]);
  mergeRow(0, WIDTH - 1);
  rows.push([
    cell(
      `金额单位：万元；时间进度${formatPercent(model.indicators.timeProgress)}。完成进度按年度指标值测算（“≤”指标不超过即为完成），【预警】为进度滞后或预计不能完成的指标。${OUTPUT_SHEET_MARK}根据工作表“${t.sheet}”和“${model.recognition.budget.sheet}”生成，重新生成时会被替换，请在“${t.sheet}”中修改。`,
      'note',
    ),
  ]);
  mergeRow(0, WIDTH - 1);

  for (const g of t.groups) {
    rows.push([]);
    rows.push([cell('项目名称', 'header'), ...fill(cell(g.name, 'totalText'), 'totalText', WIDTH - 2)]);
    mergeRow(1, WIDTH - 1);
    // Funds: 资金来源 over A:C, 全年预计执行数 over I:J, so both parts share the ten columns.
    const f = fundsColumns(model.month);
    rows.push([
      cell(f[0]!, 'header'),
      cell(null, 'header'),
      cell(null, 'header'),
      ...f.slice(1, 6).map((h) => cell(h, 'header')),
      cell(f[6]!, 'header'),
      cell(null, 'header'),
    ]);
    mergeRow(0, 2);
    mergeRow(8, 9);
    const fundsRow = (label: string, x: Totals, total: boolean): void => {
      const text = total ? 'totalText' : 'text';
      const wan = (v: number): PlannedCell => cell(fenToWanNumber(v), total ? 'totalWan' : 'wan');
      rows.push([
        cell(label, text),
        cell(null, text),
        cell(null, text),
        wan(x.initial),
        wan(x.adjustment),
        wan(x.budget),
        wan(x.executed),
        x.rate === null ? cell('—', text) : cell(x.rate / 10000, total ? 'totalPercent' : 'percent'),
        x.forecast === null ? cell('未填列', text) : wan(x.forecast),
        cell(null, text),
      ]);
      mergeRow(0, 2);
      mergeRow(8, 9);
    };
    if (g.totals === null) {
      rows.push(fill(cell('台账中没有对应的预算行', 'text'), 'text'));
      mergeRow(0, WIDTH - 1);
    } else {
      for (const s of g.sources) fundsRow(s.name, s.totals, false);
      if (g.sources.length !== 1) fundsRow('合计', g.totals, true);
    }

    rows.push(targetColumns(model.month).map((h) => cell(h, 'header')));
    const first = rows.length;
    for (const r of g.targets) rows.push(targetRowCells(r));
    // 一级 and 二级 merged down over their runs, as the form prints them.
    for (const col of [0, 1]) {
      const key = (r: TargetResult): string => (col === 0 ? r.row.level1 : `${r.row.level1}|${r.row.level2}`);
      let start = 0;
      for (let i = 1; i <= g.targets.length; i++) {
        if (i < g.targets.length && key(g.targets[i]!) === key(g.targets[start]!)) continue;
        if (i - 1 > start) merges.push({ top: first + start, left: col, bottom: first + i - 1, right: col });
        for (let k = start + 1; k < i; k++) rows[first + k]![col] = cell(null, 'text');
        start = i;
      }
    }
    rows.push(
      fill(cell(groupSummary(g, t.gapPoints), g.mismatch ? 'statusWarn' : 'note'), g.mismatch ? 'statusWarn' : 'note'),
    );
    mergeRow(0, WIDTH - 1);
  }
  void BASIC_GROUP;
  const columnWidths = [...TARGET_COLUMN_WIDTHS];
  return {
    name: TARGETS_MONITOR_SHEET,
    rows,
    merges,
    columnWidths,
    // Planned heights: an .xlsx opened in WPS or LibreOffice does not re-fit rows, and wrapped text in
    // a row of the default height prints cut.
    rowHeights: tableRowHeights(rows, merges, columnWidths),
    freezeRows: 0,
    charts: [],
    orientation: 'landscape',
  };
}

/** The rows the empty 绩效目标 sheet suggests for each project: the usual 一级/二级 pairs. */
const SKELETON: readonly (readonly [string, string])[] = [
  ['产出指标', '数量指标'],
  ['产出指标', '质量指标'],
  ['产出指标', '时效指标'],
  ['产出指标', '成本指标'],
  ['效益指标', '社会效益指标'],
  ['满意度指标', '服务对象满意度指标'],
];

/**
 * An empty 绩效目标 sheet in the standard layout, pre-filled with the ledger's projects (and basic
 * spending): 项目名称, 一级 and 二级 指标 on six rows each, and the cost target as the budget
 * ("≤2.00万元"); the user writes 三级指标, 年度指标值 and the actuals. Reading it back gives the
 * targets of the report.
 */
export function emptyTargetsSheet(model: ReportModel): PlannedSheet {
  const period = periodLabel(model.month);
  const header = [
    '项目名称',
    '一级指标',
    '二级指标',
    '三级指标',
    '年度指标值',
    `${period}完成情况`,
    '全年预计完成情况',
    '偏差原因',
    '完成目标可能性',
    '备注',
  ];
  const rows: (PlannedCell | null)[][] = [
    [cell(`${model.organization}${model.year}年绩效目标执行情况表（${period}）`, 'title')],
    [
      cell(
        '填写说明：每个项目一组，三级指标写具体指标名称；年度指标值写“≥300人次”“≤2.00万元”“12月底前”“≥90%”等；完成情况写截至本月的实际数；偏差原因选填经费保障、制度保障、人员保障、硬件条件保障、其他；完成目标可能性选填确定能、有可能、完全不可能。不需要的行可删除，可按需增加行。',
        'subtitle',
      ),
    ],
    header.map((h) => cell(h, 'header')),
  ];
  const merges: PlannedMerge[] = [
    { top: 0, left: 0, bottom: 0, right: header.length - 1 },
    { top: 1, left: 0, bottom: 1, right: header.length - 1 },
  ];
  const projects = model.indicators.items.filter((i) => i.line.category === '项目支出');
  const groups: { name: string; budget: number }[] = [
    ...projects.map((i) => ({ name: i.line.name, budget: i.line.budget })),
    { name: BASIC_GROUP, budget: model.indicators.categories['公用支出'].budget },
  ];
  for (const g of groups) {
    for (const [l1, l2] of SKELETON) {
      const cost = l2 === '成本指标';
      rows.push([
        cell(g.name, 'text'),
        cell(l1, 'text'),
        cell(l2, 'text'),
        cell(cost ? (g.name === BASIC_GROUP ? '日常公用经费' : '项目经费') : '', 'text'),
        cell(cost ? `≤${fenToWanNumber(g.budget).toFixed(2)}万元` : '', 'text'),
        cell('', 'text'),
        cell('', 'text'),
        cell('', 'text'),
        cell('', 'text'),
        cell('', 'text'),
      ]);
    }
  }
  return {
    name: TARGETS_SHEET,
    rows,
    merges,
    columnWidths: [22, 12, 18, 24, 14, 14, 16, 12, 14, 24],
    freezeRows: 3,
    charts: [],
    orientation: 'landscape',
  };
}

/**
 * The plan that adds the empty 绩效目标 sheet and nothing else: add-only, so a host never replaces a
 * user's sheet of that name and keeps the earlier run's output sheets and highlights.
 */
export function addTargetsSheetPlan(model: ReportModel): WritePlan {
  return { sheets: [emptyTargetsSheet(model)], highlights: [], addOnly: true };
}
