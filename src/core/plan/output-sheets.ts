import { type SheetGrid, type WorkbookGrid } from '../grid/types';
import { cellText } from '../grid/text';
import { OUTPUT_SHEET_MARK, OUTPUT_SHEETS } from '../constants';
import { LedgerError } from '../errors';

/** How many rows at the top and at the bottom of a sheet are searched for the mark. */
const MARK_ROWS = 3;

/** True when the sheet holds the note the add-in writes into each of its output sheets. */
export function carriesOutputMark(sheet: SheetGrid): boolean {
  const n = sheet.rows.length;
  const rows = new Set<number>();
  for (let r = 0; r < Math.min(MARK_ROWS, n); r++) rows.add(r);
  for (let r = Math.max(0, n - MARK_ROWS); r < n; r++) rows.add(r);
  for (const r of rows)
    for (const v of sheet.rows[r] ?? []) if (cellText(v ?? null).includes(OUTPUT_SHEET_MARK)) return true;
  return false;
}

/**
 * The rule for a sheet that already has an output sheet's name (监控汇总, 监控报告; Excel compares
 * sheet names without case): the add-in replaces it only when it wrote it, that is when it carries
 * OUTPUT_SHEET_MARK. Otherwise it is the user's own sheet and nothing may be written, since writing
 * would replace it: the error says so and asks for a rename. Returns null when writing is safe.
 */
export function foreignOutputSheetError(workbook: WorkbookGrid): LedgerError | null {
  for (const s of workbook.sheets) {
    const name = OUTPUT_SHEETS.find((o) => o.toLowerCase() === s.name.toLowerCase());
    if (name === undefined || carriesOutputMark(s)) continue;
    return new LedgerError(
      `工作簿中已有名为“${s.name}”的工作表，但它不是绩效监控助手生成的（表中没有“${OUTPUT_SHEET_MARK}……生成”的标记）。为免覆盖您的数据，本次没有生成报告。请把该工作表改名（如“${name}（原）”）后重试。`,
      { sheet: s.name, row: null, column: null },
    );
  }
  return null;
}
