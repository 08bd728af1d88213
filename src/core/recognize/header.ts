import { type ColumnRole } from '../types';
import { type SheetGrid, cellAt, gridWidth } from '../grid/types';
import { cellText, isBlank } from '../grid/text';
import { roleOfLabel } from './column-roles';

/** How far down a header may sit below title and unit rows. */
const HEADER_SCAN_ROWS = 40;

export interface HeaderCandidate {
  /** 0-based rows of the header, one or two. */
  readonly rows: readonly number[];
  /** Label per column (two-row headers joined "parent/child"), '' where blank. */
  readonly labels: readonly string[];
  /** Role per column, null where unrecognised. Duplicates are kept for the caller to report. */
  readonly roles: readonly (ColumnRole | null)[];
  readonly score: number;
}

export type SheetKind = 'budget' | 'journal';

/** What kind of sheet a set of roles describes, or null when it is neither. */
export function kindOfRoles(roles: readonly (ColumnRole | null)[]): SheetKind | null {
  const has = (r: ColumnRole): boolean => roles.includes(r);
  if (has('date') && has('amount') && (has('name') || has('summary'))) return 'journal';
  if (has('name') && (has('budget') || has('initial') || has('executed'))) return 'budget';
  return null;
}

function rowLabels(sheet: SheetGrid, row: number, width: number): string[] {
  const out: string[] = [];
  for (let c = 0; c < width; c++) out.push(cellText(cellAt(sheet, row, c)).trim());
  return out;
}

/** The label a merged cell shows at (row, col): the text of its top-left cell. */
function mergedText(sheet: SheetGrid, row: number, col: number): string | null {
  for (const m of sheet.merges ?? []) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) {
      return cellText(cellAt(sheet, m.top, m.left)).trim();
    }
  }
  return null;
}

function twoRowLabels(sheet: SheetGrid, row: number, width: number): string[] {
  const parents = rowLabels(sheet, row, width);
  const children = rowLabels(sheet, row + 1, width);
  const out: string[] = [];
  let carry = '';
  for (let c = 0; c < width; c++) {
    let parent = parents[c] ?? '';
    const child = children[c] ?? '';
    if (parent === '') parent = mergedText(sheet, row, c) ?? (child !== '' ? carry : '');
    carry = child !== '' && parent !== '' ? parent : '';
    // A vertically merged label ("项目名称" over two rows) shows the same text in both.
    const childOwn = child !== '' && mergedText(sheet, row + 1, c) !== parent ? child : '';
    out.push(parent && childOwn ? `${parent}/${childOwn}` : parent || childOwn);
  }
  return out;
}

function rolesOf(labels: readonly string[], twoRow: boolean): (ColumnRole | null)[] {
  return labels.map((label) => {
    if (!twoRow || !label.includes('/')) return roleOfLabel(label);
    const child = label.slice(label.lastIndexOf('/') + 1);
    const parent = label.slice(0, label.lastIndexOf('/'));
    const childRole = roleOfLabel(child);
    // "金额" under "1-8月执行情况" is the spending, not a journal's payment amount.
    if (childRole === 'amount') return roleOfLabel(parent) ?? childRole;
    return childRole ?? roleOfLabel(label);
  });
}

function scoreOf(roles: readonly (ColumnRole | null)[]): number {
  const distinct = new Set(roles.filter((r): r is ColumnRole => r !== null));
  const kind = kindOfRoles(roles);
  return kind === null ? 0 : distinct.size + 10;
}

function countNumbers(sheet: SheetGrid, row: number, width: number): number {
  let n = 0;
  for (let c = 0; c < width; c++) if (typeof cellAt(sheet, row, c) === 'number') n++;
  return n;
}

/**
 * All rows of the top of a sheet that read as a header, best first. A two-row header is
 * preferred only when its second row adds meanings the first lacks (merged "预算数" over
 * 年初 | 调整 | 调整后, or "执行数" over "1-8月").
 */
export function headerCandidates(sheet: SheetGrid): HeaderCandidate[] {
  const width = gridWidth(sheet);
  const last = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  const found: HeaderCandidate[] = [];
  for (let r = 0; r < last; r++) {
    const labels = rowLabels(sheet, r, width);
    if (labels.filter((l) => l !== '').length < 2) continue;
    if (countNumbers(sheet, r, width) > labels.filter((l) => l !== '').length) continue;
    const roles = rolesOf(labels, false);
    const single: HeaderCandidate = { rows: [r], labels, roles, score: scoreOf(roles) };
    let best = single;
    const nextHasLabels = rowLabels(sheet, r + 1, width).some((l) => l !== '' && roleOfLabel(l) !== null);
    if (r + 1 < sheet.rows.length && nextHasLabels && countNumbers(sheet, r + 1, width) === 0) {
      const labels2 = twoRowLabels(sheet, r, width);
      const roles2 = rolesOf(labels2, true);
      const double: HeaderCandidate = { rows: [r, r + 1], labels: labels2, roles: roles2, score: scoreOf(roles2) };
      if (double.score > single.score) best = double;
    }
    if (best.score > 0) found.push(best);
  }
  return found.sort((a, b) => b.score - a.score || a.rows[0]! - b.rows[0]!);
}

/** True when no cell of the row holds anything. */
export function isBlankRow(sheet: SheetGrid, row: number): boolean {
  const r = sheet.rows[row];
  return !r || r.every((v) => isBlank(v));
}
