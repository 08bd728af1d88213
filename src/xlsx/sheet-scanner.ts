/**
 * The worksheet reader: a hand-written scanner over the sheet XML string (indexOf and char codes,
 * no DOM, no per-cell regex), because ledgers run to hundreds of thousands of rows. Only cells with
 * a value allocate anything; empty rows share one frozen empty array.
 */
import { type CellValue, type MergeRange } from '../core/grid/types';
import { stringItemText } from './rich-text';
import { serialToDate } from './serial-date';
import { decodeCellText, decodeEntities } from './xml-text';
import { prefixOf, rootElement } from './xml-elements';

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

export function scanWorksheet(xml: string, ctx: ScanContext): ScannedSheet {
  const p = prefixOf(rootElement(xml).name);
  const pre = p ? `${p}:` : '';
  const rowOpen = `<${pre}row`;
  const rowClose = `</${pre}row>`;
  const cellOpen = `<${pre}c`;
  const cellClose = `</${pre}c>`;
  const vOpen = `<${pre}v`;
  const vClose = `</${pre}v>`;
  const isOpen = `<${pre}is>`;
  const isClose = `</${pre}is>`;

  const rowIndexes: number[] = [];
  const rowCells: CellValue[][] = [];
  const hidden: number[] = [];
  let lastRow = -1;

  const sdStart = xml.indexOf(`<${pre}sheetData`);
  let sdEnd = -1;
  if (sdStart >= 0) {
    const sdGt = xml.indexOf('>', sdStart);
    sdEnd = xml.charCodeAt(sdGt - 1) === 47 ? sdGt + 1 : xml.indexOf(`</${pre}sheetData>`, sdGt);
    if (sdEnd < 0) sdEnd = xml.length;
    let pos = sdGt + 1;
    let rowNo = -1;
    while (pos < sdEnd) {
      const lt = xml.indexOf(rowOpen, pos);
      if (lt < 0 || lt >= sdEnd) break;
      const gt = xml.indexOf('>', lt);
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
        const eq = xml.indexOf('=', i);
        const q = xml.charCodeAt(eq + 1);
        const close = xml.indexOf(q === 34 ? '"' : "'", eq + 2);
        const nameLen = eq - i;
        if (nameLen === 1 && c === 114 /* r */) r = Number(xml.slice(eq + 2, close)) - 1;
        else if (nameLen === 6 && xml.startsWith('hidden', i)) {
          const v = xml.charCodeAt(eq + 2);
          isHidden = v === 49 /* 1 */ || v === 116; /* t */
        }
        i = close + 1;
      }
      rowNo = r >= 0 ? r : rowNo + 1;
      if (isHidden) hidden.push(rowNo);
      if (xml.charCodeAt(gt - 1) === 47) {
        pos = gt + 1;
        continue;
      }
      const rowEnd = xml.indexOf(rowClose, gt);
      const stop = rowEnd < 0 ? sdEnd : rowEnd;
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
          const eq = xml.indexOf('=', j);
          const q = xml.charCodeAt(eq + 1);
          const vs = eq + 2;
          const close = xml.indexOf(q === 34 ? '"' : "'", vs);
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
            if (xml.charCodeAt(vgt - 1) === 47) {
              k = vgt + 1;
              continue;
            }
            const vend = xml.indexOf(vClose, vgt);
            raw = xml.slice(vgt + 1, vend);
            k = vend + vClose.length;
            continue;
          }
          if (xml.startsWith(isOpen, lt)) {
            const ie = xml.indexOf(isClose, lt);
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
        if (!cells) cells = [];
        if (col >= cells.length) {
          while (cells.length < col) cells.push(null);
          cells.push(value);
        } else cells[col] = value;
      }
      if (cells) {
        rowIndexes.push(rowNo);
        rowCells.push(cells);
        if (rowNo > lastRow) lastRow = rowNo;
      }
      pos = rowEnd < 0 ? sdEnd : rowEnd + rowClose.length;
    }
  }

  const rows: (readonly CellValue[])[] = new Array<readonly CellValue[]>(lastRow + 1).fill(EMPTY_ROW);
  for (let k = 0; k < rowIndexes.length; k++) rows[rowIndexes[k] as number] = rowCells[k] as CellValue[];

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
  let width = 0;
  for (const cells of rowCells) if (cells.length > width) width = cells.length;
  // Hidden rows and columns past the last value cannot matter to a reader of values.
  return {
    rows,
    merges,
    hiddenRows: hidden.filter((r) => r <= lastRow),
    hiddenColumns: hiddenColumns(xml, pre, sdStart, width),
  };
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
