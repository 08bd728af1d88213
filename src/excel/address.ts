import { columnLetter } from '../core/grid/types';

/** A zero-based, inclusive rectangle of cells. */
export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * Splits an Excel multi-area address ("'a,b'!A1:B2,'a,b'!D4") into its areas without the sheet
 * prefix. Sheet names may contain commas and "!" inside quotes, so a plain split is wrong.
 */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'")
      quoted = !quoted; // '' (an escaped quote) toggles twice: still right
    else if (ch === ',' && !quoted) {
      out.push(address.slice(start, i));
      start = i + 1;
    }
  }
  out.push(address.slice(start));
  return out
    .map((a) => {
      const bang = a.lastIndexOf('!');
      return (bang >= 0 ? a.slice(bang + 1) : a).trim();
    })
    .filter((a) => a.length > 0);
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const MAX_ROW = 1048575;
const MAX_COL = 16383;

/** Parses one area ("B3", "A1:D9", "$A$1:$D$9", "5:7", "C:D") into a rectangle. */
export function parseArea(area: string): Rect | null {
  const parts = area.replace(/\$/g, '').split(':');
  const a = parts[0] ?? '';
  const b = parts[1] ?? a;
  const cell = /^([A-Za-z]{1,3})?(\d+)?$/;
  const ma = cell.exec(a);
  const mb = cell.exec(b);
  if (!ma || !mb || (!ma[1] && !ma[2])) return null;
  const top = ma[2] ? Number(ma[2]) - 1 : 0;
  const bottom = mb[2] ? Number(mb[2]) - 1 : MAX_ROW;
  const left = ma[1] ? columnIndex(ma[1]) : 0;
  const right = mb[1] ? columnIndex(mb[1]) : MAX_COL;
  return { top, left, bottom, right };
}

export function parseAreas(address: string): Rect[] {
  const out: Rect[] = [];
  for (const a of splitAreas(address)) {
    const r = parseArea(a);
    if (r) out.push(r);
  }
  return out;
}

export function rectAddress(r: Rect): string {
  const a = `${columnLetter(r.left)}${r.top + 1}`;
  if (r.top === r.bottom && r.left === r.right) return a;
  return `${a}:${columnLetter(r.right)}${r.bottom + 1}`;
}

/**
 * Groups cells (given per row as sorted column lists) into few rectangles: runs of adjacent columns
 * in a row, then identical runs on consecutive rows stacked. Styling a table column by column this
 * way costs a handful of areas instead of one per cell.
 */
export function cellsToRects(cellsByRow: ReadonlyMap<number, readonly number[]>): Rect[] {
  const open = new Map<string, { top: number; bottom: number; left: number; right: number }>();
  const done: Rect[] = [];
  const rows = [...cellsByRow.keys()].sort((x, y) => x - y);
  for (const row of rows) {
    const cols = cellsByRow.get(row) ?? [];
    const runs: [number, number][] = [];
    for (const c of cols) {
      const last = runs[runs.length - 1];
      if (last && c === last[1] + 1) last[1] = c;
      else runs.push([c, c]);
    }
    const seen = new Set<string>();
    for (const [l, r] of runs) {
      const key = `${l}:${r}`;
      seen.add(key);
      const o = open.get(key);
      if (o && o.bottom === row - 1) o.bottom = row;
      else {
        if (o) done.push({ ...o });
        open.set(key, { top: row, bottom: row, left: l, right: r });
      }
    }
    for (const [key, o] of open) {
      if (!seen.has(key) && o.bottom < row) {
        done.push({ ...o });
        open.delete(key);
      }
    }
  }
  for (const o of open.values()) done.push({ ...o });
  return done.sort((x, y) => x.top - y.top || x.left - y.left);
}

/** Joins rectangle addresses into comma lists no longer than maxChars (Excel caps address length). */
export function addressLists(rects: readonly Rect[], maxChars = 2000): string[] {
  const out: string[] = [];
  let cur = '';
  for (const r of rects) {
    const a = rectAddress(r);
    if (cur && cur.length + 1 + a.length > maxChars) {
      out.push(cur);
      cur = a;
    } else cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}
