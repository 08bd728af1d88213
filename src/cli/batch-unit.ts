/**
 * One unit of a batch run: read its file, build its report exactly as the one-unit CLI does, and
 * return its 汇总 row with its output files (bytes, not yet written). Runs in a worker thread, or
 * in-process when there is one unit or no worker is wanted.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { baseName, failedUnit, NOT_A_WORKBOOK, reportUnits } from '../core/batch/unit-file';
import { type UnitOutcome } from '../core/batch/types';
import { placeText } from '../core/errors';
import { type ReportOptions } from '../core/pipeline';
import { reportToJson } from '../core/report/to-json';
import { blocksToText } from '../core/report/types';
import { type WorkbookGrid } from '../core/grid/types';
import { applyPlanToXlsx } from '../xlsx/apply-plan';
import { LedgerFileError, type OpenedLedger, openLedger } from '../xlsx/open-ledger';
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

/** Every unit of one file: one, or one per unit of an export with a 预算单位 column. */
export async function runUnit(job: UnitJob): Promise<UnitResult[]> {
  const failure = (reason: string): UnitResult[] => [
    { outcome: failedUnit(job.file, reason), files: [], warnings: [] },
  ];
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(job.path));
  } catch (e) {
    return failure(`无法读取文件（${(e as NodeJS.ErrnoException).code ?? String(e)}）。`);
  }
  // The same opening as for one unit: .xls, .et, .csv are read by content; an encrypted file without
  // a password, an empty or damaged one is listed with the reader's own message.
  let opened: OpenedLedger;
  try {
    // Named by its file name alone, so shards run from different folders list the same reason.
    opened = await openLedger(path.basename(job.file), bytes);
  } catch (e) {
    if (e instanceof LedgerFileError) return failure(e.message);
    return failure(NOT_A_WORKBOOK);
  }
  const grid: WorkbookGrid = opened.grid;
  const out: UnitResult[] = [];
  for (const { outcome, output } of reportUnits(grid, job.file, job.options)) {
    const warnings = output ? output.model.warnings.map((w) => `${placeText(w)}：${w.message}`) : [];
    if (!output || !job.outputs) {
      out.push({ outcome, files: [], warnings });
      continue;
    }
    const { model, plan } = output;
    const base = baseName(job.file);
    const text = new TextEncoder();
    const files: UnitFile[] = [
      { name: 'report.json', content: text.encode(JSON.stringify(reportToJson(model), null, 2) + '\n') },
      { name: 'report.txt', content: text.encode(blocksToText(model.blocks) + '\n') },
      {
        name: `${base}-监控报告.xlsx`,
        content: await applyPlanToXlsx(
          opened.xlsx,
          plan,
          opened.largeSheetShells ? { knownShells: opened.largeSheetShells } : {},
        ),
      },
      { name: `${base}-监控报告.docx`, content: await buildDocx(model) },
    ];
    out.push({ outcome, files, warnings });
  }
  return out;
}
