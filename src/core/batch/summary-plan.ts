import { fenToYuan } from '../money/fen';
import { type Fen } from '../money/fen';
import { type Percent, percentToFraction } from '../money/percent';
import { periodLabel } from '../report/phrases';
import { formatPercent } from '../money/format';
import { type CellStyleName, type PlannedCell, type PlannedSheet } from '../plan/types';
import { CATEGORIES } from '../types';
import { type BatchModel, type RankedUnit } from './types';

export const SUMMARY_SHEETS = { units: '单位汇总', lagging: '滞后项目', failures: '未能读取' } as const;

const cell = (value: string | number | null, style: CellStyleName): PlannedCell => ({ value, style });
/** Amounts in 元 with two decimals: exact to the 分, so Excel's own SUM of the rows equals the 合计 row. */
const yuan = (fen: Fen, total = false): PlannedCell => cell(fenToYuan(fen), total ? 'totalWan' : 'wan');
const rate = (p: Percent | null, total = false): PlannedCell =>
  p === null ? cell('—', total ? 'totalText' : 'text') : cell(percentToFraction(p), total ? 'totalPercent' : 'percent');
const pts = (p: Percent | null, total = false): PlannedCell =>
  p === null ? cell('—', total ? 'totalText' : 'text') : cell(p / 100, total ? 'totalPoints' : 'points');
const text = (s: string, total = false): PlannedCell => cell(s, total ? 'totalText' : 'text');
/** Counts centred; '—' where there is nothing to count (no 绩效目标 sheet). */
const count = (n: number | null, total = false): PlannedCell =>
  n === null ? cell('—', total ? 'totalText' : 'statusOk') : cell(n, total ? 'totalText' : 'statusOk');
/** Wrapped headers of up to three lines (Excel does not grow a row by itself in a written file). */
const HEADER_HEIGHT = 45;

function sichuanText(u: RankedUnit): string {
  if (!u.sichuan) return '—';
  if (u.sichuan.line === null) return '未到预警期';
  return u.sichuan.warned ? '预警' : '正常';
}

/** Sheet 1: one row per unit, ranked, the 合计 row, and the chart of 执行率 against 时间进度. */
function unitsSheet(m: BatchModel): PlannedSheet {
  const period = periodLabel(m.month);
  const sichuan = m.sichuanWarned !== null;
  const header = [
    '排名',
    '单位',
    '全年预算',
    `${period}执行数`,
    '执行率',
    '时间进度',
    '偏差（百分点）',
    ...CATEGORIES.flatMap((c) => [`${c}预算`, `${c}执行数`, `${c}执行率`]),
    '滞后项目数',
    '滞后项目预算',
    '风险目标数',
    ...(sichuan ? ['四川预警'] : []),
    '提示数',
    '进度',
    '台账文件',
  ];
  const rows: (PlannedCell | null)[][] = [];
  rows.push([cell(`${m.year}年${period}各单位预算执行情况汇总`, 'title')]);
  rows.push([
    cell(
      `共${m.units.length}个单位，按执行率从高到低排列；时间进度${formatPercent(m.timeProgress)}；金额单位：元` +
        (m.failures.length > 0 ? `；${m.failures.length}个台账未能读取，见“${SUMMARY_SHEETS.failures}”表` : ''),
      'subtitle',
    ),
  ]);
  rows.push(header.map((h) => cell(h, 'header')));
  const first = rows.length;
  for (const u of m.units) {
    rows.push([
      count(u.rank),
      text(u.name),
      yuan(u.total.budget),
      yuan(u.total.executed),
      rate(u.total.rate),
      rate(u.timeProgress),
      pts(u.deviation),
      ...CATEGORIES.flatMap((c) => [
        yuan(u.categories[c].budget),
        yuan(u.categories[c].executed),
        rate(u.categories[c].rate),
      ]),
      count(u.lagging.length),
      yuan(u.lagging.reduce((s, p) => s + p.budget, 0)),
      count(u.targetsAtRisk),
      ...(sichuan ? [cell(sichuanText(u), u.sichuan?.warned ? 'statusWarn' : 'statusOk')] : []),
      count(u.warnings),
      cell(u.standing, u.standing === '明显低于时间进度' ? 'statusWarn' : 'statusOk'),
      // Unwrapped: a long path would otherwise make the row taller than its height.
      cell(u.file, 'subtitle'),
    ]);
  }
  const last = rows.length - 1;
  const t = m.totals;
  rows.push([
    text('', true),
    text('合计', true),
    yuan(t.total.budget, true),
    yuan(t.total.executed, true),
    rate(t.total.rate, true),
    rate(m.timeProgress, true),
    pts(m.deviation, true),
    ...CATEGORIES.flatMap((c) => [
      yuan(t.categories[c].budget, true),
      yuan(t.categories[c].executed, true),
      rate(t.categories[c].rate, true),
    ]),
    count(t.laggingCount, true),
    yuan(t.laggingBudget, true),
    count(t.targetsAtRisk, true),
    ...(sichuan ? [text(m.sichuanWarned === null ? '' : `${m.sichuanWarned}个预警`, true)] : []),
    count(t.warnings, true),
    text('', true),
    text('', true),
  ]);
  const widths = [6, 24, 15, 15, 9, 9, 10, ...CATEGORIES.flatMap(() => [14, 14, 9]), 8, 14, 8];
  if (sichuan) widths.push(9);
  widths.push(7, 17, 50);
  const n = m.units.length;
  return {
    name: SUMMARY_SHEETS.units,
    rows,
    merges: [
      { top: 0, left: 0, bottom: 0, right: 8 },
      { top: 1, left: 0, bottom: 1, right: 8 },
    ],
    columnWidths: widths,
    rowHeights: new Map([
      [0, 24],
      [2, HEADER_HEIGHT],
    ]),
    freezeRows: 3,
    charts:
      n === 0
        ? []
        : [
            {
              title: `各单位执行率与时间进度（${period}）`,
              categories: { col: 1, firstRow: first, lastRow: last },
              series: [
                { name: '执行率', col: 4, kind: 'bar' },
                // One line across the units' columns (each unit's own 时间进度 when their months differ).
                { name: '时间进度', col: 5, kind: 'line' },
              ],
              // Below the table, a column per unit: tall enough to read every name.
              anchor: { row: last + 3, col: 1, rows: Math.max(16, Math.ceil(n * 1.6) + 4), cols: 8 },
            },
          ],
    orientation: 'landscape',
  };
}

