/**
 * The worksheet reader: a hand-written scanner over the sheet XML string (indexOf and char codes,
 * no DOM, no per-cell regex), because ledgers run to hundreds of thousands of rows. Only cells with
 * a value allocate anything; empty rows share one frozen empty array.
 */
import { type CellValue, type MergeRange } from '../core/grid/types';
import { stringItemText } from './rich-text';
import { serialToDate } from './serial-date';
import { decodeCellText, decodeEntities } from './xml-text';
import { prefixOf, rootElement, rootName } from './xml-elements';

export interface ScanContext {
  readonly sharedStrings: readonly string[];
  /** Per cellXfs index: does its number format show a date? */
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
}

export interface ScannedSheet {
  readonly rows: readonly (readonly CellValue[])[];
  readonly merges: MergeRange[];
  readonly hiddenRows: number[];
  /** Zero-based, ascending; only columns that hold a value in some row. */
  readonly hiddenColumns: number[];
}

const EMPTY_ROW: readonly CellValue[] = Object.freeze([]);

/** Cell types, decoded from the `t` attribute without allocating a substring. */
enum CellType {
  Number,
  Shared,
  FormulaString,
  Inline,
  Bool,
  Error,
  IsoDate,
}

function isNameEnd(c: number): boolean {
  return c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;
}

/** A worksheet's size in Excel (and WPS): rows 1–1,048,576, columns A–XFD. */
const SHEET_ROWS = 1_048_576;
const SHEET_COLUMNS = 16_384;

function damagedAt(what: string): Error {
  return new Error(`Worksheet XML damaged: ${what} is outside a worksheet`);
}

/** Where the character `code` first occurs in xml[from, end), or -1. */
function charIn(xml: string, code: number, from: number, end: number): number {
  for (let i = from; i < end; i++) if (xml.charCodeAt(i) === code) return i;
  return -1;
}

