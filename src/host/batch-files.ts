/**
 * The batch in the browser: several ledgers (picked one by one or as a folder) → the same 汇总.xlsx and
 * 汇总通报.docx as the CLI writes, built in the page; nothing leaves it. Loaded only when the user
 * asks for a 汇总 (a lazy chunk: the .docx library and the zip code come with it). The units run one
 * after the other, yielding to the page between them so the progress line can move.
 */
import { aggregateUnits } from '../core/batch/aggregate';
import { buildBulletin } from '../core/batch/bulletin';
import { renameUnit } from '../core/batch/summarize';
import { type BatchModel, type UnitOutcome } from '../core/batch/types';
import { NOT_A_WORKBOOK, failedUnit, reportUnits, uniqueNames } from '../core/batch/unit-file';
import { type ReportOptions } from '../core/pipeline';
import { buildBulletinDocx } from '../word/bulletin-docx';
import { LedgerFileError, openLedger } from '../xlsx/open-ledger';
import { buildSummaryWorkbook } from '../xlsx/summary-workbook';

export interface BatchFile {
  /** The name as the user sees it (with its folder when a folder was picked). */
  readonly name: string;
  readonly bytes: () => Promise<Uint8Array>;
}

export interface BatchFilesResult {
  readonly model: BatchModel;
  readonly summary: Uint8Array;
  readonly bulletin: Uint8Array;
  /** Files that are no spreadsheet at all (a 说明.docx in the folder): not units, only counted. */
  readonly skipped: number;
}

const SPREADSHEET = /\.(xlsx|xlsm|xls|et|csv)$/i;

export async function summarizeFiles(
  files: readonly BatchFile[],
  options: ReportOptions = {},
  onProgress?: (done: number, total: number, name: string) => void,
): Promise<BatchFilesResult> {
  const ledgers = files
    .filter((f) => SPREADSHEET.test(f.name) && !/(^|\/)(~\$|\.)/.test(f.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const outcomes: UnitOutcome[] = [];
  for (const [i, f] of ledgers.entries()) {
    outcomes.push(...(await oneFile(f, options)));
    onProgress?.(i + 1, ledgers.length, f.name);
    await new Promise((r) => setTimeout(r, 0));
  }
  const read = outcomes.flatMap((o, j) => (o.ok ? [{ j, unit: o.unit }] : []));
  const names = uniqueNames(read.map((r) => r.unit));
  read.forEach(({ j, unit }, k) => (outcomes[j] = { ok: true, unit: renameUnit(unit, names[k]!) }));
  const model = aggregateUnits(outcomes, {
    ...(options.gapPoints !== undefined ? { gapPoints: options.gapPoints } : {}),
    ...(options.rule ? { rule: options.rule } : {}),
  });
  return {
    model,
    summary: await buildSummaryWorkbook(model),
    bulletin: await buildBulletinDocx(buildBulletin(model)),
    skipped: files.length - ledgers.length,
  };
}

async function oneFile(f: BatchFile, options: ReportOptions): Promise<UnitOutcome[]> {
  // Folders hold other files too (Word notices, pictures): only what may be a ledger is opened.
  if (!/\.(xlsx|xlsm|xls|et|csv|ods|xlsb)$/i.test(f.name)) {
    return [failedUnit(f.name, '不是台账文件（.xlsx、.xls、.et 或 .csv），已跳过。')];
  }
  let bytes: Uint8Array;
  try {
    bytes = await f.bytes();
  } catch {
    return [failedUnit(f.name, '浏览器无法读取这个文件。')];
  }
  // The same opening as for one unit and as the CLI's 汇总, so both list the same reasons.
  let grid;
  try {
    grid = (await openLedger(f.name.split('/').pop() ?? f.name, bytes)).grid;
  } catch (e) {
    if (e instanceof LedgerFileError) return [failedUnit(f.name, e.message)];
    return [failedUnit(f.name, NOT_A_WORKBOOK)];
  }
  return reportUnits(grid, f.name, options).map((r) => r.outcome);
}
