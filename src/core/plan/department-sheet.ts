import { type ReportModel } from '../report/types';
import { fenToWanNumber, formatPercent } from '../money/format';
import { periodLabel } from '../report/phrases';
import { DEPARTMENT_SHEET, OUTPUT_SHEET_MARK } from '../constants';
import { departmentFunds } from '../report/department';
import { TARGET_COLUMN_WIDTHS, targetColumns, targetRowCells } from './targets-sheet';
import { tableRowHeights } from './row-heights';
import { sheetRows } from './sheet-rows';
import { type CellStyleName, type PlannedCell, type PlannedSheet } from './types';

const cell = (value: string | number | null, style: CellStyleName): PlannedCell => ({ value, style });
const WIDTH = 10;

/**
 * The 部门整体支出绩效监控表 as the finance bureau's form lays it out: the funds block (年度部门预算总额,
 * 资金来源: 财政性资金 / 其他资金, 资金结构: 基本支出 / 项目支出 against 年初预算数, 1–N月执行数, 执行率 and
 * 全年预计执行数), then the whole unit's indicators when the targets sheet has them.
 */
export function departmentSheet(model: ReportModel): PlannedSheet {
  const period = periodLabel(model.month);
  const d = departmentFunds(model);
  const { rows, merges, mergeRow, fill } = sheetRows(WIDTH);
  rows.push([cell(`${model.organization}${model.year}年部门整体支出绩效监控表（${period}）`, 'title')]);
  mergeRow(0, WIDTH - 1);
  rows.push(
    fill(
      cell(
        `金额单位：万元；时间进度${formatPercent(model.indicators.timeProgress)}；执行率＝${period}执行数÷全年预算数。${OUTPUT_SHEET_MARK}生成，重新生成时会被替换。`,
        'note',
      ),
      'note',
    ),
  );
  mergeRow(0, WIDTH - 1);
  rows.push([]);
  const header = ['项目', '', '年初预算数', '全年预算数', `${period}执行数`, `${period}执行率`, '全年预计执行数'];
  rows.push([
    ...header.map((h) => cell(h, 'header')),
    cell('备注', 'header'),
    cell(null, 'header'),
    cell(null, 'header'),
  ]);
  mergeRow(0, 1);
  mergeRow(7, 9);
  const groupStart = new Map<string, number>();
  for (const r of d.rows) {
    const text: CellStyleName = r.total ? 'totalText' : 'text';
    const wan = (v: number): PlannedCell => cell(fenToWanNumber(v), r.total ? 'totalWan' : 'wan');
    const t = r.totals;
    const note = r.label === '未能归类' ? `台账资金来源为${d.unclassified.join('、')}，未能判断是否财政性资金` : '';
    rows.push([
      cell(r.group === '' ? r.label : r.group, text),
      cell(r.group === '' ? null : r.label, text),
      wan(t.initial),
      wan(t.budget),
      wan(t.executed),
      t.rate === null ? cell('—', text) : cell(t.rate / 10000, r.total ? 'totalPercent' : 'percent'),
      // A block without lines (no 其他资金) has nothing to forecast: 0, not 未填列.
      t.forecast === null ? (t.lines === 0 ? wan(0) : cell('未填列', text)) : wan(t.forecast),
      cell(note, 'text'),
      cell(null, 'text'),
      cell(null, 'text'),
    ]);
    mergeRow(7, 9);
    if (r.group === '') mergeRow(0, 1);
    else if (!groupStart.has(r.group)) groupStart.set(r.group, rows.length - 1);
    else {
      const top = groupStart.get(r.group)!;
      rows[rows.length - 1]![0] = cell(null, text);
      const existing = merges.findIndex((m) => m.top === top && m.left === 0);
      if (existing >= 0) merges.splice(existing, 1);
      merges.push({ top, left: 0, bottom: rows.length - 1, right: 0 });
    }
  }
  rows.push([]);
  rows.push(fill(cell('部门整体绩效指标', 'totalText'), 'totalText'));
  mergeRow(0, WIDTH - 1);
  if (d.targets === null || d.targets.targets.length === 0) {
    rows.push(
      fill(
        cell(
          '【绩效目标表中没有部门整体的绩效指标：请在“绩效目标”工作表中以“部门整体”为项目名称填写，重新生成后列于此处】',
          'placeholder',
        ),
        'placeholder',
      ),
    );
    mergeRow(0, WIDTH - 1);
  } else {
    rows.push(targetColumns(model.month).map((h) => cell(h, 'header')));
    for (const r of d.targets.targets) rows.push(targetRowCells(r));
  }
  const columnWidths = [...TARGET_COLUMN_WIDTHS];
  return {
    name: DEPARTMENT_SHEET,
    rows,
    merges,
    columnWidths,
    rowHeights: tableRowHeights(rows, merges, columnWidths),
    freezeRows: 0,
    charts: [],
    orientation: 'landscape',
  };
}
