import { type ReportModel } from '../report/types';
import { type Totals } from '../indicators/types';
import { type Fen } from '../money/fen';
import { fenToWanNumber, formatPercent } from '../money/format';
import { periodLabel } from '../report/phrases';
import { OUTPUT_SHEET_MARK, REPORT_SHEET, SUMMARY_SHEET } from '../constants';
import { targetsMonitorSheet } from './targets-sheet';
import { departmentSheet } from './department-sheet';
import { STYLES } from './styles';
import { EXCEL_LIMITS, MAX_CELL_TEXT, splitForRows, wrappedRowHeight } from './text-fit';
import { tableRowHeights } from './row-heights';

export { EXCEL_LIMITS, MAX_CELL_TEXT, splitForRows, wrappedRowHeight } from './text-fit';
import { hasPlaceholder } from '../report/placeholders';

const nonNull = <T>(x: T | null): T[] => (x === null ? [] : [x]);
import {
  type CellStyleName,
  type PlannedCell,
  type PlannedHighlight,
  type PlannedSheet,
  type WritePlan,
} from './types';

export interface PlanOptions {
  /** Protected sheets of the user: read, never highlighted (Excel refuses the format; the user locked it). */
  readonly protectedSheets?: readonly string[];
}

/**
 * Plans the write-back: the 监控汇总 and 监控报告 sheets and the highlights on the ledger.
 * Figures are the model's, converted once here for display (万元, fractions for % formats).
 */
export function buildPlan(model: ReportModel, options: PlanOptions = {}): WritePlan {
  const locked = new Set(options.protectedSheets ?? []);
  return {
    sheets: [summarySheet(model), reportSheet(model), departmentSheet(model), ...nonNull(targetsMonitorSheet(model))],
    highlights: highlights(model).filter((h) => !locked.has(h.sheet)),
  };
}

