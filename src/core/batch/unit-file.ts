import { type WorkbookGrid } from '../grid/types';
import { placeText } from '../errors';
import { buildReport, type ReportOptions, type ReportOutput } from '../pipeline';
import { splitByUnitColumn } from './split-units';
import { summarizeUnit } from './summarize';
import { type UnitOutcome, type UnitSummary } from './types';

/**
 * One file of a batch, the same in the CLI (worker threads) and in the browser: the report of each
 * unit in it (opening the file, with its reasons for refusing one, is src/xlsx/open-ledger.ts).
 */

/** The file name without its folder and its spreadsheet extension. @example baseName('a/b/台账.xlsx') === '台账' */
export function baseName(file: string): string {
  const last = file.split(/[\\/]/).pop() ?? file;
  return last.replace(/\.(xlsx|xlsm|xls|et|csv)$/i, '');
}

export const NOT_A_WORKBOOK = '不是有效的 .xlsx 工作簿（文件可能已损坏，或不是表格文件）。';

export function failedUnit(file: string, reason: string, name: string = baseName(file)): UnitOutcome {
  return { ok: false, failure: { name, file, reason } };
}

export interface UnitReport {
  readonly outcome: UnitOutcome;
  /** The unit's whole report (model and write plan) when it was read. */
  readonly output: ReportOutput | null;
}

/**
 * Each unit of one workbook: one, or one per unit of an export with a 预算单位 column. A unit
 * without an organisation in its workbook is named after the file, in its own report too.
 */
export function reportUnits(grid: WorkbookGrid, file: string, options: ReportOptions): UnitReport[] {
  const parts = splitByUnitColumn(grid);
  if (parts) {
    return parts.map((p) => {
      const r = reportOne(p.workbook, file, { ...options, organization: p.unit }, p.unit);
      // Spending read from a sheet that names no unit would be every unit's payments, not this one's.
      const used = r.output ? [r.output.model.recognition.journal?.sheet, ...r.output.model.recognition.sheets] : [];
      const shared = used.find((sh) => sh !== undefined && !p.splitSheets.includes(sh));
      if (!shared) return r;
      const reason = `工作表“${shared}”没有预算单位列，无法分出“${p.unit}”自己的数据；请导出带“预算单位”列的表，或按单位分别导出。`;
      return { outcome: failedUnit(file, reason, p.unit), output: null };
    });
  }
  return [reportOne(grid, file, options, null)];
}

function reportOne(grid: WorkbookGrid, file: string, options: ReportOptions, partOf: string | null): UnitReport {
  let result = buildReport(grid, options);
  if (!result.ok) {
    const where = result.error.place ? `（${placeText(result.error.place)}）` : '';
    return { outcome: failedUnit(file, `${result.error.message}${where}`, partOf ?? baseName(file)), output: null };
  }
  if (result.value.model.recognition.organization.from === '未找到' && !options.organization) {
    const again = buildReport(grid, { ...options, organization: baseName(file) });
    if (again.ok) result = again;
  }
  return { outcome: { ok: true, unit: summarizeUnit(result.value.model, file) }, output: result.value };
}

/** A folder name from an organisation's name: no path separators or characters Windows refuses. */
export function folderName(name: string): string {
  const s = name
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/[. ]+$/, '')
    .trim();
  return s === '' ? '未命名单位' : s.slice(0, 80);
}

/**
 * Names for the units, unique and the same whatever order the units finished in: the organisation,
 * and when two units share one, the organisation with the file name (then with the file's path).
 */
export function uniqueNames(units: readonly UnitSummary[]): string[] {
  const count = (keys: string[]) => {
    const m = new Map<string, number>();
    for (const k of keys) m.set(k.toLowerCase(), (m.get(k.toLowerCase()) ?? 0) + 1);
    return m;
  };
  let names = units.map((u) => folderName(u.organization));
  let seen = count(names);
  names = names.map((n, i) => (seen.get(n.toLowerCase())! > 1 ? folderName(`${n}（${baseName(units[i]!.file)}）`) : n));
  seen = count(names);
  names = names.map((n, i) =>
    seen.get(n.toLowerCase())! > 1
      ? folderName(`${folderName(units[i]!.organization)}（${units[i]!.file.replace(/[\\/]/g, '_')}）`)
      : n,
  );
  // Still equal (only case differs on a case-insensitive disk…): number them.
  const used = new Map<string, number>();
  return names.map((n) => {
    const k = n.toLowerCase();
    const i = (used.get(k) ?? 0) + 1;
    used.set(k, i);
    return i === 1 ? n : `${n}（${i}）`;
  });
}
