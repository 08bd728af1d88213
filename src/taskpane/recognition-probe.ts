import { type WorkbookGrid } from '../core/grid/types';
import { type Preview, previewReport } from '../core/preview';
import { type ReportOptions } from '../core/pipeline-options';
import { type ErrorField, LedgerError, type Result } from '../core/errors';
import { type Recognition } from '../core/types';
import { type StandInField } from './recognition-fields';

export { settingsForWorkbook } from './remembered-layout';
export { FIELD_LABELS, type FieldErrors, fieldErrors, guessHeaderRow, type StandInField } from './recognition-fields';

/**
 * The preview, never throwing: a bug in recognition becomes a message the pane shows above fields
 * the user can still change (a setting may well be what trips it), instead of a blank pane.
 */
export function safePreview(grid: WorkbookGrid, options: ReportOptions): Result<Preview> {
  try {
    return previewReport(grid, options);
  } catch (e) {
    console.error(e);
    const msg = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: new LedgerError(`识别台账时出现意外错误（${msg}）。请检查或更正下面的设置；如仍出错，请把台账发给我们。`),
    };
  }
}

/** The settings a probe may stand in for, so one missing value does not hide everything else. */

const STAND_INS: Readonly<Record<StandInField, ReportOptions>> = {
  year: { year: 2000 },
  month: { month: 1 },
  organization: { organization: '（未填写）' },
  unit: { unit: '元' },
  // The ledger's figures disagree: read on, to list where.
  discrepancy: { acceptDifferences: true },
  options: { rule: 'gap', gapPoints: 10, includeBasic: false },
};

const isStandIn = (f: ErrorField | null): f is StandInField => f !== null && f in STAND_INS;

export interface RecognitionProbe {
  /** What the ledger reads as with the stand-ins, or null when even that fails. */
  readonly recognition: Recognition | null;
  /** Settings given a stand-in value: their values in `recognition` are not the ledger's. */
  readonly standIns: ReadonlySet<StandInField>;
}

/**
 * When recognition stopped on a setting the user can give (the year is in no title, the month in
 * no header), runs it again with a neutral stand-in for each such setting, so the pane can still
 * show the sheet, header row, columns and whatever else was found, with the failing field empty.
 */
export function probeRecognition(grid: WorkbookGrid, options: ReportOptions, error: LedgerError): RecognitionProbe {
  const standIns = new Set<StandInField>();
  let field = error.field;
  while (isStandIn(field) && !standIns.has(field)) {
    standIns.add(field);
    let probe: ReportOptions = options;
    for (const f of standIns) probe = { ...probe, ...STAND_INS[f] };
    const r = safePreview(grid, probe);
    if (r.ok) return { recognition: r.value.recognition, standIns };
    field = r.error.field;
  }
  return { recognition: null, standIns };
}

/** Where the pane shows a failure: beside a field, or at the top when it belongs to none. */
