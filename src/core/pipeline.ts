import { type WorkbookGrid } from './grid/types';
import { type Result } from './errors';
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
  const indicators = computeIndicators(r.lines, r.year.value, r.month.value, options);
  const targets = targetSheet ? computeTargets(targetSheet, indicators, r.lines, r.organization.value) : null;
  const model = buildNarrative(r, indicators, targets?.targets ?? null, targets?.warnings ?? []);
  const protectedSheets = workbook.sheets.filter((s) => s.protected === true).map((s) => s.name);
  return { ok: true, value: { model, plan: buildPlan(model, { protectedSheets }) } };
}