/** Zero-based column of an A1 reference starting at `i`. */
function columnOfRef(xml: string, i: number, end: number): number {
  let col = 0;
  for (; i < end; i++) {
    const c = xml.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return col - 1;
}

function parseRef(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return { row: -1, col: -1 };
  return { row: Number(m[2]) - 1, col: columnOfRef(m[1] as string, 0, (m[1] as string).length) };
}

/** "A1:C3" (or a single cell) as a 0-based inclusive range. */
export function parseRange(ref: string): MergeRange | undefined {
  const [a, b = a] = ref.split(':');
  const s = parseRef(a ?? '');
  const e = parseRef(b ?? '');
  if (s.row < 0 || e.row < 0) return undefined;
  return {
    top: Math.min(s.row, e.row),
    left: Math.min(s.col, e.col),
    bottom: Math.max(s.row, e.row),
    right: Math.max(s.col, e.col),
  };
}

/**
 * Reads `<row>` elements into cells, piece by piece: a large sheet hands over its rows as they are
 * inflated (sheet-stream.ts), so its XML is never held whole. The row count goes on across pieces
 * (a row without r= follows the previous one).
 */
export class SheetRowsReader {
  private readonly rowIndexes: number[] = [];
  private readonly rowCells: CellValue[][] = [];
  private readonly hidden: number[] = [];
  private lastRow = -1;
  private rowNo = -1;
  private readonly rowOpen: string;
  private readonly rowClose: string;
  private readonly cellOpen: string;
  private readonly cellClose: string;
  private readonly vOpen: string;
  private readonly vClose: string;
  private readonly isOpen: string;
  private readonly isClose: string;

  /** `pre` is the worksheet's namespace prefix with its colon ("x:"), or "". */
  constructor(
    private readonly ctx: ScanContext,
    private readonly pre: string,
  ) {
    this.rowOpen = `<${pre}row`;
    this.rowClose = `</${pre}row>`;
    this.cellOpen = `<${pre}c`;
    this.cellClose = `</${pre}c>`;
    this.vOpen = `<${pre}v`;
    this.vClose = `</${pre}v>`;
    this.isOpen = `<${pre}is>`;
    this.isClose = `</${pre}is>`;
  }

  /** Reads the rows in xml[from, to); a row cut off at `to` is read up to there. */
  read(xml: string, from: number, to: number): void {
    const { ctx, pre, rowOpen, rowClose, cellOpen, cellClose, vOpen, vClose, isOpen, isClose } = this;
    const sdEnd = to;
    let pos = from;
    let rowNo = this.rowNo;
    while (pos < sdEnd) {
      const lt = xml.indexOf(rowOpen, pos);
      if (lt < 0 || lt >= sdEnd) break;
      const gt = xml.indexOf('>', lt);
      if (gt < 0 || gt >= sdEnd) break; // a row tag cut off: nothing more to read
      // Row attributes: r (1-based) and hidden; a row without r follows the previous one.
      let r = -1;
      let isHidden = false;
      let i = lt + rowOpen.length;
      while (i < gt) {
        const c = xml.charCodeAt(i);
        if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) {
          i++;
          continue;
        }
        // Searched inside the tag only: on damaged text a search running on through the part, once per
        // attribute, would take minutes (and one going back to the start would never end).
        const eq = charIn(xml, 61 /* = */, i, gt);
        const q = xml.charCodeAt(eq + 1);
        const close = eq < 0 || (q !== 34 && q !== 39) ? -1 : charIn(xml, q, eq + 2, gt);
        if (close < 0) break;
        const nameLen = eq - i;
        if (nameLen === 1 && c === 114 /* r */) r = Number(xml.slice(eq + 2, close)) - 1;
        else if (nameLen === 6 && xml.startsWith('hidden', i)) {
          const v = xml.charCodeAt(eq + 2);
          isHidden = v === 49 /* 1 */ || v === 116; /* t */
        }
        i = close + 1;
      }
      rowNo = r >= 0 ? r : rowNo + 1;
      if (!(Number.isInteger(rowNo) && rowNo < SHEET_ROWS)) throw damagedAt(`row number ${rowNo + 1}`);
      if (isHidden) this.hidden.push(rowNo);
      if (xml.charCodeAt(gt - 1) === 47) {
        pos = gt + 1;
        continue;
      }
      const rowEnd = xml.indexOf(rowClose, gt);
      const stop = rowEnd < 0 || rowEnd > sdEnd ? sdEnd : rowEnd;
      let cells: CellValue[] | undefined;
      let col = -1;
      let cp = gt + 1;
      while (cp < stop) {
        // Step to the next tag rather than searching for '<c': in an empty row that search would
        // run on to the next cell, possibly a million rows further.
        const clt = xml.indexOf('<', cp);
        if (clt < 0 || clt >= stop) break;
        if (!xml.startsWith(cellOpen, clt) || !isNameEnd(xml.charCodeAt(clt + cellOpen.length))) {
          cp = clt + 1;
          continue;
        }
        const cgt = xml.indexOf('>', clt);
        // A tag cut off (a damaged part): the rest of the row holds nothing readable.
        if (cgt < 0 || cgt >= stop) break;
        let refCol = -1;
        let style = 0;
        let type = CellType.Number;
        let j = clt + cellOpen.length;
        while (j < cgt) {
          const c = xml.charCodeAt(j);
          if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) {
            j++;
            continue;
          }
          const eq = charIn(xml, 61 /* = */, j, cgt);
          const q = xml.charCodeAt(eq + 1);
          const vs = eq + 2;
          const close = eq < 0 || (q !== 34 && q !== 39) ? -1 : charIn(xml, q, vs, cgt);
          if (close < 0) break;
          if (eq - j === 1) {
            if (c === 114 /* r */) refCol = columnOfRef(xml, vs, close);
            else if (c === 115 /* s */) {
              let s = 0;
              for (let k = vs; k < close; k++) s = s * 10 + (xml.charCodeAt(k) - 48);
              style = s;
            } else if (c === 116 /* t */) {
              const t0 = xml.charCodeAt(vs);
              const len = close - vs;
              if (t0 === 115 /* s */) type = len === 1 ? CellType.Shared : CellType.FormulaString;
              else if (t0 === 105 /* i */) type = CellType.Inline;
              else if (t0 === 98 /* b */) type = CellType.Bool;
              else if (t0 === 101 /* e */) type = CellType.Error;
              else if (t0 === 100 /* d */) type = CellType.IsoDate;
            }
          }
          j = close + 1;
        }
        col = refCol >= 0 ? refCol : col + 1;
        // Past XFD: not a worksheet Excel wrote (and an array that long would end the process).
        if (col >= SHEET_COLUMNS) throw damagedAt(`column ${col + 1} in row ${rowNo + 1}`);
        if (xml.charCodeAt(cgt - 1) === 47) {
          cp = cgt + 1;
          continue; // <c .../>: styled but empty
        }
        // Walk the cell's children tag by tag, so every search stays inside this cell (a search
        // for an absent <v> must not run on through the rest of the sheet).
        let value: CellValue = null;
        let raw: string | undefined;
        let k = cgt + 1;
        for (;;) {
          const lt = xml.indexOf('<', k);
          if (lt < 0 || lt >= stop) {
            k = stop;
            break;
          }
          if (xml.startsWith(cellClose, lt)) {
            k = lt + cellClose.length;
            break;
          }
          if (xml.startsWith(vOpen, lt) && isNameEnd(xml.charCodeAt(lt + vOpen.length))) {
            const vgt = xml.indexOf('>', lt);
            if (vgt < 0 || vgt >= stop) {
              k = stop;
              break;
            }
            if (xml.charCodeAt(vgt - 1) === 47) {
              k = vgt + 1;
              continue;
            }
            const vend = xml.indexOf(vClose, vgt);
            if (vend < 0 || vend >= stop) {
              k = stop;
              break;
            }
            raw = xml.slice(vgt + 1, vend);
            k = vend + vClose.length;
            continue;
          }
          if (xml.startsWith(isOpen, lt)) {
            const ie = xml.indexOf(isClose, lt);
            if (ie < 0 || ie >= stop) {
              k = stop;
              break;
            }
            if (type === CellType.Inline) value = stringItemText(xml, lt + isOpen.length, ie, pre);
            k = ie + isClose.length;
            continue;
          }
          // <f>, </f> and anything else: formulas are skipped, we read the cached result in <v>.
          k = lt + 1;
        }
        cp = k;

        if (raw !== undefined) {
          switch (type) {
            case CellType.Number: {
              if (raw.length > 0) {
                const n = +raw;
                value = style > 0 && ctx.dateStyles[style] === true ? serialToDate(n, ctx.date1904) : n;
              }
              break;
            }
            case CellType.Shared:
              value = ctx.sharedStrings[+raw] ?? null;
              break;
            case CellType.FormulaString:
              value = decodeCellText(raw);
              break;
            case CellType.Bool:
              value = raw === '1' || raw === 'true';
              break;
            case CellType.Error:
              value = { error: decodeEntities(raw) };
              break;
            case CellType.IsoDate: {
              const iso = decodeEntities(raw);
              const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) || !iso.includes('T') ? iso : `${iso}Z`);
              value = Number.isNaN(d.getTime()) ? iso : d;
              break;
            }
            case CellType.Inline:
              break;
          }
        }
        if (value === null || col < 0) continue;
        if (typeof value === 'string') value = ownString(value);
        if (!cells) cells = [];
        if (col >= cells.length) {
          while (cells.length < col) cells.push(null);
          cells.push(value);
        } else cells[col] = value;
      }
      if (cells) {
        this.rowIndexes.push(rowNo);
        this.rowCells.push(cells);
        if (rowNo > this.lastRow) this.lastRow = rowNo;
      }
      pos = rowEnd < 0 || rowEnd > sdEnd ? sdEnd : rowEnd + rowClose.length;
    }
    this.rowNo = rowNo;
  }

  /** The rows read so far, indexed by row number (rows without a value share one empty array). */
  result(): { rows: (readonly CellValue[])[]; hiddenRows: number[]; width: number } {
    const rows: (readonly CellValue[])[] = new Array<readonly CellValue[]>(this.lastRow + 1).fill(EMPTY_ROW);
    for (let k = 0; k < this.rowIndexes.length; k++)
      rows[this.rowIndexes[k] as number] = this.rowCells[k] as CellValue[];
    let width = 0;
    for (const cells of this.rowCells) if (cells.length > width) width = cells.length;
    // Hidden rows past the last value cannot matter to a reader of values.
    return { rows, hiddenRows: this.hidden.filter((r) => r <= this.lastRow), width };
  }
}

