import { type WorkbookGrid } from './grid/types';
import { LedgerError, type Result, placeText } from './errors';
import { type Discrepancy } from './types';
import { previewReport } from './preview';
import { type ReportOptions } from './pipeline-options';
import { computeIndicators } from './indicators/compute';
import { buildNarrative } from './report/narrative';
import { type ReportModel } from './report/types';
import { buildPlan } from './plan/build-plan';
import { type WritePlan } from './plan/types';
import { computeTargets } from './targets/compute';

export type { ReportOptions } from './pipeline-options';

export interface ReportOutput {
  readonly model: ReportModel;
  readonly plan: WritePlan;
}

/**
 * The whole job on a workbook read into grids: recognise the ledger, compute the indicators,
 * write the narrative and plan the write-back. Every adapter calls this and only this.
 */
export function buildReport(workbook: WorkbookGrid, options: ReportOptions = {}): Result<ReportOutput> {
  const pre = previewReport(workbook, options);
  if (!pre.ok) return pre;
  const { recognition: r, targetSheet } = pre.value;
  const refused = discrepancyError(r.discrepancies, options.acceptDifferences === true);
  if (refused) return { ok: false, error: refused };
  const indicators = computeIndicators(r.lines, r.year.value, r.month.value, options);
  const targets = targetSheet ? computeTargets(targetSheet, indicators, r.lines, r.organization.value) : null;
  const model = buildNarrative(r, indicators, targets?.targets ?? null, targets?.warnings ?? [], options);
  const protectedSheets = workbook.sheets.filter((s) => s.protected === true).map((s) => s.name);
  return { ok: true, value: { model, plan: buildPlan(model, { protectedSheets }) } };
}

/**
 * The gate: a report is never published over figures the ledger itself contradicts, unless the user
 * accepted the differences (the report then says so).
 */
export function discrepancyError(list: readonly Discrepancy[], accepted: boolean): LedgerError | null {
  if (list.length === 0 || accepted) return null;
  const shown = list.slice(0, 6).map((d, i) => `${i + 1}. ${placeText(d)}：${d.message}`);
  return new LedgerError(
    `台账自身的数字对不上，为避免报告数字有误，暂不生成：\n${shown.join('\n')}${list.length > 6 ? `\n……共${list.length}处` : ''}\n请核对台账，或在任务窗格中更正识别结果（表头行、各列含义、某行是明细还是合计）；确认无误仍要生成的，勾选“仍按当前识别结果生成”（命令行加 --accept-differences），报告中会注明不符之处。`,
    list[0] ? { sheet: list[0].sheet, row: list[0].row, column: list[0].column } : null,
    'discrepancy',
  );
}
