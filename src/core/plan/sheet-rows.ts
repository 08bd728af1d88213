import { type CellStyleName, type PlannedCell, type PlannedMerge } from './types';

/**
 * The rows and merges of a form-like sheet being built top to bottom: `mergeRow` merges columns of
 * the last row pushed, `fill` pads a first cell with styled empty ones to the sheet's width.
 * @example const s = sheetRows(3); s.rows.push(s.fill(cell('标题', 'title'), 'title')); s.mergeRow(0, 2);
 */
export function sheetRows(width: number) {
  const rows: (PlannedCell | null)[][] = [];
  const merges: PlannedMerge[] = [];
  const mergeRow = (left: number, right: number): void => {
    merges.push({ top: rows.length - 1, left, bottom: rows.length - 1, right });
  };
  const fill = (first: PlannedCell, style: CellStyleName, n = width - 1): PlannedCell[] => [
    first,
    ...Array.from({ length: n }, (): PlannedCell => ({ value: null, style })),
  ];
  return { rows, merges, mergeRow, fill };
}
