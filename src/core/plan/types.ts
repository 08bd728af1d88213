/**
 * What to write into the workbook, as plain data. The core builds it once; the Office.js adapter
 * and the .xlsx writer each only carry it out, so Excel and the file mode give the same result.
 */

/** Named looks; each adapter maps them to its own formatting (see STYLES). */
export type CellStyleName =
  | 'title'
  | 'subtitle'
  | 'header'
  | 'text'
  | 'wan'
  | 'percent'
  | 'points'
  | 'totalText'
  | 'totalWan'
  | 'totalPercent'
  | 'totalPoints'
  | 'statusWarn'
  | 'statusOk'
  | 'heading1'
  | 'heading2'
  | 'paragraph'
  | 'placeholder'
  | 'sign'
  | 'note';

export interface PlannedCell {
  /** Strings are always written as text, never as formulas, whatever they start with. */
  readonly value: string | number | null;
  readonly style: CellStyleName;
}

export interface PlannedMerge {
  /** 0-based, inclusive. */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface PlannedChart {
  readonly title: string;
  /**
   * Clustered columns of the 'bar' series over the category labels, and each 'line' series drawn as a
   * line across them (时间进度: one reference line, not a bar per category); 0-based ranges of this sheet.
   */
  readonly categories: { readonly col: number; readonly firstRow: number; readonly lastRow: number };
  readonly series: readonly { readonly name: string; readonly col: number; readonly kind?: 'bar' | 'line' }[];
  /** Top-left anchor cell of the chart, 0-based, and its size in cells. */
  readonly anchor: { readonly row: number; readonly col: number; readonly rows: number; readonly cols: number };
}

export interface PlannedSheet {
  readonly name: string;
  /** Rows of cells from A1; null is an empty, unstyled cell. */
  readonly rows: readonly (readonly (PlannedCell | null)[])[];
  readonly merges: readonly PlannedMerge[];
  /** Column widths in characters (Excel's unit). */
  readonly columnWidths: readonly number[];
  /**
   * Heights in points of rows whose wrapped text needs more than one line, by 0-based row; rows
   * not listed keep Excel's default. Computed in the core so Excel and the .xlsx file agree (an
   * .xlsx opened elsewhere does not re-fit row heights by itself).
   */
  readonly rowHeights?: ReadonlyMap<number, number>;
  /** Rows frozen at the top (0 for none). */
  readonly freezeRows: number;
  readonly charts: readonly PlannedChart[];
  /** Landscape for wide tables, portrait for the narrative. */
  readonly orientation: 'portrait' | 'landscape';
}

/** One ledger row to highlight: columns firstCol..lastCol of a 0-based row of a user sheet. */
export interface PlannedHighlight {
  readonly sheet: string;
  readonly row: number;
  readonly firstCol: number;
  readonly lastCol: number;
  readonly reason: string;
}

export interface WritePlan {
  /** The add-in's own sheets, written whole; an existing sheet of the same name is replaced. */
  readonly sheets: readonly PlannedSheet[];
  /** Highlights on the user's sheets, carried out as conditional formats marked HIGHLIGHT_MARKER. */
  readonly highlights: readonly PlannedHighlight[];
  /**
   * Only add the plan's sheets, which become the user's (the empty 绩效目标 sheet): never replace a
   * sheet of the same name (the write fails instead), and leave the output sheets and the highlights
   * of an earlier run as they are.
   */
  readonly addOnly?: boolean;
}
