/**
 * One unit of a batch run: read its file, build its report exactly as the one-unit CLI does, and
 * return its 汇总 row with its output files (bytes, not yet written). Runs in a worker thread, or
 * in-process when there is one unit or no worker is wanted.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { summarizeUnit } from '../core/batch/summarize';
import { splitByUnitColumn } from '../core/batch/split-units';
import { type UnitOutcome } from '../core/batch/types';
import { placeText } from '../core/errors';
import { buildReport, type ReportOptions } from '../core/pipeline';
import { reportToJson } from '../core/report/to-json';
import { blocksToText } from '../core/report/types';
import { type WorkbookGrid } from '../core/grid/types';
import { applyPlanToXlsx } from '../xlsx/apply-plan';
import { readWorkbookGrid } from '../xlsx/read-grid';
import { buildDocx } from '../word/docx';

export interface UnitJob {
  /** Absolute path. */
  readonly path: string;
  /** As shown to the user: relative to the folder given, or as given. */
  readonly file: string;
  readonly options: ReportOptions;
  /** Build the unit's own four files (false: only its 汇总 row, for the bench of the model alone). */
  readonly outputs: boolean;
}

export interface UnitFile {
  /** File name inside the unit's folder. */
  readonly name: string;
  readonly content: Uint8Array;
}

export interface UnitResult {
  readonly outcome: UnitOutcome;
  readonly files: readonly UnitFile[];
  /** The report's warnings, for the terminal. */
  readonly warnings: readonly string[];
}

/** The file name without its folder and its spreadsheet extension. */
export function baseName(file: string): string {
  return path.basename(file).replace(/\.(xlsx|xlsm|xls|et|csv)$/i, '');
}

/** True for an OLE2 compound file: an encrypted .xlsx, an old .xls, a WPS .et. */
function isCompoundFile(b: Uint8Array): boolean {
  return b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
}

/** An encrypted OOXML package carries an EncryptionInfo stream (its name in UTF-16LE). */
function isEncrypted(b: Uint8Array): boolean {
  const needle = Buffer.from('EncryptionInfo', 'utf16le');
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).indexOf(needle) >= 0;
}

const failure = (job: UnitJob, reason: string): UnitResult => ({
  outcome: { ok: false, failure: { name: baseName(job.file), file: job.file, reason } },
  files: [],
  warnings: [],
});

/** Every unit of one file: one, or one per unit of an export with a 预算单位 column. */
export async function runUnit(job: UnitJob): Promise<UnitResult[]> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(job.path));
  } catch (e) {
    return [failure(job, `无法读取文件（${(e as NodeJS.ErrnoException).code ?? String(e)}）。`)];
  }
  if (bytes.length === 0) {
    return [failure(job, '文件是空的（0 字节），可能没有保存完整或下载中断，请重新报送。')];
  }
  if (isCompoundFile(bytes)) {
    return [
      failure(
        job,
        isEncrypted(bytes)
          ? '文件设有打开密码，无法读取。请去掉密码（文件→信息→保护工作簿）后另存为 .xlsx 重新报送。'
          : '文件是旧版 .xls 或 WPS .et 格式，请用 Excel 或 WPS 另存为 .xlsx 后重新报送。',
      ),
    ];
  }
  let grid: WorkbookGrid;
  try {
    grid = await readWorkbookGrid(bytes);
  } catch {
    return [failure(job, '不是有效的 .xlsx 工作簿（文件可能已损坏，或不是表格文件）。')];
  }
  // One export for many units: each unit reported on its own, named by the export's own column.
  const parts = splitByUnitColumn(grid);
  if (parts) {
    const out: UnitResult[] = [];
    for (const part of parts) {
      out.push(await reportUnit(job, bytes, part.workbook, { ...job.options, organization: part.unit }, part.unit));
    }
    return out;
  }
  return [await reportUnit(job, bytes, grid, job.options, null)];
}

async function reportUnit(
  job: UnitJob,
  bytes: Uint8Array,
  grid: WorkbookGrid,
  options: ReportOptions,
  partOf: string | null,
): Promise<UnitResult> {
  let result = buildReport(grid, options);
  if (!result.ok) {
    const where = result.error.place ? `（${placeText(result.error.place)}）` : '';
    const reason = `${result.error.message}${where}`;
    if (partOf === null) return failure(job, reason);
    return { outcome: { ok: false, failure: { name: partOf, file: job.file, reason } }, files: [], warnings: [] };
  }
  // No organisation in the workbook: the file name stands for it, in its own report too.
  if (result.value.model.recognition.organization.from === '未找到' && !options.organization) {
    const again = buildReport(grid, { ...options, organization: baseName(job.file) });
    if (again.ok) result = again;
  }
  const { model, plan } = result.value;
  const unit = summarizeUnit(model, job.file);
  const warnings = model.warnings.map((w) => `${placeText(w)}：${w.message}`);
  if (!job.outputs) return { outcome: { ok: true, unit }, files: [], warnings };
  const base = baseName(job.file);
  const text = new TextEncoder();
  const files: UnitFile[] = [
    { name: 'report.json', content: text.encode(JSON.stringify(reportToJson(model), null, 2) + '\n') },
    { name: 'report.txt', content: text.encode(blocksToText(model.blocks) + '\n') },
    { name: `${base}-监控报告.xlsx`, content: await applyPlanToXlsx(bytes, plan) },
    { name: `${base}-监控报告.docx`, content: await buildDocx(model) },
  ];
  return { outcome: { ok: true, unit }, files, warnings };
}
