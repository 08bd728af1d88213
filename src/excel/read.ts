import { type CellValue, type MergeRange, type SheetGrid, type WorkbookGrid } from '../core/grid/types';
import { type ExcelEnv, type SyncCounter, CELLS_PER_REQUEST, TARGET_RESPONSE_BYTES } from './env';
import { parseAreas, type Rect } from './address';
import { isPayloadTooLarge } from './errors';

/** The first block is sized blind; later ones from the bytes per cell seen so far. */
const FIRST_BLOCK_CELLS = CELLS_PER_REQUEST;
const MAX_BLOCK_CELLS = 500_000;

const ERROR_VALUE =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

interface SheetDims {
  readonly name: string;
  readonly sheet: Excel.Worksheet;
  readonly used: Excel.Range;
  readonly merged: Excel.RangeAreas | null;
  readonly visible: Excel.RangeAreas | null;
  readonly isProtected: boolean;
}

/**
 * Reads every sheet the user can see (hidden ones after the visible ones, very hidden and the
 * add-in's own output skipped) in 3 round trips for a usual ledger, plus one per ~3 MB of values:
 * 1. sheet names and visibility; 2. used-range sizes, merged areas, visible cells;
 * then the values in row blocks, several sheets per round trip while under the size limit: the
 * first block is 40,000 cells, the next ones sized from the bytes per cell seen so far; a block
 * Excel refuses as too large is read again in halves.
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  env: ExcelEnv,
  counter: SyncCounter,
): Promise<WorkbookGrid> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility,items/protection/protected');
  await counter.sync(context);

  const hasMerges = env.isSetSupported('ExcelApi', '1.13');
  const hasSpecial = env.isSetSupported('ExcelApi', '1.9');
  const wanted = sheets.items
    // Output-named sheets are read too: the core replaces one only when it carries the add-in's
    // mark, and must see a user's own sheet of that name to refuse (never delete a user's sheet).
    .filter((s) => s.visibility !== 'VeryHidden')
    .sort((a, b) => Number(a.visibility !== 'Visible') - Number(b.visibility !== 'Visible'));
  const dims: SheetDims[] = wanted.map((sheet) => {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    const merged = hasMerges ? used.getMergedAreasOrNullObject() : null;
    merged?.load('address');
    // The visible cells' areas: the rows hidden or filtered out are the gaps. Read as numbers from
    // each area, not parsed out of an address string (quoted sheet names, locales, long lists).
    const visible = hasSpecial ? used.getSpecialCellsOrNullObject('Visible') : null;
    visible?.areas.load('items/rowIndex,items/rowCount,items/columnIndex,items/columnCount');
    return { name: sheet.name, sheet, used, merged, visible, isProtected: sheet.protection.protected };
  });
  await counter.sync(context);

  interface Block {
    readonly sheet: number;
    readonly top: number;
    readonly range: Excel.Range;
  }
  const rows: CellValue[][][] = dims.map(() => []);
  // Per sheet, the next row (relative to the used range) still to read.
  const cursor = dims.map((d) => (d.used.isNullObject ? Infinity : 0));
  let budget = FIRST_BLOCK_CELLS;
  for (let s = 0; s < dims.length;) {
    const batch: Block[] = [];
    const start = { s, cursor: [...cursor] };
    let cells = 0;
    while (s < dims.length) {
      const used = dims[s]!.used;
      if (cursor[s]! >= (used.isNullObject ? 0 : used.rowCount)) {
        s++;
        continue;
      }
      const width = Math.max(1, used.columnCount);
      const fit = Math.floor((budget - cells) / width);
      if (fit < 1 && batch.length > 0) break;
      const n = Math.min(Math.max(1, fit), used.rowCount - cursor[s]!);
      const top = used.rowIndex + cursor[s]!;
      const range = dims[s]!.sheet.getRangeByIndexes(top, used.columnIndex, n, used.columnCount);
      range.load('values');
      batch.push({ sheet: s, top, range });
      cursor[s]! += n;
      cells += n * width;
    }
    if (batch.length === 0) break;
    try {
      await counter.sync(context);
    } catch (e) {
      // Excel refused the request or its answer as too large (long texts): the same rows again in
      // blocks half the size, down to a single row.
      const oneRow = batch.length === 1 && cells <= Math.max(1, dims[batch[0]!.sheet]!.used.columnCount);
      if (!isPayloadTooLarge(e) || oneRow) throw e;
      budget = Math.max(1, Math.floor(cells / 2));
      s = start.s;
      start.cursor.forEach((c, i) => (cursor[i] = c));
      continue;
    }
    let bytes = 0;
    for (const b of batch) {
      const left = dims[b.sheet]!.used.columnIndex;
      const target = rows[b.sheet]!;
      b.range.values.forEach((row, k) => {
        bytes += estimateBytes(row);
        target[b.top + k] = toCells(row, left);
      });
    }
    // Size the next request from what this one weighed: numeric ledgers take few round trips,
    // sheets full of long text stay under the limit.
    budget = Math.max(
      1,
      Math.min(MAX_BLOCK_CELLS, Math.floor(TARGET_RESPONSE_BYTES / (1.5 * Math.max(4, bytes / cells)))),
    );
  }

  return {
    sheets: dims.map((d, i): SheetGrid => {
      const grid = rows[i]!;
      for (let r = 0; r < grid.length; r++) if (!grid[r]) grid[r] = [];
      const out: {
        name: string;
        rows: CellValue[][];
        merges?: MergeRange[];
        hiddenRows?: number[];
        hiddenColumns?: number[];
        protected?: boolean;
      } = {
        name: d.name,
        rows: grid,
      };
      // A protected sheet refuses new conditional formats: the core then plans no highlights on it.
      if (d.isProtected) out.protected = true;
      if (d.merged && !d.merged.isNullObject) out.merges = parseAreas(d.merged.address);
      if (d.visible && !d.used.isNullObject) {
        const hidden = hiddenLines(d.used, d.visible);
        if (hidden.rows.length > 0) out.hiddenRows = hidden.rows;
        if (hidden.columns.length > 0) out.hiddenColumns = hidden.columns;
      }
      return out;
    }),
  };
}

/** Office.js gives "" for empty cells and error texts for errors; the core wants null and CellError. */
function toCells(row: readonly unknown[], left: number): CellValue[] {
  const out: CellValue[] = new Array<CellValue>(left).fill(null);
  for (const v of row) {
    if (v === '' || v === null || v === undefined) out.push(null);
    else if (typeof v === 'string' && ERROR_VALUE.test(v)) out.push({ error: v });
    else if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') out.push(v);
    else out.push(String(v));
  }
  while (out.length > 0 && out[out.length - 1] === null) out.pop();
  return out;
}

