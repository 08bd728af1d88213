import { type WorkbookGrid } from './grid/types';
import { type Recognition } from './types';
import { type Result } from './errors';
import { recognize } from './recognize/recognize';
import { recognizeTargets } from './targets/recognize-targets';
import { type TargetSheetRecognition } from './targets/types';
import { foreignOutputSheetError } from './plan/output-sheets';
import { indicatorOptionsError } from './indicators/options';
import { type ReportOptions } from './pipeline-options';

export interface Preview {
  readonly recognition: Recognition;
  /** The workbook's targets sheet, recognised, or null when it has none. */
  readonly targetSheet: TargetSheetRecognition | null;
}

/**
 * The first half of the job: everything the pane shows before 生成监控报告 (what was recognised,
 * what is missing), without the narrative and plan code, which load only when a report is made.
 * `buildReport` starts from it, so the pane's preview and the report can never disagree.
 */
export function previewReport(workbook: WorkbookGrid, options: ReportOptions = {}): Result<Preview> {
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
  return { ok: true, value: { recognition: rec.value, targetSheet } };
}
