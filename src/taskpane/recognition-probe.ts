import { type CellValue, type SheetGrid, type WorkbookGrid } from '../core/grid/types';
import { cellText } from '../core/grid/text';
import { type Preview, previewReport } from '../core/preview';
import { type ReportOptions } from '../core/pipeline-options';
import { type ErrorField, LedgerError, type Result } from '../core/errors';
import { type Recognition } from '../core/types';
import { paneText } from './pane-text';

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
export type StandInField = Extract<ErrorField, 'year' | 'month' | 'organization' | 'unit' | 'discrepancy' | 'options'>;

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
export interface FieldErrors {
  readonly top: string | null;
  readonly byField: Readonly<Partial<Record<ErrorField, string>>>;
}

/** The failure's message, without command-line hints, beside the field that fixes it. */
export function fieldErrors(error: LedgerError | null): FieldErrors {
  if (!error) return { top: null, byField: {} };
  const text = paneText(error.message);
  // A file problem is fixed by another file: nothing in the pane, so it goes at the top.
  if (error.field === null || error.field === 'file') return { top: text, byField: {} };
  return { top: null, byField: { [error.field]: text } };
}

/** The name of each field as the pane labels it, for "请更正下方的“年度”". */
export const FIELD_LABELS: Readonly<Record<ErrorField, string>> = {
  file: '台账文件',
  sheet: '台账工作表',
  header: '表头行',
  columns: '各列含义',
  month: '截止月份',
  year: '年度',
  organization: '单位',
  unit: '金额单位',
  discrepancy: '台账合计',
  options: '选项',
};

/**
 * A header row to show the columns of when nothing was recognised: among the first 40 rows, the
 * one with the most filled cells that hold text (titles fill one cell, lines hold numbers).
 * @example guessHeaderRow({ name: '台账', rows: [['某局台账'], ['项目名称', '全年预算'], ['A', 100]] }) === 2
 */
export function guessHeaderRow(sheet: SheetGrid): number {
  let best = 1;
  let bestCount = 0;
  sheet.rows.slice(0, 40).forEach((row, i) => {
    const n = row.filter((v: CellValue | undefined) => cellText(v ?? null).trim() !== '').length;
    if (n > bestCount) {
      best = i + 1;
      bestCount = n;
    }
  });
  return best;
}
