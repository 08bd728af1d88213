import { type WorkbookGrid } from './grid/types';
import { type RecognizeOptions } from './types';
import { type IndicatorOptions } from './indicators/types';
import { type Result } from './errors';
import { recognize } from './recognize/recognize';
import { computeIndicators } from './indicators/compute';
import { buildNarrative } from './report/narrative';
import { type ReportModel } from './report/types';
import { buildPlan } from './plan/build-plan';
import { type WritePlan } from './plan/types';
import { recognizeTargets } from './targets/recognize-targets';
import { computeTargets } from './targets/compute';
import { foreignOutputSheetError } from './plan/output-sheets';
import { indicatorOptionsError } from './indicators/options';

export interface ReportOptions extends RecognizeOptions, IndicatorOptions {}

export interface ReportOutput {
  readonly model: ReportModel;
  readonly plan: WritePlan;
}

/**
 * The whole job on a workbook read into grids: recognise the ledger, compute the indicators,
 * write the narrative and plan the write-back. Every adapter calls this and only this.
 */
export function buildReport(workbook: WorkbookGrid, options: ReportOptions = {}): Result<ReportOutput> {
  // A user's own sheet named like an output sheet would be replaced: refuse before anything else.
  const foreign = foreignOutputSheetError(workbook);
  if (foreign) return { ok: false, error: foreign };
  const badOption = indicatorOptionsError(options);
  if (badOption) return { ok: false, error: badOption };
  // The second half of 双监控: performance targets, when the workbook has a targets sheet. Its
  // "1-8月完成情况" column reads like an execution column, so it is never a ledger candidate.
  const targetSheet = recognizeTargets(workbook);
  const ledgerBook =
    targetSheet && options.sheet !== targetSheet.sheet
      ? { sheets: workbook.sheets.filter((s) => s.name !== targetSheet.sheet) }
      : workbook;
  const rec = recognize(ledgerBook, options);
  if (!rec.ok) return rec;
  const r = rec.value;
  const indicators = computeIndicators(r.lines, r.year.value, r.month.value, options);
  const targets = targetSheet ? computeTargets(targetSheet, indicators, r.lines, r.organization.value) : null;
  const model = buildNarrative(r, indicators, targets?.targets ?? null, targets?.warnings ?? []);
  const protectedSheets = workbook.sheets.filter((s) => s.protected === true).map((s) => s.name);
  return { ok: true, value: { model, plan: buildPlan(model, { protectedSheets }) } };
}