function fitCell(value: string | number | null): string | number | null {
  if (typeof value !== 'string' || value.length <= MAX_CELL_TEXT) return value;
  let end = MAX_CELL_TEXT - 1;
  // Never cut an emoji (a surrogate pair) in half.
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${value.slice(0, end)}…`;
}

const cell = (value: string | number | null, style: CellStyleName): PlannedCell => ({ value: fitCell(value), style });
const wanCell = (fen: Fen, total = false): PlannedCell => cell(fenToWanNumber(fen), total ? 'totalWan' : 'wan');
const rateCell = (p: number | null, total = false): PlannedCell =>
  p === null ? cell('—', total ? 'totalText' : 'text') : cell(p / 10000, total ? 'totalPercent' : 'percent');
const pointsCell = (p: number | null, total = false): PlannedCell =>
  p === null ? cell('—', total ? 'totalText' : 'text') : cell(p / 100, total ? 'totalPoints' : 'points');

export const SUMMARY_COLUMNS = [
  '项目/类别',
  '资金来源',
  '年初预算',
  '年中调整',
  '全年预算',
  'EXECUTED',
  '执行率',
  '偏差',
  '状态',
  '全年预计执行数',
] as const;

function totalsRow(label: string, source: string, t: Totals, total: boolean, status = ''): PlannedCell[] {
  const text = total ? 'totalText' : 'text';
  return [
    cell(label, text),
    cell(source, text),
    wanCell(t.initial, total),
    wanCell(t.adjustment, total),
    wanCell(t.budget, total),
    wanCell(t.executed, total),
    rateCell(t.rate, total),
    pointsCell(t.deviation, total),
    cell(status, status === '' || status === '正常' ? (total ? 'totalText' : 'statusOk') : 'statusWarn'),
    t.forecast === null ? cell('未填列', text) : wanCell(t.forecast, total),
  ];
}

function summarySheet(model: ReportModel): PlannedSheet {
  const ind = model.indicators;
  const period = periodLabel(model.month);
  const width = SUMMARY_COLUMNS.length;
  const rows: (PlannedCell | null)[][] = [];
  const merges: { top: number; left: number; bottom: number; right: number }[] = [];
  const section = (label: string): void => {
    merges.push({ top: rows.length, left: 0, bottom: rows.length, right: width - 1 });
    rows.push([cell(label, 'totalText'), ...Array.from({ length: width - 1 }, () => cell(null, 'totalText'))]);
  };
  rows.push([cell(`${model.organization}${model.year}年${period}预算执行监控汇总`, 'title')]);
  merges.push({ top: 0, left: 0, bottom: 0, right: width - 1 });
  rows.push([
    cell(
      // Short enough to stay inside the merged width when printed (CJK characters are two units wide).
      `时间进度${formatPercent(ind.timeProgress)}（${model.month}÷12）；金额单位：万元；偏差＝执行率－时间进度（个百分点）。${OUTPUT_SHEET_MARK}生成，重新生成时会被替换。`,
      'subtitle',
    ),
  ]);
  merges.push({ top: 1, left: 0, bottom: 1, right: width - 1 });
  rows.push(SUMMARY_COLUMNS.map((h) => cell(h === 'EXECUTED' ? `${period}执行数` : h, 'header')));
  const headerRows = rows.length;

  section('一、按支出类别');
  const c = ind.categories;
  rows.push(totalsRow('人员支出', '', c.人员支出, false));
  rows.push(totalsRow('日常公用支出', '', c.公用支出, false));
  rows.push(totalsRow('基本支出小计', '', ind.basic, true));
  rows.push(totalsRow('项目支出', '', c.项目支出, false));
  rows.push(totalsRow('合计', '', ind.total, true));

  section('二、按资金来源');
  for (const s of ind.sources) rows.push(totalsRow(s.name, '', s.totals, false));
  rows.push(totalsRow('合计', '', ind.total, true));

  if (ind.units.length > 1) {
    section('按单位（主管部门及所属单位，各一张台账）');
    for (const u of ind.units)
      rows.push(totalsRow(model.recognition.unitNames[u.sheet] ?? u.sheet, u.sheet, u.totals, false));
    rows.push(totalsRow('合计', '', ind.total, true));
  }

  section('三、项目支出明细');
  const projectItems = ind.items.filter((i) => i.line.category === '项目支出' || i.flagged);
  for (const i of projectItems) rows.push(totalsRow(i.line.name, i.line.source, i.totals, false, i.status));
  if (projectItems.length === 0) rows.push([cell('（无项目支出）', 'text')]);

  // The chart reads a plain block of figures: one row per category and project.
  rows.push([]);
  rows.push([cell('执行率与时间进度对比（图表数据）', 'heading2')]);
  rows.push([cell('名称', 'header'), cell('执行率', 'header'), cell('时间进度', 'header')]);
  const chartFirst = rows.length;
  const chartRows: [string, number | null][] = [
    ['人员支出', c.人员支出.rate],
    ['日常公用支出', c.公用支出.rate],
    ['项目支出', c.项目支出.rate],
    ['合计', ind.total.rate],
    ...projectItems.map((i): [string, number | null] => [i.line.name, i.totals.rate]),
  ];
  // A group without a rate (no budget, or no lines) has no bar: a 0% bar would say "nothing spent".
  for (const [name, rate] of chartRows) {
    if (rate === null) continue;
    rows.push([cell(name, 'text'), cell(rate / 10000, 'percent'), cell(ind.timeProgress / 10000, 'percent')]);
  }
  const chartLast = rows.length - 1;
  const chartRowsTall = 18;

  if (model.warnings.length > 0) {
    // Leave the chart its rows (it is anchored just below its figures).
    for (let k = 0; k < chartRowsTall + 2; k++) rows.push([]);
    rows.push([cell('核对提示（请逐条核对台账）', 'heading2')]);
    rows.push([cell('工作表', 'header'), cell('行', 'header'), cell('列', 'header'), cell('说明', 'header')]);
    for (const w of model.warnings) {
      rows.push([cell(w.sheet, 'text'), cell(w.row, 'text'), cell(w.column ?? '', 'text'), cell(w.message, 'text')]);
      merges.push({ top: rows.length - 1, left: 3, bottom: rows.length - 1, right: width - 1 });
    }
  }
  const columnWidths = [30, 16, 13, 13, 13, 14, 10, 12, 9, 14];
  return {
    name: SUMMARY_SHEET,
    rows,
    merges,
    columnWidths,
    rowHeights: tableRowHeights(rows, merges, columnWidths),
    freezeRows: headerRows,
    orientation: 'landscape',
    // No figures (every budget 0): no chart rather than one over an empty range.
    charts:
      chartLast < chartFirst
        ? []
        : [
            {
              title: `${period}执行率与时间进度`,
              categories: { col: 0, firstRow: chartFirst, lastRow: chartLast },
              series: [
                { name: '执行率', col: 1, kind: 'bar' },
                { name: '时间进度', col: 2, kind: 'line' },
              ],
              // Below its figures rather than beside the table, so the landscape print keeps the table
              // at a readable size when fitted to the page width.
              anchor: { row: chartLast + 2, col: 0, rows: chartRowsTall, cols: 6 },
            },
          ],
  };
}

// Narrow enough to print on A4 portrait inside default margins in Excel (about 130 mm) and in
// LibreOffice/WPS, whose default font makes a width unit wider.
const REPORT_WIDTH = 70;

function reportSheet(model: ReportModel): PlannedSheet {
  const rows: PlannedCell[][] = [];
  for (const b of model.blocks) {
    if (b.kind === 'sign') {
      if (b.gapBefore) rows.push([]);
      // Excel has no right indent on a right-aligned cell everywhere: ideographic spaces keep the 落款's place.
      rows.push([
        cell(b.text + '\u3000'.repeat(Math.round(b.rightIndent ?? 0)), hasPlaceholder(b.text) ? 'placeholder' : 'sign'),
      ]);
      continue;
    }
    const style: CellStyleName =
      b.kind === 'title'
        ? 'title'
        : b.kind === 'h1'
          ? 'heading1'
          : b.kind === 'h2' || b.kind === 'h3'
            ? 'heading2'
            : 'paragraph';
    const text = (b.lead ?? '') + b.text;
    const look: CellStyleName = b.placeholder || (b.kind === 'p' && hasPlaceholder(text)) ? 'placeholder' : style;
    // Excel has no first-line indent: two ideographic spaces are how Chinese documents indent.
    const pieces = splitForRows(text, REPORT_WIDTH, STYLES[look].size ?? 11);
    pieces.forEach((piece, k) =>
      rows.push([
        cell((b.kind === 'p' && k === 0 ? '\u3000\u3000' : '') + piece, hasPlaceholder(piece) ? 'placeholder' : look),
      ]),
    );
  }
  // The mark that tells a later run this sheet is the add-in's to replace (see output-sheets.ts).
  rows.push([cell(`（${OUTPUT_SHEET_MARK}生成，重新生成时会被替换，请勿在此表中录入数据。）`, 'note')]);
  const rowHeights = new Map<number, number>();
  rows.forEach((row, r) => {
    const c = row[0];
    if (!c || typeof c.value !== 'string') return;
    const pt = STYLES[c.style].size ?? 11;
    rowHeights.set(r, Math.min(EXCEL_LIMITS.rowHeight, wrappedRowHeight(c.value, REPORT_WIDTH, pt)));
  });
  return {
    name: REPORT_SHEET,
    rows,
    merges: [],
    rowHeights,
    columnWidths: [REPORT_WIDTH],
    freezeRows: 0,
    orientation: 'portrait',
    charts: [],
  };
}

function highlights(model: ReportModel): PlannedHighlight[] {
  const layout = model.recognition.budget;
  const lastCol = Math.max(0, ...layout.columns.map((c) => c.col));
  // A project on several rows is highlighted on each of them.
  return model.indicators.flagged.flatMap((i) =>
    (i.line.rows ?? [i.line.row]).map((row) => ({
      sheet: i.line.sheet,
      row: row - 1,
      firstCol: 0,
      lastCol,
      reason: i.flagReason ?? '',
    })),
  );
}