/**
 * A cell's text as a string of its own. V8 makes a substring of 13 characters or more a view into the
 * whole text it was cut from, so one kept value would keep the worksheet's XML (megabytes) alive; a
 * concatenation, flattened by the slice, copies it.
 */
function ownString(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * The namespace prefix of a worksheet's root element, with its colon ("x:"), or "". `xml` may be the
 * start of the part only.
 */
export function worksheetPrefix(xml: string): string {
  const p = prefixOf(rootName(xml));
  return p ? `${p}:` : '';
}

/**
 * Scans a whole worksheet. For a large one read in pieces, `rows` already holds its rows and `xml` is
 * the sheet without them (head and tail), which gives the merges and hidden columns.
 */
export function scanWorksheet(xml: string, ctx: ScanContext, rows?: SheetRowsReader): ScannedSheet {
  const p = prefixOf(rootElement(xml).name);
  const pre = p ? `${p}:` : '';
  const reader = rows ?? new SheetRowsReader(ctx, pre);
  const sdStart = xml.indexOf(`<${pre}sheetData`);
  let sdEnd = -1;
  if (sdStart >= 0) {
    const sdGt = xml.indexOf('>', sdStart);
    sdEnd = xml.charCodeAt(sdGt - 1) === 47 ? sdGt + 1 : xml.indexOf(`</${pre}sheetData>`, sdGt);
    if (sdEnd < 0) sdEnd = xml.length;
    reader.read(xml, sdGt + 1, sdEnd);
  }
  const merges: MergeRange[] = [];
  if (sdEnd >= 0 || sdStart < 0) {
    const re = new RegExp(`<${pre}mergeCell\\b[^>]*?\\bref\\s*=\\s*["']([^"']+)["']`, 'g');
    re.lastIndex = Math.max(sdEnd, 0);
    let m: RegExpExecArray | null;
    while ((m = re.exec(xml)) !== null) {
      const range = parseRange(m[1] as string);
      if (range) merges.push(range);
    }
  }
  const { rows: cells, hiddenRows, width } = reader.result();
  return { rows: cells, merges, hiddenRows, hiddenColumns: hiddenColumns(xml, pre, sdStart, width) };
}

const COL_ATTR = /([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * Columns hidden by `<cols><col min max hidden/></cols>` (collapsed outline groups are written the
 * same way), below `width`. The schema puts <cols> before <sheetData>, so the search runs backwards
 * from sheetData over the sheet's small head and never touches the cells.
 */
function hiddenColumns(xml: string, pre: string, sdStart: number, width: number): number[] {
  if (width === 0) return [];
  const colsOpen = `<${pre}cols`;
  const head = sdStart >= 0 ? sdStart : xml.length;
  const start = xml.lastIndexOf(colsOpen, head - colsOpen.length);
  if (start < 0 || !isNameEnd(xml.charCodeAt(start + colsOpen.length))) return [];
  const gt = xml.indexOf('>', start);
  if (gt < 0 || xml.charCodeAt(gt - 1) === 47) return [];
  let end = xml.indexOf(`</${pre}cols>`, gt);
  if (end < 0 || end > head) end = head;
  const colOpen = `<${pre}col`;
  const marked = new Uint8Array(width);
  let any = false;
  let pos = gt + 1;
  while (pos < end) {
    const lt = xml.indexOf(colOpen, pos);
    if (lt < 0 || lt >= end) break;
    const tagEnd = xml.indexOf('>', lt);
    if (tagEnd < 0) break;
    pos = tagEnd + 1;
    if (!isNameEnd(xml.charCodeAt(lt + colOpen.length))) continue;
    let min = 0;
    let max = 0;
    let isHidden = false;
    COL_ATTR.lastIndex = 0;
    const attrs = xml.slice(lt + colOpen.length, tagEnd);
    let m: RegExpExecArray | null;
    while ((m = COL_ATTR.exec(attrs)) !== null) {
      const value = (m[2] ?? m[3] ?? '').trim();
      if (m[1] === 'min') min = Number(value);
      else if (m[1] === 'max') max = Number(value);
      else if (m[1] === 'hidden') isHidden = value === '1' || value === 'true';
    }
    if (!isHidden || !(min >= 1)) continue;
    if (!(max >= min)) max = min;
    // A hidden block may run to the sheet's last column (XFD): stop at the last one with values.
    for (let c = min - 1; c < Math.min(max, width); c++) marked[c] = 1;
    any = true;
  }
  if (!any) return [];
  const out: number[] = [];
  for (let c = 0; c < width; c++) if (marked[c]) out.push(c);
  return out;
}
