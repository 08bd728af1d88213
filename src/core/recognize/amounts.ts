import { type ColumnMatch, type ColumnRole, type Warning } from '../types';
import { type SheetGrid, cellAt, columnLetter } from '../grid/types';
import { type Fen } from '../money/fen';
import { parseAmount } from '../money/parse-amount';

/** The amount in one cell of a role's column: null when the column is absent or the cell empty. */
export function readAmount(
  sheet: SheetGrid,
  row: number,
  column: ColumnMatch | undefined,
  warnings: Warning[],
): Fen | null {
  if (!column) return null;
  const v = cellAt(sheet, row, column.col);
  const r = parseAmount(v, column.unit);
  if (!r.ok) {
    warnings.push({
      sheet: sheet.name,
      row: row + 1,
      column: columnLetter(column.col),
      message:
        column.role === 'budget'
          ? `“${column.label}”${r.reason}，全年预算按年初预算加调整数计算，请核对`
          : `“${column.label}”${r.reason}，按0计算，请核对`,
    });
    // Unknown, not 0: a 全年预算 that cannot be read is completed from 年初 + 调整 where they exist.
    return null;
  }
  return r.empty ? null : r.fen;
}

export type ColumnIndex = Partial<Record<ColumnRole, ColumnMatch>>;

export function indexColumns(columns: readonly ColumnMatch[]): ColumnIndex {
  const out: ColumnIndex = {};
  for (const c of columns) out[c.role] ??= c;
  return out;
}