export const LAGGING_HEADER = [
  '单位',
  '项目',
  '类别',
  '全年预算',
  '执行数',
  '执行率',
  '偏差（百分点）',
  '比时间进度少支出',
  '原因',
] as const;

/** Sheet 2: every lagging project of every unit, as a plain table from A1 (the adapter makes it an Excel table). */
function laggingSheet(m: BatchModel): PlannedSheet {
  const rows: (PlannedCell | null)[][] = [LAGGING_HEADER.map((h) => cell(h, 'header'))];
  for (const p of m.lagging) {
    rows.push([
      text(p.unit),
      text(p.name),
      text(p.category),
      yuan(p.budget),
      yuan(p.executed),
      rate(p.rate),
      pts(p.deviation),
      yuan(p.shortfall),
      text(p.reason),
    ]);
  }
  return {
    name: SUMMARY_SHEETS.lagging,
    rows,
    merges: [],
    columnWidths: [24, 30, 10, 15, 15, 9, 10, 15, 46],
    rowHeights: new Map([[0, HEADER_HEIGHT]]),
    freezeRows: 1,
    charts: [],
    orientation: 'landscape',
  };
}

/** Width in Excel's character units: a CJK character takes two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

/** Sheet 3: the files that gave no report, with the reason; never empty without saying so. */
function failuresSheet(m: BatchModel): PlannedSheet {
  const rows: (PlannedCell | null)[][] = [['序号', '台账文件', '单位', '原因'].map((h) => cell(h, 'header'))];
  m.failures.forEach((f, i) => rows.push([count(i + 1), text(f.file), text(f.name), text(f.reason)]));
  if (m.failures.length === 0) rows.push([null, cell('全部台账均已读取。', 'note')]);
  const REASON_WIDTH = 80;
  // A reason can run to several lines; the row is made tall enough for them (15 pt a line).
  const heights = new Map<number, number>([[0, 20]]);
  m.failures.forEach((f, i) => {
    const lines = Math.ceil(displayWidth(f.reason) / (REASON_WIDTH - 2));
    if (lines > 1) heights.set(i + 1, lines * 15 + 3);
  });
  return {
    name: SUMMARY_SHEETS.failures,
    rows,
    merges: [],
    columnWidths: [6, 36, 24, REASON_WIDTH],
    rowHeights: heights,
    freezeRows: 1,
    charts: [],
    orientation: 'landscape',
  };
}

/** The three sheets of 汇总.xlsx, as plain data the .xlsx adapter writes. */
export function summaryPlan(m: BatchModel): PlannedSheet[] {
  return [unitsSheet(m), laggingSheet(m), failuresSheet(m)];
}
