/**
 * A workbook as plain data: what every adapter (Office.js, .xlsx, tests) reads the user's
 * workbook into before the core looks at it. Nothing here knows where the grid came from.
 */

/** An Excel error value such as `#N/A` or `#DIV/0!`. */
export interface CellError {
  readonly error: string;
}

/**
 * One cell's value. Formulas arrive as their cached value; dates as `Date` when the adapter
 * knows the cell is a date, otherwise as the Excel serial number.
 */
export type CellValue = number | string | boolean | Date | CellError | null;

/** A merged range, zero-based and inclusive. */
export interface MergeRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SheetGrid {
  readonly name: string;
  /** Rows of cells, zero-based; rows may be ragged (missing cells are empty). */
  readonly rows: readonly (readonly CellValue[])[];
  readonly merges?: readonly MergeRange[];
  /** Zero-based indexes of rows hidden or filtered out by the user. */
  readonly hiddenRows?: readonly number[];
  /**
   * Zero-based indexes of columns the user hid (last year's figures kept out of sight, helper
   * columns): recognition prefers a visible column over a hidden one for the same meaning.
   */
  readonly hiddenColumns?: readonly number[];
  /** The sheet is protected: the add-in reads it but does not add highlights to it. */
  readonly protected?: boolean;
}

export interface WorkbookGrid {
  readonly sheets: readonly SheetGrid[];
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'error' in v;
}

/** Reads a cell, treating anything outside the grid as empty. */
export function cellAt(sheet: SheetGrid, row: number, col: number): CellValue {
  const r = sheet.rows[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

/** Number of columns of the widest row. */
export function gridWidth(sheet: SheetGrid): number {
  let w = 0;
  for (const r of sheet.rows) if (r.length > w) w = r.length;
  return w;
}

/**
 * Excel's column letters for a zero-based index.
 * @example columnLetter(0) === 'A'; columnLetter(27) === 'AB'
 */
export function columnLetter(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * The A1 address of a zero-based cell.
 * @example cellAddress(4, 2) === 'C5'
 */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}