/** JSON size of a row of values, counting every non-ASCII character as 3 UTF-8 bytes. */
export function estimateBytes(row: readonly unknown[]): number {
  let n = 2;
  for (const v of row) {
    if (typeof v === 'string') {
      n += 3;
      for (let i = 0; i < v.length; i++) n += v.charCodeAt(i) < 128 ? 1 : 3;
    } else n += typeof v === 'number' ? String(v).length + 1 : 6;
  }
  return n;
}

/**
 * The used rows and columns no visible area touches: Excel leaves the cells of hidden (and filtered
 * out) rows and of hidden columns out of the visible areas, so both come from the same areas.
 */
function hiddenLines(used: Excel.Range, visible: Excel.RangeAreas): { rows: number[]; columns: number[] } {
  // No visible cell at all: the null object. Every used row is then taken as hidden; the columns
  // cannot be told apart (all hidden or none is the same to a reader preferring visible columns).
  if (visible.isNullObject) return { rows: uncovered(used.rowIndex, used.rowCount, []), columns: [] };
  const areas: Rect[] = visible.areas.items.map((a) => ({
    top: a.rowIndex,
    left: a.columnIndex,
    bottom: a.rowIndex + a.rowCount - 1,
    right: a.columnIndex + a.columnCount - 1,
  }));
  return {
    rows: uncovered(
      used.rowIndex,
      used.rowCount,
      areas.map((a) => [a.top, a.bottom]),
    ),
    columns: uncovered(
      used.columnIndex,
      used.columnCount,
      areas.map((a) => [a.left, a.right]),
    ),
  };
}

/** Indexes in [first, first + count) that none of the inclusive spans covers. */
function uncovered(first: number, count: number, spans: readonly (readonly [number, number])[]): number[] {
  const last = first + count - 1;
  const shown = new Uint8Array(count);
  for (const [from, to] of spans) {
    for (let k = Math.max(from, first); k <= Math.min(to, last); k++) shown[k - first] = 1;
  }
  const out: number[] = [];
  shown.forEach((s, k) => {
    if (!s) out.push(first + k);
  });
  return out;
}
