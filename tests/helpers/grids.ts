import { type CellValue, type SheetGrid, type WorkbookGrid, type MergeRange } from '../../src/core/grid/types';

/** A sheet from rows of cell values; the test reads like the ledger it stands for. */
export function sheet(
  name: string,
  rows: CellValue[][],
  merges: MergeRange[] = [],
  hiddenRows: number[] = [],
): SheetGrid {
  return { name, rows, merges, hiddenRows };
}

export function book(...sheets: SheetGrid[]): WorkbookGrid {
  return { sheets };
}
