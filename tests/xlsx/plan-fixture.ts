/** A hand-made plan and input workbook covering every style, merges, freeze, a chart and highlights. */
import { type PlannedCell, type PlannedSheet, type WritePlan } from '../../src/core/plan/types';
import { type CellStyleName } from '../../src/core/plan/types';
import { workbookBytes } from './helpers';

const c = (value: string | number | null, style: CellStyleName): PlannedCell => ({ value, style });

export const summary: PlannedSheet = {
  name: '监控汇总',
  rows: [
    [c('泸县总工会2024年1–8月预算执行监控汇总', 'title'), null, null, null, null],
    [c('单位：万元', 'subtitle')],
    [],
    [c('项目', 'header'), c('全年预算', 'header'), c('执行数', 'header'), c('执行率', 'header'), c('偏差', 'header')],
    [c('人员支出', 'text'), c(406.14, 'wan'), c(287.18, 'wan'), c(0.7071, 'percent'), c(4.04, 'points')],
    [c('公用支出', 'text'), c(57.12, 'wan'), c(36.87, 'wan'), c(0.6455, 'percent'), c(-2.12, 'points')],
    [c("维权'帮扶", 'text'), c(53.16, 'wan'), c(0, 'wan'), c(0, 'percent'), c(-66.67, 'points')],
    [
      c('合计', 'totalText'),
      c(516.42, 'totalWan'),
      c(324.05, 'totalWan'),
      c(0.6275, 'totalPercent'),
      c(-3.92, 'totalPoints'),
    ],
    [c('=SUM(A1:A3)', 'statusWarn'), c('+86 028', 'statusOk'), c('-5', 'text'), c('@home', 'note'), c(null, 'text')],
  ],
  merges: [{ top: 0, left: 0, bottom: 0, right: 4 }],
  columnWidths: [24, 12, 12, 10, 10],
  freezeRows: 4,
  charts: [
    {
      title: '各类支出执行率',
      categories: { col: 0, firstRow: 4, lastRow: 6 },
      series: [
        { name: '执行率', col: 3, kind: 'bar' },
        { name: '时间进度', col: 4, kind: 'line' },
      ],
      anchor: { row: 4, col: 6, rows: 15, cols: 7 },
    },
  ],
  orientation: 'landscape',
};

export const report: PlannedSheet = {
  name: '监控报告',
  rows: [
    [c('泸县总工会2024年部门事中绩效监控报告', 'heading1')],
    [c('一、主要职能职责', 'heading1')],
    [c('（一）年度预算安排情况', 'heading2')],
    [c('全年预算516.42万元。<b>&amp;</b> _x0041_ 控制符\u0001', 'paragraph')],
  ],
  merges: [],
  columnWidths: [90],
  freezeRows: 0,
  charts: [],
  orientation: 'portrait',
};

export const plan: WritePlan = {
  sheets: [summary, report],
  highlights: [
    { sheet: '明细', row: 2, firstCol: 0, lastCol: 4, reason: '零执行' },
    { sheet: '明细', row: 4, firstCol: 0, lastCol: 4, reason: '滞后' },
  ],
};

/** The user's workbook: a budget sheet and a journal with its own conditional format and validation. */
export function userWorkbook(): Promise<Uint8Array> {
  return workbookBytes((wb) => {
    const budget = wb.addWorksheet('预算');
    budget.addRow(['项目', '全年预算']);
    budget.addRow(['维权帮扶项目经费', 20000]);
    const journal = wb.addWorksheet('明细');
    journal.addRow(['日期', '凭证号', '摘要', '项目名称', '金额']);
    for (let i = 0; i < 6; i++)
      journal.addRow([new Date(Date.UTC(2024, i, 5)), `记-${i}`, '报销', '维权帮扶', 100 * i]);
    journal.getColumn(1).numFmt = 'yyyy-mm-dd';
    journal.addConditionalFormatting({
      ref: 'E2:E7',
      rules: [
        { type: 'cellIs', operator: 'greaterThan', formulae: ['300'], priority: 1, style: { font: { bold: true } } },
      ],
    });
    journal.getCell('B2').dataValidation = { type: 'list', allowBlank: true, formulae: ['"记-0,记-1"'] };
    journal.pageSetup.printArea = 'A1:E7';
  });
}
