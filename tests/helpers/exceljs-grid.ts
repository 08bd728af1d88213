/**
 * A second, independent way to read an .xlsx into grids (through exceljs), for tests only: it
 * builds fixtures and cross-checks the product's own reader.
 */
import ExcelJS from 'exceljs';
import { type CellValue, type SheetGrid, type WorkbookGrid, type MergeRange } from '../../src/core/grid/types';

function valueOf(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('error' in v) return { error: String(v.error) };
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const r = (v as { result?: ExcelJS.CellValue }).result;
      return r === undefined ? null : valueOf(r);
    }
    if ('text' in v) return String((v as { text: unknown }).text);
  }
  return null;
}

function decode(a1: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(a1);
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export async function gridFromWorkbook(wb: ExcelJS.Workbook): Promise<WorkbookGrid> {
  const sheets: SheetGrid[] = [];
  wb.eachSheet((ws) => {
    const rows: CellValue[][] = [];
    const hiddenRows: number[] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (c, col) => {
        cells[col - 1] = valueOf(c.isMerged && c.master !== c ? null : c.value);
      });
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      rows[r - 1] = cells;
      if (row.hidden) hiddenRows.push(r - 1);
    });
    for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
    const merges: MergeRange[] = (ws.model.merges ?? []).map((m: string) => {
      const [a, b] = m.split(':');
      const s = decode(a!);
      const e = decode(b!);
      return { top: s.row, left: s.col, bottom: e.row, right: e.col };
    });
    sheets.push({ name: ws.name, rows, merges, hiddenRows });
  });
  return { sheets };
}

export async function gridFromFile(file: string): Promise<WorkbookGrid> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return gridFromWorkbook(wb);
}
